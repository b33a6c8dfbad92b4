/*
 * assoc.c: tally_assoc_compute, the driver. Checks the table, drops the
 * rows and columns whose total is 0 (DESIGN.md section 4: "rows or
 * columns that are entirely empty are dropped from a test, and the output
 * says so"), and hands the compacted table to the statistics in
 * assoc_chisq.c, assoc_ordinal.c, assoc_rank.c and assoc_fisher.c.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "assoc_internal.h"

#include <gsl/gsl_cdf.h>

void tally__assoc_note(tally_assoc *out, const char *fmt, ...)
{
    size_t max = TALLY_ARRAY_SIZE(out->notes);
    if (out->n_notes >= max)
        return;
    char *dst = out->notes[out->n_notes++];
    if (out->n_notes == max) {
        snprintf(dst, sizeof out->notes[0], "further notes omitted");
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(dst, sizeof out->notes[0], fmt, ap);
    va_end(ap);
}

double tally__chisq_q(double x, double df)
{
    /* gsl_cdf_chisq_Q returns 0 without an error far in the tail (checked
       on GSL 2.7.1: x up to 1e300, df 1 to 1000); only the domain needs a
       guard. */
    if (!(df > 0) || !isfinite(df) || !(x >= 0))
        return NAN;
    if (isinf(x))
        return 0;
    return gsl_cdf_chisq_Q(x, df);
}

double tally__normal_p2(double z)
{
    if (isnan(z))
        return NAN;
    double p = 2 * gsl_cdf_ugaussian_Q(fabs(z));
    return p > 1 ? 1 : p;
}

static void reset(tally_assoc *out)
{
    memset(out, 0, sizeof *out);
    double *nan_fields[] = {
        &out->n, &out->chisq, &out->chisq_df, &out->chisq_p,
        &out->min_expected, &out->lr, &out->lr_df, &out->lr_p, &out->yates,
        &out->yates_p, &out->fisher_p, &out->cramers_v, &out->phi,
        &out->gamma.value, &out->gamma.ase, &out->tau_b.value,
        &out->tau_b.ase, &out->tau_c.value, &out->tau_c.ase,
        &out->somers_row.value, &out->somers_row.ase,
        &out->somers_col.value, &out->somers_col.ase,
        &out->somers_sym.value, &out->somers_sym.ase, &out->kruskal_h,
        &out->kruskal_df, &out->kruskal_p, &out->mw_u, &out->mw_z,
        &out->mw_p};
    for (size_t i = 0; i < TALLY_ARRAY_SIZE(nan_fields); i++)
        *nan_fields[i] = NAN;
}

/* "rows 2, 5 have no counts ..." with 1-based indices; a long list is
   cut with "...". */
static void note_dropped(tally_assoc *out, const char *what,
                         const double *tot, size_t k, size_t dropped)
{
    char list[120] = "";
    size_t len = 0;
    for (size_t i = 0; i < k && len < sizeof list - 16; i++)
        if (tot[i] == 0) {
            int w = snprintf(list + len, sizeof list - len, "%s%zu",
                             len ? ", " : "", i + 1);
            len += w > 0 ? (size_t)w : 0;
        }
    if (len >= sizeof list - 16)
        snprintf(list + len, sizeof list - len, ", ...");
    tally__assoc_note(out, "%s%s %s (1-based) %s no counts and %s left "
                      "out of the tests", what, dropped > 1 ? "s" : "", list,
                      dropped > 1 ? "have" : "has",
                      dropped > 1 ? "are" : "is");
}

static tally_status check_input(const double *counts, size_t r, size_t c,
                                tally_assoc *out, tally_error *err)
{
    if (!counts || !out || r == 0 || c == 0)
        return tally__fail(err, TALLY_ERR_INVALID_ARG,
                           "assoc: no table (NULL or 0 rows or columns)");
    if (r > SIZE_MAX / c)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "assoc: too large");
    for (size_t i = 0; i < r * c; i++)
        if (!(counts[i] >= 0) || !isfinite(counts[i]))
            return tally__fail(err, TALLY_ERR_INVALID_ARG,
                               "assoc: count %zu of row %zu, column %zu is "
                               "negative or not finite",
                               i, i / c + 1, i % c + 1);
    return TALLY_OK;
}

/* The compacted table and its margins, in one block *block owned by the
   caller. */
static tally_status compact(const double *counts, size_t r, size_t c,
                            const double *rt, const double *ct, size_t ru,
                            size_t cu, tally__xt *t, double **block)
{
    double *f = tally__malloc((ru * cu + ru + cu) * sizeof *f);
    *block = f;
    if (!f)
        return TALLY_ERR_NOMEM;
    double *rtu = f + ru * cu, *ctu = rtu + ru;
    size_t k = 0, ii = 0;
    t->integer = 1;
    for (size_t i = 0; i < r; i++) {
        if (rt[i] == 0)
            continue;
        size_t jj = 0;
        for (size_t j = 0; j < c; j++) {
            if (ct[j] == 0)
                continue;
            double v = counts[i * c + j];
            f[k++] = v;
            t->integer &= v == floor(v);
            ctu[jj++] = ct[j];
        }
        rtu[ii++] = rt[i];
    }
    t->r = ru;
    t->c = cu;
    t->f = f;
    t->rt = rtu;
    t->ct = ctu;
    return TALLY_OK;
}

/* Which statistics apply. For a table that has fewer than 2 non-empty
   rows or columns left, the ones that would have applied to its original
   shape are still announced, NaN (a null, not an omission). */
static void set_flags(const tally_assoc_opts *o, size_t r, size_t c,
                      tally_assoc *out)
{
    size_t ru = out->rows_used, cu = out->cols_used;
    int degenerate = ru < 2 || cu < 2;
    out->has_yates = (ru == 2 && cu == 2) || (degenerate && r == 2 && c == 2);
    out->has_phi = out->has_yates;
    out->has_ordinal = o->row_ordered && o->col_ordered;
    out->has_kruskal = o->row_ordered && c >= 2;
    out->has_mann_whitney =
        o->row_ordered && (cu == 2 || (degenerate && c == 2));
}

static void margins(const double *counts, size_t r, size_t c, double *rt,
                    double *ct, tally_assoc *out)
{
    out->n = 0;
    for (size_t i = 0; i < r; i++)
        for (size_t j = 0; j < c; j++) {
            rt[i] += counts[i * c + j];
            ct[j] += counts[i * c + j];
        }
    for (size_t i = 0; i < r; i++) {
        out->rows_used += rt[i] > 0;
        out->n += rt[i];
    }
    for (size_t j = 0; j < c; j++)
        out->cols_used += ct[j] > 0;
    out->cells = out->rows_used * out->cols_used;
}

/* Whether Fisher's test is wanted (tally_fisher_when). In "auto" a
   large table whose expected counts are all 5 or more is left out: the
   chi-square approximation is then accurate (Cochran 1954, "Some methods
   for strengthening the common chi-square tests", Biometrics 10:417-451)
   and simulating 100,000 tables of a national survey's size costs
   seconds per table. */
static int want_fisher(const tally_assoc_opts *o, tally_assoc *out)
{
    tally_fisher_when w = o->fisher;
    if (w == TALLY_FISHER_NEVER) {
        tally__assoc_note(out, "Fisher's exact test not asked for");
        return 0;
    }
    if (w != TALLY_FISHER_AUTO || out->has_yates || out->n <= 1000 ||
        out->min_expected < 5)
        return 1;
    tally__assoc_note(out, "Fisher's exact test not computed: n > 1000 and "
                           "every expected count is at least 5, where the "
                           "chi-square test is accurate");
    return 0;
}

tally_status tally_assoc_compute(const double *counts, size_t r, size_t c,
                                 const tally_assoc_opts *opts,
                                 tally_assoc *out, tally_error *err)
{
    static const tally_assoc_opts defaults = {0};
    const tally_assoc_opts *o = opts ? opts : &defaults;
    TALLY_TRY(check_input(counts, r, c, out, err));
    reset(out);
    tally_status st = TALLY_OK;
    tally__xt t = {0};
    double *block = NULL;
    double *rt = tally__calloc(r + c, sizeof *rt);
    if (!rt)
        return tally__nomem(err);
    double *ct = rt + r;
    margins(counts, r, c, rt, ct, out);
    set_flags(o, r, c, out);
    if (out->rows_used < r)
        note_dropped(out, "row", rt, r, r - out->rows_used);
    if (out->cols_used < c)
        note_dropped(out, "column", ct, c, c - out->cols_used);
    if (out->rows_used < 2 || out->cols_used < 2) {
        tally__assoc_note(out, "fewer than 2 non-empty rows or columns: "
                          "no test or measure of association");
        goto done;
    }
    TALLY_CHECK(compact(counts, r, c, rt, ct, out->rows_used,
                        out->cols_used, &t, &block));
    t.n = out->n;
    tally__assoc_chisq(&t, out);
    if (out->has_ordinal)
        TALLY_CHECK(tally__assoc_ordinal(&t, out));
    if (o->row_ordered)
        tally__assoc_rank(&t, out);
    if (want_fisher(o, out))
        TALLY_CHECK(tally__assoc_fisher(&t, o, out));
done:
    tally__free(block);
    tally__free(rt);
    if (st == TALLY_ERR_NOMEM)
        tally__nomem(err);
    return st;
}
