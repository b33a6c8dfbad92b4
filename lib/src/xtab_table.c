/*
 * xtab_table.c: tally_xtab_add_tables(): crosstabs as tables, laid out
 * as SPSS CROSSTABS and Custom Tables print them: for each row category
 * a block of rows (count, the percentages asked for, the interval of
 * the column percentage, the column letters), one column per group with
 * its letter in the header, and a Total column; then the base and who
 * is not in the table and why; the tests and notes as footnotes.
 *
 * Suppression (--min-cell N) happens here, so that every format shows
 * the same thing: a count 0 < n < N becomes the text "<N" and its
 * percentages, interval and letters are left blank.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "table_internal.h"
#include "xtab_internal.h"

typedef struct ctx {
    const tally_xtab *x;
    const tally_xtab_table *t;
    const tally_table_opts *o;
    tally_tables *ts;
    tally_table *out;
    size_t lead;        /* label columns before the groups: 2, 3 stacked */
    int count_decimals;
    const char *item;   /* stacked: the item label for its first row     */
} ctx;

static int count_decimals(const tally_xtab_table *t)
{
    for (size_t i = 0; i < t->n_rows * t->n_cols; i++)
        if (!tally__whole(t->counts[i]))
            return 1;
    return tally__whole(t->base) && tally__whole(t->respondents) ? 0 : 1;
}

static int hidden(const ctx *x, double count)
{
    double n = x->x->opts.min_cell;
    return n > 0 && count > 0 && count < n;
}

/* A new row with its label cells (item when stacked, label, statistic). */
static tally_cell *row(ctx *x, tally_row_kind kind, const char *label,
                       const char *stat)
{
    tally_cell *r = tally__table_row(x->out, kind);
    if (!r)
        return NULL;
    size_t c = 0;
    if (x->lead == 3) {
        if (x->item && tally__cell_text(x->ts, &r[c], x->item))
            return NULL;
        x->item = NULL;
        c++;
    }
    if ((label && tally__cell_text(x->ts, &r[c], label)) ||
        tally__cell_text(x->ts, &r[c + 1], stat))
        return NULL;
    return r + x->lead;
}

static int count_cell(ctx *x, tally_cell *c, double v)
{
    if (!hidden(x, v)) {
        tally__cell_num(c, TALLY_CELL_COUNT, v, x->count_decimals);
        return 0;
    }
    char text[32];
    snprintf(text, sizeof text, "<%g", x->x->opts.min_cell);
    return tally__cell_text(x->ts, c, text);
}

/* Row i of values v (n_cols), the Total cell tot; counts cnt decide
   what is suppressed (NULL: nothing). */
static int percent_row(ctx *x, const char *label, const char *stat,
                       const double *v, double tot, const double *cnt,
                       double cnt_tot)
{
    tally_cell *r = row(x, TALLY_ROW_BODY, label, stat);
    if (!r)
        return -1;
    size_t nc = x->t->n_cols;
    for (size_t j = 0; j < nc; j++)
        if (!(cnt && hidden(x, cnt[j])))
            tally__cell_num(&r[j], TALLY_CELL_PERCENT, v[j], 0);
    if (!isnan(tot) && !hidden(x, cnt_tot))
        tally__cell_num(&r[nc], TALLY_CELL_PERCENT, tot, 0);
    return 0;
}

static int letters_row(ctx *x, size_t i)
{
    const tally_xtab_table *t = x->t;
    size_t nc = t->n_cols;
    int any = 0;
    for (size_t j = 0; j < nc; j++)
        any |= t->greater[i * nc + j] != 0 &&
               !hidden(x, t->counts[i * nc + j]);
    if (!any)
        return 0;
    tally_cell *r = row(x, TALLY_ROW_BODY, NULL, "Greater than");
    if (!r)
        return -1;
    for (size_t j = 0; j < nc; j++) {
        char buf[64 * 3 + 1];
        tally__xtab_cell_letters(t, i, j, buf, sizeof buf);
        if (buf[0] && !hidden(x, t->counts[i * nc + j]) &&
            tally__cell_text(x->ts, &r[j], buf))
            return -1;
    }
    return 0;
}

static unsigned percents(const ctx *x)
{
    unsigned p = x->o->percents;
    return p ? p : TALLY_PERCENT_COL;
}

static int category(ctx *x, size_t i)
{
    const tally_xtab_table *t = x->t;
    size_t nc = t->n_cols;
    const double *cnt = t->counts + i * nc;
    double tot = t->row_totals[i];
    tally_cell *r = row(x, TALLY_ROW_BODY, t->row_labels[i], "Count");
    if (!r)
        return -1;
    for (size_t j = 0; j < nc; j++)
        if (count_cell(x, &r[j], cnt[j]))
            return -1;
    if (count_cell(x, &r[nc], tot))
        return -1;
    unsigned p = percents(x);
    double all = t->base > 0 ? tot / t->base * 100 : NAN;
    if ((p & TALLY_PERCENT_COL) &&
        percent_row(x, NULL, "Column %", t->col_percent + i * nc, all, cnt,
                    tot))
        return -1;
    if ((p & TALLY_PERCENT_ROW) &&
        percent_row(x, NULL, "Row %", t->row_percent + i * nc,
                    tot > 0 ? 100 : NAN, cnt, tot))
        return -1;
    if ((p & TALLY_PERCENT_TOTAL) &&
        percent_row(x, NULL, "Total %", t->total_percent + i * nc, all, cnt,
                    tot))
        return -1;
    if (!x->o->no_ci) {
        char lo[48], hi[48];
        snprintf(lo, sizeof lo, "%g%% CI low", x->x->opts.level * 100);
        snprintf(hi, sizeof hi, "%g%% CI high", x->x->opts.level * 100);
        if (percent_row(x, NULL, lo, t->ci_low + i * nc, NAN, cnt, tot) ||
            percent_row(x, NULL, hi, t->ci_high + i * nc, NAN, cnt, tot))
            return -1;
    }
    return letters_row(x, i);
}

/* A line outside the table: its count in the Total column only. */
static int outside(ctx *x, tally_row_kind kind, const char *label,
                   double v)
{
    if (kind == TALLY_ROW_MISSING && v == 0)
        return 0; /* nobody: the line would only be noise */
    tally_cell *r = row(x, kind, label, "Count");
    if (!r)
        return -1;
    tally__cell_num(&r[x->t->n_cols], TALLY_CELL_COUNT, v,
                    x->count_decimals);
    return 0;
}

static int bases(ctx *x)
{
    const tally_xtab_table *t = x->t;
    int multi = t->row_type == TALLY_QTYPE_MULTI;
    tally_cell *r = row(x, TALLY_ROW_TOTAL,
                        multi ? "Base: respondents who ticked an option"
                              : "Base: valid answers to both",
                        "Count");
    if (!r)
        return -1;
    for (size_t j = 0; j < t->n_cols; j++)
        tally__cell_num(&r[j], TALLY_CELL_COUNT, t->col_bases[j],
                        x->count_decimals);
    tally__cell_num(&r[t->n_cols], TALLY_CELL_COUNT, t->base,
                    x->count_decimals);
    char a[300], b[300], c[300], d[300];
    snprintf(a, sizeof a, "No answer to %s", t->row_id);
    snprintf(b, sizeof b, "Missing code in %s", t->row_id);
    snprintf(c, sizeof c, "No answer to %s", t->col_id);
    snprintf(d, sizeof d, "Missing code in %s", t->col_id);
    return outside(x, TALLY_ROW_MISSING, a, t->row_no_answer) ||
           outside(x, TALLY_ROW_MISSING, b, t->row_missing) ||
           outside(x, TALLY_ROW_MISSING, c, t->col_no_answer) ||
           outside(x, TALLY_ROW_MISSING, d, t->col_missing) ||
           outside(x, TALLY_ROW_TOTAL, "Respondents", t->respondents);
}

static int body(ctx *x)
{
    for (size_t i = 0; i < x->t->n_rows; i++)
        if (category(x, i))
            return -1;
    return bases(x);
}

static tally_table *new_table(ctx *x, const char *title, const char *sheet)
{
    const tally_xtab_table *t = x->t;
    size_t nc = t->n_cols;
    tally_table *out = tally__table_new(x->ts, title, sheet,
                                        x->lead + nc + 1);
    if (!out)
        return NULL;
    int bad = 0;
    if (x->lead == 3)
        bad |= tally__table_header(x->ts, out, 0, "Item");
    bad |= tally__table_header(x->ts, out, x->lead - 2,
                               t->row_type == TALLY_QTYPE_MULTI ? "Option"
                                                                : "Answer");
    bad |= tally__table_header(x->ts, out, x->lead - 1, "");
    for (size_t j = 0; j < nc; j++) {
        char l[16], h[600];
        tally_xtab_column_letter(j, l, sizeof l);
        snprintf(h, sizeof h, "%s (%s)", t->col_labels[j], l);
        bad |= tally__table_header(x->ts, out, x->lead + j, h);
    }
    bad |= tally__table_header(x->ts, out, x->lead + nc, "Total");
    return bad ? NULL : out;
}

/* --- subtitles and footnotes ---------------------------------------------- */

static int subtitles(ctx *x)
{
    const tally_xtab_table *t = x->t;
    int d = x->count_decimals;
    if (x->lead == 2 && strcmp(t->row_id, t->question_id) &&
        tally__table_subtitle(x->ts, x->out, "%s. %s", t->question_id,
                              t->question_text))
        return -1;
    if (tally__table_subtitle(x->ts, x->out, "By %s. %s", t->col_id,
                              t->col_text) ||
        tally__table_subtitle(x->ts, x->out,
                              "Base: %.*f of %.*f respondents", d, t->base,
                              d, t->respondents))
        return -1;
    if (x->x->filter &&
        tally__table_subtitle(x->ts, x->out, "Filter: %s", x->x->filter))
        return -1;
    if (x->x->weight_kind == TALLY_WEIGHT_SAMPLING)
        return tally__table_subtitle(x->ts, x->out,
                                     "Weighted (sampling weights); Kish "
                                     "effective base %.1f",
                                     t->n_eff);
    if (x->x->weight_kind == TALLY_WEIGHT_FREQUENCY)
        return tally__table_subtitle(x->ts, x->out,
                                     "Weighted (frequency weights)");
    return 0;
}

/* p-values as journals print them. */
static const char *pval(double p, char *buf, size_t size)
{
    if (isnan(p))
        snprintf(buf, size, "p undefined");
    else if (p < 0.001)
        snprintf(buf, size, "p < 0.001");
    else
        snprintf(buf, size, "p = %.3f", p);
    return buf;
}

/* A statistic to three decimals, or "undefined". */
typedef struct num {
    char s[40];
} num;

static num f3(double v)
{
    num n;
    if (isnan(v))
        snprintf(n.s, sizeof n.s, "undefined");
    else
        snprintf(n.s, sizeof n.s, "%.3f", v);
    return n;
}

static int chisq_line(ctx *x, const tally_assoc *a, const char *prefix)
{
    char p1[32], p2[32], p3[32];
    const char *fm = a->fisher_method == TALLY_FISHER_EXACT ? "exact"
                     : a->fisher_method == TALLY_FISHER_MONTE_CARLO
                         ? "Monte Carlo"
                         : "not computed";
    return tally__table_footnote(
        x->ts, x->out,
        "%sPearson chi-square = %s, df = %g, %s; likelihood ratio G2 = %s, "
        "%s; Fisher's exact test %s (%s); Cramer's V = %s.",
        prefix, f3(a->chisq).s, a->chisq_df, pval(a->chisq_p, p1, 32),
        f3(a->lr).s, pval(a->lr_p, p2, 32), pval(a->fisher_p, p3, 32), fm,
        f3(a->cramers_v).s);
}

static int ordinal_line(ctx *x, const tally_assoc *a, const char *prefix)
{
    return tally__table_footnote(
        x->ts, x->out,
        "%sGamma = %s (ASE %s); Kendall's tau-b = %s (ASE %s); tau-c = %s "
        "(ASE %s); Somers' d = %s (%s dependent), %s (%s dependent), %s "
        "(symmetric).",
        prefix, f3(a->gamma.value).s, f3(a->gamma.ase).s,
        f3(a->tau_b.value).s, f3(a->tau_b.ase).s, f3(a->tau_c.value).s,
        f3(a->tau_c.ase).s, f3(a->somers_row.value).s, x->t->row_id,
        f3(a->somers_col.value).s, x->t->col_id, f3(a->somers_sym.value).s);
}

static int test_lines(ctx *x, const tally_assoc *a, const char *prefix)
{
    char p1[32];
    if (isnan(a->chisq) && isnan(a->lr))
        return 0; /* nothing to test: the notes say why */
    if (chisq_line(x, a, prefix))
        return -1;
    if (a->has_yates &&
        tally__table_footnote(x->ts, x->out,
                              "%sYates' continuity-corrected chi-square = "
                              "%s, %s; phi = %s.",
                              prefix, f3(a->yates).s,
                              pval(a->yates_p, p1, sizeof p1), f3(a->phi).s))
        return -1;
    if (a->has_ordinal && ordinal_line(x, a, prefix))
        return -1;
    if (a->has_mann_whitney)
        return tally__table_footnote(x->ts, x->out,
                                     "%sMann-Whitney U = %s, z = %s, %s.",
                                     prefix, f3(a->mw_u).s, f3(a->mw_z).s,
                                     pval(a->mw_p, p1, sizeof p1));
    if (a->has_kruskal)
        return tally__table_footnote(x->ts, x->out,
                                     "%sKruskal-Wallis H = %s, df = %g, %s.",
                                     prefix, f3(a->kruskal_h).s,
                                     a->kruskal_df,
                                     pval(a->kruskal_p, p1, sizeof p1));
    return 0;
}

/* Tests and notes of the current table; prefixed with its id when its
   items are stacked. */
static int specific(ctx *x)
{
    const tally_xtab_table *t = x->t;
    char own[300] = "";
    if (x->lead == 3)
        snprintf(own, sizeof own, "%s: ", t->row_id);
    if (t->tests && test_lines(x, t->tests, own))
        return -1;
    for (size_t i = 0; !t->tests && t->option_tests && i < t->n_rows; i++) {
        char prefix[600];
        snprintf(prefix, sizeof prefix, "%s%s: ", own, t->row_labels[i]);
        if (t->option_tests[i].cells &&
            test_lines(x, &t->option_tests[i], prefix))
            return -1;
    }
    for (size_t i = 0; i < t->n_notes; i++)
        if (tally__table_footnote(x->ts, x->out, "Note: %s%s.", own,
                                  t->notes[i]))
            return -1;
    return 0;
}

/* What every table of the result has in common. */
static int common(ctx *x)
{
    const tally_xtab *r = x->x;
    const tally_xtab_table *t = x->t;
    if (t->row_type == TALLY_QTYPE_MULTI &&
        tally__table_footnote(x->ts, x->out,
                              "Column percentages are of the group's "
                              "respondents who ticked an option; they may "
                              "add up to more than 100."))
        return -1;
    if (!x->o->no_ci &&
        tally__table_footnote(x->ts, x->out,
                              "Intervals of the column percentages: %s.",
                              tally_ci_method_label(r->opts.ci)))
        return -1;
    if (tally__table_footnote(
            x->ts, x->out,
            "Greater than: the column percentage is significantly greater "
            "than that of the column with that letter (z-test of two "
            "proportions, pooled standard error, Bonferroni-adjusted within "
            "the row, alpha = %g).",
            r->opts.alpha))
        return -1;
    if (r->opts.min_cell > 0 &&
        tally__table_footnote(x->ts, x->out,
                              "Counts below %g are shown as \"<%g\" and "
                              "their percentages left blank; the tests use "
                              "the real counts.",
                              r->opts.min_cell, r->opts.min_cell))
        return -1;
    return 0;
}

static int one_table(ctx *x)
{
    const tally_xtab_table *t = x->t;
    char title[1024];
    snprintf(title, sizeof title, "%s. %s, by %s", t->row_id, t->row_text,
             t->col_id);
    x->out = new_table(x, title, t->question_id);
    x->count_decimals = count_decimals(t);
    return !x->out || subtitles(x) || body(x) || common(x) || specific(x);
}

/* A matrix's items stacked in one table, items x groups. */
static int stacked(ctx *x)
{
    const tally_xtab *r = x->x;
    x->t = &r->tables[0];
    char title[1024];
    snprintf(title, sizeof title, "%s. %s, by %s", x->t->question_id,
             x->t->question_text, x->t->col_id);
    x->lead = 3;
    x->out = new_table(x, title, x->t->question_id);
    if (!x->out)
        return -1;
    for (size_t k = 0; k < r->n_tables; k++) {
        x->t = &r->tables[k];
        x->count_decimals = count_decimals(x->t);
        char item[600];
        snprintf(item, sizeof item, "%s. %s", x->t->row_id, x->t->row_text);
        x->item = item;
        if ((k == 0 && subtitles(x)) || body(x))
            return -1;
    }
    if (common(x))
        return -1;
    for (size_t k = 0; k < r->n_tables; k++) {
        x->t = &r->tables[k];
        if (specific(x))
            return -1;
    }
    return 0;
}

tally_status tally_xtab_add_tables(const tally_xtab *x,
                                   const tally_table_opts *opts,
                                   tally_tables *ts, tally_error *err)
{
    static const tally_table_opts none = {0};
    if (!x || !ts)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "nothing to add");
    ctx c = {x, NULL, opts ? opts : &none, ts, NULL, 2, 0, NULL};
    if (c.o->stack && x->n_tables > 1)
        return stacked(&c) ? tally__nomem(err) : TALLY_OK;
    for (size_t i = 0; i < x->n_tables; i++) {
        c.t = &x->tables[i];
        if (one_table(&c))
            return tally__nomem(err);
    }
    return TALLY_OK;
}
