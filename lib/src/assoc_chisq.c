/*
 * assoc_chisq.c: Pearson's chi-square, the likelihood ratio G^2, Yates's
 * continuity correction, Cramer's V and phi, on a table with no empty row
 * or column. Expected counts e_ij = r_i c_j / n under independence;
 * df = (r - 1)(c - 1). Agresti (2013), Categorical Data Analysis, 3rd
 * ed., 3.2.1 (X^2) and 3.2.2 (G^2); the same as R chisq.test() and
 * PSPP CROSSTABS. Counts may be non-integer (frequency weights).
 */
#include <math.h>

#include "assoc_internal.h"

/* Share of cells with an expected count below 5 above which the
   chi-square approximation is flagged (Cochran's rule, DESIGN.md 4). */
#define SMALL_EXPECTED_SHARE 0.2

static void pearson_and_lr(const tally__xt *t, tally_assoc *out)
{
    double x2 = 0, g2 = 0, min_e = INFINITY;
    size_t below = 0;
    for (size_t i = 0; i < t->r; i++)
        for (size_t j = 0; j < t->c; j++) {
            double f = t->f[i * t->c + j];
            double e = t->rt[i] * t->ct[j] / t->n;
            x2 += (f - e) * (f - e) / e;
            /* 0 log 0 = 0 (Agresti 3.2.2) */
            if (f > 0)
                g2 += f * log(f / e);
            below += e < 5;
            min_e = fmin(min_e, e);
        }
    double df = (double)(t->r - 1) * (double)(t->c - 1);
    out->chisq = x2;
    out->chisq_df = df;
    out->chisq_p = tally__chisq_q(x2, df);
    out->min_expected = min_e;
    out->cells_below_5 = below;
    /* rounding can leave -1e-16 for a table at exact independence */
    out->lr = fmax(0, 2 * g2);
    out->lr_df = df;
    out->lr_p = tally__chisq_q(out->lr, df);
    if ((double)below > SMALL_EXPECTED_SHARE * (double)(t->r * t->c))
        tally__assoc_note(out, "%zu of %zu cells (%.0f%%) have an expected "
                          "count below 5 (minimum %.2f): the chi-square "
                          "p-values may be inaccurate",
                          below, t->r * t->c,
                          100.0 * (double)below / (double)(t->r * t->c),
                          min_e);
}

/* 2 x 2 only. Yates (1934) as R chisq.test(correct = TRUE): every
   |f - e| is the same in a 2 x 2 table; the correction is
   min(0.5, |f - e|), so that it never overshoots past 0. */
static void two_by_two(const tally__xt *t, tally_assoc *out)
{
    double d = fabs(t->f[0] - t->rt[0] * t->ct[0] / t->n);
    double corr = fmin(0.5, d), y = 0;
    for (size_t i = 0; i < 2; i++)
        for (size_t j = 0; j < 2; j++) {
            double e = t->rt[i] * t->ct[j] / t->n;
            y += (d - corr) * (d - corr) / e;
        }
    out->yates = y;
    out->yates_p = tally__chisq_q(y, 1);
    /* phi = (ad - bc) / sqrt(r1 r2 c1 c2), signed (Agresti 2013, 2.4.5
       via the correlation of two binary variables); |phi| = sqrt(X^2/n),
       as PSPP's Phi for a 2 x 2 table. */
    double a = t->f[0], b = t->f[1], c = t->f[2], dd = t->f[3];
    out->phi = (a * dd - b * c) /
               sqrt(t->rt[0] * t->rt[1] * t->ct[0] * t->ct[1]);
}

void tally__assoc_chisq(const tally__xt *t, tally_assoc *out)
{
    pearson_and_lr(t, out);
    /* Cramer (1946): V = sqrt(X^2 / (n (min(r, c) - 1))). */
    double k = (double)(t->r < t->c ? t->r : t->c);
    out->cramers_v = sqrt(out->chisq / (t->n * (k - 1)));
    if (t->r == 2 && t->c == 2)
        two_by_two(t, out);
}
