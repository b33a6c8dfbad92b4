/*
 * assoc_internal.h: the pieces of tally_assoc_compute (assoc.c), one file
 * per family of statistics. Each works on the compacted table (no empty
 * row or column) and fills its fields of tally_assoc, leaving NaN and a
 * note where the statistic is undefined.
 */
#ifndef TALLY_ASSOC_INTERNAL_H
#define TALLY_ASSOC_INTERNAL_H

#include "common.h"

/* A table with every row and column total > 0, row-major. */
typedef struct tally__xt {
    size_t r, c;
    const double *f;   /* r * c counts                            */
    const double *rt;  /* r row totals                            */
    const double *ct;  /* c column totals                         */
    double n;          /* grand total                             */
    int integer;       /* every count is a whole number           */
} tally__xt;

/* Append a note to out (the last slot says that more were cut). */
void tally__assoc_note(tally_assoc *out, const char *fmt, ...)
    TALLY__PRINTF(2, 3);

/* Upper tail of chi-square with df degrees of freedom, guarded so that
   GSL is only called with a finite x >= 0 and df > 0; NaN otherwise. */
double tally__chisq_q(double x, double df);

/* Two-sided normal p-value 2 Q(|z|); NaN for a NaN z. */
double tally__normal_p2(double z);

/* assoc_chisq.c: Pearson, G^2, Yates, Cramer's V, phi. */
void tally__assoc_chisq(const tally__xt *t, tally_assoc *out);

/* assoc_ordinal.c: gamma, tau-b, tau-c, Somers' d with ASE1. */
tally_status tally__assoc_ordinal(const tally__xt *t, tally_assoc *out);

/* assoc_rank.c: Kruskal-Wallis and Mann-Whitney across the columns. */
void tally__assoc_rank(const tally__xt *t, tally_assoc *out);

/* assoc_fisher.c: Fisher's exact test (exact or Monte Carlo). */
tally_status tally__assoc_fisher(const tally__xt *t,
                                 const tally_assoc_opts *opts,
                                 tally_assoc *out);

/* assoc_fisher_mc.c: the Monte Carlo p-value of Fisher's test; stat_obs
   is -sum(log f_ij!) of the observed table. */
tally_status tally__fisher_monte_carlo(const tally__xt *t, double stat_obs,
                                       uint64_t seed, size_t replicates,
                                       double *p);

#endif /* TALLY_ASSOC_INTERNAL_H */
