/*
 * assoc_rank.c: Kruskal-Wallis H and Mann-Whitney U across the column
 * groups of a table whose row categories are ordered values. All cases
 * in row i share the midrank R_i = (cases in rows before i) + (r_i + 1)/2
 * (Kruskal and Wallis 1952, JASA 47:583-621, section 1.4 for ties).
 *
 * Both tests use the tie-corrected variance in its centred form,
 * T = sum r_i (R_i - (n + 1)/2)^2, which equals the textbook
 * ((n^3 - n) - sum (t^3 - t)) / 12 (t the tie sizes r_i) as a polynomial
 * identity, so it holds for non-integer (weighted) counts too:
 *   H = (n - 1) sum_j c_j (Rbar_j - (n + 1)/2)^2 / T,    df = groups - 1,
 * the same as R kruskal.test() (12/(n(n+1)) sum S_j^2/c_j - 3(n+1)
 * divided by 1 - sum(t^3 - t)/(n^3 - n)), without its cancellation;
 *   U = sum over pairs (first group above second) + 1/2 per tie,
 *   z = (U - c_1 c_2 / 2) / sqrt(c_1 c_2 T / (n (n - 1))),
 * the normal approximation with tie correction and no continuity
 * correction of R wilcox.test(x, y, correct = FALSE, exact = FALSE),
 * x the first column group; U is R's W and scipy's mannwhitneyu(x, y)
 * statistic.
 */
#include <math.h>

#include "assoc_internal.h"

/* T, the tie-corrected sum of squares of the ranks about (n + 1)/2. */
static double rank_ss(const tally__xt *t)
{
    double before = 0, mid = (t->n + 1) / 2, ss = 0;
    for (size_t i = 0; i < t->r; i++) {
        double d = before + (t->rt[i] + 1) / 2 - mid;
        ss += t->rt[i] * d * d;
        before += t->rt[i];
    }
    return ss;
}

static void kruskal(const tally__xt *t, double ss, tally_assoc *out)
{
    double mid = (t->n + 1) / 2, between = 0;
    for (size_t j = 0; j < t->c; j++) {
        double before = 0, sum = 0;
        for (size_t i = 0; i < t->r; i++) {
            double rank = before + (t->rt[i] + 1) / 2;
            sum += t->f[i * t->c + j] * rank;
            before += t->rt[i];
        }
        double d = sum / t->ct[j] - mid;
        between += t->ct[j] * d * d;
    }
    out->kruskal_h = (t->n - 1) * between / ss;
    out->kruskal_df = (double)(t->c - 1);
    out->kruskal_p = tally__chisq_q(out->kruskal_h, out->kruskal_df);
}

static void mann_whitney(const tally__xt *t, double ss, tally_assoc *out)
{
    double u = 0, second_below = 0;
    for (size_t i = 0; i < t->r; i++) {
        double a = t->f[i * 2], b = t->f[i * 2 + 1];
        u += a * (second_below + b / 2);
        second_below += b;
    }
    double c1 = t->ct[0], c2 = t->ct[1];
    double sd = sqrt(c1 * c2 * ss / (t->n * (t->n - 1)));
    out->mw_u = u;
    out->mw_z = (u - c1 * c2 / 2) / sd;
    out->mw_p = tally__normal_p2(out->mw_z);
}

void tally__assoc_rank(const tally__xt *t, tally_assoc *out)
{
    /* n <= 1 is possible with weights below 1; the variance of the ranks
       is then not defined (its n - 1 is not positive). */
    if (!(t->n > 1)) {
        tally__assoc_note(out, "total weight %.6g is not above 1: no rank "
                          "test", t->n);
        return;
    }
    double ss = rank_ss(t);
    if (!(ss > 0))
        return; /* one row: excluded by the driver */
    kruskal(t, ss, out);
    if (t->c == 2)
        mann_whitney(t, ss, out);
}
