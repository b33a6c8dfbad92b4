/*
 * annex_chart.c: native Excel charts under the annex's tables
 * (libxlsxwriter charts, editable in Excel and LibreOffice).
 *
 * Every chart reads its data, categories and series names from cells of
 * the table above it: no text of ours or of a respondent is put into a
 * chart's title or names directly, where libxlsxwriter would read a
 * leading "=" as a formula.
 */
#include <math.h>

#include "annex_chart.h"

#define BAR_BLUE 0x4F81BD
#define NEGATIVE 0xC0504D /* red: the lowest point of a scale          */
#define NEUTRAL 0xD9D9D9  /* grey: the middle                          */
#define POSITIVE 0x4F81BD /* blue: the highest point                   */
#define WIDTH_PX 640.0
#define ROW_PX 20.0       /* default row height                        */

static lxw_color_t mix(lxw_color_t a, lxw_color_t b, double t)
{
    lxw_color_t out = 0;
    for (int shift = 0; shift <= 16; shift += 8) {
        double ca = (a >> shift) & 0xFF, cb = (b >> shift) & 0xFF;
        out |= (lxw_color_t)lround(ca + (cb - ca) * t) << shift;
    }
    return out;
}

/* Point i of k of an ordered scale: red through grey to blue, so that
   the negative end reads as negative whatever the number of points. */
static lxw_color_t diverging(size_t i, size_t k)
{
    double t = k > 1 ? (double)i / (double)(k - 1) : 1;
    return t < 0.5 ? mix(NEGATIVE, NEUTRAL, t * 2)
                   : mix(NEUTRAL, POSITIVE, (t - 0.5) * 2);
}

static lxw_color_t categorical(size_t i)
{
    static const lxw_color_t colours[] = {
        0x4F81BD, 0xC0504D, 0x9BBB59, 0x8064A2, 0x4BACC6,
        0xF79646, 0x2C4D75, 0x772C2A, 0x5F7530, 0x4D3B62};
    return colours[i % (sizeof colours / sizeof colours[0])];
}

static void fill(lxw_chart_series *s, lxw_color_t colour)
{
    lxw_chart_fill f = {.color = colour};
    lxw_chart_line none = {.none = LXW_TRUE};
    chart_series_set_fill(s, &f);
    chart_series_set_line(s, &none);
}

/* 100 % stacked bars: one series per scale point. */
static int stacked_series(lxw_chart *chart, const char *sheet,
                          const tally__chart *c, lxw_row_t head)
{
    lxw_row_t r0 = head + 1, r1 = head + (lxw_row_t)c->nrows;
    size_t k = c->by_row ? c->nrows : c->last_col - c->first_col + 1;
    for (size_t i = 0; i < k; i++) {
        lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
        if (!s)
            return -1;
        if (c->by_row) {
            lxw_row_t r = r0 + (lxw_row_t)i;
            chart_series_set_values(s, sheet, r, (lxw_col_t)c->first_col, r,
                                    (lxw_col_t)c->first_col);
            chart_series_set_name_range(s, sheet, r,
                                        (lxw_col_t)c->label_col);
        } else {
            lxw_col_t col = (lxw_col_t)(c->first_col + i);
            chart_series_set_categories(s, sheet, r0,
                                        (lxw_col_t)c->label_col, r1,
                                        (lxw_col_t)c->label_col);
            chart_series_set_values(s, sheet, r0, col, r1, col);
            chart_series_set_name_range(s, sheet, head, col);
        }
        fill(s, c->ordered ? diverging(i, k) : categorical(i));
    }
    return 0;
}

static int bar_series(lxw_chart *chart, const char *sheet,
                      const tally__chart *c, lxw_row_t head)
{
    lxw_row_t r0 = head + 1, r1 = head + (lxw_row_t)c->nrows;
    lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
    if (!s)
        return -1;
    chart_series_set_categories(s, sheet, r0, (lxw_col_t)c->label_col, r1,
                                (lxw_col_t)c->label_col);
    chart_series_set_values(s, sheet, r0, (lxw_col_t)c->first_col, r1,
                            (lxw_col_t)c->first_col);
    chart_series_set_name_range(s, sheet, head, (lxw_col_t)c->first_col);
    fill(s, BAR_BLUE);
    chart_series_set_labels(s);
    chart_series_set_labels_num_format(s, "0%");
    return 0;
}

/* Height in pixels: room for every bar and, when stacked, the legend. */
static double height_px(const tally__chart *c)
{
    double bars = c->kind == TALLY__CHART_STACKED && c->by_row
                      ? 1
                      : (double)c->nrows;
    double h = 50 + 34 * bars + (c->kind == TALLY__CHART_STACKED ? 40 : 0);
    return h < 140 ? 140 : h;
}

tally_status tally__annex_chart(tally__xlsx *x, tally__xsheet *s,
                                const char *sheet, const tally__chart *c,
                                lxw_row_t head)
{
    int stacked = c->kind == TALLY__CHART_STACKED;
    lxw_chart *chart = workbook_add_chart(
        x->wb, stacked ? LXW_CHART_BAR_STACKED_PERCENT : LXW_CHART_BAR);
    if (!chart)
        return tally__nomem(x->err);
    if ((stacked ? stacked_series(chart, sheet, c, head)
                 : bar_series(chart, sheet, c, head)) != 0)
        return tally__nomem(x->err);
    chart_title_off(chart);
    chart_set_series_gap(chart, stacked ? 60 : 50);
    /* In libxlsxwriter's bar charts y_axis is the category axis and
       x_axis the value axis. Categories top to bottom in the table's
       order, with the value axis kept at the bottom. */
    chart_axis_set_reverse(chart->y_axis);
    chart_axis_set_crossing_max(chart->y_axis);
    chart_axis_set_num_format(chart->x_axis, "0%");
    if (stacked && c->by_row)
        chart_axis_set_label_position(chart->y_axis,
                                      LXW_CHART_AXIS_LABEL_POSITION_NONE);
    chart_legend_set_position(chart, stacked ? LXW_CHART_LEGEND_BOTTOM
                                             : LXW_CHART_LEGEND_NONE);
    double h = height_px(c);
    lxw_chart_options o = {.x_scale = WIDTH_PX / 480.0,
                           .y_scale = h / 288.0};
    TALLY__XL_TRY(x, worksheet_insert_chart_opt(s->ws, s->row + 1, 0,
                                                chart, &o),
                  "chart");
    s->row += (lxw_row_t)ceil(h / ROW_PX) + 2;
    return TALLY_OK;
}
