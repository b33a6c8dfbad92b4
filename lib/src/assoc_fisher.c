/*
 * assoc_fisher.c: Fisher's exact test of independence, two-sided, for
 * whole counts. The p-value is the probability, given both margins, of
 * the tables no more probable than the observed one (Agresti 2013, 3.5;
 * Mehta and Patel 1983, JASA 78:427-434), with R fisher.test()'s
 * tolerance: a table counts when its probability is at most
 * p_obs (1 + 1e-7), so that rounding does not split tables of equal
 * probability.
 *
 * - 2 x 2: the hypergeometric distribution of the first cell, as R
 *   (dnhyper with odds ratio 1).
 * - r x c: exact by the network algorithm (assoc_fisher_net.c) when the
 *   table is small enough (at most about 1e11 tables with its margins,
 *   and within opts->exact_limit work); else Monte Carlo with
 *   opts->replicates tables (assoc_fisher_mc.c).
 */
#include <math.h>
#include <stdlib.h>

#include "alloc.h"
#include "assoc_fisher_net.h"
#include "assoc_internal.h"

/* Work (node entries times column vectors) before giving up on
   enumeration; about 0.1 s and 100 MB at most. */
#define DEFAULT_LIMIT 5e6
#define DEFAULT_REPLICATES 100000
#define REL_TOL 1e-7
/* Enumeration tabulates log k! up to n: beyond this n it is not tried
   (no such table could be enumerated in time anyway). */
#define LFACT_MAX 1e6
/* log(1e11): more tables than this (by log_tables_bound) are not
   enumerated; t3x5 of the tests has about 1e8 and takes 0.5 s. */
#define LOG_MAX_TABLES 25.33

static double lfact(double k)
{
    int sign;
    return lgamma_r(k + 1, &sign);
}

/* 2 x 2: P(X = x) for x in lo..hi, as weights relative to the most
   probable x, computed in logs (R's dnhyper). */
static double fisher_2x2(const tally__xt *t)
{
    double m = t->rt[0], nn = t->rt[1], k = t->ct[0], x = t->f[0];
    double lo = fmax(0, k - nn), hi = fmin(k, m);
    double lmax = -INFINITY, lobs = 0;
    /* log of C(m, y) C(nn, k - y) without the constant C(m + nn, k) */
#define LD(y) (-lfact(y) - lfact(m - (y)) - lfact(k - (y)) - \
               lfact(nn - k + (y)))
    for (double y = lo; y <= hi; y++)
        lmax = fmax(lmax, LD(y));
    lobs = LD(x) - lmax;
    double total = 0, tail = 0, cut = exp(lobs) * (1 + REL_TOL);
    for (double y = lo; y <= hi; y++) {
        double w = exp(LD(y) - lmax);
        total += w;
        if (w <= cut)
            tail += w;
    }
#undef LD
    return fmin(1, tail / total);
}

static int cmp_i32(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

/* Tables with more cells than this are not enumerated (such tables
   exceed any work limit anyway). */
#define ENUM_MAX_CELLS 400

/* The r x c exact p-value by assoc_fisher_net.c: rows the shorter
   margin, columns ascending (Mehta and Patel's ordering). */
static tally_status fisher_exact_rc(const tally__xt *t, const double *lf,
                                    double lp_obs, double limit, double *p,
                                    int *gave_up)
{
    int flip = t->r > t->c;
    size_t r = flip ? t->c : t->r, c = flip ? t->r : t->c;
    int32_t *m = tally__malloc((r + c) * sizeof *m);
    if (!m)
        return TALLY_ERR_NOMEM;
    for (size_t i = 0; i < r; i++)
        m[i] = (int32_t)(flip ? t->ct[i] : t->rt[i]);
    for (size_t j = 0; j < c; j++)
        m[r + j] = (int32_t)(flip ? t->rt[j] : t->ct[j]);
    qsort(m + r, c, sizeof *m, cmp_i32);
    tally_status st = tally__fisher_network(m, r, m + r, c, lf, lp_obs,
                                            limit, p, gave_up);
    tally__free(m);
    return st;
}

/* log of an upper bound on the number of tables with the margins of t:
   each column but the largest, on its own, is one of C(c_j + r - 1,
   r - 1) compositions (r the shorter side). */
static double log_tables_bound(const tally__xt *t)
{
    int flip = t->r > t->c;
    size_t r = flip ? t->c : t->r, c = flip ? t->r : t->c;
    double sum = 0, max = 0;
    for (size_t j = 0; j < c; j++) {
        double cj = flip ? t->rt[j] : t->ct[j];
        double l = lfact(cj + (double)r - 1) - lfact(cj) -
                   lfact((double)r - 1);
        sum += l;
        max = fmax(max, l);
    }
    return sum - max;
}

/* log k! for k = 0 .. min(n, cap - 1), so the caller needs n < cap. */
static double *lfact_table(double n, size_t *len)
{
    size_t m = (size_t)n + 1;
    double *lf = tally__malloc(m * sizeof *lf);
    if (!lf)
        return NULL;
    lf[0] = 0;
    for (size_t k = 1; k < m; k++)
        lf[k] = lf[k - 1] + log((double)k);
    *len = m;
    return lf;
}

tally_status tally__assoc_fisher(const tally__xt *t,
                                 const tally_assoc_opts *opts,
                                 tally_assoc *out)
{
    if (!t->integer) {
        tally__assoc_note(out, "Fisher's exact test needs whole counts; "
                          "with non-integer weights it is not computed");
        return TALLY_OK;
    }
    if (t->r == 2 && t->c == 2) {
        out->fisher_p = fisher_2x2(t);
        out->fisher_method = TALLY_FISHER_EXACT;
        return TALLY_OK;
    }
    double lp_obs = 0;
    for (size_t i = 0; i < t->r * t->c; i++)
        lp_obs -= lfact(t->f[i]);
    double limit = opts->exact_limit > 0 ? opts->exact_limit : DEFAULT_LIMIT;
    size_t len = 0, b = opts->replicates ? opts->replicates
                                         : DEFAULT_REPLICATES;
    int gave_up = 1;
    double *lf = NULL;
    /* a table with astronomically many completions goes straight to
       Monte Carlo instead of spending the work limit first */
    if (t->r * t->c <= ENUM_MAX_CELLS && t->n < LFACT_MAX &&
        log_tables_bound(t) <= LOG_MAX_TABLES) {
        lf = lfact_table(t->n, &len);
        if (!lf)
            return TALLY_ERR_NOMEM;
        tally_status st = fisher_exact_rc(t, lf, lp_obs, limit,
                                          &out->fisher_p, &gave_up);
        tally__free(lf);
        TALLY_TRY(st);
    }
    if (!gave_up) {
        out->fisher_method = TALLY_FISHER_EXACT;
        return TALLY_OK;
    }
    TALLY_TRY(tally__fisher_monte_carlo(t, lp_obs, opts->seed, b,
                                        &out->fisher_p));
    out->fisher_method = TALLY_FISHER_MONTE_CARLO;
    out->fisher_replicates = b;
    tally__assoc_note(out, "Fisher's exact test: p-value simulated from "
                      "%zu random tables (too many tables to enumerate)", b);
    return TALLY_OK;
}
