/*
 * assoc_fisher_mc.c: Fisher's exact test by Monte Carlo, as R
 * fisher.test(simulate.p.value = TRUE): B random tables with the
 * observed margins, drawn as R's r2dtable() does (Patefield 1981,
 * Applied Statistics 30:91-97, algorithm AS 159: the table is filled
 * cell by cell, each cell from its hypergeometric distribution given
 * the cells before it, sampled by inversion searching outwards from the
 * mode). The statistic is S = -sum log f_ij! (the table's probability
 * up to a constant), and
 *     p = (1 + #{S_sim <= S_obs / (1 + 64 eps)}) / (B + 1),
 * R's rule (its factor keeps rounding from hiding ties with the observed
 * table). The generator is our own xoshiro256** (Blackman and Vigna
 * 2018), seeded by splitmix64, so results are reproducible for a seed
 * but are not R's random numbers.
 */
#include <float.h>
#include <math.h>

#include "alloc.h"
#include "assoc_internal.h"

#define DEFAULT_SEED 20240101u
/* log k! is tabulated up to this n (8 MiB); lgamma_r beyond. */
#define LFACT_TABLE_MAX (1u << 20)

typedef struct rng {
    uint64_t s[4];
} rng;

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static double rng_uniform(rng *g)
{
    uint64_t *s = g->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return (double)(result >> 11) * 0x1.0p-53;
}

typedef struct mc {
    const double *lf; /* log k! for k < n_lf */
    size_t n_lf;
    rng g;
} mc;

static double lfact(const mc *m, int64_t k)
{
    if ((uint64_t)k < m->n_lf)
        return m->lf[k];
    int sign;
    return lgamma_r((double)k + 1, &sign);
}

/* One draw of the number of "good" items among `draws` taken without
   replacement from `total` items of which `good` are good. */
static int64_t hypergeom(mc *m, int64_t draws, int64_t good, int64_t total)
{
    int64_t bad = total - good;
    if (draws == 0 || good == 0)
        return 0;
    if (bad == 0)
        return draws;
    int64_t lo = draws > bad ? draws - bad : 0;
    int64_t hi = draws < good ? draws : good;
    int64_t mode = (int64_t)(((double)draws + 1) * ((double)good + 1) /
                             ((double)total + 2));
    mode = mode < lo ? lo : mode > hi ? hi : mode;
    double pm = exp(lfact(m, good) - lfact(m, mode) - lfact(m, good - mode) +
                    lfact(m, bad) - lfact(m, draws - mode) -
                    lfact(m, bad - draws + mode) - lfact(m, total) +
                    lfact(m, draws) + lfact(m, total - draws));
    double u = rng_uniform(&m->g) - pm;
    int64_t up = mode, down = mode;
    double pu = pm, pd = pm;
    while (u > 0 && (up < hi || down > lo)) {
        if (up < hi) {
            pu *= (double)(good - up) * (double)(draws - up) /
                  ((double)(up + 1) * (double)(bad - draws + up + 1));
            up++;
            u -= pu;
            if (u <= 0)
                return up;
        }
        if (down > lo) {
            pd *= (double)down * (double)(bad - draws + down) /
                  ((double)(good - down + 1) * (double)(draws - down + 1));
            down--;
            u -= pd;
        }
        if (u <= 0)
            return down;
    }
    return mode; /* u left over from rounding: the likeliest value */
}

/* One random table with the margins of t; returns -sum log f_ij!. */
static double random_table(mc *m, const tally__xt *t, int64_t *cc)
{
    size_t r = t->r, c = t->c;
    double stat = 0;
    int64_t left = (int64_t)t->n;
    for (size_t j = 0; j < c; j++)
        cc[j] = (int64_t)t->ct[j];
    for (size_t i = 0; i + 1 < r; i++) {
        int64_t ia = (int64_t)t->rt[i], pop = left;
        for (size_t j = 0; j + 1 < c && ia > 0; j++) {
            int64_t x = hypergeom(m, ia, cc[j], pop);
            pop -= cc[j];
            cc[j] -= x;
            ia -= x;
            stat -= lfact(m, x);
        }
        cc[c - 1] -= ia;
        stat -= lfact(m, ia);
        left -= (int64_t)t->rt[i];
    }
    for (size_t j = 0; j < c; j++)
        stat -= lfact(m, cc[j]);
    return stat;
}

tally_status tally__fisher_monte_carlo(const tally__xt *t, double stat_obs,
                                       uint64_t seed, size_t replicates,
                                       double *p)
{
    size_t n_lf = (size_t)t->n + 1;
    n_lf = n_lf < LFACT_TABLE_MAX ? n_lf : LFACT_TABLE_MAX;
    double *lf = tally__malloc(n_lf * sizeof *lf);
    int64_t *cc = tally__malloc(t->c * sizeof *cc);
    if (!lf || !cc) {
        tally__free(lf);
        tally__free(cc);
        return TALLY_ERR_NOMEM;
    }
    lf[0] = 0;
    for (size_t k = 1; k < n_lf; k++)
        lf[k] = lf[k - 1] + log((double)k);
    mc m = {.lf = lf, .n_lf = n_lf};
    uint64_t x = seed ? seed : DEFAULT_SEED;
    for (size_t i = 0; i < 4; i++)
        m.g.s[i] = splitmix64(&x);
    double limit = stat_obs / (1 + 64 * DBL_EPSILON);
    size_t hits = 0;
    for (size_t b = 0; b < replicates; b++)
        hits += random_table(&m, t, cc) <= limit;
    *p = (1 + (double)hits) / ((double)replicates + 1);
    tally__free(lf);
    tally__free(cc);
    return TALLY_OK;
}
