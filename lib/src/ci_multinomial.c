/*
 * ci_multinomial.c: intervals for every category of a count vector,
 * simultaneous (Goodman, Sison-Glaz) or one binomial interval each.
 *
 * Both simultaneous methods port statsmodels 0.13.5
 * multinomial_proportions_confint (statsmodels/stats/proportion.py) and
 * reproduce its results, with two differences: where statsmodels raises
 * "Couldn't find a value for `c`" the bounds are NaN (see sison_glaz),
 * and Sison-Glaz's moments are computed without the cancellation of
 * statsmodels' formulation (see sg_add), so that nu(c) is within 2e-15 of
 * a 50-digit evaluation of the same formulas, while statsmodels' carries
 * noise of about count^2 * 1e-16 (1e-9 for counts near 4000).
 */
#include <math.h>
#include <stddef.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_log.h>

#include "ci_internal.h"
#include "common.h"

#define SQRT_TWO_PI 2.5066282746310005024157652848110

/*
 * Goodman (1965, Technometrics 7:247-254) simultaneous intervals, the
 * roots in pi of (n pi - x)^2 = chi2 n pi (1 - pi):
 *   (2x + chi2 -/+ sqrt(chi2^2 + 4 x chi2 (1 - x/n))) / (2 (chi2 + n)),
 * with chi2 the 1 - alpha/k quantile of chi-square(1), as statsmodels
 * (chi2.ppf(1 - alpha/k, 1)). That quantile is computed exactly as the
 * square of the normal quantile z(1 - alpha/(2k)). The roots lie in
 * [0, 1]; the clip only removes rounding.
 */
static void goodman(const double *counts, size_t k, double n, double level,
                    double *lo, double *hi)
{
    double z = gsl_cdf_ugaussian_Qinv((1 - level) / (2 * (double)k));
    double chi2 = z * z;
    for (size_t i = 0; i < k; i++) {
        double x = counts[i];
        double root = sqrt(chi2 * chi2 + 4 * x * chi2 * (1 - x / n));
        double den = 2 * (chi2 + n);
        lo[i] = fmax(0, fmin(1, (2 * x + chi2 - root) / den));
        hi[i] = fmax(0, fmin(1, (2 * x + chi2 + root) / den));
    }
}

/* P(Z <= k) for Z ~ Poisson(mu), k integer-valued; as scipy's
   poisson.cdf, 1 for mu = 0 and k >= 0 (GSL refuses mu = 0). */
static double pois_cdf(double k, double mu)
{
    if (k < 0)
        return 0;
    if (mu == 0)
        return 1;
    return gsl_cdf_gamma_Q(mu, k + 1, 1); /* = gsl_cdf_poisson_P */
}

/* P(b <= Z <= a) for Z ~ Poisson(mu). */
static double pois_between(double b, double a, double mu)
{
    return pois_cdf(a, mu) - pois_cdf(b - 1, mu);
}

/* Sums over the categories of the truncated Poisson moments. */
typedef struct sg_sums {
    double log_prob;            /* sum of log P(b_i <= Z_i <= a_i) */
    double mu, mu2, mu3, mu4;   /* sums of mean and central moments */
    double mu2_sq;              /* sum of squared variances */
} sg_sums;

/*
 * Poisson probability P(Z = z), z integer-valued, in Loader's saddle-point
 * form (Loader 2000, "Fast and accurate computation of binomial
 * probabilities"): exp(-bd0) / (G*(z) sqrt(2 pi z)), bd0 = z log(z/mu) +
 * mu - z, G* = gsl_sf_gammastar. Full precision for large z and mu,
 * where exp(z log mu - mu - lgamma(z + 1)) loses ~z log(mu) eps.
 */
static double pois_pmf(double z, double mu)
{
    if (z < 0)
        return 0;
    if (z == 0 || mu == 0)
        return z == 0 ? exp(-mu) : 0;
    double t = (z - mu) / mu, bd0;
    if (fabs(t) < 0.5) /* mu ((1+t) log(1+t) - t) */
        bd0 = mu * ((1 + t) * gsl_sf_log_1plusx_mx(t) + t * t);
    else
        bd0 = z * log(z / mu) + mu - z;
    return exp(-bd0) / (gsl_sf_gammastar(z) * SQRT_TWO_PI * sqrt(z));
}

/*
 * Add one category: Z ~ Poisson(mu) truncated to [b, a]. Sison & Glaz
 * (1995, section 2) and statsmodels take its factorial moments
 * mu^r P(b-r <= Z <= a-r) / P(b <= Z <= a) and turn them into central
 * moments; that subtracts terms of size mu^4 to get one of size mu^2 and
 * leaves noise of mu^2 * 1e-16 relative -- at counts near 4e5 as large as
 * the fourth cumulant the expansion needs. The same moments are computed
 * here without that cancellation: from z q(z) = mu q(z - 1), the moments
 * about mu, D_j = sum_{z=b..a} (z - mu)^j q(z), satisfy
 *   D_j = mu ((b - mu)^(j-1) q(b-1) - (a + 1 - mu)^(j-1) q(a)
 *             + sum_{i <= j-2} C(j-1, i) D_i),   D_0 = P(b <= Z <= a).
 */
static void sg_add(sg_sums *s, double b, double a, double mu)
{
    double d0 = pois_between(b, a, mu);
    double qb = pois_pmf(b - 1, mu), qa = pois_pmf(a, mu);
    double lb = b - mu, la = a + 1 - mu;
    double e1 = mu * (qb - qa) / d0;
    double e2 = mu * (lb * qb - la * qa + d0) / d0;
    double e3 = mu * (lb * lb * qb - la * la * qa + d0 + 2 * e1 * d0) / d0;
    double e4 = mu * (lb * lb * lb * qb - la * la * la * qa +
                      d0 * (1 + 3 * e1 + 3 * e2)) / d0;
    /* Central moments about the truncated mean mu + e1. */
    double c2 = e2 - e1 * e1;
    double c3 = e3 - 3 * e1 * e2 + 2 * e1 * e1 * e1;
    double c4 = e4 - 4 * e1 * e3 + 6 * e1 * e1 * e2 - 3 * e1 * e1 * e1 * e1;
    s->log_prob += log(d0);
    s->mu += mu + e1;
    s->mu2 += c2;
    s->mu3 += c3;
    s->mu4 += c4;
    s->mu2_sq += c2 * c2;
}

/* The Edgeworth expansion of Sison & Glaz (1995) formula (1), divided by
   the standard deviation, as statsmodels' edgeworth(). */
static double sg_edgeworth(const sg_sums *s, double n)
{
    double sd = sqrt(s->mu2);
    double g1 = s->mu3 / (s->mu2 * sd);
    double g2 = (s->mu4 - 3 * s->mu2_sq) / (s->mu2 * s->mu2);
    double x = (n - s->mu) / sd, x2 = x * x;
    double phi = exp(-x2 / 2) / SQRT_TWO_PI;
    double h3 = x2 * x - 3 * x;
    double h4 = x2 * x2 - 6 * x2 + 3;
    double h6 = x2 * x2 * x2 - 15 * x2 * x2 + 45 * x2 - 15;
    double f = phi * (1 + g1 * h3 / 6 + g2 * h4 / 24 + g1 * g1 * h6 / 72);
    return f / sd;
}

/*
 * nu(c), Sison & Glaz (1995) formula (7): the approximate probability
 * that every count lies within [x_i - c, x_i + c] (cut to [0, n]),
 *   n! / (n^n e^-n) * prod P(b_i <= Z_i <= a_i) * edgeworth,
 * Z_i ~ Poisson(x_i). Counts are rounded to whole numbers. The Poisson
 * probability n^n e^-n / n! = 1 / (G*(n) sqrt(2 pi n)), with G* Stirling's
 * regulated gamma function, keeps full precision for large n. NaN where
 * the expansion goes negative (as statsmodels' log does).
 */
static double sg_nu(const double *counts, size_t k, double n, double c)
{
    sg_sums s = {0};
    for (size_t i = 0; i < k; i++) {
        double x = round(counts[i]);
        sg_add(&s, fmax(x - c, 0), fmin(x + c, n), x);
    }
    double log_pmf = -log(gsl_sf_gammastar(n) * SQRT_TWO_PI * sqrt(n));
    return exp(s.log_prob + log(sg_edgeworth(&s, n)) - log_pmf);
}

/*
 * Sison & Glaz (1995, JASA 90:366-369) simultaneous intervals, ported
 * from statsmodels' multinomial_proportions_confint(method='sison-glaz'):
 * find the integer c >= 1 with nu(c) <= level < nu(c + 1), set
 * gamma = (level - nu(c)) / (nu(c + 1) - nu(c)), and give every category
 * [p_i - c/n, p_i + (c + 2 gamma)/n] cut to [0, 1]. Counts are rounded to
 * the nearest whole number (half away from zero) first.
 *
 * statsmodels scans c = 1, 2, ... up to n and raises an exception when no
 * c qualifies, which happens for tiny samples or a single populated
 * category (e.g. [1, 1], [0, 10], [1, 2] at 90 %), where the Edgeworth
 * approximation breaks down (nu > 1, or decreasing). The intervals are
 * then undefined and the bounds here are NaN (TALLY_OK). The scan also
 * stops at c = 40 + 40 sqrt(largest count): from there on
 * all the Poisson tails involved are below 1e-50, so nu(c) is constant to
 * the last bit and no c could qualify further up.
 */
static void sison_glaz(const double *counts, size_t k, double n,
                       double level, double *lo, double *hi)
{
    double max_count = 0;
    for (size_t i = 0; i < k; i++)
        max_count = fmax(max_count, round(counts[i]));
    double c_end = fmin(n, ceil(40 + 40 * sqrt(max_count)));
    double c = 1, nu_c = sg_nu(counts, k, n, 1), nu_c1 = NAN;
    for (; c < c_end; c++, nu_c = nu_c1) {
        nu_c1 = sg_nu(counts, k, n, c + 1);
        if (nu_c <= level && level < nu_c1)
            break;
    }
    for (size_t i = 0; i < k; i++) {
        double p = round(counts[i]) / n;
        double g = (level - nu_c) / (nu_c1 - nu_c);
        lo[i] = c < c_end ? fmax(p - c / n, 0) : NAN;
        hi[i] = c < c_end ? fmin(p + (c + 2 * g) / n, 1) : NAN;
    }
}

/* Validate and sum the counts (plain sum for the binomial methods, the
   sum of the rounded counts for sison-glaz). */
static tally_status check_counts(tally_ci_method method,
                                 const double *counts, size_t k,
                                 double *sum)
{
    double s = 0;
    for (size_t i = 0; i < k; i++) {
        if (!(counts[i] >= 0 && counts[i] < INFINITY))
            return TALLY_ERR_INVALID_ARG;
        s += method == TALLY_CI_SISON_GLAZ ? round(counts[i]) : counts[i];
    }
    if (!(s < INFINITY))
        return TALLY_ERR_INVALID_ARG;
    *sum = s;
    return TALLY_OK;
}

tally_status tally_ci_multinomial(tally_ci_method method,
                                  const double *counts, size_t k,
                                  double level, double *lo, double *hi)
{
    if ((unsigned)method >= (unsigned)TALLY_CI_METHOD_COUNT ||
        !tally__ci_level_ok(level))
        return TALLY_ERR_INVALID_ARG;
    if (k == 0)
        return TALLY_OK;
    if (!counts || !lo || !hi)
        return TALLY_ERR_INVALID_ARG;
    double n = 0;
    TALLY_TRY(check_counts(method, counts, k, &n));
    if (!tally_ci_method_is_simultaneous(method)) {
        for (size_t i = 0; i < k; i++)
            TALLY_TRY(tally_ci_proportion(method, counts[i], n, level,
                                          &lo[i], &hi[i]));
        return TALLY_OK;
    }
    for (size_t i = 0; i < k; i++)
        lo[i] = hi[i] = NAN;
    if (n == 0)
        return TALLY_OK;
    if (method == TALLY_CI_GOODMAN)
        goodman(counts, k, n, level, lo, hi);
    else
        sison_glaz(counts, k, n, level, lo, hi);
    return TALLY_OK;
}
