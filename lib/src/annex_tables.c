/*
 * annex_tables.c: the tables and chart of one question of the annex.
 *
 * The distribution and summary tables are freq_table.c's (the same as
 * `tally freq`). A matrix question first gets one items x scale table
 * (% of each item's valid answers per scale point, base, mean, top-2 and
 * bottom-2), which its 100 % stacked bar chart draws; multi-select
 * options may be sorted by count; small counts are suppressed.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "annex_internal.h"
#include "freq_internal.h"

static tally_status add_chart(tally_annex *a, const tally__chart *c,
                              tally_error *err)
{
    if (a->o.no_charts || !c->nrows)
        return TALLY_OK;
    if (TALLY__GROW(a->charts, a->charts_cap, a->ncharts + 1) != 0)
        return tally__nomem(err);
    a->charts[a->ncharts++] = *c;
    return TALLY_OK;
}

/* Body rows (the valid categories) come first in a distribution table. */
static size_t body_rows(const tally_table *t)
{
    size_t n = 0;
    while (n < t->nrows && t->kinds[n] == TALLY_ROW_BODY)
        n++;
    return n;
}

/* Most ticked first; a stable insertion sort keeps the codebook order
   among equal counts. Column 1 holds the count. */
static void sort_by_count(tally_table *t, size_t n)
{
    size_t w = t->ncols;
    tally_cell tmp[8];
    if (w > TALLY_ARRAY_SIZE(tmp))
        return;
    for (size_t i = 1; i < n; i++) {
        size_t j = i;
        memcpy(tmp, &t->cells[i * w], w * sizeof *tmp);
        while (j > 0 && t->cells[(j - 1) * w + 1].value < tmp[1].value) {
            memcpy(&t->cells[j * w], &t->cells[(j - 1) * w],
                   w * sizeof *tmp);
            j--;
        }
        memcpy(&t->cells[j * w], tmp, w * sizeof *tmp);
    }
}

static tally_status base_note(tally_annex *a, tally_table *t, double base,
                              tally_error *err)
{
    if (!(a->o.min_base > 0) || !(base < a->o.min_base))
        return TALLY_OK;
    if (tally__table_footnote(a->tables, t,
                              "Note: the base (%g) is below %g: interpret "
                              "the percentages with caution.",
                              base, a->o.min_base))
        return tally__nomem(err);
    return TALLY_OK;
}

/* --- the items x scale table of a matrix --------------------------------- */

static tally_status matrix_headers(tally_annex *a, tally_table *t,
                                   const tally_freq_item *it, int summary)
{
    size_t c = 0;
    int bad = tally__table_header(a->tables, t, c++, "Item");
    for (size_t i = 0; i < it->n_categories; i++)
        if (!it->categories[i].missing)
            bad |= tally__table_header(a->tables, t, c++,
                                       it->categories[i].label);
    bad |= tally__table_header(a->tables, t, c++, "Base");
    if (summary)
        bad |= tally__table_header(a->tables, t, c++, "Mean") ||
               tally__table_header(a->tables, t, c++, "Top-2 box") ||
               tally__table_header(a->tables, t, c++, "Bottom-2 box");
    return bad ? TALLY_ERR_NOMEM : TALLY_OK;
}

static tally_status matrix_row(tally_annex *a, tally_table *t,
                               const tally_freq_item *it, int summary,
                               int *suppressed)
{
    tally_cell *row = tally__table_row(t, TALLY_ROW_BODY);
    double counts[256];
    unsigned char mask[256] = {0};
    size_t k = 0, c = 1;
    if (!row || tally__cell_text(a->tables, &row[0],
                                 it->text && it->text[0] ? it->text
                                                         : it->id))
        return TALLY_ERR_NOMEM;
    for (size_t i = 0; i < it->n_categories && k < 256; i++)
        if (!it->categories[i].missing)
            counts[k++] = it->categories[i].count;
    *suppressed |= tally__suppress_mask(a->o.min_cell, counts, k, mask) > 0;
    for (size_t i = 0, v = 0; i < it->n_categories; i++) {
        const tally_category *cat = &it->categories[i];
        if (cat->missing)
            continue;
        if (v < 256 && mask[v++]) {
            char text[32];
            snprintf(text, sizeof text, "<%g", a->o.min_cell);
            if (tally__cell_text(a->tables, &row[c++], text))
                return TALLY_ERR_NOMEM;
        } else if (it->base > 0) {
            tally__cell_num(&row[c++], TALLY_CELL_PERCENT, cat->percent, 0);
        } else {
            c++;
        }
    }
    int whole = it->base == floor(it->base);
    tally__cell_num(&row[c++], TALLY_CELL_COUNT, it->base, whole ? 0 : 1);
    if (summary) {
        tally__cell_num(&row[c++], TALLY_CELL_NUMBER, it->summary.mean, 2);
        tally__cell_num(&row[c++], TALLY_CELL_PERCENT, it->summary.top2, 0);
        tally__cell_num(&row[c++], TALLY_CELL_PERCENT, it->summary.bottom2,
                        0);
    }
    return TALLY_OK;
}

static tally_status matrix_notes(tally_annex *a, tally_table *t,
                                 const tally_freq *f, int summary,
                                 int suppressed)
{
    const tally_freq_item *it = &f->items[0];
    int bad = tally__table_subtitle(a->tables, t, "Respondents: %g",
                                    it->respondents);
    if (f->filter)
        bad |= tally__table_subtitle(a->tables, t, "Filter: %s", f->filter);
    bad |= tally__table_footnote(a->tables, t,
                                 "Percentages are of each item's valid "
                                 "answers; missing codes and no answers "
                                 "are excluded (the item tables below "
                                 "show them, with counts and confidence "
                                 "intervals).");
    if (summary)
        bad |= tally__table_footnote(a->tables, t,
                                     "Mean on the scale values; top-2 and "
                                     "bottom-2 box: %% of the valid answers "
                                     "in the two highest or lowest "
                                     "points.");
    if (suppressed)
        bad |= tally__table_footnote(a->tables, t,
                                     "<%g: fewer than %g answers, "
                                     "suppressed (with one further cell "
                                     "where a total would reveal it).",
                                     a->o.min_cell, a->o.min_cell);
    return bad ? TALLY_ERR_NOMEM : TALLY_OK;
}

static tally_status matrix_table(tally_annex *a, const tally__aq *aq,
                                 const tally_freq *f, tally_error *err)
{
    const tally_freq_item *it0 = &f->items[0];
    size_t k = 0;
    for (size_t i = 0; i < it0->n_categories; i++)
        k += !it0->categories[i].missing;
    int summary = it0->has_summary, suppressed = 0;
    char title[1024];
    snprintf(title, sizeof title, "%s. %s", f->id, f->text);
    tally_table *t = tally__table_new(a->tables, title, aq->sheet,
                                      k + 2 + (summary ? 3 : 0));
    if (!t || matrix_headers(a, t, it0, summary) != TALLY_OK)
        return tally__nomem(err);
    for (size_t i = 0; i < f->n_items; i++) {
        if (matrix_row(a, t, &f->items[i], summary, &suppressed))
            return tally__nomem(err);
        TALLY_TRY(base_note(a, t, f->items[i].base, err));
    }
    if (matrix_notes(a, t, f, summary, suppressed) != TALLY_OK)
        return tally__nomem(err);
    tally__chart c = {TALLY__CHART_STACKED, tally_tables_count(a->tables) - 1,
                      0, 0, 1, k, f->n_items, f->item_type ==
                                                  TALLY_QTYPE_SCALE};
    return k ? add_chart(a, &c, err) : TALLY_OK;
}

/* --- every question ------------------------------------------------------- */

static tally_status distribution_chart(tally_annex *a, const tally_freq *f,
                                       size_t ti, tally_error *err)
{
    tally_table *t = a->tables->tables[ti];
    size_t n = body_rows(t);
    if (f->type == TALLY_QTYPE_MULTI && a->o.sort == TALLY_ANNEX_SORT_COUNT)
        sort_by_count(t, n);
    if (!(f->items[0].base > 0) || t->ncols < 3)
        return TALLY_OK;
    tally__chart c = {TALLY__CHART_BAR, ti, 0, 0, 2, 2, n, 0};
    if (f->type == TALLY_QTYPE_SCALE) {
        c.kind = TALLY__CHART_STACKED;
        c.by_row = 1;
        c.ordered = 1;
    } else if (f->type != TALLY_QTYPE_SINGLE &&
               f->type != TALLY_QTYPE_MULTI) {
        return TALLY_OK;
    }
    return add_chart(a, &c, err);
}

tally_status tally__annex_question_tables(tally_annex *a, tally__aq *aq,
                                          const tally_freq *f,
                                          tally_error *err)
{
    size_t first = tally_tables_count(a->tables);
    if (f->is_matrix && f->n_items)
        TALLY_TRY(matrix_table(a, aq, f, err));
    size_t ti = tally_tables_count(a->tables);
    TALLY_TRY(tally_freq_add_tables(f, &a->o.table, a->tables, err));
    size_t n = tally_tables_count(a->tables);
    for (size_t i = first; i < n; i++) {
        tally_table *t = a->tables->tables[i];
        t->sheet = tally__arena_strdup(a->tables->arena, aq->sheet);
        if (!t->sheet)
            return tally__nomem(err);
    }
    for (size_t i = 0, j = ti; i < f->n_items && j < n; i++) {
        TALLY_TRY(base_note(a, a->tables->tables[j], f->items[i].base,
                            err));
        if (!f->is_matrix && i == 0) /* sorts before suppressing */
            TALLY_TRY(distribution_chart(a, f, j, err));
        j += f->items[i].has_summary ? 2 : 1;
    }
    for (size_t i = ti; i < n; i++)
        TALLY_TRY(tally__annex_suppress(a, a->tables->tables[i], err));
    return TALLY_OK;
}
