/*
 * write_md.c: tables as Markdown (GitHub / Pandoc pipe tables), for
 * reports written in Markdown or Quarto. Characters with a meaning in
 * Markdown are escaped in text cells; line breaks become <br>.
 */
#include <string.h>

#include "buf_internal.h"
#include "table_internal.h"

tally_status tally__md_escaped(tally_buf *b, const char *s)
{
    for (const char *p = s; *p; p++) {
        if (*p == '\n') {
            TALLY_TRY(tally__buf_puts(b, "<br>"));
            continue;
        }
        if (*p == '\r')
            continue;
        if (strchr("\\|*_`<>[]#", *p))
            TALLY_TRY(tally__buf_putc(b, '\\'));
        TALLY_TRY(tally__buf_putc(b, *p));
    }
    return TALLY_OK;
}

/* Rows outside the base are set in italics, totals in bold. */
static const char *emphasis(tally_row_kind kind)
{
    return kind == TALLY_ROW_TOTAL     ? "**"
           : kind == TALLY_ROW_MISSING ? "*"
                                       : "";
}

static tally_status put_row(tally_buf *b, const tally_table *t, size_t r,
                            int pd)
{
    const char *em = emphasis(t->kinds[r]);
    char cell[1024];
    for (size_t c = 0; c < t->ncols; c++) {
        const tally_cell *x = &t->cells[r * t->ncols + c];
        tally__format_cell(x, pd, cell, sizeof cell);
        TALLY_TRY(tally__buf_puts(b, c ? " | " : "| "));
        if (!*cell)
            continue;
        TALLY_TRY(tally__buf_puts(b, em));
        TALLY_TRY(tally__md_escaped(b, cell));
        TALLY_TRY(tally__buf_puts(b, em));
    }
    return tally__buf_puts(b, " |\n");
}

static tally_status put_header(tally_buf *b, const tally_table *t)
{
    for (size_t c = 0; c < t->ncols; c++) {
        TALLY_TRY(tally__buf_puts(b, c ? " | " : "| "));
        TALLY_TRY(tally__md_escaped(b, t->headers[c]));
    }
    TALLY_TRY(tally__buf_puts(b, " |\n"));
    for (size_t c = 0; c < t->ncols; c++)
        TALLY_TRY(tally__buf_puts(b, c ? "---:|" : "|:---|"));
    return tally__buf_putc(b, '\n');
}

tally_status tally__md_table(tally_buf *b, const tally_table *t, int pd)
{
    TALLY_TRY(tally__buf_puts(b, "### "));
    TALLY_TRY(tally__md_escaped(b, t->title));
    TALLY_TRY(tally__buf_puts(b, "\n\n"));
    for (size_t i = 0; i < t->n_subtitles; i++) {
        TALLY_TRY(tally__md_escaped(b, t->subtitles[i]));
        TALLY_TRY(tally__buf_puts(b, i + 1 < t->n_subtitles ? "  \n"
                                                             : "\n\n"));
    }
    TALLY_TRY(put_header(b, t));
    for (size_t r = 0; r < t->nrows; r++)
        TALLY_TRY(put_row(b, t, r, pd));
    for (size_t i = 0; i < t->n_footnotes; i++) {
        TALLY_TRY(tally__buf_puts(b, i ? "  \n" : "\n"));
        TALLY_TRY(tally__md_escaped(b, t->footnotes[i]));
    }
    return tally__buf_puts(b, t->n_footnotes ? "\n" : "");
}

tally_status tally_tables_write_md(const tally_tables *ts,
                                   const tally_write_opts *opts,
                                   tally_buf *out, tally_error *err)
{
    if (!ts || !out)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "nothing to write");
    int pd = tally__percent_decimals(opts);
    for (size_t i = 0; i < ts->n; i++) {
        if ((i && tally__buf_putc(out, '\n') != TALLY_OK) ||
            tally__md_table(out, ts->tables[i], pd) != TALLY_OK)
            return tally__nomem(err);
    }
    return TALLY_OK;
}
