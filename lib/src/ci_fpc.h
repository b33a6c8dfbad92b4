/*
 * ci_fpc.h: proportion intervals with a finite population correction,
 * as DESIGN.md section 4 defines it: fpc = sqrt((N - n) / (N - 1)); the
 * Wald-type intervals (Wald, Agresti-Coull) multiply their standard error
 * by fpc; score, exact and Bayesian intervals use the effective sample
 * size n / fpc^2 with x scaled alike (Korn & Graubard 1998, "Confidence
 * intervals for proportions with small expected number of positive
 * counts estimated from survey data", Survey Methodology 24:193-201).
 * fpc = 1 is no correction; fpc = 0 (a census) gives [p, p].
 */
#ifndef TALLY_CI_FPC_H
#define TALLY_CI_FPC_H

#include "common.h"

tally_status tally__ci_fpc(tally_ci_method method, double x, double n,
                           double level, double fpc, double *lo,
                           double *hi);

/* The same for every category of a count vector (simultaneous methods
   included); lo and hi have k slots. */
tally_status tally__ci_fpc_multinomial(tally_ci_method method,
                                       const double *x, size_t k,
                                       double level, double fpc, double *lo,
                                       double *hi);

/* TALLY_OK when method is a known method and level is 0 (the default)
   or inside (0, 1); else TALLY_ERR_INVALID_ARG with a message. */
tally_status tally__ci_check_request(tally_ci_method method, double level,
                                     tally_error *err);

#endif /* TALLY_CI_FPC_H */
