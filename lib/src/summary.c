/*
 * summary.c: see summary.h.
 *
 * Sources: sample variance with frequency weights as SPSS/PSPP
 * DESCRIPTIVES with WEIGHT (SPSS Statistical Algorithms, "Descriptives":
 * the weights are case counts, W - 1 degrees of freedom); sampling
 * weights as Stata's summarize with aweights (weights rescaled to sum to
 * n) for the SD and as Lumley, Complex Surveys (2010) section 2.3 /
 * R survey::svymean for the linearised standard error of the mean; the
 * median as R's median() (the mean of the two middle values for an even
 * count), for weights the same rule on the cumulative weight; finite
 * population correction as Cochran, Sampling Techniques (1977) 2.9.
 * Two passes (mean, then deviations) keep the sums accurate.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "summary.h"

double tally__fpc(double population, double n)
{
    if (!(population > 0))
        return 1;
    if (n >= population)
        return 0;
    return sqrt((population - n) / (population - 1));
}

typedef struct moments {
    double w, w2, rows;   /* totals                          */
    double mean;
    double ss;            /* sum w (x - m)^2                 */
    double ss2;           /* sum w^2 (x - m)^2               */
} moments;

/* SD, SE, df and the CI from the moments. */
static void finish(const moments *m, tally_weight_kind wk, double level,
                   double fpc, tally_summary *out)
{
    double var, se, df;
    if (wk == TALLY_WEIGHT_SAMPLING) {
        double f = m->rows > 1 ? m->rows / (m->rows - 1) : NAN;
        var = m->ss / m->w * f;
        se = sqrt(f * m->ss2) / m->w;
        df = m->rows - 1;
    } else {
        var = m->w > 1 ? m->ss / (m->w - 1) : NAN;
        se = sqrt(var / m->w);
        df = m->w - 1;
    }
    out->mean = m->w > 0 ? m->mean : NAN;
    out->sd = sqrt(var);
    out->mean_ci_low = out->mean_ci_high = NAN;
    if (isfinite(se))
        tally_ci_mean(out->mean, se * fpc, df, level, &out->mean_ci_low,
                      &out->mean_ci_high);
}

/* Points sorted by value: order[] of k indexes. */
static void sort_points(const double *value, size_t k, size_t *order)
{
    for (size_t i = 0; i < k; i++)
        order[i] = i;
    for (size_t i = 1; i < k; i++)
        for (size_t j = i; j > 0 && value[order[j]] < value[order[j - 1]];
             j--) {
            size_t t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
}

/* Median of sorted points with weights: the first value whose cumulative
   weight reaches half the total; exactly half: the mean with the next
   value that has weight. */
static double grouped_median(const double *value, const tally__wsum *at,
                             const size_t *order, size_t k, double total)
{
    double cum = 0, half = total / 2;
    for (size_t i = 0; i < k; i++) {
        size_t p = order[i];
        if (at[p].w <= 0)
            continue;
        cum += at[p].w;
        if (cum < half * (1 - 1e-12))
            continue;
        if (fabs(cum - half) > half * 1e-12)
            return value[p];
        for (size_t j = i + 1; j < k; j++)
            if (at[order[j]].w > 0)
                return (value[p] + value[order[j]]) / 2;
        return value[p];
    }
    return NAN;
}

int tally__summary_points(const double *value, const tally__wsum *at,
                          size_t k, tally_weight_kind wk, double level,
                          double fpc, tally_summary *out)
{
    moments m = {0};
    size_t *order = tally__malloc((k + 1) * sizeof *order);
    if (!order)
        return -1;
    for (size_t p = 0; p < k; p++) {
        m.w += at[p].w;
        m.w2 += at[p].w2;
        m.rows += at[p].rows;
        m.mean += at[p].w * value[p];
    }
    m.mean /= m.w;
    for (size_t p = 0; p < k; p++) {
        double d = value[p] - m.mean;
        m.ss += at[p].w * d * d;
        m.ss2 += at[p].w2 * d * d;
    }
    finish(&m, wk, level, fpc, out);
    sort_points(value, k, order);
    out->median = m.w > 0 ? grouped_median(value, at, order, k, m.w) : NAN;
    out->min = out->max = NAN;
    for (size_t i = 0; i < k; i++)
        if (at[order[i]].w > 0) {
            out->max = value[order[i]];
            if (isnan(out->min))
                out->min = value[order[i]];
        }
    out->top2 = out->bottom2 = NAN;
    if (k >= 3 && m.w > 0) {
        /* Top-2: the two highest points. Bottom-2: the two lowest, or on
           a three-point scale the lowest only, so that the two boxes
           never overlap (the DESIGN.md 3 example of a three-point scale
           has top2 86.1 = 62/72 and bottom2 15.3 = 11/72). */
        double bottom = at[order[0]].w + (k > 3 ? at[order[1]].w : 0);
        out->bottom2 = bottom / m.w * 100;
        out->top2 = (at[order[k - 1]].w + at[order[k - 2]].w) / m.w * 100;
    }
    tally__free(order);
    return 0;
}

typedef struct pair {
    double x, w;
} pair;

static int by_x(const void *a, const void *b)
{
    double x = ((const pair *)a)->x, y = ((const pair *)b)->x;
    return (x > y) - (x < y);
}

int tally__summary_values(const double *x, const double *w, size_t n,
                          tally_weight_kind wk, double level, double fpc,
                          tally_summary *out)
{
    moments m = {0};
    pair *s = tally__malloc((n + 1) * sizeof *s);
    if (!s)
        return -1;
    for (size_t i = 0; i < n; i++) {
        s[i] = (pair){x[i], w ? w[i] : 1};
        m.w += s[i].w;
        m.w2 += s[i].w * s[i].w;
        m.mean += s[i].w * x[i];
    }
    m.rows = (double)n;
    m.mean /= m.w;
    for (size_t i = 0; i < n; i++) {
        double d = s[i].x - m.mean;
        m.ss += s[i].w * d * d;
        m.ss2 += s[i].w * s[i].w * d * d;
    }
    finish(&m, wk, level, fpc, out);
    qsort(s, n, sizeof *s, by_x);
    /* Rows of weight 0 stand for nobody: like points without weight,
       they are neither the minimum nor the maximum. */
    out->min = out->max = NAN;
    for (size_t i = 0; i < n; i++)
        if (s[i].w > 0) {
            out->max = s[i].x;
            if (isnan(out->min))
                out->min = s[i].x;
        }
    /* The median by the same rule as for points, on sorted rows. */
    double cum = 0, half = m.w / 2;
    out->median = NAN;
    for (size_t i = 0; i < n && isnan(out->median); i++) {
        cum += s[i].w;
        if (s[i].w <= 0 || cum < half * (1 - 1e-12))
            continue;
        out->median = s[i].x;
        for (size_t j = i + 1; fabs(cum - half) <= half * 1e-12 && j < n; j++)
            if (s[j].w > 0) {
                out->median = (s[i].x + s[j].x) / 2;
                break;
            }
    }
    out->top2 = out->bottom2 = NAN;
    tally__free(s);
    return 0;
}

double tally__kish_n(tally_weight_kind wk, double w, double w2)
{
    if (wk != TALLY_WEIGHT_SAMPLING)
        return w;
    return w2 > 0 ? w * w / w2 : 0;
}
