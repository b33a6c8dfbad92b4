/*
 * assoc_ordinal.c: Goodman and Kruskal's gamma, Kendall's tau-b, Stuart's
 * tau-c and Somers' d, each with its asymptotic standard error ASE1 (the
 * non-null one, for confidence intervals), on a table whose rows and
 * columns are both ordered.
 *
 * Definitions: SPSS Statistical Algorithms, CROSSTABS, "Ordinal
 * measures", as implemented in GNU PSPP 1.6 crosstabs.c
 * (calc_symmetric). With C_ij (D_ij) the count of cells concordant
 * (discordant) with cell ij, P = sum f_ij C_ij and Q = sum f_ij D_ij are
 * twice the concordant and discordant pairs; Dr = n^2 - sum r_i^2 and
 * Dc = n^2 - sum c_j^2 twice the pairs not tied on the row (column).
 * Every ASE1 is the delta-method standard error of a ratio N/D of two
 * quadratic forms in the counts (Brown and Benedetti 1977, JASA
 * 72:309-315):
 *     ASE1 = sqrt(sum f_ij (D dN_ij - N dD_ij)^2) / D^2,
 * dN_ij and dD_ij the derivatives of N and D with respect to f_ij. The
 * expressions below are that formula written out; tau-b's is in the
 * centred form, algebraically the same as SPSS's
 * sum f (2w(C-D) + tau v)^2 - n^3 tau^2 (Dr+Dc)^2 but without its
 * cancellation. PSPP 1.6 prints no ASE for the symmetric Somers' d; ours
 * is the same delta method with D = (Dr + Dc) / 2 (SPSS Statistical
 * Algorithms' formula), checked numerically in assoc_reference.py.
 */
#include <math.h>

#include "alloc.h"
#include "assoc_internal.h"

typedef struct pairs {
    double *conc, *disc; /* C_ij, D_ij */
    double p, q, dr, dc;
} pairs;

/* S[i][j] = sum of f_kl over k < i, l < j, an (r+1) x (c+1) array. */
static void prefix_sums(const tally__xt *t, double *s)
{
    size_t w = t->c + 1;
    for (size_t j = 0; j < w; j++)
        s[j] = 0;
    for (size_t i = 0; i < t->r; i++) {
        double row = 0;
        s[(i + 1) * w] = 0;
        for (size_t j = 0; j < t->c; j++) {
            row += t->f[i * t->c + j];
            s[(i + 1) * w + j + 1] = s[i * w + j + 1] + row;
        }
    }
}

static void count_pairs(const tally__xt *t, const double *s, pairs *pr)
{
    size_t w = t->c + 1, r = t->r, c = t->c;
    pr->p = pr->q = 0;
    for (size_t i = 0; i < r; i++)
        for (size_t j = 0; j < c; j++) {
            double below_right = t->n - s[(i + 1) * w + c] -
                                 s[r * w + j + 1] + s[(i + 1) * w + j + 1];
            double above_left = s[i * w + j];
            double below_left = s[r * w + j] - s[(i + 1) * w + j];
            double above_right = s[i * w + c] - s[i * w + j + 1];
            double f = t->f[i * c + j];
            pr->conc[i * c + j] = below_right + above_left;
            pr->disc[i * c + j] = below_left + above_right;
            pr->p += f * pr->conc[i * c + j];
            pr->q += f * pr->disc[i * c + j];
        }
    pr->dr = pr->dc = t->n * t->n;
    for (size_t i = 0; i < r; i++)
        pr->dr -= t->rt[i] * t->rt[i];
    for (size_t j = 0; j < c; j++)
        pr->dc -= t->ct[j] * t->ct[j];
}

/* The sums of squares under the ASE1 square roots. */
typedef struct sums {
    double gamma, tau_b, tau_c, d_row, d_col, d_sym;
} sums;

static sums ase_sums(const tally__xt *t, const pairs *pr, double tau_b)
{
    sums s = {0};
    double n = t->n, pq = pr->p - pr->q, w = sqrt(pr->dr * pr->dc);
    for (size_t i = 0; i < t->r; i++)
        for (size_t j = 0; j < t->c; j++) {
            size_t k = i * t->c + j;
            double f = t->f[k], cd = pr->conc[k] - pr->disc[k];
            double nr = n - t->rt[i], nc = n - t->ct[j];
            double g = pr->q * pr->conc[k] - pr->p * pr->disc[k];
            double b = 2 * w * cd - tau_b * (pr->dc * nr + pr->dr * nc);
            double drow = pr->dc * cd - pq * nc;
            double dcol = pr->dr * cd - pq * nr;
            double dsym = (pr->dr + pr->dc) * cd - pq * (nr + nc);
            s.gamma += f * g * g;
            s.tau_b += f * b * b;
            s.tau_c += f * cd * cd;
            s.d_row += f * drow * drow;
            s.d_col += f * dcol * dcol;
            s.d_sym += f * dsym * dsym;
        }
    s.tau_c -= pq * pq / n;
    return s;
}

static void measures(const tally__xt *t, const pairs *pr, tally_assoc *out)
{
    double n = t->n, pq = pr->p - pr->q;
    double m = (double)(t->r < t->c ? t->r : t->c);
    double tau_b = pq / sqrt(pr->dr * pr->dc);
    sums s = ase_sums(t, pr, tau_b);
    out->tau_b.value = tau_b;
    out->tau_b.ase = sqrt(s.tau_b) / (pr->dr * pr->dc);
    /* Stuart (1953): tau-c = 2m(P' - Q') / (n^2 (m - 1)) with P', Q' the
       pair counts (= P/2, Q/2); m = min(r, c). */
    out->tau_c.value = m * pq / (n * n * (m - 1));
    out->tau_c.ase = 2 * m / ((m - 1) * n * n) * sqrt(fmax(0, s.tau_c));
    if (pr->p + pr->q > 0) {
        double pq2 = (pr->p + pr->q) * (pr->p + pr->q);
        out->gamma.value = pq / (pr->p + pr->q);
        out->gamma.ase = 4 / pq2 * sqrt(s.gamma);
    } else {
        tally__assoc_note(out, "every pair of cases is tied on the row or "
                          "the column: gamma is undefined");
    }
    out->somers_row.value = pq / pr->dc;
    out->somers_row.ase = 2 / (pr->dc * pr->dc) * sqrt(s.d_row);
    out->somers_col.value = pq / pr->dr;
    out->somers_col.ase = 2 / (pr->dr * pr->dr) * sqrt(s.d_col);
    double dsum = pr->dr + pr->dc;
    out->somers_sym.value = 2 * pq / dsum;
    out->somers_sym.ase = 4 / (dsum * dsum) * sqrt(s.d_sym);
}

tally_status tally__assoc_ordinal(const tally__xt *t, tally_assoc *out)
{
    size_t cells = t->r * t->c;
    size_t need = (t->r + 1) * (t->c + 1) + 2 * cells;
    double *block = tally__malloc(need * sizeof *block);
    if (!block)
        return TALLY_ERR_NOMEM;
    pairs pr = {.conc = block, .disc = block + cells};
    double *s = block + 2 * cells;
    prefix_sums(t, s);
    count_pairs(t, s, &pr);
    measures(t, &pr, out);
    tally__free(block);
    return TALLY_OK;
}
