/*
 * ci.c: confidence intervals for a binomial proportion and for a mean.
 *
 * Methods, names and results follow statsmodels 0.13.5
 * proportion_confint and R 4.2.2 binom.test / prop.test (DESIGN.md
 * section 4). Every bound is a proportion clipped to [0, 1]. Exact closed
 * forms are used at x = 0 and x = n; n = 0 gives NaN bounds. No GSL
 * function is called with an argument outside its domain: the only GSL
 * call here is gsl_cdf_ugaussian_Qinv with 0 < p < 1/2, and the beta and
 * t quantiles come from ci_dist.c.
 */
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "ci_internal.h"
#include "common.h"

static const char *const method_names[] = {
#define TALLY_X_(e, k, l) k,
    TALLY_CI_METHOD_LIST(TALLY_X_)
#undef TALLY_X_
};

static const char *const method_labels[] = {
#define TALLY_X_(e, k, l) l,
    TALLY_CI_METHOD_LIST(TALLY_X_)
#undef TALLY_X_
};

static int method_ok(tally_ci_method m)
{
    return (unsigned)m < (unsigned)TALLY_CI_METHOD_COUNT;
}

const char *tally_ci_method_name(tally_ci_method m)
{
    return method_ok(m) ? method_names[m] : "?";
}

const char *tally_ci_method_label(tally_ci_method m)
{
    return method_ok(m) ? method_labels[m] : "?";
}

tally_status tally_ci_method_parse(const char *name, tally_ci_method *out)
{
    if (!name || !out)
        return TALLY_ERR_INVALID_ARG;
    if (!strcmp(name, "exact")) {
        *out = TALLY_CI_CLOPPER_PEARSON;
        return TALLY_OK;
    }
    for (size_t i = 0; i < TALLY_ARRAY_SIZE(method_names); i++) {
        if (!strcmp(name, method_names[i])) {
            *out = (tally_ci_method)i;
            return TALLY_OK;
        }
    }
    return TALLY_ERR_INVALID_ARG;
}

int tally_ci_method_is_simultaneous(tally_ci_method m)
{
    return m == TALLY_CI_GOODMAN || m == TALLY_CI_SISON_GLAZ;
}

static double clip01(double v)
{
    return v < 0 ? 0 : v > 1 ? 1 : v;
}

/*
 * One bound of the Wilson (1927, JASA 22:209-212) score interval,
 *   (p + z^2/2n +/- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n),
 * written as statsmodels writes it.
 */
static double wilson_bound(double p, double n, double z, double sign)
{
    double z2 = z * z;
    double center = p + z2 / (2 * n);
    double dist = z * sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return (center + sign * dist) / (1 + z2 / n);
}

/*
 * Wilson score interval without continuity correction. The bounds at
 * x = 0 (lower) and x = n (upper) are exactly 0 and 1; the formula gives
 * that up to rounding (statsmodels returns e.g. 1e-17 there).
 */
static void ci_wilson(double x, double n, double z, double *lo, double *hi)
{
    double p = x / n;
    *lo = x == 0 ? 0 : clip01(wilson_bound(p, n, z, -1));
    *hi = x == n ? 1 : clip01(wilson_bound(p, n, z, 1));
}

/*
 * Wilson score interval with continuity correction, Newcombe (1998,
 * Statistics in Medicine 17:857-872) method 4:
 *   L = (2np + z^2 - 1 - z sqrt(z^2 - 2 - 1/n + 4p(n(1-p) + 1)))
 *       / (2(n + z^2)),  L = 0 when p = 0,
 * and U likewise with +1, +2, n(1-p) - 1, U = 1 when p = 1. Algebraically
 * this is the Wilson bound at p -/+ 1/(2n), which is how it is computed
 * here (the square root's argument then cannot go negative), with
 * L = 0 when p - 1/(2n) <= 0 and U = 1 when p + 1/(2n) >= 1 -- the form
 * of R's prop.test(correct = TRUE). Unlike prop.test, the correction is
 * kept at x = n/2, where prop.test drops it (it caps the correction at
 * |x - n/2|, which belongs to its test of p = 1/2, not to the interval).
 */
static void ci_wilson_cc(double x, double n, double z, double *lo,
                         double *hi)
{
    double p = x / n, half = 1 / (2 * n);
    double pl = p - half, pu = p + half;
    *lo = pl <= 0 ? 0 : clip01(wilson_bound(pl, n, z, -1));
    *hi = pu >= 1 ? 1 : clip01(wilson_bound(pu, n, z, 1));
}

/* Wald interval p -/+ z sqrt(p(1-p)/n) (Laplace 1812; the "normal"
   method of statsmodels, which clips it to [0, 1] as well). */
static void ci_wald(double x, double n, double z, double *lo, double *hi)
{
    double p = x / n;
    double dist = z * sqrt(p * (1 - p) / n);
    *lo = clip01(p - dist);
    *hi = clip01(p + dist);
}

/*
 * Agresti & Coull (1998, American Statistician 52:119-126): the Wald
 * interval around p~ = (x + z^2/2) / (n + z^2) with n~ = n + z^2, as in
 * statsmodels (which also clips it to [0, 1]) and Brown, Cai & DasGupta
 * (2001, Statistical Science 16:101-133, eq. 5).
 */
static void ci_agresti_coull(double x, double n, double z, double *lo,
                             double *hi)
{
    double z2 = z * z;
    double nt = n + z2;
    double pt = (x + z2 / 2) / nt;
    double dist = z * sqrt(pt * (1 - pt) / nt);
    *lo = clip01(pt - dist);
    *hi = clip01(pt + dist);
}

/*
 * Clopper & Pearson (1934, Biometrika 26:404-413) exact interval:
 * lower = Beta(x, n - x + 1) quantile at alpha/2, upper = Beta(x + 1,
 * n - x) quantile at 1 - alpha/2 (as R binom.test and statsmodels
 * method='beta'); real x and n are used as they are. At x = 0 the lower
 * bound is 0 and the upper 1 - (alpha/2)^(1/n), the Beta(1, n) quantile;
 * at x = n the upper bound is 1 and the lower (alpha/2)^(1/n), the
 * Beta(n, 1) quantile -- closed forms, as a beta parameter would be 0.
 */
static void ci_clopper_pearson(double x, double n, double level,
                               double *lo, double *hi)
{
    double half_alpha = (1 - level) / 2;
    double root = log(half_alpha) / n; /* log((alpha/2)^(1/n)) */
    *lo = x == 0   ? 0
          : x == n ? exp(root)
                   : tally__ci_beta_quantile(half_alpha, x, n - x + 1, 0,
                                             NULL);
    *hi = x == n   ? 1
          : x == 0 ? -expm1(root)
                   : tally__ci_beta_quantile(half_alpha, x + 1, n - x, 1,
                                             NULL);
}

/*
 * Jeffreys interval (Brown, Cai & DasGupta 2001, section 4.1.1): the
 * equal-tailed interval of the Beta(x + 1/2, n - x + 1/2) posterior.
 * Matches statsmodels' method='jeffreys' exactly, which does NOT apply
 * Brown, Cai & DasGupta's modification (lower bound 0 at x = 0, upper 1
 * at x = n): at x = 0 the lower bound is the Beta(1/2, n + 1/2) quantile
 * at alpha/2, greater than 0, and likewise at x = n. Both parameters are
 * >= 1/2 whenever n > 0.
 */
static void ci_jeffreys(double x, double n, double level, double *lo,
                        double *hi)
{
    double half_alpha = (1 - level) / 2;
    *lo = tally__ci_beta_quantile(half_alpha, x + 0.5, n - x + 0.5, 0, NULL);
    *hi = tally__ci_beta_quantile(half_alpha, x + 0.5, n - x + 0.5, 1, NULL);
}

/*
 * Check method, level, n and x; x within 1e-9 n of [0, n] (rounding in
 * weighted counts) is moved into it.
 */
static tally_status check_proportion(tally_ci_method method, double *x,
                                     double n, double level)
{
    if (!method_ok(method) || tally_ci_method_is_simultaneous(method))
        return TALLY_ERR_INVALID_ARG;
    if (!tally__ci_level_ok(level) || !(n >= 0 && n < INFINITY))
        return TALLY_ERR_INVALID_ARG;
    double tol = 1e-9 * n;
    if (!(*x >= -tol && *x <= n + tol))
        return TALLY_ERR_INVALID_ARG;
    *x = *x < 0 ? 0 : *x > n ? n : *x;
    return TALLY_OK;
}

tally_status tally_ci_proportion(tally_ci_method method, double x,
                                 double n, double level, double *lo,
                                 double *hi)
{
    if (!lo || !hi)
        return TALLY_ERR_INVALID_ARG;
    *lo = *hi = NAN;
    TALLY_TRY(check_proportion(method, &x, n, level));
    if (n == 0)
        return TALLY_OK;
    double z = tally__ci_z(level);
    switch (method) {
    case TALLY_CI_WILSON:
        ci_wilson(x, n, z, lo, hi);
        break;
    case TALLY_CI_WILSON_CC:
        ci_wilson_cc(x, n, z, lo, hi);
        break;
    case TALLY_CI_WALD:
        ci_wald(x, n, z, lo, hi);
        break;
    case TALLY_CI_AGRESTI_COULL:
        ci_agresti_coull(x, n, z, lo, hi);
        break;
    case TALLY_CI_CLOPPER_PEARSON:
        ci_clopper_pearson(x, n, level, lo, hi);
        break;
    default: /* TALLY_CI_JEFFREYS; check_proportion refused the rest */
        ci_jeffreys(x, n, level, lo, hi);
        break;
    }
    return TALLY_OK;
}

/*
 * mean -/+ t se, t the (1 + level)/2 quantile of Student's t with df
 * degrees of freedom (as R's t.test); the normal quantile for df = inf.
 */
tally_status tally_ci_mean(double mean, double se, double df, double level,
                           double *lo, double *hi)
{
    if (!lo || !hi)
        return TALLY_ERR_INVALID_ARG;
    *lo = *hi = NAN;
    if (!tally__ci_level_ok(level) || se < 0)
        return TALLY_ERR_INVALID_ARG;
    if (!(df > 0) || !isfinite(se) || !isfinite(mean))
        return TALLY_OK;
    double half_alpha = (1 - level) / 2;
    double t = df == INFINITY ? tally__ci_z(level)
                              : tally__ci_t_quantile(half_alpha, df);
    *lo = mean - t * se;
    *hi = mean + t * se;
    return TALLY_OK;
}
