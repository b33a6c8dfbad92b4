/*
 * write_text.c: tables as aligned plain text for the terminal. Widths are
 * measured in terminal columns (utf8.c), so CJK labels and accents line
 * up; the first column is left-aligned, numbers right-aligned.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf_internal.h"
#include "table_internal.h"
#include "utf8.h"

#define CELL_MAX 1024

static size_t text_width(const char *s)
{
    return tally__utf8_width(s, strlen(s));
}

/* A column is right-aligned (header included) when it holds numbers. */
static void column_alignment(const tally_table *t, int *right)
{
    for (size_t c = 0; c < t->ncols; c++) {
        right[c] = 0;
        for (size_t r = 0; c > 0 && r < t->nrows; r++) {
            tally_cell_kind k = t->cells[r * t->ncols + c].kind;
            right[c] |= k != TALLY_CELL_TEXT && k != TALLY_CELL_EMPTY;
        }
    }
}

static int has_header(const tally_table *t)
{
    for (size_t c = 0; c < t->ncols; c++)
        if (t->headers[c][0])
            return 1;
    return 0;
}

/* A cell as shown: formatted, line breaks and tabs as blanks (they
   would break the alignment). Widths are measured on this very text. */
static void display_cell(const tally_cell *x, int pd, char *cell,
                         size_t size)
{
    tally__format_cell(x, pd, cell, size);
    for (char *p = cell; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
            *p = ' ';
}

/* Display width of every column: header and every displayed cell. */
static void column_widths(const tally_table *t, int pd, size_t *w)
{
    char cell[CELL_MAX];
    for (size_t c = 0; c < t->ncols; c++)
        w[c] = text_width(t->headers[c]);
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t c = 0; c < t->ncols; c++) {
            display_cell(&t->cells[r * t->ncols + c], pd, cell, sizeof cell);
            size_t n = text_width(cell);
            w[c] = n > w[c] ? n : w[c];
        }
}

static tally_status put_cell(tally_buf *b, const char *text, size_t width,
                             int right, int first)
{
    /* Never wider than its column by construction; were it so, no pad
       (not a wrapped-around size_t of blanks). */
    size_t tw = text_width(text), pad = width > tw ? width - tw : 0;
    if (!first)
        TALLY_TRY(tally__buf_puts(b, "  "));
    if (right)
        TALLY_TRY(tally__buf_repeat(b, ' ', pad));
    TALLY_TRY(tally__buf_puts(b, text));
    return right ? TALLY_OK : tally__buf_repeat(b, ' ', pad);
}

/* End a line without the blanks that padding left at its end. */
static tally_status end_line(tally_buf *b)
{
    size_t n = tally_buf_size(b), keep = n;
    const char *d = tally_buf_data(b);
    while (keep > 0 && d[keep - 1] == ' ')
        keep--;
    tally__buf_trim(b, n - keep);
    return tally__buf_putc(b, '\n');
}

static tally_status put_row(tally_buf *b, const tally_table *t, size_t r,
                            const size_t *w, const int *right, int pd)
{
    char cell[CELL_MAX];
    for (size_t c = 0; c < t->ncols; c++) {
        display_cell(&t->cells[r * t->ncols + c], pd, cell, sizeof cell);
        TALLY_TRY(put_cell(b, cell, w[c], right[c], c == 0));
    }
    return end_line(b);
}

static tally_status put_header(tally_buf *b, const tally_table *t,
                               const size_t *w, const int *right)
{
    size_t total = 0;
    if (!has_header(t))
        return TALLY_OK;
    for (size_t c = 0; c < t->ncols; c++) {
        TALLY_TRY(put_cell(b, t->headers[c], w[c], right[c], c == 0));
        total += w[c] + (c ? 2 : 0);
    }
    TALLY_TRY(end_line(b));
    TALLY_TRY(tally__buf_repeat(b, '-', total));
    return tally__buf_putc(b, '\n');
}

static tally_status put_table(tally_buf *b, const tally_table *t, int pd)
{
    size_t *w = tally__calloc(t->ncols + 1, sizeof *w);
    int *right = tally__calloc(t->ncols + 1, sizeof *right);
    if (!w || !right) {
        tally__free(w);
        tally__free(right);
        return TALLY_ERR_NOMEM;
    }
    column_widths(t, pd, w);
    column_alignment(t, right);
    tally_status st = tally__buf_printf(b, "%s\n", t->title);
    for (size_t i = 0; st == TALLY_OK && i < t->n_subtitles; i++)
        st = tally__buf_printf(b, "%s\n", t->subtitles[i]);
    if (st == TALLY_OK)
        st = tally__buf_putc(b, '\n');
    if (st == TALLY_OK)
        st = put_header(b, t, w, right);
    for (size_t r = 0; st == TALLY_OK && r < t->nrows; r++)
        st = put_row(b, t, r, w, right, pd);
    if (st == TALLY_OK && t->n_footnotes)
        st = tally__buf_putc(b, '\n');
    for (size_t i = 0; st == TALLY_OK && i < t->n_footnotes; i++)
        st = tally__buf_printf(b, "%s\n", t->footnotes[i]);
    tally__free(w);
    tally__free(right);
    return st;
}

tally_status tally_tables_write_text(const tally_tables *ts,
                                     const tally_write_opts *opts,
                                     tally_buf *out, tally_error *err)
{
    if (!ts || !out)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "nothing to write");
    int pd = tally__percent_decimals(opts);
    for (size_t i = 0; i < ts->n; i++) {
        if (i && tally__buf_putc(out, '\n') != TALLY_OK)
            return tally__nomem(err);
        if (put_table(out, ts->tables[i], pd) != TALLY_OK)
            return tally__nomem(err);
    }
    return TALLY_OK;
}
