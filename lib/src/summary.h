/*
 * summary.h: mean, SD, median and the CI of the mean of a scale or
 * numeric item, weighted three ways (tally_weight_kind).
 *
 * Definitions (the comment in summary.c cites each):
 * - unweighted and frequency weights (each row stands for w respondents,
 *   PSPP's WEIGHT): var = sum w (x - m)^2 / (W - 1), se = sd / sqrt(W),
 *   t with W - 1 df;
 * - sampling weights: sd as Stata's aweights, var = sum w (x - m)^2 / W *
 *   n / (n - 1); se by linearisation as R survey::svymean on
 *   svydesign(ids = ~1, weights = ~w): se^2 = n / (n - 1) *
 *   sum w^2 (x - m)^2 / W^2, t with n - 1 df;
 * - the finite population correction multiplies se by fpc.
 */
#ifndef TALLY_SUMMARY_H
#define TALLY_SUMMARY_H

#include "common.h"

/* Totals of one value (a scale point): sum of weights, of squared
   weights, and the number of rows. */
typedef struct tally__wsum {
    double w, w2, rows;
} tally__wsum;

/*
 * Summary of grouped data: k scale points with values value[] (any
 * order) and totals at[]. top2/bottom2 are % of the total weight in the
 * two highest/lowest points (on a three-point scale bottom2 is the lowest
 * point only; NaN for fewer than three points). fpc is 1
 * without a population. -1 when out of memory.
 */
int tally__summary_points(const double *value, const tally__wsum *at,
                           size_t k, tally_weight_kind wk, double level,
                           double fpc, tally_summary *out);

/*
 * Summary of n numbers x[] with weights w[] (NULL: all 1). Sorts a copy
 * for the median. -1 when out of memory.
 */
int tally__summary_values(const double *x, const double *w, size_t n,
                          tally_weight_kind wk, double level, double fpc,
                          tally_summary *out);

/* Kish's effective sample size (Kish 1965, Survey Sampling, 8.2) of a
   weighted total w with squared weights w2: (sum w)^2 / sum w^2 under
   sampling weights; frequency weights are counts and unweighted rows
   count one each, so n is w itself. */
double tally__kish_n(tally_weight_kind wk, double w, double w2);

/* fpc = sqrt((N - n) / (N - 1)) for population N (0 when n >= N, 1 when
   there is no population). */
double tally__fpc(double population, double n);

#endif /* TALLY_SUMMARY_H */
