/*
 * freq_table.c: tally_freq_add_tables(): a frequency result as tables.
 *
 * Each item gives a distribution table: the valid answers with count,
 * % of the base and CI, the base line, then outside the base the missing
 * codes, the no-answers and the respondents, so the table itself shows
 * that answered + missing = respondents. Scales and numeric questions add
 * a summary table. Footnotes state the base, the method and any caveat.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "freq_internal.h"
#include "table_internal.h"

typedef struct ctx {
    const tally_freq *f;
    const tally_table_opts *o;
    tally_tables *ts;
    int count_decimals; /* of the item being written */
} ctx;

/* Counts are whole numbers unless weights made some of them fractional;
   then every count of the item gets one decimal. */
static int count_decimals(const tally_freq_item *it)
{
    int all_whole = tally__whole(it->base) &&
                    tally__whole(it->respondents) &&
                    tally__whole(it->no_answer) && tally__whole(it->missing);
    for (size_t i = 0; all_whole && i < it->n_categories; i++)
        all_whole = tally__whole(it->categories[i].count);
    return all_whole ? 0 : 1;
}

/* Numeric questions have no categories to give intervals for. */
static int with_ci(const ctx *x)
{
    return !x->o->no_ci && x->f->type != TALLY_QTYPE_NUMERIC;
}

static int level_percent(const tally_freq *f, char *buf, size_t cap)
{
    return snprintf(buf, cap, "%g%%", f->level * 100);
}

static tally_table *new_table(ctx *x, const tally_freq_item *it, int multi)
{
    char title[1024], lv[16], ci_low[48], ci_high[48];
    snprintf(title, sizeof title, "%s. %s", it->id, it->text);
    tally_table *t = tally__table_new(x->ts, title, x->f->id,
                                      with_ci(x) ? 5 : 3);
    if (!t)
        return NULL;
    level_percent(x->f, lv, sizeof lv);
    snprintf(ci_low, sizeof ci_low, "%s CI low", lv);
    snprintf(ci_high, sizeof ci_high, "%s CI high", lv);
    int bad = tally__table_header(x->ts, t, 0, multi ? "Option" : "Answer") ||
              tally__table_header(x->ts, t, 1, "Count") ||
              tally__table_header(x->ts, t, 2,
                                  multi ? "% of respondents" : "%");
    if (with_ci(x))
        bad |= tally__table_header(x->ts, t, 3, ci_low) ||
               tally__table_header(x->ts, t, 4, ci_high);
    return bad ? NULL : t;
}

/* A row: label, count, and (when pct is finite or a CI is given) the
   percentage and interval. */
static int add_row(ctx *x, tally_table *t, tally_row_kind kind,
                   const char *label, double count, double pct, double lo,
                   double hi)
{
    tally_cell *row = tally__table_row(t, kind);
    if (!row || tally__cell_text(x->ts, &row[0], label))
        return -1;
    tally__cell_num(&row[1], TALLY_CELL_COUNT, count, x->count_decimals);
    if (!isnan(pct))
        tally__cell_num(&row[2], TALLY_CELL_PERCENT, pct, 0);
    if (t->ncols > 3 && !isnan(pct)) {
        tally__cell_num(&row[3], TALLY_CELL_PERCENT, lo, 0);
        tally__cell_num(&row[4], TALLY_CELL_PERCENT, hi, 0);
    }
    return 0;
}

static int body_rows(ctx *x, tally_table *t, const tally_freq_item *it)
{
    int multi = x->f->type == TALLY_QTYPE_MULTI;
    for (size_t i = 0; i < it->n_categories; i++) {
        const tally_category *c = &it->categories[i];
        if (!c->missing && add_row(x, t, TALLY_ROW_BODY, c->label, c->count,
                                   it->base > 0 ? c->percent : NAN,
                                   c->ci_low, c->ci_high))
            return -1;
    }
    return add_row(x, t, TALLY_ROW_TOTAL,
                   multi ? "Base: respondents who ticked an option"
                         : "Base: valid answers",
                   it->base, it->base > 0 && !multi ? 100 : NAN, NAN, NAN);
}

static int outside_rows(ctx *x, tally_table *t, const tally_freq_item *it)
{
    for (size_t i = 0; i < it->n_categories; i++) {
        const tally_category *c = &it->categories[i];
        if (c->missing && add_row(x, t, TALLY_ROW_MISSING, c->label,
                                  c->count, NAN, NAN, NAN))
            return -1;
    }
    if (add_row(x, t, TALLY_ROW_MISSING, "No answer", it->no_answer, NAN,
                NAN, NAN) ||
        add_row(x, t, TALLY_ROW_TOTAL, "Respondents", it->respondents, NAN,
                NAN, NAN))
        return -1;
    if (x->f->type == TALLY_QTYPE_MULTI)
        return add_row(x, t, TALLY_ROW_MISSING, "Total responses (ticks)",
                       it->responses, NAN, NAN, NAN);
    return 0;
}

static int subtitles(ctx *x, tally_table *t, const tally_freq_item *it)
{
    const tally_freq *f = x->f;
    char base[64], resp[64];
    int d = x->count_decimals;
    snprintf(base, sizeof base, "%.*f", d, it->base);
    snprintf(resp, sizeof resp, "%.*f", d, it->respondents);
    if (f->is_matrix && tally__table_subtitle(x->ts, t, "%s. %s", f->id,
                                              f->text))
        return -1;
    if (tally__table_subtitle(x->ts, t, "Base: %s of %s respondents", base,
                              resp))
        return -1;
    if (f->filter &&
        tally__table_subtitle(x->ts, t, "Filter: %s", f->filter))
        return -1;
    if (f->weight_kind == TALLY_WEIGHT_SAMPLING)
        return tally__table_subtitle(x->ts, t,
                                     "Weighted (sampling weights); Kish "
                                     "effective base %.1f",
                                     it->n_eff);
    if (f->weight_kind == TALLY_WEIGHT_FREQUENCY)
        return tally__table_subtitle(x->ts, t,
                                     "Weighted (frequency weights)");
    return 0;
}

static int footnotes(ctx *x, tally_table *t, const tally_freq_item *it)
{
    const tally_freq *f = x->f;
    char lv[16];
    level_percent(f, lv, sizeof lv);
    const char *base = f->type == TALLY_QTYPE_MULTI
                           ? "Percentages are of respondents who ticked at "
                             "least one option and may add up to more than "
                             "100."
                           : "Percentages are of the valid answers; missing "
                             "codes and no answers are shown but excluded.";
    if (tally__table_footnote(x->ts, t, "%s", base))
        return -1;
    if (with_ci(x) &&
        tally__table_footnote(x->ts, t, "%s confidence intervals: %s%s.", lv,
                              tally_ci_method_label(f->ci),
                              f->population > 0 ? ", with the finite "
                                                  "population correction"
                                                : ""))
        return -1;
    if (f->population > 0 &&
        tally__table_footnote(x->ts, t, "Population size N = %g.",
                              f->population))
        return -1;
    for (size_t i = 0; i < it->n_notes; i++)
        if (tally__table_footnote(x->ts, t, "Note: %s.", it->notes[i]))
            return -1;
    return 0;
}

static int stat_row(ctx *x, tally_table *t, const char *label,
                    tally_cell_kind kind, double value)
{
    if (isnan(value))
        return 0;
    tally_cell *row = tally__table_row(t, TALLY_ROW_BODY);
    if (!row || tally__cell_text(x->ts, &row[0], label))
        return -1;
    tally__cell_num(&row[1], kind, value, 2);
    return 0;
}

static int summary_table(ctx *x, const tally_freq_item *it)
{
    const tally_summary *s = &it->summary;
    char title[1024], lv[16], lo[64], hi[64];
    snprintf(title, sizeof title, "%s. %s (summary)", it->id, it->text);
    level_percent(x->f, lv, sizeof lv);
    snprintf(lo, sizeof lo, "Mean, %s CI low", lv);
    snprintf(hi, sizeof hi, "Mean, %s CI high", lv);
    tally_table *t = tally__table_new(x->ts, title, x->f->id, 2);
    if (!t || tally__table_header(x->ts, t, 0, "Statistic") ||
        tally__table_header(x->ts, t, 1, "Value"))
        return -1;
    if (stat_row(x, t, "Mean", TALLY_CELL_NUMBER, s->mean) ||
        stat_row(x, t, "Standard deviation", TALLY_CELL_NUMBER, s->sd) ||
        stat_row(x, t, "Median", TALLY_CELL_NUMBER, s->median) ||
        stat_row(x, t, lo, TALLY_CELL_NUMBER, s->mean_ci_low) ||
        stat_row(x, t, hi, TALLY_CELL_NUMBER, s->mean_ci_high) ||
        stat_row(x, t, "Top-2 box", TALLY_CELL_PERCENT, s->top2) ||
        stat_row(x, t, "Bottom-2 box", TALLY_CELL_PERCENT, s->bottom2) ||
        stat_row(x, t, "Minimum", TALLY_CELL_NUMBER, s->min) ||
        stat_row(x, t, "Maximum", TALLY_CELL_NUMBER, s->max))
        return -1;
    return tally__table_footnote(x->ts, t,
                                 "Over the valid answers%s; the interval of "
                                 "the mean uses Student's t%s.",
                                 x->f->type == TALLY_QTYPE_NUMERIC
                                     ? ""
                                     : ", on the scale values",
                                 x->f->weight_kind == TALLY_WEIGHT_SAMPLING
                                     ? " with a linearised standard error"
                                     : "");
}

static int text_table(ctx *x, const tally_freq_item *it)
{
    char title[1024];
    snprintf(title, sizeof title, "%s. %s", it->id, it->text);
    tally_table *t = tally__table_new(x->ts, title, x->f->id, 2);
    if (!t || tally__table_header(x->ts, t, 0, "Open answers") ||
        tally__table_header(x->ts, t, 1, "Count") ||
        subtitles(x, t, it))
        return -1;
    const char *labels[] = {"Answered", "No answer", "Respondents"};
    const double counts[] = {it->base, it->no_answer, it->respondents};
    const tally_row_kind kinds[] = {TALLY_ROW_BODY, TALLY_ROW_MISSING,
                                    TALLY_ROW_TOTAL};
    for (size_t i = 0; i < 3; i++) {
        tally_cell *row = tally__table_row(t, kinds[i]);
        if (!row || tally__cell_text(x->ts, &row[0], labels[i]))
            return -1;
        tally__cell_num(&row[1], TALLY_CELL_COUNT, counts[i],
                        x->count_decimals);
    }
    return tally__table_footnote(x->ts, t, "Open answers are not "
                                           "tabulated; the annex lists "
                                           "them as verbatims.");
}

static int item_tables(ctx *x, const tally_freq_item *it)
{
    x->count_decimals = count_decimals(it);
    if (x->f->type == TALLY_QTYPE_TEXT)
        return text_table(x, it);
    tally_table *t = new_table(x, it, x->f->type == TALLY_QTYPE_MULTI);
    if (!t || subtitles(x, t, it) || body_rows(x, t, it) ||
        outside_rows(x, t, it) || footnotes(x, t, it))
        return -1;
    return it->has_summary ? summary_table(x, it) : 0;
}

tally_status tally_freq_add_tables(const tally_freq *f,
                                   const tally_table_opts *opts,
                                   tally_tables *ts, tally_error *err)
{
    static const tally_table_opts defaults = {0};
    if (!f || !ts)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "nothing to add");
    ctx x = {f, opts ? opts : &defaults, ts, 0};
    for (size_t i = 0; i < f->n_items; i++)
        if (item_tables(&x, &f->items[i]) != 0)
            return tally__nomem(err);
    return TALLY_OK;
}
