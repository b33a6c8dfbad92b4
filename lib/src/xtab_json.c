/*
 * xtab_json.c: tally_xtab_write_json(): the crosstab JSON of DESIGN.md
 * section 3, numbers unrounded, undefined values null.
 *
 * Beyond the contract's keys each object carries: "text"/"col_text",
 * "type", "weighted", "ci", "excluded" (why respondents are not in the
 * table: respondents = base + the four), "row_totals", "col_bases",
 * "total_percent", "ci_low"/"ci_high" (of the column percentages),
 * "n_eff" when weighted, "phi" for 2 x 2 tables, the standard errors of
 * Somers' d, "fisher.replicates" for Monte Carlo, "column_tests.columns"
 * (each column's letter) and "notes". A multi-select row question has
 * "tests": null and "option_tests" (one object per option). With a
 * minimum cell size, "min_cell" is set and the suppressed cells' counts,
 * percentages and intervals are null, as in every other format.
 */
#include <math.h>
#include <string.h>

#include "json.h"
#include "xtab_internal.h"

typedef struct jw {
    tally_buf *b;
    const tally_xtab *x;
    const tally_xtab_table *t;
} jw;

static tally_status str_field(tally_buf *b, const char *key, const char *s,
                              int first)
{
    TALLY_TRY(tally__json_key(b, key, first));
    return tally__json_str(b, s);
}

static int suppressed(const tally_xtab *x, double count)
{
    return x->opts.min_cell > 0 && count > 0 && count < x->opts.min_cell;
}

/* A row-major matrix of r x c numbers (NULL: nulls), with the
   suppressed cells null. */
static tally_status matrix(const jw *w, const char *key, const double *v)
{
    const tally_xtab_table *t = w->t;
    size_t nc = t->n_cols;
    TALLY_TRY(tally__json_key(w->b, key, 0));
    TALLY_TRY(tally__buf_putc(w->b, '['));
    for (size_t i = 0; i < t->n_rows; i++) {
        TALLY_TRY(tally__buf_puts(w->b, i ? ",[" : "["));
        for (size_t j = 0; j < nc; j++) {
            if (j)
                TALLY_TRY(tally__buf_putc(w->b, ','));
            double c = t->counts[i * nc + j];
            TALLY_TRY(tally__json_num(w->b, suppressed(w->x, c)
                                                ? NAN
                                                : v[i * nc + j]));
        }
        TALLY_TRY(tally__buf_putc(w->b, ']'));
    }
    return tally__buf_putc(w->b, ']');
}

/* {"statistic": s, "df": d, "p": p} and friends: n keys and values. */
static tally_status object(tally_buf *b, const char *key,
                           const char *const *keys, const double *v,
                           size_t n)
{
    TALLY_TRY(tally__json_key(b, key, 0));
    TALLY_TRY(tally__buf_putc(b, '{'));
    for (size_t i = 0; i < n; i++)
        TALLY_TRY(tally__json_num_field(b, keys[i], v[i], i == 0));
    return tally__buf_putc(b, '}');
}

static tally_status measure(tally_buf *b, const char *key, tally_measure m)
{
    static const char *const k[] = {"value", "ase"};
    const double v[] = {m.value, m.ase};
    return object(b, key, k, v, 2);
}

static tally_status ordinal(tally_buf *b, const tally_assoc *a)
{
    TALLY_TRY(measure(b, "gamma", a->gamma));
    TALLY_TRY(measure(b, "tau_b", a->tau_b));
    TALLY_TRY(measure(b, "tau_c", a->tau_c));
    static const char *const k[] = {"row_dependent", "col_dependent",
                                    "symmetric"};
    const double v[] = {a->somers_row.value, a->somers_col.value,
                        a->somers_sym.value};
    const double se[] = {a->somers_row.ase, a->somers_col.ase,
                         a->somers_sym.ase};
    TALLY_TRY(tally__json_key(b, "somers_d", 0));
    TALLY_TRY(tally__buf_putc(b, '{'));
    for (size_t i = 0; i < 3; i++)
        TALLY_TRY(tally__json_num_field(b, k[i], v[i], i == 0));
    TALLY_TRY(object(b, "ase", k, se, 3));
    return tally__buf_putc(b, '}');
}

static tally_status fisher(tally_buf *b, const tally_assoc *a)
{
    TALLY_TRY(tally__json_key(b, "fisher", 0));
    TALLY_TRY(tally__buf_putc(b, '{'));
    TALLY_TRY(tally__json_num_field(b, "p", a->fisher_p, 1));
    TALLY_TRY(tally__json_key(b, "method", 0));
    if (a->fisher_method == TALLY_FISHER_EXACT)
        TALLY_TRY(tally__json_str(b, "exact"));
    else if (a->fisher_method == TALLY_FISHER_MONTE_CARLO) {
        TALLY_TRY(tally__json_str(b, "monte-carlo"));
        TALLY_TRY(tally__json_num_field(b, "replicates",
                                        (double)a->fisher_replicates, 0));
    } else
        TALLY_TRY(tally__buf_puts(b, "null"));
    return tally__buf_putc(b, '}');
}

static tally_status tests(tally_buf *b, const tally_assoc *a)
{
    static const char *const chi[] = {"statistic", "df", "p", "min_expected",
                                      "cells_below_5"};
    const double cv[] = {a->chisq, a->chisq_df, a->chisq_p, a->min_expected,
                         (double)a->cells_below_5};
    static const char *const sdp[] = {"statistic", "df", "p"};
    const double lr[] = {a->lr, a->lr_df, a->lr_p};
    TALLY_TRY(tally__buf_putc(b, '{'));
    TALLY_TRY(tally__json_num_field(b, "n", a->n, 1));
    TALLY_TRY(object(b, "chisq", chi, cv, 5));
    TALLY_TRY(object(b, "lr", sdp, lr, 3));
    if (a->has_yates) {
        const double y[] = {a->yates, a->yates_p};
        static const char *const yk[] = {"statistic", "p"};
        TALLY_TRY(object(b, "yates", yk, y, 2));
    }
    if (a->has_mann_whitney) {
        static const char *const mk[] = {"u", "z", "p"};
        const double m[] = {a->mw_u, a->mw_z, a->mw_p};
        TALLY_TRY(object(b, "mann_whitney", mk, m, 3));
    }
    TALLY_TRY(fisher(b, a));
    TALLY_TRY(tally__json_num_field(b, "cramers_v", a->cramers_v, 0));
    if (a->has_phi)
        TALLY_TRY(tally__json_num_field(b, "phi", a->phi, 0));
    if (a->has_ordinal)
        TALLY_TRY(ordinal(b, a));
    if (a->has_kruskal) {
        const double k[] = {a->kruskal_h, a->kruskal_df, a->kruskal_p};
        TALLY_TRY(object(b, "kruskal_wallis", sdp, k, 3));
    }
    return tally__buf_putc(b, '}');
}

static tally_status all_tests(const jw *w)
{
    const tally_xtab_table *t = w->t;
    TALLY_TRY(tally__json_key(w->b, "tests", 0));
    if (t->tests)
        return tests(w->b, t->tests);
    TALLY_TRY(tally__buf_puts(w->b, "null"));
    if (!t->option_tests)
        return TALLY_OK;
    TALLY_TRY(tally__json_key(w->b, "option_tests", 0));
    for (size_t i = 0; i < t->n_rows; i++) {
        TALLY_TRY(tally__buf_puts(w->b, i ? ",{" : "[{"));
        TALLY_TRY(str_field(w->b, "option", t->row_labels[i], 1));
        TALLY_TRY(tally__json_key(w->b, "tests", 0));
        const tally_assoc *a = &t->option_tests[i];
        if (a->cells)
            TALLY_TRY(tests(w->b, a));
        else
            TALLY_TRY(tally__buf_puts(w->b, "null"));
        TALLY_TRY(tally__buf_putc(w->b, '}'));
    }
    return tally__buf_putc(w->b, ']');
}

static tally_status letters(const jw *w)
{
    const tally_xtab_table *t = w->t;
    size_t nc = t->n_cols;
    char l[16], cell[64 * 3 + 1];
    tally_buf *b = w->b;
    TALLY_TRY(tally__json_key(b, "column_tests", 0));
    TALLY_TRY(tally__buf_putc(b, '{'));
    TALLY_TRY(tally__json_num_field(b, "alpha", w->x->opts.alpha, 1));
    TALLY_TRY(str_field(b, "adjust", "bonferroni", 0));
    TALLY_TRY(tally__json_num_field(b, "min_base", w->x->opts.min_base, 0));
    TALLY_TRY(tally__json_key(b, "columns", 0));
    for (size_t j = 0; j < nc; j++) {
        tally_xtab_column_letter(j, l, sizeof l);
        TALLY_TRY(tally__buf_putc(b, j ? ',' : '['));
        TALLY_TRY(tally__json_str(b, l));
    }
    TALLY_TRY(tally__buf_puts(b, nc ? "]" : "[]"));
    TALLY_TRY(tally__json_key(b, "letters", 0));
    TALLY_TRY(tally__buf_putc(b, '['));
    for (size_t i = 0; i < t->n_rows; i++) {
        TALLY_TRY(tally__buf_puts(b, i ? ",[" : "["));
        for (size_t j = 0; j < nc; j++) {
            tally__xtab_cell_letters(t, i, j, cell, sizeof cell);
            if (suppressed(w->x, t->counts[i * nc + j]))
                cell[0] = '\0';
            if (j)
                TALLY_TRY(tally__buf_putc(b, ','));
            TALLY_TRY(tally__json_str(b, cell));
        }
        TALLY_TRY(tally__buf_putc(b, ']'));
    }
    return tally__buf_puts(b, "]}");
}

static tally_status head(const jw *w)
{
    const tally_xtab_table *t = w->t;
    const tally_xtab *x = w->x;
    tally_buf *b = w->b;
    TALLY_TRY(str_field(b, "row", t->row_id, 1));
    TALLY_TRY(str_field(b, "col", t->col_id, 0));
    TALLY_TRY(str_field(b, "text", t->row_text, 0));
    TALLY_TRY(str_field(b, "col_text", t->col_text, 0));
    TALLY_TRY(str_field(b, "type", tally_qtype_name(t->row_type), 0));
    TALLY_TRY(tally__json_num_field(b, "respondents", t->respondents, 0));
    TALLY_TRY(tally__json_num_field(b, "base", t->base, 0));
    static const char *const ek[] = {"row_no_answer", "row_missing",
                                     "col_no_answer", "col_missing"};
    const double ev[] = {t->row_no_answer, t->row_missing, t->col_no_answer,
                         t->col_missing};
    TALLY_TRY(object(b, "excluded", ek, ev, 4));
    TALLY_TRY(tally__json_key(b, "weighted", 0));
    TALLY_TRY(tally__buf_puts(
        b, x->weight_kind != TALLY_WEIGHT_NONE ? "true" : "false"));
    if (x->weight_kind != TALLY_WEIGHT_NONE)
        TALLY_TRY(tally__json_num_field(b, "n_eff", t->n_eff, 0));
    TALLY_TRY(tally__buf_puts(b, ",\"ci\":{\"method\":"));
    TALLY_TRY(tally__json_str(b, tally_ci_method_name(x->opts.ci)));
    TALLY_TRY(tally__json_num_field(b, "level", x->opts.level, 0));
    if (x->opts.population > 0)
        TALLY_TRY(tally__json_num_field(b, "population",
                                        x->opts.population, 0));
    TALLY_TRY(tally__buf_putc(b, '}'));
    if (x->opts.min_cell > 0)
        TALLY_TRY(tally__json_num_field(b, "min_cell", x->opts.min_cell, 0));
    return TALLY_OK;
}

static tally_status write_table(const jw *w)
{
    const tally_xtab_table *t = w->t;
    tally_buf *b = w->b;
    TALLY_TRY(tally__buf_putc(b, '{'));
    TALLY_TRY(head(w));
    TALLY_TRY(tally__json_strings(b, "row_labels", t->row_labels,
                                  t->n_rows, 0));
    TALLY_TRY(tally__json_strings(b, "col_labels", t->col_labels,
                                  t->n_cols, 0));
    TALLY_TRY(matrix(w, "counts", t->counts));
    TALLY_TRY(tally__json_numbers(b, "row_totals", t->row_totals,
                                  t->n_rows, 0));
    TALLY_TRY(tally__json_numbers(b, "col_bases", t->col_bases, t->n_cols,
                                  0));
    TALLY_TRY(matrix(w, "row_percent", t->row_percent));
    TALLY_TRY(matrix(w, "col_percent", t->col_percent));
    TALLY_TRY(matrix(w, "total_percent", t->total_percent));
    TALLY_TRY(matrix(w, "ci_low", t->ci_low));
    TALLY_TRY(matrix(w, "ci_high", t->ci_high));
    TALLY_TRY(all_tests(w));
    TALLY_TRY(letters(w));
    if (t->n_notes)
        TALLY_TRY(tally__json_strings(b, "notes", t->notes, t->n_notes, 0));
    return tally__buf_putc(b, '}');
}

tally_status tally_xtab_write_json(const tally_xtab *const *x, size_t n,
                                   tally_buf *out, tally_error *err)
{
    if (!out || (n && !x))
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "no buffer");
    size_t total = 0, mark = tally_buf_size(out);
    for (size_t i = 0; i < n; i++)
        total += x[i]->n_tables;
    tally_status st = total == 1 ? TALLY_OK : tally__buf_putc(out, '[');
    size_t k = 0;
    for (size_t i = 0; i < n && st == TALLY_OK; i++)
        for (size_t j = 0; j < x[i]->n_tables && st == TALLY_OK; j++) {
            jw w = {out, x[i], &x[i]->tables[j]};
            if (k++)
                st = tally__buf_putc(out, ',');
            if (st == TALLY_OK)
                st = write_table(&w);
        }
    if (st == TALLY_OK && total != 1)
        st = tally__buf_putc(out, ']');
    if (st == TALLY_OK)
        st = tally__buf_putc(out, '\n');
    if (st != TALLY_OK) {
        tally__buf_trim(out, tally_buf_size(out) - mark);
        return tally__nomem(err);
    }
    return TALLY_OK;
}
