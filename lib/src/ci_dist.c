/*
 * ci_dist.c: beta and Student t quantiles for the confidence intervals.
 *
 * GSL's own inverses are not used. Checked on this machine (GSL 2.7.1,
 * against scipy 1.10.1 and R 4.2.2):
 *   - gsl_cdf_beta_Pinv/Qinv fail with GSL_EFAILED "inverse failed to
 *     converge" (an abort under GSL's default handler) on ordinary
 *     intervals, e.g. Qinv(0.1, 2, 999), the 80 % Clopper-Pearson upper
 *     bound for 1 of 1000, or Qinv(0.05, 0.763, 263.237); they never
 *     return for a, b near 5e6; elsewhere they are good to about 1e-11;
 *   - gsl_cdf_beta_P caps its continued fraction at 512 terms (NaN for
 *     large a, b) and loses digits in its front factor;
 *   - gsl_cdf_tdist_Qinv is off by up to 2.3e-9 (df = 29, p = 0.25).
 * So the regularized incomplete beta function I_x(a, b) is evaluated here
 * and inverted by a safeguarded Newton iteration. GSL still supplies the
 * accurate pieces: gsl_sf_gammastar and gsl_sf_log_1plusx_mx. Neither is
 * ever called with an argument outside its domain.
 */
#include <float.h>
#include <math.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_log.h>

#include "ci_internal.h"

#define TWO_PI 6.283185307179586476925286766559

/* log(x) below which a quantile is reported as 0 (x < DBL_MIN). */
#define LOG_X_MIN (-708.0)

/* log(1 + u) - u, where w = 1 + u was computed directly (u > -1). */
static double log1pmx(double u, double w)
{
    if (fabs(u) < 0.5)
        return gsl_sf_log_1plusx_mx(u);
    return log(w) - u;
}

/*
 * Front factor x^a y^b / B(a, b), y = 1 - x, in the form of Temme and of
 * DiDonato & Morris (1992, ACM TOMS 18:360-373, function BRCOMP):
 *   sqrt(ab / (2 pi (a+b))) G*(a+b) / (G*(a) G*(b))
 *   * exp(a phi(u) + b phi(v)),
 * with G* Stirling's regulated gamma function (gsl_sf_gammastar),
 * phi(u) = log(1 + u) - u, 1 + u = x (a+b) / a, 1 + v = y (a+b) / b.
 * As a u + b v = 0 the exponent has no cancellation, which keeps full
 * precision for large a and b (exp(a log x + b log y - log B) does not).
 */
static double beta_front(double a, double b, double x, double y)
{
    double d = x * b - y * a; /* = x (a + b) - a */
    double s = a * log1pmx(d / a, x * ((a + b) / a)) +
               b * log1pmx(-d / b, y * ((a + b) / b));
    double g = gsl_sf_gammastar(a + b) /
               (gsl_sf_gammastar(a) * gsl_sf_gammastar(b));
    return g * sqrt(a / (a + b) * b / TWO_PI) * exp(s);
}

/* The four-term recurrence of a continued fraction's convergents. */
typedef struct cf_state {
    double an, bn, anp1, bnp1;
} cf_state;

/* One step with partial numerator alpha and denominator beta; returns the
   new convergent and rescales to keep the numbers in range. */
static double cf_step(cf_state *s, double alpha, double beta)
{
    double t = alpha * s->an + beta * s->anp1;
    s->an = s->anp1;
    s->anp1 = t;
    t = alpha * s->bn + beta * s->bnp1;
    s->bn = s->bnp1;
    s->bnp1 = t;
    double r = s->anp1 / s->bnp1;
    s->an /= s->bnp1;
    s->bn /= s->bnp1;
    s->anp1 = r;
    s->bnp1 = 1;
    return r;
}

/*
 * I_x(a, b) / front, for lambda = a - (a + b) x >= 0 (x at or below the
 * mean), by the continued fraction of DiDonato & Morris (1992, Algorithm
 * 708, BFRAC): an even contraction of Abramowitz & Stegun 26.5.8 written
 * in lambda, which the caller computes without cancellation, so that it
 * keeps full precision near the mean where the plain fraction loses up to
 * half the digits. Takes O(sqrt(min(a, b))) terms; NaN if it has not
 * converged after many more than that.
 */
static double beta_cf(double a, double b, double x, double y, double lambda)
{
    double c = 1 + lambda, c0 = b / a, c1 = 1 + 1 / a, yp1 = y + 1;
    double p = 1, s = a + 1, r = c1 / c;
    cf_state st = {.an = 0, .bn = 1, .anp1 = 1, .bnp1 = c / c1};
    double maxit = 1000 + 50 * sqrt(a + b);
    for (double n = 1; n <= maxit; n++) {
        double t = n / a, w = n * (b - n) * x, e = a / s;
        double alpha = p * (p + c0) * e * e * (w * x);
        e = (1 + t) / (c1 + t + t);
        double beta = n + w / s + e * (c + n * yp1);
        p = 1 + t;
        s += 2;
        double r0 = r;
        r = cf_step(&st, alpha, beta);
        if (fabs(r - r0) <= DBL_EPSILON * r)
            return r;
    }
    return NAN;
}

/* One modified-Lentz step with partial numerator aa; returns the factor
   by which the value changes (Lentz 1976; Numerical Recipes 5.2). */
static double lentz_step(double aa, double *c, double *d)
{
    const double tiny = 1e-300;
    *d = 1 + aa * *d;
    *c = 1 + aa / *c;
    if (fabs(*d) < tiny)
        *d = tiny;
    if (fabs(*c) < tiny)
        *c = tiny;
    *d = 1 / *d;
    return *c * *d;
}

/*
 * I_x(a, b) / front * a, for a <= 1 or b <= 1, by the continued fraction
 * of Abramowitz & Stegun 26.5.8, 1 / (1 + d1 / (1 + d2 / ...)), with the
 * modified Lentz method (Numerical Recipes, 3rd ed., 6.4, betacf). Its
 * first denominator 1 + d1 = (1 + lambda) / (a + 1) is formed from the
 * accurate lambda = a - (a + b) x; the later odd terms come near -1,
 * and cancel, only when a and b are both large, which BFRAC serves.
 */
static double beta_cf_small(double a, double b, double x, double lambda)
{
    double c = 1e300, d = 1;
    double h = lentz_step((1 + lambda) / (a + 1) - 1, &c, &d);
    double maxit = 2000 + 50 * sqrt(a + b);
    for (double m = 1; m <= maxit; m++) {
        double m2 = 2 * m;
        h *= lentz_step(m * (b - m) * x / ((a - 1 + m2) * (a + m2)), &c, &d);
        double del = lentz_step(-(a + m) * (a + b + m) * x /
                                    ((a + m2) * (a + 1 + m2)),
                                &c, &d);
        h *= del;
        if (fabs(del - 1) <= DBL_EPSILON)
            return h / a;
    }
    return NAN;
}

/* I_x(a, b) / front, lambda = a - (a + b) x. */
static double beta_ratio(double a, double b, double x, double y,
                         double lambda)
{
    if (a > 1)
        return beta_cf(a, b, x, y, lambda);
    return beta_cf_small(a, b, x, lambda);
}

/*
 * Both tails of Beta(a, b) at x (y = 1 - x): *p = I_x(a, b),
 * *q = 1 - I_x(a, b) = I_y(b, a). One is computed directly, the other as
 * its complement: with a, b > 1 the one on the near side of the mean
 * (DiDonato & Morris's choice for BFRAC), else the one whose fraction
 * converges fast, I_x(a, b) for x < (a + 1) / (a + b + 2) (Numerical
 * Recipes). Returns the front factor.
 */
static double beta_tails(double a, double b, double x, double y, double *p,
                         double *q)
{
    double f = beta_front(a, b, x, y);
    double lambda = y * a - x * b; /* = a - (a + b) x */
    int direct = a > 1 && b > 1 ? lambda >= 0 : x * (a + b + 2) < a + 1;
    if (direct) {
        *p = f > 0 ? f * beta_ratio(a, b, x, y, lambda) : 0;
        *q = 1 - *p;
    } else {
        *q = f > 0 ? f * beta_ratio(b, a, y, x, -lambda) : 0;
        *p = 1 - *q;
    }
    return f;
}

/* The equation solved for t = log x: h(t) = 0, h increasing. */
typedef struct beta_eq {
    double a, b, log_p;
    int upper;
} beta_eq;

/* h(t) = +/-(log F(e^t) - log p) with F the wanted tail; *dh = h'(t). */
static double beta_eq_eval(const beta_eq *e, double t, double *dh)
{
    double x = exp(t), y = -expm1(t), p, q;
    double f = beta_tails(e->a, e->b, x, y, &p, &q);
    double tail = e->upper ? q : p;
    /* d log I_x / d log x = x * density / I_x = f / (y I_x). */
    *dh = f / (y * tail);
    double h = log(tail) - e->log_p;
    return e->upper ? -h : h;
}

/*
 * Solve h(t) = 0 on (LOG_X_MIN, 0) by Newton's method, falling back to
 * bisection whenever a step leaves the bracket or fails to halve (as in
 * Numerical Recipes' rtsafe). Stops at a relative step of 4 eps in t, so
 * that both x = e^t and 1 - x = -expm1(t) keep full relative precision.
 */
static double beta_solve(const beta_eq *e, double t)
{
    double lo = LOG_X_MIN, hi = 0, step_old = hi - lo;
    for (int i = 0; i < 400; i++) {
        double dh, h = beta_eq_eval(e, t, &dh);
        if (h == 0)
            return t;
        if (h < 0)
            lo = t;
        else if (h > 0)
            hi = t;
        else
            return NAN; /* h is NaN */
        double step = h / dh;
        double next = t - step;
        if (!(next > lo && next < hi) || !(fabs(2 * step) <= step_old)) {
            next = lo + (hi - lo) / 2;
            step = t - next;
        }
        step_old = fabs(step);
        if (fabs(next - t) <= 4 * DBL_EPSILON * fabs(next) || next == t)
            return next;
        t = next;
    }
    return t;
}

double tally__ci_beta_quantile(double p, double a, double b, int upper,
                               double *comp)
{
    if (comp)
        *comp = NAN;
    if (!(p > 0 && p < 1) || !(a > 0 && a < INFINITY) ||
        !(b > 0 && b < INFINITY))
        return NAN;
    beta_eq e = {.a = a, .b = b, .log_p = log(p), .upper = upper};
    double t = log(a / (a + b));
    if (!(t > LOG_X_MIN))
        t = LOG_X_MIN / 2;
    t = beta_solve(&e, t);
    if (isnan(t))
        return NAN;
    if (t <= LOG_X_MIN) {
        if (comp)
            *comp = 1;
        return 0;
    }
    if (comp)
        *comp = -expm1(t);
    return exp(t);
}

/*
 * Cornish-Fisher expansion of the t quantile in powers of 1/df
 * (Abramowitz & Stegun 26.7.5), used for df > 1e6 where its first
 * omitted term is below 1e-24 relative.
 */
static double t_quantile_large_df(double z, double df)
{
    double z2 = z * z;
    double g1 = (z2 + 1) * z / 4;
    double g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
    double g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
    double g4 =
        ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z /
        92160;
    return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

double tally__ci_t_quantile(double p, double df)
{
    if (!(p > 0 && p <= 0.5) || !(df > 0))
        return NAN;
    if (p == 0.5)
        return 0;
    if (df > 1e6)
        return t_quantile_large_df(gsl_cdf_ugaussian_Qinv(p), df);
    /* P(T > t) = I_x(df/2, 1/2) / 2 with x = df / (df + t^2)
       (Abramowitz & Stegun 26.7.1 and 26.5.27). */
    double y;
    double x = tally__ci_beta_quantile(2 * p, df / 2, 0.5, 0, &y);
    return sqrt(df) * sqrt(y / x);
}

int tally__ci_level_ok(double level)
{
    return level > 0 && level < 1;
}

double tally__ci_z(double level)
{
    return gsl_cdf_ugaussian_Qinv((1 - level) / 2);
}
