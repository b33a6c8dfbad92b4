/*
 * ci_internal.h: internals shared by ci.c, ci_dist.c and ci_multinomial.c.
 */
#ifndef TALLY_CI_INTERNAL_H
#define TALLY_CI_INTERNAL_H

/*
 * Quantile of the Beta(a, b) distribution: the x with P(X <= x) = p
 * (upper = 0) or P(X > x) = p (upper = 1). Needs 0 < p < 1 and finite
 * a, b > 0, else returns NaN; never calls a GSL quantile function. When
 * comp is not NULL it receives 1 - x, computed without cancellation.
 */
double tally__ci_beta_quantile(double p, double a, double b, int upper,
                               double *comp);

/*
 * Upper quantile of Student's t with df > 0 degrees of freedom: the t with
 * P(T > t) = p, for 0 < p <= 1/2. NaN for other arguments.
 */
double tally__ci_t_quantile(double p, double df);

/* 1 when 0 < level < 1 (NaN fails). */
int tally__ci_level_ok(double level);

/* The two-sided normal critical value z(1 - (1 - level) / 2). */
double tally__ci_z(double level);

#endif /* TALLY_CI_INTERNAL_H */
