/*
 * assoc_columns.c: tally_assoc_column_letters, the column proportions
 * tests of SPSS Custom Tables ("Compare column proportions", IBM SPSS
 * Statistics Algorithms, CTABLES, "Pairwise comparisons of
 * proportions"): in row i, columns j and k are compared by
 *     z = (p_j - p_k) / sqrt(p (1 - p) (1/b_j + 1/b_k)),
 *     p_j = x_ij / b_j,  p = (x_ij + x_ik) / (b_j + b_k)  (pooled),
 * two-sided normal p-value times the number of pairs compared in the
 * row (Bonferroni), capped at 1. As in SPSS, a column whose proportion
 * in the row is 0 or 1 takes no part in that row's comparisons (nor in
 * its count of pairs), and neither does a column whose base is below
 * min_base.
 */
#include <math.h>
#include <string.h>

#include "assoc_internal.h"

static tally_status check(const double *counts, const double *bases,
                          size_t r, size_t c, double alpha,
                          const uint64_t *greater, tally_error *err)
{
    if (!counts || !bases || !greater || r == 0 || c == 0)
        return tally__fail(err, TALLY_ERR_INVALID_ARG,
                           "column tests: no table");
    if (c > 64)
        return tally__fail(err, TALLY_ERR_INVALID_ARG,
                           "column tests: %zu columns (at most 64)", c);
    if (!(alpha > 0 && alpha < 1))
        return tally__fail(err, TALLY_ERR_INVALID_ARG,
                           "column tests: alpha %g is not in (0, 1)", alpha);
    for (size_t j = 0; j < c; j++)
        if (!(bases[j] >= 0) || !isfinite(bases[j]))
            return tally__fail(err, TALLY_ERR_INVALID_ARG,
                               "column tests: base of column %zu is "
                               "negative or not finite", j + 1);
    for (size_t i = 0; i < r * c; i++)
        if (!(counts[i] >= 0) || counts[i] > bases[i % c])
            return tally__fail(err, TALLY_ERR_INVALID_ARG,
                               "column tests: count of row %zu, column %zu "
                               "is negative, NaN or above its base",
                               i / c + 1, i % c + 1);
    return TALLY_OK;
}

/* The columns taking part in row i's comparisons, as a bit mask. */
static uint64_t row_columns(const double *x, const double *bases, size_t c,
                            double min_base)
{
    uint64_t used = 0;
    for (size_t j = 0; j < c; j++)
        if (bases[j] > 0 && bases[j] >= min_base && x[j] > 0 &&
            x[j] < bases[j])
            used |= UINT64_C(1) << j;
    return used;
}

static void test_row(const double *x, const double *bases, size_t c,
                     double alpha, double min_base, uint64_t *greater)
{
    uint64_t used = row_columns(x, bases, c, min_base);
    double m = 0;
    for (size_t j = 0; j < c; j++)
        m += (double)((used >> j) & 1);
    double pairs = m * (m - 1) / 2;
    for (size_t j = 0; j < c; j++)
        for (size_t k = j + 1; k < c; k++) {
            if (!((used >> j) & 1) || !((used >> k) & 1))
                continue;
            double pj = x[j] / bases[j], pk = x[k] / bases[k];
            double p = (x[j] + x[k]) / (bases[j] + bases[k]);
            double se = sqrt(p * (1 - p) * (1 / bases[j] + 1 / bases[k]));
            double z = (pj - pk) / se;
            if (!(fmin(1, tally__normal_p2(z) * pairs) < alpha))
                continue;
            if (z > 0)
                greater[j] |= UINT64_C(1) << k;
            else
                greater[k] |= UINT64_C(1) << j;
        }
}

tally_status tally_assoc_column_letters(const double *counts,
                                        const double *bases, size_t r,
                                        size_t c, double alpha,
                                        double min_base, uint64_t *greater,
                                        tally_error *err)
{
    TALLY_TRY(check(counts, bases, r, c, alpha, greater, err));
    memset(greater, 0, r * c * sizeof *greater);
    for (size_t i = 0; i < r; i++)
        test_row(counts + i * c, bases, c, alpha, min_base,
                 greater + i * c);
    return TALLY_OK;
}
