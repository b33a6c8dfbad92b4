/* ci_fpc.c: see ci_fpc.h. */
#include <math.h>

#include <gsl/gsl_cdf.h>

#include "alloc.h"
#include "ci_fpc.h"

/* Agresti & Coull (1998), "Approximate is better than 'exact' for
   interval estimation of binomial proportions", The American
   Statistician 52:119-126: the Wald interval around
   p~ = (x + z^2/2) / (n + z^2) with n + z^2 trials; here with its
   standard error multiplied by fpc. */
static void agresti_coull_fpc(double x, double n, double level, double fpc,
                              double *lo, double *hi)
{
    double z = gsl_cdf_ugaussian_Qinv((1 - level) / 2);
    double nt = n + z * z, pt = (x + z * z / 2) / nt;
    double half = z * fpc * sqrt(pt * (1 - pt) / nt);
    *lo = fmax(0, pt - half);
    *hi = fmin(1, pt + half);
}

tally_status tally__ci_fpc(tally_ci_method method, double x, double n,
                           double level, double fpc, double *lo,
                           double *hi)
{
    if (!(level > 0 && level < 1))
        return TALLY_ERR_INVALID_ARG;
    if (fpc >= 1 || !(n > 0))
        return tally_ci_proportion(method, x, n, level, lo, hi);
    if (fpc <= 0) {
        *lo = *hi = x / n;
        return TALLY_OK;
    }
    if (method == TALLY_CI_AGRESTI_COULL) {
        agresti_coull_fpc(x, n, level, fpc, lo, hi);
        return TALLY_OK;
    }
    /* Wald with n / fpc^2 trials is exactly Wald with se * fpc. */
    double f2 = fpc * fpc;
    return tally_ci_proportion(method, x / f2, n / f2, level, lo, hi);
}

tally_status tally__ci_fpc_multinomial(tally_ci_method method,
                                       const double *x, size_t k,
                                       double level, double fpc, double *lo,
                                       double *hi)
{
    double n = 0;
    for (size_t i = 0; i < k; i++)
        n += x[i];
    if (!tally_ci_method_is_simultaneous(method)) {
        for (size_t i = 0; i < k; i++)
            TALLY_TRY(tally__ci_fpc(method, x[i], n, level, fpc, &lo[i],
                                    &hi[i]));
        return TALLY_OK;
    }
    if (fpc >= 1 || !(n > 0))
        return tally_ci_multinomial(method, x, k, level, lo, hi);
    if (fpc <= 0) {
        for (size_t i = 0; i < k; i++)
            lo[i] = hi[i] = x[i] / n;
        return TALLY_OK;
    }
    double *scaled = tally__malloc(k * sizeof *scaled);
    if (!scaled)
        return TALLY_ERR_NOMEM;
    for (size_t i = 0; i < k; i++)
        scaled[i] = x[i] / (fpc * fpc);
    tally_status st = tally_ci_multinomial(method, scaled, k, level, lo, hi);
    tally__free(scaled);
    return st;
}

tally_status tally__ci_check_request(tally_ci_method method, double level,
                                     tally_error *err)
{
    if (level < 0 || level >= 1 || isnan(level))
        return tally__fail(err, TALLY_ERR_INVALID_ARG,
                           "the confidence level must be between 0 and 1");
    if ((unsigned)method >= TALLY_CI_METHOD_COUNT)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "unknown CI method");
    return TALLY_OK;
}
