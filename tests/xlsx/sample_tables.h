/*
 * sample_tables.h: a table list that exercises the xlsx writer, shared by
 * tests/unit/test_write_xlsx.c and tests/xlsx/make_workbook.c (whose
 * workbook check_workbook.py reads back; keep the two in step).
 *
 * Sheets, in order: "Q1" (three tables: two consecutive, one coming back
 * after "Q2"), "Q2_3_ _draft___" (from "Q2/3: [draft]*?"), "q1 (2)",
 * "Sheet 4" (empty name), "quoted" ('quoted'), "History (2)", a CJK name
 * cut to 31 characters, and "Long" (a 40,000-character answer).
 */
#ifndef TALLY_SAMPLE_TABLES_H
#define TALLY_SAMPLE_TABLES_H

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "table_internal.h"

#define SAMPLE_CREATED 1700000000LL /* 2023-11-14T22:13:20Z */
#define SAMPLE_LONG_TITLE                                                      \
    "Q1. To what extent has the programme enhanced coordinated actions "       \
    "among member States, development partners and other stakeholders "       \
    "in addressing transboundary air pollution in North-East Asia, and "      \
    "how sustainable are these results likely to be after 2025?"

typedef struct sample_cell {
    tally_cell_kind kind;
    const char *text;
    double value;
    int decimals;
} sample_cell;

enum { SAMPLE_MAX_COLS = 5 };

typedef struct sample_row {
    tally_row_kind kind;
    sample_cell cells[SAMPLE_MAX_COLS];
} sample_row;

#define S_TEXT(s) {TALLY_CELL_TEXT, (s), 0, 0}
#define S_COUNT(v) {TALLY_CELL_COUNT, NULL, (v), 0}
#define S_PCT(v) {TALLY_CELL_PERCENT, NULL, (v), 0}
#define S_NUM(v, d) {TALLY_CELL_NUMBER, NULL, (v), (d)}

static const sample_row sample_q1_rows[] = {
    {TALLY_ROW_BODY, {S_TEXT("Strongly agree"), S_COUNT(12), S_PCT(16.216),
                      S_PCT(9.5), S_PCT(26.3)}},
    {TALLY_ROW_BODY, {S_TEXT("=HYPERLINK(\"x\")"), S_COUNT(40),
                      S_PCT(54.054), S_PCT(NAN), S_PCT(INFINITY)}},
    {TALLY_ROW_BODY, {S_TEXT("+1"), S_COUNT(2), S_PCT(2.703), S_PCT(-0.0),
                      S_PCT(-INFINITY)}},
    {TALLY_ROW_BODY, {S_TEXT("-2"), S_COUNT(3), S_PCT(4.054)}},
    {TALLY_ROW_BODY, {S_TEXT("@SUM(A1)"), S_COUNT(4), S_PCT(5.405)}},
    {TALLY_ROW_BODY, {S_TEXT("\xE4\xB8\xAD\xE6\x96\x87\xE5\x9B\x9E\xE7\xAD"
                             "\x94 caf\xC3\xA9 d\xC3\xA9j\xC3\xA0"),
                      S_COUNT(5), S_PCT(6.757)}},
    {TALLY_ROW_BODY, {S_TEXT("_x0041_ stays literal"), S_COUNT(6),
                      S_PCT(8.108)}},
    {TALLY_ROW_BODY, {S_TEXT("bad byte caf\xE9 \xEF\xBF\xBE"), S_COUNT(2),
                      S_PCT(2.703)}},
    {TALLY_ROW_TOTAL, {S_TEXT("Total"), S_COUNT(74), S_PCT(100)}},
    {TALLY_ROW_MISSING, {S_TEXT("No answer"), S_COUNT(89), S_PCT(NAN)}},
};

static const sample_row sample_stats_rows[] = {
    {TALLY_ROW_BODY, {S_TEXT("Mean"), S_NUM(3.4567, 2)}},
    {TALLY_ROW_BODY, {S_TEXT("SD"), S_NUM(NAN, 2)}},
    {TALLY_ROW_BODY, {S_TEXT("Weighted n"), {TALLY_CELL_COUNT, NULL, 12.345,
                                             1}}},
};

static const sample_row sample_one_rows[] = {
    {TALLY_ROW_BODY, {S_TEXT("Yes"), S_COUNT(1)}},
};

static inline int sample_fill(tally_tables *ts, tally_table *t,
                              const sample_row *rows, size_t n)
{
    for (size_t r = 0; r < n; r++) {
        tally_cell *row = tally__table_row(t, rows[r].kind);
        if (!row)
            return -1;
        for (size_t c = 0; c < tally_table_columns(t); c++) {
            const sample_cell *s = &rows[r].cells[c];
            if (s->kind == TALLY_CELL_TEXT) {
                if (tally__cell_text(ts, &row[c], s->text) != 0)
                    return -1;
            } else if (s->kind != TALLY_CELL_EMPTY) {
                tally__cell_num(&row[c], s->kind, s->value, s->decimals);
            }
        }
    }
    return 0;
}

/* A table with headers "", "n", "%", ... (ncols of them). */
static inline tally_table *sample_table(tally_tables *ts, const char *title,
                                        const char *sheet, size_t ncols,
                                        const sample_row *rows, size_t n)
{
    static const char *const heads[SAMPLE_MAX_COLS] = {
        "Answer", "n", "Percent of valid answers", "95% CI lower",
        "95% CI upper"};
    tally_table *t = tally__table_new(ts, title, sheet, ncols);
    if (!t)
        return NULL;
    for (size_t c = 0; c < ncols; c++)
        if (tally__table_header(ts, t, c, heads[c]) != 0)
            return NULL;
    return sample_fill(ts, t, rows, n) == 0 ? t : NULL;
}

static inline int sample_q1(tally_tables *ts)
{
    tally_table *t = sample_table(ts, SAMPLE_LONG_TITLE, "Q1", 5,
                                  sample_q1_rows,
                                  sizeof sample_q1_rows
                                      / sizeof sample_q1_rows[0]);
    if (!t || tally__table_subtitle(ts, t, "Base: %d of %d respondents", 74,
                                    163) != 0
        || tally__table_footnote(ts, t, "CI: Wilson score interval, 95%%.")
               != 0
        || tally__table_footnote(ts, t, "Blank CI: not defined.") != 0)
        return -1;
    t = sample_table(ts, "Q1. Summary", "Q1", 2, sample_stats_rows,
                     sizeof sample_stats_rows / sizeof sample_stats_rows[0]);
    return t ? 0 : -1;
}

/* A 40,000-character answer: Excel's cell limit is 32,767. */
static inline int sample_long(tally_tables *ts)
{
    tally_table *t = tally__table_new(ts, "Long answers", "Long", 1);
    char *text = malloc(40001);
    tally_cell *row = t ? tally__table_row(t, TALLY_ROW_BODY) : NULL;
    int rc = -1;
    if (row && text) {
        memset(text, 'a', 40000);
        text[40000] = '\0';
        rc = tally__cell_text(ts, row, text);
    }
    free(text);
    return rc;
}

/* The sheets listed at the top of this file; NULL when out of memory. */
static inline tally_tables *sample_tables(void)
{
    static const char *const sheets[] = {
        "q1", "", "'quoted'", "History",
        "\xE8\xAA\xBF\xE6\x9F\xBB 0123456789 0123456789 0123456789 0123"};
    tally_tables *ts = tally_tables_new();
    int ok = ts && sample_q1(ts) == 0
             && sample_table(ts, "Q2. Draft", "Q2/3: [draft]*?", 2,
                             sample_one_rows, 1)
             && sample_table(ts, "Q1. Again", "Q1", 2, sample_one_rows, 1);
    for (size_t i = 0; ok && i < sizeof sheets / sizeof sheets[0]; i++)
        ok = sample_table(ts, sheets[i], sheets[i], 2, sample_one_rows, 1)
             != NULL;
    if (!ok || sample_long(ts) != 0) {
        tally_tables_free(ts);
        return NULL;
    }
    return ts;
}

#endif /* TALLY_SAMPLE_TABLES_H */
