/*
 * annex_suppress.c: small-cell suppression (--min-cell N) for anonymity.
 *
 * Counts from 1 to N - 1 are replaced by "<N", with their percentages
 * and intervals. A suppressed count that is the only one of a group
 * whose total is shown could be recovered by subtraction, so the next
 * smallest count of the group is suppressed too (complementary
 * suppression, as statistical offices practise it: Hundepool et al.,
 * Statistical Disclosure Control, Wiley 2012, section 5.2). The groups
 * of a distribution table are its valid answers (they add up to the
 * base) and the rows outside the base (missing codes and no answers,
 * which add up to respondents - base).
 */
#include <math.h>
#include <stdio.h>

#include "alloc.h"
#include "annex_internal.h"

static int small(double min, double v)
{
    return v > 0 && v < min;
}

size_t tally__suppress_mask(double min, const double *counts, size_t n,
                            unsigned char *mask)
{
    size_t k = 0, other = n;
    if (!(min > 0))
        return 0;
    for (size_t i = 0; i < n; i++) {
        mask[i] = (unsigned char)small(min, counts[i]);
        k += mask[i];
    }
    if (k != 1)
        return k;
    for (size_t i = 0; i < n; i++)
        if (!mask[i] && counts[i] > 0 &&
            (other == n || counts[i] < counts[other]))
            other = i;
    if (other < n) {
        mask[other] = 1;
        k++;
    }
    return k;
}

/* The count cell of row r (the first COUNT cell), or NULL. */
static tally_cell *count_cell(tally_table *t, size_t r)
{
    for (size_t c = 0; c < t->ncols; c++)
        if (t->cells[r * t->ncols + c].kind == TALLY_CELL_COUNT)
            return &t->cells[r * t->ncols + c];
    return NULL;
}

/* Suppress the rows of kind `kind`; returns how many, or -1 without
   memory. */
static long suppress_group(tally_annex *a, tally_table *t,
                           tally_row_kind kind)
{
    size_t n = 0;
    double *counts = tally__calloc(t->nrows + 1, sizeof *counts);
    size_t *rows = tally__calloc(t->nrows + 1, sizeof *rows);
    unsigned char *mask = tally__calloc(t->nrows + 1, 1);
    long k = -1;
    char text[32];
    snprintf(text, sizeof text, "<%g", a->o.min_cell);
    for (size_t r = 0; counts && rows && mask && r < t->nrows; r++) {
        tally_cell *c = t->kinds[r] == kind ? count_cell(t, r) : NULL;
        if (c && isfinite(c->value)) {
            rows[n] = r;
            counts[n++] = c->value;
        }
    }
    if (counts && rows && mask)
        k = (long)tally__suppress_mask(a->o.min_cell, counts, n, mask);
    for (size_t i = 0; k > 0 && i < n; i++) {
        if (!mask[i])
            continue;
        tally_cell *row = &t->cells[rows[i] * t->ncols];
        for (size_t c = 0; c < t->ncols; c++)
            if (row[c].kind == TALLY_CELL_PERCENT)
                row[c].kind = TALLY_CELL_EMPTY;
        if (tally__cell_text(a->tables, count_cell(t, rows[i]), text)) {
            k = -1;
            break;
        }
    }
    tally__free(counts);
    tally__free(rows);
    tally__free(mask);
    return k;
}

tally_status tally__annex_suppress(tally_annex *a, tally_table *t,
                                   tally_error *err)
{
    if (!(a->o.min_cell > 0))
        return TALLY_OK;
    long body = suppress_group(a, t, TALLY_ROW_BODY);
    long outside = body < 0 ? -1 : suppress_group(a, t, TALLY_ROW_MISSING);
    if (body < 0 || outside < 0)
        return tally__nomem(err);
    if (body + outside > 0 &&
        tally__table_footnote(a->tables, t,
                              "<%g: a count below %g, suppressed with its "
                              "percentage (and one further count where a "
                              "total would reveal it).",
                              a->o.min_cell, a->o.min_cell))
        return tally__nomem(err);
    return TALLY_OK;
}
