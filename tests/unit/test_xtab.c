/*
 * Unit tests: crosstabs (xtab.c, xtab_stats.c, xtab_json.c,
 * xtab_table.c): who is counted where, percentages, the intervals of the
 * column percentages, weights, suppression, and the requests that are
 * refused. The tests and measures themselves are test_assoc.c's.
 *
 * The data (29 respondents) is small enough to count by hand; the
 * expected tables are written out beside it. Interval values are from
 * R 4.2.2, prop.test(x, n, correct = FALSE)$conf.int (the Wilson score
 * interval), times 100.
 */
#include "freq_test.h"

#define YAML                                                                  \
    "scales:\n"                                                               \
    "  agree:\n"                                                              \
    "    options: [Disagree, Neutral, Agree]\n"                               \
    "    missing: [\"Don't know\"]\n"                                         \
    "questions:\n"                                                            \
    "  - {id: G, type: single, column: G, options: [A, B, C],\n"              \
    "     missing: [Prefer not to say]}\n"                                    \
    "  - {id: S, type: scale, column: S, scale: agree}\n"                     \
    "  - {id: M, type: multi, column: M, separator: \", \",\n"                \
    "     options: [X, Y, Z]}\n"                                              \
    "  - {id: T, type: matrix, scale: agree,\n"                               \
    "     items: [{id: T_1, column: S}, {id: T_2, column: S2}]}\n"            \
    "  - {id: O, type: text, column: O}\n"

/*
 * S by G:            A   B   C  | M by G:  A   B   C
 *   Disagree         2   6   0  |   X      8   0   3
 *   Neutral          3   0   3  |   Y      5  10   0
 *   Agree            5   4   0  |   Z      0   8   1
 *   base            10  10   3  |   base   8  12   4
 * Not in S by G: no answer to S 1 (C), "Don't know" 2 (B), G "Prefer not
 * to say" 2, no answer to G 1: 23 + 6 = 29.
 * Not in M by G: no answer to M 2 (A), G missing 2, G blank 1: 24 + 5.
 */
static const run data[] = {
    {"A,Agree,\"X, Y\",2,Agree,a", 5},
    {"A,Neutral,X,1,Agree,", 3},
    {"A,Disagree,,1,Agree,", 2},
    {"B,Agree,Y,1,Disagree,", 4},
    {"B,Disagree,\"Y, Z\",0.5,Disagree,", 6},
    {"B,Don't know,Z,1,Disagree,", 2},
    {"C,Neutral,X,1,Neutral,", 3},
    {"C,,Z,1,Neutral,", 1},
    {"Prefer not to say,Agree,X,1,Neutral,", 2},
    {",Disagree,Y,1,Neutral,", 1},
};

static tally_dataset *dataset(const tally_dataset_opts *o)
{
    char *csv = runs_csv("G,S,M,W,S2,O", data, sizeof data / sizeof data[0]);
    tally_dataset *ds = build_ds(csv, YAML, o);
    free(csv);
    return ds;
}

static void find(const tally_dataset *ds, const char *name, size_t *q,
                 size_t *item)
{
    tally_error err = {0};
    assert_int_equal(tally_codebook_find(tally_dataset_codebook(ds), name, q,
                                         item, &err),
                     TALLY_OK);
}

static tally_xtab *xtab_of(const tally_dataset *ds, const char *row,
                           const char *col, const tally_xtab_opts *o)
{
    size_t r, ri, c, ci;
    find(ds, row, &r, &ri);
    find(ds, col, &c, &ci);
    tally_xtab *x = NULL;
    tally_error err = {0};
    tally_status st = tally_xtab_compute(ds, r, ri, c, ci, o, &x, &err);
    if (st != TALLY_OK)
        print_error("xtab: %s\n", err.message);
    assert_int_equal(st, TALLY_OK);
    /* Every table accounts for every respondent. */
    for (size_t i = 0; i < tally_xtab_table_count(x); i++) {
        const tally_xtab_table *t = tally_xtab_get(x, i);
        tally_assert_rel(t->base + t->row_no_answer + t->row_missing +
                             t->col_no_answer + t->col_missing,
                         t->respondents, 1e-12);
    }
    return x;
}

static void assert_counts(const tally_xtab_table *t, const double *want)
{
    for (size_t i = 0; i < t->n_rows * t->n_cols; i++)
        tally_assert_rel(t->counts[i], want[i], 1e-12);
}

static void single_by_single(void **state)
{
    (void)state;
    tally_dataset *ds = dataset(NULL);
    tally_xtab *x = xtab_of(ds, "S", "G", NULL);
    assert_int_equal(tally_xtab_table_count(x), 1);
    const tally_xtab_table *t = tally_xtab_get(x, 0);
    assert_int_equal(t->n_rows, 3);
    assert_int_equal(t->n_cols, 3);
    assert_string_equal(t->row_labels[2], "Agree");
    assert_string_equal(t->col_labels[1], "B");
    assert_true(t->row_ordered);
    assert_false(t->col_ordered);
    const double want[] = {2, 6, 0, 3, 0, 3, 5, 4, 0};
    assert_counts(t, want);
    assert_true(t->respondents == 29 && t->base == 23);
    assert_true(t->row_no_answer == 1 && t->row_missing == 2);
    assert_true(t->col_missing == 2 && t->col_no_answer == 1);
    assert_true(t->col_bases[0] == 10 && t->col_bases[2] == 3);
    assert_true(t->row_totals[0] == 8 && t->row_totals[2] == 9);
    tally_assert_rel(t->col_percent[0], 20, 1e-12);
    tally_assert_rel(t->row_percent[1], 75, 1e-12);
    tally_assert_rel(t->total_percent[4], 0, 1e-12);
    /* Wilson: prop.test(2, 10), (5, 10), (3, 3), (0, 3)... */
    tally_assert_rel(t->ci_low[0], 5.6682151454375269, 1e-12);
    tally_assert_rel(t->ci_high[0], 50.983752846335818, 1e-12);
    tally_assert_rel(t->ci_low[6], 23.659309051256404, 1e-12);
    tally_assert_rel(t->ci_high[6], 76.3406909487436, 1e-12);
    tally_assert_rel(t->ci_low[5], 43.850296824495466, 1e-12);
    tally_assert_rel(t->ci_high[5], 100, 1e-12);
    assert_non_null(t->tests);
    assert_null(t->option_tests);
    tally_xtab_free(x);
    tally_dataset_free(ds);
}

static void multi_by_single(void **state)
{
    (void)state;
    tally_dataset *ds = dataset(NULL);
    tally_xtab *x = xtab_of(ds, "M", "G", NULL);
    const tally_xtab_table *t = tally_xtab_get(x, 0);
    assert_int_equal(t->row_type, TALLY_QTYPE_MULTI);
    const double want[] = {8, 0, 3, 5, 10, 0, 0, 8, 1};
    assert_counts(t, want);
    assert_true(t->col_bases[0] == 8 && t->col_bases[1] == 12 &&
                t->col_bases[2] == 4 && t->base == 24);
    assert_true(t->row_no_answer == 2 && t->row_missing == 0);
    assert_true(t->col_missing == 2 && t->col_no_answer == 1);
    /* % of the group's respondents: Y in B 10/12, Z in B 8/12. */
    tally_assert_rel(t->col_percent[4], 100.0 * 10 / 12, 1e-12);
    tally_assert_rel(t->ci_low[4], 55.196913774702658, 1e-12);
    tally_assert_rel(t->ci_high[7], 86.187990890878694, 1e-12);
    tally_assert_rel(t->ci_low[0], 67.559243511611982, 1e-12); /* 8/8 */
    assert_null(t->tests);
    assert_non_null(t->option_tests);
    tally_xtab_free(x);
    tally_dataset_free(ds);
}

static void matrix_by_item(void **state)
{
    (void)state;
    tally_dataset *ds = dataset(NULL);
    /* A matrix gives a table per item; its item can be the groups. */
    tally_xtab *x = xtab_of(ds, "T", "T_2", NULL);
    assert_int_equal(tally_xtab_table_count(x), 2);
    const tally_xtab_table *t1 = tally_xtab_get(x, 0);
    const tally_xtab_table *t2 = tally_xtab_get(x, 1);
    assert_string_equal(t1->row_id, "T_1");
    assert_string_equal(t2->row_id, "T_2");
    assert_string_equal(t1->col_id, "T_2");
    assert_true(t1->col_ordered);
    /* T_2 by itself is diagonal: 12 Disagree, 7 Neutral, 10 Agree. */
    const double diag[] = {12, 0, 0, 0, 7, 0, 0, 0, 10};
    assert_counts(t2, diag);
    assert_null(tally_xtab_get(x, 2));
    tally_xtab_free(x);
    tally_dataset_free(ds);
}

static void sampling_weights(void **state)
{
    (void)state;
    tally_dataset_opts o = {.weight = "W"};
    tally_dataset *ds = dataset(&o);
    tally_xtab *x = xtab_of(ds, "S", "G", NULL);
    const tally_xtab_table *t = tally_xtab_get(x, 0);
    /* A: 5 x 2 + 3 + 2 = 15 (w^2: 25); B: 4 + 6 x 0.5 = 7 (5.5); C 3 (3) */
    const double want[] = {2, 3, 0, 3, 0, 3, 10, 4, 0};
    assert_counts(t, want);
    tally_assert_rel(t->base, 25, 1e-12);
    tally_assert_rel(t->n_eff, 625 / 33.5, 1e-12);
    tally_assert_rel(t->col_percent[6], 100.0 * 10 / 15, 1e-12);
    /* Kish n of A = 15^2 / 25 = 9, x = 9 * 10 / 15 = 6: prop.test(6, 9) */
    tally_assert_rel(t->ci_low[6], 35.420213558039634, 1e-12);
    tally_assert_rel(t->ci_high[6], 87.941618161308881, 1e-12);
    /* The tests see the table scaled to the effective n. R 4.2.2:
       m <- matrix(c(2,3,0, 3,0,3, 10,4,0), 3, byrow = TRUE)
       chisq.test(m * (625 / 33.5) / 25, correct = FALSE) */
    tally_assert_rel(t->tests->n, 625 / 33.5, 1e-12);
    tally_assert_rel(t->tests->chisq, 10.259924865468575, 1e-12);
    tally_assert_rel(t->tests->chisq_df, 4, 0);
    tally_assert_rel(t->tests->chisq_p, 0.036269655960879804, 1e-10);
    assert_int_equal(tally_xtab_weight_kind(x), TALLY_WEIGHT_SAMPLING);
    tally_xtab_free(x);
    tally_dataset_free(ds);
}

static void frequency_weights(void **state)
{
    (void)state;
    tally_dataset_opts o = {.count = "W"};
    tally_dataset *ds = dataset(&o);
    tally_xtab *x = xtab_of(ds, "S", "G", NULL);
    const tally_xtab_table *t = tally_xtab_get(x, 0);
    tally_assert_rel(t->n_eff, 25, 1e-12);
    tally_assert_rel(t->tests->n, 25, 1e-12); /* counts are counts */
    tally_assert_rel(t->respondents, 5 * 2 + 3 + 2 + 4 + 3 + 2 + 3 + 1 + 2 + 1,
                     1e-12);
    tally_xtab_free(x);
    tally_dataset_free(ds);
}

/* The cell (r, c) of the first table of x rendered as tables. */
static const tally_cell *cell(const tally_tables *ts, size_t r, size_t c)
{
    return tally_table_cell(tally_tables_get(ts, 0), r, c);
}

static void suppression(void **state)
{
    (void)state;
    tally_dataset *ds = dataset(NULL);
    tally_xtab_opts o = {.min_cell = 3};
    tally_xtab *x = xtab_of(ds, "S", "G", &o);
    tally_tables *ts = tally_tables_new();
    tally_table_opts to = {.no_ci = 1};
    tally_error err = {0};
    assert_int_equal(tally_xtab_add_tables(x, &to, ts, &err), TALLY_OK);
    /* Row 0 "Disagree / Count": A = 2 is suppressed, B = 6 is not, C = 0
       is shown (an empty cell discloses nothing). Row 1: Column %. */
    assert_int_equal(cell(ts, 0, 2)->kind, TALLY_CELL_TEXT);
    assert_string_equal(cell(ts, 0, 2)->text, "<3");
    assert_int_equal(cell(ts, 0, 3)->kind, TALLY_CELL_COUNT);
    assert_int_equal(cell(ts, 0, 4)->kind, TALLY_CELL_COUNT);
    assert_int_equal(cell(ts, 1, 2)->kind, TALLY_CELL_EMPTY);
    assert_int_equal(cell(ts, 1, 3)->kind, TALLY_CELL_PERCENT);
    /* JSON: the same cells are null, the tests are computed. */
    tally_buf *b = tally_buf_new();
    const tally_xtab *xs[] = {x};
    assert_int_equal(tally_xtab_write_json(xs, 1, b, &err), TALLY_OK);
    assert_non_null(strstr(tally_buf_data(b),
                           "\"counts\":[[null,6,0],[3,0,3],[5,4,0]]"));
    assert_non_null(strstr(tally_buf_data(b), "\"min_cell\":3"));
    tally_buf_free(b);
    tally_tables_free(ts);
    tally_xtab_free(x);
    tally_dataset_free(ds);
}

static void refused(void **state)
{
    (void)state;
    tally_dataset *ds = dataset(NULL);
    size_t s, si, m, mi, o, oi, t, ti;
    find(ds, "S", &s, &si);
    find(ds, "M", &m, &mi);
    find(ds, "O", &o, &oi);
    find(ds, "T", &t, &ti);
    tally_xtab *x = NULL;
    tally_error err = {0};
    /* Open text is no row; a multi or a whole matrix is no group. */
    assert_int_equal(tally_xtab_compute(ds, o, oi, s, si, NULL, &x, &err),
                     TALLY_ERR_TYPE_MISMATCH);
    assert_int_equal(tally_xtab_compute(ds, s, si, m, mi, NULL, &x, &err),
                     TALLY_ERR_TYPE_MISMATCH);
    assert_int_equal(tally_xtab_compute(ds, s, si, t, ti, NULL, &x, &err),
                     TALLY_ERR_TYPE_MISMATCH);
    assert_non_null(strstr(err.message, "matrix item"));
    tally_xtab_opts bad = {.alpha = 1.5};
    assert_int_equal(tally_xtab_compute(ds, s, si, s, si, &bad, &x, &err),
                     TALLY_ERR_INVALID_ARG);
    assert_int_equal(tally_xtab_compute(ds, 99, 0, s, si, NULL, &x, &err),
                     TALLY_ERR_INVALID_ARG);
    assert_null(x);
    tally_dataset_free(ds);
}

/* Fisher's test in "auto" mode leaves out large tables whose expected
   counts are all 5 or more; "always" computes it (Monte Carlo here). */
static void fisher_auto(void **state)
{
    (void)state;
    const char *csv = "g,s,n\nA,Yes,600\nA,No,400\nB,Yes,500\nB,No,500\n"
                      "C,Yes,450\nC,No,550\n";
    const char *yaml =
        "questions:\n"
        "  - {id: g, type: single, column: g, options: [A, B, C]}\n"
        "  - {id: s, type: single, column: s, options: [Yes, No]}\n";
    tally_dataset_opts o = {.count = "n"};
    tally_dataset *ds = build_ds(csv, yaml, &o);
    tally_xtab *x = xtab_of(ds, "s", "g", NULL);
    const tally_xtab_table *t = tally_xtab_get(x, 0);
    assert_true(isnan(t->tests->fisher_p));
    assert_int_equal(t->tests->fisher_method, TALLY_FISHER_NONE);
    assert_non_null(strstr(t->notes[0], "Fisher's exact test not computed"));
    assert_int_equal(tally_xtab_options(x)->fisher, TALLY_FISHER_AUTO);
    tally_xtab_free(x);
    tally_xtab_opts always = {.fisher = TALLY_FISHER_ALWAYS};
    x = xtab_of(ds, "s", "g", &always);
    t = tally_xtab_get(x, 0);
    assert_true(t->tests->fisher_p >= 0 && t->tests->fisher_p <= 1);
    assert_int_not_equal(t->tests->fisher_method, TALLY_FISHER_NONE);
    tally_xtab_free(x);
    tally_dataset_free(ds);
}

/* A group question whose only option is a missing code gives a table
   with no column: everyone is excluded, nothing is compared (found by
   fuzz_roundtrip: the column letters refused the empty table). */
static void only_missing_codes(void **state)
{
    (void)state;
    const char *csv = "s,p\nYes,n/a\nNo,n/a\nYes,\n";
    const char *yaml =
        "questions:\n"
        "  - {id: s, type: single, column: s, options: [Yes, No]}\n"
        "  - {id: p, type: single, column: p, missing: [n/a]}\n";
    tally_dataset *ds = build_ds(csv, yaml, NULL);
    for (int flip = 0; flip < 2; flip++) {
        tally_xtab *x = xtab_of(ds, flip ? "p" : "s", flip ? "s" : "p",
                                NULL);
        const tally_xtab_table *t = tally_xtab_get(x, 0);
        assert_true(t->base == 0);
        assert_true(t->respondents == 3);
        assert_true(t->base + t->row_no_answer + t->row_missing +
                        t->col_no_answer + t->col_missing ==
                    t->respondents);
        assert_int_equal(flip ? t->n_rows : t->n_cols, 0);
        tally_xtab_free(x);
    }
    tally_dataset_free(ds);
}

static void column_letters_names(void **state)
{
    (void)state;
    char b[8];
    const struct {
        size_t j;
        const char *want;
    } cases[] = {{0, "A"}, {25, "Z"}, {26, "AA"}, {27, "AB"}, {63, "BL"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tally_xtab_column_letter(cases[i].j, b, sizeof b);
        assert_string_equal(b, cases[i].want);
    }
    tally_xtab_column_letter(27, b, 2); /* cut, still terminated */
    assert_string_equal(b, "A");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(single_by_single),
        cmocka_unit_test(multi_by_single),
        cmocka_unit_test(matrix_by_item),
        cmocka_unit_test(sampling_weights),
        cmocka_unit_test(frequency_weights),
        cmocka_unit_test(suppression),
        cmocka_unit_test(refused),
        cmocka_unit_test(fisher_auto),
        cmocka_unit_test(only_missing_codes),
        cmocka_unit_test(column_letters_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
