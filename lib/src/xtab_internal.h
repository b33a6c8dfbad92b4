/* xtab_internal.h: the crosstab result, shared by xtab.c (counting),
   xtab_stats.c (percentages, intervals, tests), xtab_json.c and
   xtab_table.c (rendering). */
#ifndef TALLY_XTAB_INTERNAL_H
#define TALLY_XTAB_INTERNAL_H

#include "arena.h"
#include "common.h"

struct tally_xtab {
    tally__arena *arena;        /* every string and array below       */
    tally_xtab_opts opts;       /* defaults filled in                 */
    tally_weight_kind weight_kind;
    const char *filter;         /* --where, or NULL                   */
    tally_xtab_table *tables;
    size_t n_tables;
};

/* Counts of one table, before statistics: filled by xtab.c. */
typedef struct tally__xt_sums {
    double *w2_col;             /* n_cols: sum of squared weights      */
    double w2;                  /* the whole table                     */
} tally__xt_sums;

/* Percentages, column intervals, tests and letters of a counted table
   t (counts, row_totals, col_bases and base set). */
tally_status tally__xtab_stats(tally_xtab *x, tally_xtab_table *t,
                               const tally__xt_sums *s, tally_error *err);

/* The letters of the columns that cell (i, j) of t is significantly
   greater than ("AC"), NUL-terminated, cut to fit size bytes. */
void tally__xtab_cell_letters(const tally_xtab_table *t, size_t i, size_t j,
                              char *out, size_t size);

/* Append a note to t (formatted, copied into x's arena). */
tally_status tally__xtab_note(tally_xtab *x, tally_xtab_table *t,
                              tally_error *err, const char *fmt, ...)
    TALLY__PRINTF(4, 5);

#endif /* TALLY_XTAB_INTERNAL_H */
