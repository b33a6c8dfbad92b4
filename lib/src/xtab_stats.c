/*
 * xtab_stats.c: what a counted crosstab shows besides its counts:
 * percentages, intervals of the column percentages, the tests (through
 * tally/assoc.h) and the column letters, with the notes that say what
 * was left out and why.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "ci_fpc.h"
#include "notes.h"
#include "summary.h"
#include "xtab_internal.h"

tally_status tally__xtab_note(tally_xtab *x, tally_xtab_table *t,
                              tally_error *err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = tally__notes_vadd(x->arena, &t->notes, &t->n_notes, fmt, ap);
    va_end(ap);
    return rc == 0 ? TALLY_OK : tally__nomem(err);
}

/* "A, C and D" style list of labels[i] for which pick[i] is set, cut
   short (with a count) to fit in size bytes. */
static size_t list_labels(const char *const *labels, const int *pick,
                          size_t n, char *buf, size_t size)
{
    size_t used = 0, listed = 0, total = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++)
        total += pick[i] != 0;
    for (size_t i = 0; i < n; i++) {
        if (!pick[i])
            continue;
        int room = (int)(size - used);
        int k = snprintf(buf + used, (size_t)room, "%s\"%s\"",
                         listed ? ", " : "", labels[i]);
        if (k < 0 || k >= room - 24) {
            snprintf(buf + used, (size_t)room, " and %zu more",
                     total - listed);
            return total;
        }
        used += (size_t)k;
        listed++;
    }
    return total;
}

/* --- percentages ---------------------------------------------------------- */

static double share(double part, double whole)
{
    return whole > 0 ? part / whole * 100 : NAN;
}

static tally_status percents(tally_xtab *x, tally_xtab_table *t,
                             tally_error *err)
{
    size_t nr = t->n_rows, nc = t->n_cols, n = nr * nc;
    double *p = tally__arena_calloc(x->arena, 3 * n + 1, sizeof *p);
    if (!p)
        return tally__nomem(err);
    double *rowp = p, *colp = p + n, *totp = p + 2 * n;
    for (size_t i = 0; i < nr; i++)
        for (size_t j = 0; j < nc; j++) {
            double c = t->counts[i * nc + j];
            rowp[i * nc + j] = share(c, t->row_totals[i]);
            colp[i * nc + j] = share(c, t->col_bases[j]);
            totp[i * nc + j] = share(c, t->base);
        }
    t->row_percent = rowp;
    t->col_percent = colp;
    t->total_percent = totp;
    return TALLY_OK;
}

/* --- intervals of the column percentages ---------------------------------- */

/* Intervals of column j. A group's population is taken as its share of
   N (the groups sampled at the overall rate), which is all a population
   size for the whole survey can say about them. */
static tally_status column_ci(tally_xtab *x, tally_xtab_table *t, size_t j,
                              double neff, double *xs, double *lo,
                              double *hi)
{
    size_t nr = t->n_rows, nc = t->n_cols;
    double base = t->col_bases[j];
    double N = x->opts.population * (t->base > 0 ? base / t->base : 0);
    double fpc = tally__fpc(N, neff);
    for (size_t i = 0; i < nr; i++)
        xs[i] = base > 0 ? t->counts[i * nc + j] * neff / base : 0;
    tally_ci_method m = x->opts.ci;
    if (t->row_type != TALLY_QTYPE_MULTI)
        return tally__ci_fpc_multinomial(m, xs, nr, x->opts.level, fpc, lo,
                                         hi);
    /* Options of a multi question are not exclusive: one interval each. */
    if (tally_ci_method_is_simultaneous(m))
        m = TALLY_CI_WILSON;
    for (size_t i = 0; i < nr; i++)
        TALLY_TRY(tally__ci_fpc(m, xs[i], neff, x->opts.level, fpc, &lo[i],
                                &hi[i]));
    return TALLY_OK;
}

static tally_status column_cis(tally_xtab *x, tally_xtab_table *t,
                               const tally__xt_sums *s, tally_error *err)
{
    size_t nr = t->n_rows, nc = t->n_cols;
    double *lo = tally__arena_calloc(x->arena, 2 * nr * nc + 1, sizeof *lo);
    double *tmp = tally__calloc(3 * nr + 1, sizeof *tmp);
    if (!lo || !tmp) {
        tally__free(tmp);
        return tally__nomem(err);
    }
    double *hi = lo + nr * nc;
    tally_status st = TALLY_OK;
    for (size_t j = 0; j < nc && st == TALLY_OK; j++) {
        double neff = tally__kish_n(x->weight_kind, t->col_bases[j],
                                    s->w2_col[j]);
        if (!(t->col_bases[j] > 0) || !(neff > 0)) {
            for (size_t i = 0; i < nr; i++)
                lo[i * nc + j] = hi[i * nc + j] = NAN;
            continue;
        }
        st = column_ci(x, t, j, neff, tmp, tmp + nr, tmp + 2 * nr);
        for (size_t i = 0; i < nr && st == TALLY_OK; i++) {
            lo[i * nc + j] = tmp[nr + i] * 100;
            hi[i * nc + j] = tmp[2 * nr + i] * 100;
        }
    }
    tally__free(tmp);
    if (st != TALLY_OK)
        return tally__fail(err, st, "confidence intervals: %s",
                           tally_strerror(st));
    t->ci_low = lo;
    t->ci_high = hi;
    return TALLY_OK;
}

/* --- tests ---------------------------------------------------------------- */

typedef struct kept {
    size_t *rows, *cols; /* indexes of the non-empty rows and columns */
    size_t nr, nc;
} kept;

static tally_assoc_opts assoc_opts(const tally_xtab *x,
                                   const tally_xtab_table *t)
{
    tally_assoc_opts o = {0};
    o.row_ordered = t->row_ordered;
    o.col_ordered = t->col_ordered;
    o.seed = x->opts.seed;
    o.fisher = x->opts.fisher;
    return o;
}

/* Rows and columns with a positive total: only those are tested. */
static tally_status keep_nonempty(tally_xtab *x, tally_xtab_table *t,
                                  kept *k, tally_error *err)
{
    size_t nr = t->n_rows, nc = t->n_cols;
    k->rows = tally__arena_calloc(x->arena, nr + nc + 1, sizeof *k->rows);
    int *empty = tally__calloc(nr + nc + 1, sizeof *empty);
    if (!k->rows || !empty) {
        tally__free(empty);
        return tally__nomem(err);
    }
    k->cols = k->rows + nr;
    k->nr = k->nc = 0;
    for (size_t i = 0; i < nr; i++)
        if (!(empty[i] = !(t->row_totals[i] > 0)))
            k->rows[k->nr++] = i;
    for (size_t j = 0; j < nc; j++)
        if (!(empty[nr + j] = !(t->col_bases[j] > 0)))
            k->cols[k->nc++] = j;
    char rl[320], cl[320];
    size_t er = t->row_type == TALLY_QTYPE_MULTI
                    ? 0
                    : list_labels(t->row_labels, empty, nr, rl, sizeof rl);
    size_t ec = list_labels(t->col_labels, empty + nr, nc, cl, sizeof cl);
    tally__free(empty);
    if (er)
        TALLY_TRY(tally__xtab_note(x, t, err,
                                   "empty row%s left out of the tests: %s",
                                   er > 1 ? "s" : "", rl));
    if (ec)
        TALLY_TRY(tally__xtab_note(x, t, err,
                                   "empty column%s left out of the tests: %s",
                                   ec > 1 ? "s" : "", cl));
    return TALLY_OK;
}

static tally_status run_assoc(tally_xtab *x, tally_xtab_table *t,
                              const double *m, size_t r, size_t c,
                              tally_assoc *out, tally_error *err)
{
    tally_assoc_opts o = assoc_opts(x, t);
    return tally_assoc_compute(m, r, c, &o, out, err);
}

/* The whole table's tests on the non-empty rows and columns, scaled to
   the effective n under sampling weights. */
static tally_status table_tests(tally_xtab *x, tally_xtab_table *t,
                                const kept *k, double scale,
                                tally_error *err)
{
    tally_assoc *a = tally__arena_calloc(x->arena, 1, sizeof *a);
    double *m = tally__calloc(k->nr * k->nc + 1, sizeof *m);
    tally_status st = a && m ? TALLY_OK : tally__nomem(err);
    for (size_t i = 0; st == TALLY_OK && i < k->nr; i++)
        for (size_t j = 0; j < k->nc; j++)
            m[i * k->nc + j] =
                t->counts[k->rows[i] * t->n_cols + k->cols[j]] * scale;
    if (st == TALLY_OK && k->nr && k->nc)
        st = run_assoc(x, t, m, k->nr, k->nc, a, err);
    tally__free(m);
    if (st != TALLY_OK)
        return st;
    if (!k->nr || !k->nc)
        return tally__xtab_note(x, t, err, "the table is empty: no tests");
    t->tests = a;
    for (size_t i = 0; i < a->n_notes; i++)
        TALLY_TRY(tally__xtab_note(x, t, err, "%s", a->notes[i]));
    return TALLY_OK;
}

/* A multi question: per option, ticked or not by group. */
static tally_status option_tests(tally_xtab *x, tally_xtab_table *t,
                                 const kept *k, double scale,
                                 tally_error *err)
{
    size_t nr = t->n_rows, nc = t->n_cols;
    tally_assoc *a = tally__arena_calloc(x->arena, nr + 1, sizeof *a);
    double *m = tally__calloc(2 * nc + 1, sizeof *m);
    int *untested = tally__calloc(nr + 1, sizeof *untested);
    tally_status st = a && m && untested ? TALLY_OK : tally__nomem(err);
    for (size_t i = 0; st == TALLY_OK && i < nr; i++) {
        double ticked = 0, not = 0;
        for (size_t j = 0; j < k->nc; j++) {
            size_t c = k->cols[j];
            m[j] = t->counts[i * nc + c] * scale;
            m[k->nc + j] = (t->col_bases[c] - t->counts[i * nc + c]) * scale;
            ticked += m[j];
            not += m[k->nc + j];
        }
        for (size_t f = 0; f < TALLY_ARRAY_SIZE(a[i].notes); f++)
            a[i].notes[f][0] = '\0';
        untested[i] = !(ticked > 0) || !(not > 0) || k->nc < 2;
        if (!untested[i])
            st = run_assoc(x, t, m, 2, k->nc, &a[i], err);
    }
    char buf[320];
    size_t nu = st == TALLY_OK ? list_labels(t->row_labels, untested, nr, buf,
                                             sizeof buf)
                               : 0;
    tally__free(m);
    tally__free(untested);
    if (st != TALLY_OK)
        return st;
    t->option_tests = a;
    if (nu)
        TALLY_TRY(tally__xtab_note(x, t, err,
                                   "no test for %s: ticked by all or none of "
                                   "the groups' respondents, or one group",
                                   buf));
    return TALLY_OK;
}

/* --- column letters ------------------------------------------------------- */

static tally_status letters(tally_xtab *x, tally_xtab_table *t, double scale,
                            tally_error *err)
{
    size_t nr = t->n_rows, nc = t->n_cols;
    uint64_t *g = tally__arena_calloc(x->arena, nr * nc + 1, sizeof *g);
    double *m = tally__calloc(nr * nc + nc + 1, sizeof *m);
    int *small = tally__calloc(nc + 1, sizeof *small);
    tally_status st = g && m && small ? TALLY_OK : tally__nomem(err);
    /* A question whose options are all missing codes has no row (or no
       column) in the table: nothing to compare, and no letters. */
    if (st == TALLY_OK && nr > 0 && nc > 0) {
        double *b = m + nr * nc;
        for (size_t i = 0; i < nr * nc; i++)
            m[i] = t->counts[i] * scale;
        for (size_t j = 0; j < nc; j++) {
            b[j] = t->col_bases[j] * scale;
            small[j] = b[j] > 0 && b[j] < x->opts.min_base;
        }
        st = tally_assoc_column_letters(m, b, nr, nc, x->opts.alpha,
                                        x->opts.min_base, g, err);
    }
    char buf[320];
    size_t ns = st == TALLY_OK ? list_labels(t->col_labels, small, nc, buf,
                                             sizeof buf)
                               : 0;
    tally__free(m);
    tally__free(small);
    if (st != TALLY_OK)
        return st;
    t->greater = g;
    if (ns)
        TALLY_TRY(tally__xtab_note(x, t, err,
                                   "column%s with a base below %g not "
                                   "compared in the column letters: %s",
                                   ns > 1 ? "s" : "", x->opts.min_base, buf));
    return TALLY_OK;
}

tally_status tally__xtab_stats(tally_xtab *x, tally_xtab_table *t,
                               const tally__xt_sums *s, tally_error *err)
{
    TALLY_TRY(percents(x, t, err));
    t->n_eff = tally__kish_n(x->weight_kind, t->base, s->w2);
    TALLY_TRY(column_cis(x, t, s, err));
    /* Under sampling weights the tests see the table rescaled to the
       effective n: the first-order design-effect adjustment. */
    double scale = x->weight_kind == TALLY_WEIGHT_SAMPLING && t->base > 0
                       ? t->n_eff / t->base
                       : 1;
    kept k;
    TALLY_TRY(keep_nonempty(x, t, &k, err));
    if (t->row_type == TALLY_QTYPE_MULTI)
        TALLY_TRY(option_tests(x, t, &k, scale, err));
    else
        TALLY_TRY(table_tests(x, t, &k, scale, err));
    TALLY_TRY(letters(x, t, scale, err));
    if (x->weight_kind == TALLY_WEIGHT_SAMPLING)
        TALLY_TRY(tally__xtab_note(
            x, t, err,
            "sampling weights: tests and column letters use Kish's "
            "effective n = %.1f of the weighted base %.1f (first-order "
            "design-effect adjustment, deff = %.3f)",
            t->n_eff, t->base, t->n_eff > 0 ? t->base / t->n_eff : NAN));
    return TALLY_OK;
}
