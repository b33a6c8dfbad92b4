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

/* Display width of every column: header and every formatted cell. */
static void column_widths(const tally_table *t, int pd, size_t *w)
{
    char cell[CELL_MAX];
    for (size_t c = 0; c < t->ncols; c++)
        w[c] = text_width(t->headers[c]);
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t c = 0; c < t->ncols; c++) {
            tally__format_cell(&t->cells[r * t->ncols + c], pd, cell,
                               sizeof cell);
            size_t n = text_width(cell);
            w[c] = n > w[c] ? n : w[c];
        }
}

static tally_status put_cell(tally_buf *b, const char *text, size_t width,
                             int right, int last)
{
    size_t pad = width - text_width(text);
    if (right)
        TALLY_TRY(tally__buf_repeat(b, ' ', pad));
    TALLY_TRY(tally__buf_puts(b, text));
    if (!right && !last)
        TALLY_TRY(tally__buf_repeat(b, ' ', pad));
    return last ? TALLY_OK : tally__buf_puts(b, "  ");
}

static tally_status put_row(tally_buf *b, const tally_table *t, size_t r,
                            const size_t *w, int pd)
{
    char cell[CELL_MAX];
    for (size_t c = 0; c < t->ncols; c++) {
        const tally_cell *x = &t->cells[r * t->ncols + c];
        tally__format_cell(x, pd, cell, sizeof cell);
        /* Line breaks inside a cell would break the alignment. */
        for (char *p = cell; *p; p++)
            if (*p == '\n' || *p == '\r' || *p == '\t')
                *p = ' ';
        int right = c > 0 && x->kind != TALLY_CELL_TEXT;
        TALLY_TRY(put_cell(b, cell, w[c], right, c + 1 == t->ncols));
    }
    return tally__buf_putc(b, '\n');
}

static tally_status put_header(tally_buf *b, const tally_table *t,
                               const size_t *w)
{
    size_t total = 0;
    for (size_t c = 0; c < t->ncols; c++) {
        TALLY_TRY(put_cell(b, t->headers[c], w[c], c > 0,
                           c + 1 == t->ncols));
        total += w[c] + (c + 1 < t->ncols ? 2 : 0);
    }
    TALLY_TRY(tally__buf_putc(b, '\n'));
    TALLY_TRY(tally__buf_repeat(b, '-', total));
    return tally__buf_putc(b, '\n');
}

static tally_status put_table(tally_buf *b, const tally_table *t, int pd)
{
    size_t *w = tally__calloc(t->ncols + 1, sizeof *w);
    if (!w)
        return TALLY_ERR_NOMEM;
    column_widths(t, pd, w);
    tally_status st = tally__buf_printf(b, "%s\n", t->title);
    for (size_t i = 0; st == TALLY_OK && i < t->n_subtitles; i++)
        st = tally__buf_printf(b, "%s\n", t->subtitles[i]);
    if (st == TALLY_OK)
        st = tally__buf_putc(b, '\n');
    if (st == TALLY_OK)
        st = put_header(b, t, w);
    for (size_t r = 0; st == TALLY_OK && r < t->nrows; r++)
        st = put_row(b, t, r, w, pd);
    if (st == TALLY_OK && t->n_footnotes)
        st = tally__buf_putc(b, '\n');
    for (size_t i = 0; st == TALLY_OK && i < t->n_footnotes; i++)
        st = tally__buf_printf(b, "%s\n", t->footnotes[i]);
    tally__free(w);
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
