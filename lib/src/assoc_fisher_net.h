/*
 * assoc_fisher_net.h: the exact r x c Fisher p-value (network algorithm,
 * assoc_fisher_net.c), used by assoc_fisher.c.
 */
#ifndef TALLY_ASSOC_FISHER_NET_H
#define TALLY_ASSOC_FISHER_NET_H

#include <stddef.h>
#include <stdint.h>

#include "common.h"

/*
 * The two-sided p-value of the table with row totals rt (r of them) and
 * column totals ct (c, ascending), whose own log weight is
 * lp_obs = -sum log f_ij!: the probability of the tables with weight at
 * most lp_obs + log(1 + 1e-7). lf holds log k! for k <= n. *gave_up is 1
 * when the work passed limit (then *p is meaningless).
 */
tally_status tally__fisher_network(const int32_t *rt, size_t r,
                                   const int32_t *ct, size_t c,
                                   const double *lf, double lp_obs,
                                   double limit, double *p, int *gave_up);

#endif /* TALLY_ASSOC_FISHER_NET_H */
