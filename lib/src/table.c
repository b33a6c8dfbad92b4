/* table.c: the renderable table model (see tally/table.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "table_internal.h"

tally_tables *tally_tables_new(void)
{
    tally_tables *ts = tally__calloc(1, sizeof *ts);
    if (ts)
        ts->arena = tally__arena_new();
    if (ts && !ts->arena) {
        tally__free(ts);
        return NULL;
    }
    return ts;
}

void tally_tables_free(tally_tables *ts)
{
    if (!ts)
        return;
    for (size_t i = 0; i < ts->n; i++) {
        tally__free(ts->tables[i]->cells);
        tally__free(ts->tables[i]->kinds);
    }
    tally__free(ts->tables);
    tally__arena_free(ts->arena);
    tally__free(ts);
}

size_t tally_tables_count(const tally_tables *ts)
{
    return ts->n;
}

const tally_table *tally_tables_get(const tally_tables *ts, size_t i)
{
    return i < ts->n ? ts->tables[i] : NULL;
}

tally_table *tally__table_new(tally_tables *ts, const char *title,
                              const char *sheet, size_t ncols)
{
    if (TALLY__GROW(ts->tables, ts->cap, ts->n + 1) != 0)
        return NULL;
    tally_table *t = tally__arena_calloc(ts->arena, 1, sizeof *t);
    if (!t)
        return NULL;
    t->title = tally__arena_strdup(ts->arena, title ? title : "");
    t->sheet = tally__arena_strdup(ts->arena, sheet ? sheet : "Table");
    t->headers = tally__arena_calloc(ts->arena, ncols + 1, sizeof(char *));
    if (!t->title || !t->sheet || !t->headers)
        return NULL;
    for (size_t c = 0; c < ncols; c++)
        t->headers[c] = "";
    t->ncols = ncols;
    ts->tables[ts->n++] = t;
    return t;
}

int tally__table_header(tally_tables *ts, tally_table *t, size_t c,
                        const char *text)
{
    t->headers[c] = tally__arena_strdup(ts->arena, text);
    return t->headers[c] ? 0 : -1;
}

static int add_line(tally_tables *ts, const char ***lines, size_t *n,
                    const char *fmt, va_list ap)
{
    char text[1024];
    vsnprintf(text, sizeof text, fmt, ap);
    const char **grown = tally__arena_calloc(ts->arena, *n + 1,
                                             sizeof *grown);
    if (!grown)
        return -1;
    if (*n)
        memcpy(grown, *lines, *n * sizeof *grown);
    grown[*n] = tally__arena_strdup(ts->arena, text);
    if (!grown[*n])
        return -1;
    *lines = grown;
    (*n)++;
    return 0;
}

int tally__table_subtitle(tally_tables *ts, tally_table *t, const char *fmt,
                          ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = add_line(ts, &t->subtitles, &t->n_subtitles, fmt, ap);
    va_end(ap);
    return rc;
}

int tally__table_footnote(tally_tables *ts, tally_table *t, const char *fmt,
                          ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = add_line(ts, &t->footnotes, &t->n_footnotes, fmt, ap);
    va_end(ap);
    return rc;
}

tally_cell *tally__table_row(tally_table *t, tally_row_kind kind)
{
    if (t->nrows == t->rows_cap) {
        size_t cap = t->rows_cap;
        if (TALLY__GROW(t->kinds, cap, t->nrows + 1) != 0)
            return NULL;
        tally_cell *cells = tally__reallocarray(t->cells, cap * t->ncols,
                                                sizeof *cells);
        if (!cells)
            return NULL;
        t->cells = cells;
        t->rows_cap = cap;
    }
    tally_cell *row = t->cells + t->nrows * t->ncols;
    memset(row, 0, t->ncols * sizeof *row);
    t->kinds[t->nrows++] = kind;
    return row;
}

int tally__cell_text(tally_tables *ts, tally_cell *c, const char *text)
{
    c->kind = TALLY_CELL_TEXT;
    c->text = tally__arena_strdup(ts->arena, text ? text : "");
    return c->text ? 0 : -1;
}

void tally__cell_num(tally_cell *c, tally_cell_kind kind, double value,
                     int decimals)
{
    c->kind = kind;
    c->value = value;
    c->decimals = decimals;
}

int tally__percent_decimals(const tally_write_opts *o)
{
    if (!o || o->decimals == 0)
        return 1;
    return o->decimals < 0 ? 0 : o->decimals;
}

void tally__format_cell(const tally_cell *c, int percent_decimals,
                        char *out, size_t cap)
{
    out[0] = '\0';
    switch (c->kind) {
    case TALLY_CELL_TEXT:
        snprintf(out, cap, "%s", c->text);
        break;
    case TALLY_CELL_COUNT:
    case TALLY_CELL_NUMBER:
        if (isfinite(c->value))
            snprintf(out, cap, "%.*f", c->decimals, c->value);
        break;
    case TALLY_CELL_PERCENT:
        if (isfinite(c->value))
            snprintf(out, cap, "%.*f", percent_decimals, c->value);
        break;
    default:
        break;
    }
    /* "-0.0" reads as a sign error in a published table. */
    if (out[0] == '-' && strspn(out + 1, "0.") == strlen(out + 1))
        memmove(out, out + 1, strlen(out));
}

/* --- accessors ------------------------------------------------------------ */

const char *tally_table_title(const tally_table *t)
{
    return t->title;
}

const char *tally_table_sheet(const tally_table *t)
{
    return t->sheet;
}

size_t tally_table_subtitle_count(const tally_table *t)
{
    return t->n_subtitles;
}

const char *tally_table_subtitle(const tally_table *t, size_t i)
{
    return i < t->n_subtitles ? t->subtitles[i] : NULL;
}

size_t tally_table_columns(const tally_table *t)
{
    return t->ncols;
}

size_t tally_table_rows(const tally_table *t)
{
    return t->nrows;
}

const char *tally_table_header(const tally_table *t, size_t c)
{
    return c < t->ncols ? t->headers[c] : NULL;
}

const tally_cell *tally_table_cell(const tally_table *t, size_t r, size_t c)
{
    return r < t->nrows && c < t->ncols ? &t->cells[r * t->ncols + c] : NULL;
}

tally_row_kind tally_table_row_kind(const tally_table *t, size_t r)
{
    return r < t->nrows ? t->kinds[r] : TALLY_ROW_BODY;
}

size_t tally_table_footnote_count(const tally_table *t)
{
    return t->n_footnotes;
}

const char *tally_table_footnote(const tally_table *t, size_t i)
{
    return i < t->n_footnotes ? t->footnotes[i] : NULL;
}
