/**
 * @file tally/ci.h
 * @brief Confidence intervals for proportions and means.
 *
 * Methods and results follow statsmodels' proportion_confint /
 * multinomial_proportions_confint and R's binom.test / prop.test
 * (DESIGN.md section 4). Undefined intervals (n = 0) are NaN, never an
 * error; degenerate ones (x = 0, x = n) are exact closed forms.
 */
#ifndef TALLY_CI_H
#define TALLY_CI_H

#include <stddef.h>

#include "api.h"
#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* X-macro: enum value, keyword, label. */
#define TALLY_CI_METHOD_LIST(X)                                                \
    X(TALLY_CI_WILSON, "wilson", "Wilson score")                               \
    X(TALLY_CI_WILSON_CC, "wilson-cc",                                         \
      "Wilson score with continuity correction")                               \
    X(TALLY_CI_WALD, "wald", "Wald")                                           \
    X(TALLY_CI_AGRESTI_COULL, "agresti-coull", "Agresti-Coull")                \
    X(TALLY_CI_CLOPPER_PEARSON, "clopper-pearson", "Clopper-Pearson exact")    \
    X(TALLY_CI_JEFFREYS, "jeffreys", "Jeffreys")                               \
    X(TALLY_CI_GOODMAN, "goodman", "Goodman simultaneous")                     \
    X(TALLY_CI_SISON_GLAZ, "sison-glaz", "Sison-Glaz simultaneous")

/** Interval methods. Zero is the default, Wilson. */
typedef enum tally_ci_method {
#define TALLY_X_(e, k, n) e,
    TALLY_CI_METHOD_LIST(TALLY_X_)
#undef TALLY_X_
        TALLY_CI_METHOD_COUNT
} tally_ci_method;

/** @brief Keyword of a method ("agresti-coull"); "?" when out of range. */
TALLY_API const char *tally_ci_method_name(tally_ci_method m);

/** @brief Human label of a method ("Wilson score"). */
TALLY_API const char *tally_ci_method_label(tally_ci_method m);

/**
 * @brief Parse a method keyword; "exact" is an alias of clopper-pearson.
 * @return TALLY_OK or TALLY_ERR_INVALID_ARG.
 */
TALLY_API tally_status tally_ci_method_parse(const char *name,
                                             tally_ci_method *out);

/** @brief 1 for the simultaneous multinomial methods (goodman,
 *  sison-glaz), else 0. */
TALLY_API int tally_ci_method_is_simultaneous(tally_ci_method m);

/**
 * @brief Interval for a binomial proportion x/n.
 *
 * @p x and @p n may be non-integer (weighted or effective counts); the
 * exact and Jeffreys intervals then use the beta quantiles at those
 * values. n = 0 gives NaN bounds and TALLY_OK. Every method's bounds are
 * clipped to [0, 1]; Clopper-Pearson gives lower = 0 at x = 0 and
 * upper = 1 at x = n, while Jeffreys (like statsmodels) does not.
 *
 * @param method  a binomial method (not goodman or sison-glaz).
 * @param x       successes, 0 <= x <= n; an x at most 1e-9 n outside
 *                that range (rounding in weighted sums) is taken as 0
 *                or n.
 * @param n       trials, 0 <= n < infinity.
 * @param level   confidence level, 0 < level < 1.
 * @param lo, hi  receive the bounds as proportions in [0, 1].
 * @return TALLY_OK, or TALLY_ERR_INVALID_ARG for a bad method, level, or
 *         x outside [0, n].
 *
 * @code
 * double lo, hi;
 * tally_ci_proportion(TALLY_CI_WILSON, 40, 72, 0.95, &lo, &hi);
 * @endcode
 */
TALLY_API tally_status tally_ci_proportion(tally_ci_method method, double x,
                                           double n, double level,
                                           double *lo, double *hi);

/**
 * @brief Intervals for every category of a multinomial count vector.
 *
 * For goodman and sison-glaz the intervals are simultaneous (they hold
 * jointly at @p level); for the binomial methods each category gets
 * tally_ci_proportion(counts[i], sum). Sison-Glaz needs whole counts:
 * non-integer counts are rounded to the nearest integer first (halves
 * away from zero). Sison-Glaz is undefined where statsmodels raises (no
 * c with nu(c) <= level < nu(c + 1): tiny samples, a single populated
 * category); its bounds are then NaN.
 *
 * @param counts  k finite counts >= 0.
 * @param lo, hi  arrays of k, receive the bounds as proportions.
 * @return TALLY_OK (NaN bounds when the counts sum to 0, and nothing
 *         written when k = 0), TALLY_ERR_INVALID_ARG (bad method or
 *         level, a negative or non-finite count). TALLY_ERR_NOMEM is
 *         reserved: no method allocates at present.
 */
TALLY_API tally_status tally_ci_multinomial(tally_ci_method method,
                                            const double *counts, size_t k,
                                            double level, double *lo,
                                            double *hi);

/**
 * @brief Student-t interval for a mean: mean -/+ t(level, df) * se.
 *
 * The t quantile is exact to about 1e-13 for any real df > 0 (Welch df
 * included); df = INFINITY uses the normal quantile.
 *
 * @param df  degrees of freedom; df <= 0 (or NaN), or mean or se not
 *            finite, gives NaN bounds and TALLY_OK.
 * @return TALLY_OK or TALLY_ERR_INVALID_ARG (bad level, se < 0, NULL
 *         lo or hi).
 */
TALLY_API tally_status tally_ci_mean(double mean, double se, double df,
                                     double level, double *lo, double *hi);

#ifdef __cplusplus
}
#endif

#endif /* TALLY_CI_H */
