/*
 * table_internal.h: building tables (the model is in tally/table.h).
 * Tables belong to their list; their strings to the list's arena.
 */
#ifndef TALLY_TABLE_INTERNAL_H
#define TALLY_TABLE_INTERNAL_H

#include <math.h>

#include "arena.h"
#include "common.h"

struct tally_table {
    const char *title, *sheet;
    const char **subtitles, **footnotes;
    size_t n_subtitles, n_footnotes;
    const char **headers;
    size_t ncols, nrows, rows_cap;
    tally_cell *cells;          /* nrows * ncols, row by row */
    tally_row_kind *kinds;
};

struct tally_tables {
    tally__arena *arena;
    tally_table **tables;
    size_t n, cap;
};

/* A new table appended to ts; NULL when out of memory. */
tally_table *tally__table_new(tally_tables *ts, const char *title,
                              const char *sheet, size_t ncols);
/* Set header c; copies text. -1 out of memory. */
int tally__table_header(tally_tables *ts, tally_table *t, size_t c,
                        const char *text);
int tally__table_subtitle(tally_tables *ts, tally_table *t, const char *fmt,
                          ...) TALLY__PRINTF(3, 4);
int tally__table_footnote(tally_tables *ts, tally_table *t, const char *fmt,
                          ...) TALLY__PRINTF(3, 4);
/* A new row of ncols empty cells; valid until the next row is added. */
tally_cell *tally__table_row(tally_table *t, tally_row_kind kind);
/* Cell constructors (text is copied into ts's arena). */
int tally__cell_text(tally_tables *ts, tally_cell *c, const char *text);
void tally__cell_num(tally_cell *c, tally_cell_kind kind, double value,
                     int decimals);

/* 1 when v is a whole number (or not finite): counts are shown without
   decimals unless weights made them fractional. */
static inline int tally__whole(double v)
{
    return !isfinite(v) || v == floor(v);
}

/* Digits for percentages from the writer options. */
int tally__percent_decimals(const tally_write_opts *o);

/* Format a numeric cell for display; "" for NaN. */
void tally__format_cell(const tally_cell *c, int percent_decimals,
                        char *out, size_t cap);

/* write_md.c: text with Markdown's special characters escaped and line
   breaks as <br>; a table under a "### title" heading. */
tally_status tally__md_escaped(tally_buf *b, const char *s);
tally_status tally__md_table(tally_buf *b, const tally_table *t, int pd);

/* write_xlsx.c: bytes for a sheet name (31 UTF-16 units of UTF-8) + NUL. */
#define TALLY__SHEET_NAME_CAP 128

/*
 * The worksheet name for a table's sheet value `raw`: Excel's rules (at
 * most 31 characters, none of []:*?/\ or controls, no apostrophe at either
 * end), "Sheet <number>" when nothing is left, and made unique (case
 * insensitively, "History" reserved) against the ntaken names packed in
 * `taken` (TALLY__SHEET_NAME_CAP bytes each) by appending " (2)", " (3)"...
 * out has TALLY__SHEET_NAME_CAP bytes.
 */
void tally__xlsx_sheet_name(const char *raw, size_t number,
                            const char *taken, size_t ntaken, char *out);

#endif /* TALLY_TABLE_INTERNAL_H */
