/*
 * write_csv.c: tables as CSV (RFC 4180, CRLF). Each table is a block:
 * its title and subtitles as one-cell rows, the header, the rows, the
 * footnotes, then a blank line. Numbers are unrounded so that scripts
 * can round as they like.
 *
 * Text cells that a spreadsheet would run as a formula (they begin with
 * = + - @, a tab or a carriage return) get a leading apostrophe, as the
 * OWASP "CSV Injection" guidance recommends; opts->raw_csv turns that
 * off. Numbers are never touched.
 */
#include <math.h>
#include <string.h>

#include "buf_internal.h"
#include "json.h"
#include "table_internal.h"

static int needs_quotes(const char *s)
{
    return strpbrk(s, ",\"\r\n") || (*s && (s[0] == ' ' ||
                                            s[strlen(s) - 1] == ' '));
}

static int looks_like_formula(const char *s)
{
    return *s && strchr("=+-@\t\r", *s);
}

static tally_status put_text(tally_buf *b, const char *s, int raw)
{
    int quote = needs_quotes(s);
    if (quote)
        TALLY_TRY(tally__buf_putc(b, '"'));
    if (!raw && looks_like_formula(s))
        TALLY_TRY(tally__buf_putc(b, '\''));
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            TALLY_TRY(tally__buf_putc(b, '"'));
        TALLY_TRY(tally__buf_putc(b, *p));
    }
    return quote ? tally__buf_putc(b, '"') : TALLY_OK;
}

static tally_status put_cell(tally_buf *b, const tally_cell *c, int raw)
{
    switch (c->kind) {
    case TALLY_CELL_TEXT:
        return put_text(b, c->text, raw);
    case TALLY_CELL_COUNT:
    case TALLY_CELL_PERCENT:
    case TALLY_CELL_NUMBER:
        return isfinite(c->value) ? tally__json_num(b, c->value) : TALLY_OK;
    default:
        return TALLY_OK;
    }
}

static tally_status put_lines(tally_buf *b, const char *const *lines,
                              size_t n, int raw)
{
    for (size_t i = 0; i < n; i++) {
        TALLY_TRY(put_text(b, lines[i], raw));
        TALLY_TRY(tally__buf_puts(b, "\r\n"));
    }
    return TALLY_OK;
}

static tally_status put_table(tally_buf *b, const tally_table *t, int raw)
{
    TALLY_TRY(put_lines(b, &t->title, 1, raw));
    TALLY_TRY(put_lines(b, t->subtitles, t->n_subtitles, raw));
    for (size_t c = 0; c < t->ncols; c++) {
        if (c)
            TALLY_TRY(tally__buf_putc(b, ','));
        TALLY_TRY(put_text(b, t->headers[c], raw));
    }
    TALLY_TRY(tally__buf_puts(b, "\r\n"));
    for (size_t r = 0; r < t->nrows; r++) {
        for (size_t c = 0; c < t->ncols; c++) {
            if (c)
                TALLY_TRY(tally__buf_putc(b, ','));
            TALLY_TRY(put_cell(b, &t->cells[r * t->ncols + c], raw));
        }
        TALLY_TRY(tally__buf_puts(b, "\r\n"));
    }
    return put_lines(b, t->footnotes, t->n_footnotes, raw);
}

tally_status tally_tables_write_csv(const tally_tables *ts,
                                    const tally_write_opts *opts,
                                    tally_buf *out, tally_error *err)
{
    if (!ts || !out)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "nothing to write");
    int raw = opts && opts->raw_csv;
    for (size_t i = 0; i < ts->n; i++) {
        if ((i && tally__buf_puts(out, "\r\n") != TALLY_OK) ||
            put_table(out, ts->tables[i], raw) != TALLY_OK)
            return tally__nomem(err);
    }
    return TALLY_OK;
}
