/*
 * Unit tests: frequencies of multi, matrix, numeric and text questions
 * (freq.c, summary.c), the errors of tally_freq_compute(), and the JSON
 * of results (freq_json.c).
 *
 * Expected values from R 4.2.2 and statsmodels 0.13.5 with the exact call
 * beside each (tests/reference/freq_reference.R and freq_reference.py);
 * freq_of() checks the invariants of tally/freq.h on every item
 * (freq_test.h).
 */
#include "freq_test.h"

#define PERF                                                                  \
    "scales:\n"                                                               \
    "  perf:\n"                                                               \
    "    options: [Unsatisfactory, Partially met, Met, Beyond,\n"             \
    "              Far beyond]\n"                                             \
    "    missing: [\"Don't know\"]\n"

/* {respondents, base, missing, no_answer, responses}, counts of every
   option (missing code last), percent of the valid ones. */
typedef struct multi_want {
    double n[5], count[4], percent[3];
} multi_want;

/* Intervals of the three valid options, percent. */
typedef struct ci_case {
    tally_ci_method method;
    double level;
    double lo[3], hi[3];
} ci_case;

static const ci_case multi_cis[] = {
    /* statsmodels 0.13.5+dfsg: proportion_confint([11, 9, 5], 16, 0.05,
       method='wilson') */
    {TALLY_CI_WILSON, 0.95,
     {44.40435583474066, 33.1785563988119, 14.164643854782028},
     {85.83535614521797, 76.90134759450766, 55.59564416525933}},
    /* statsmodels 0.13.5+dfsg: proportion_confint([8, 5, 1], 10, 0.01,
       method='beta') */
    {TALLY_CI_CLOPPER_PEARSON, 0.99,
     {35.17988336951632, 12.831055393508326, 0.050112857546463385},
     {98.91494906202595, 87.16894460649168, 54.428705689968695}},
};

static void check_multi(const tally_dataset *ds, const multi_want *w,
                        const ci_case *ci)
{
    tally_freq_opts o = {ci->method, ci->level, 0};
    tally_freq *f = freq_of(ds, "M", &o);
    const tally_freq_item *it = tally_freq_get_item(f, 0);
    assert_int_equal(tally_freq_type(f), TALLY_QTYPE_MULTI);
    assert_false(it->has_summary);
    tally_assert_rel(it->respondents, w->n[0], 0);
    tally_assert_rel(it->base, w->n[1], 0);
    tally_assert_rel(it->missing, w->n[2], 0);
    tally_assert_rel(it->no_answer, w->n[3], 0);
    tally_assert_rel(it->responses, w->n[4], 0);
    tally_assert_rel(it->n_eff, w->n[1], 0);
    assert_int_equal(it->n_categories, 4);
    check_cats(it, 0, 3, w->count, ci->lo, ci->hi, TOL);
    check_cats(it, 3, 1, w->count + 3, NULL, NULL, 0);
    assert_true(it->categories[3].missing);
    for (size_t i = 0; i < 3; i++)
        tally_assert_rel(it->categories[i].percent, w->percent[i], TOL);
    assert_int_equal(it->n_notes, 0);
    tally_freq_free(f);
    /* Simultaneous intervals need exclusive categories: Wilson, noted. */
    for (int m = TALLY_CI_GOODMAN; m <= TALLY_CI_SISON_GLAZ; m++) {
        double lo[3], hi[3];
        for (size_t i = 0; i < 3; i++) {
            tally_ci_proportion(TALLY_CI_WILSON, w->count[i], w->n[1],
                                ci->level, &lo[i], &hi[i]);
            lo[i] *= 100;
            hi[i] *= 100;
        }
        o.ci = (tally_ci_method)m;
        f = freq_of(ds, "M", &o);
        it = tally_freq_get_item(f, 0);
        check_cats(it, 0, 3, w->count, lo, hi, TOL);
        assert_int_equal(it->n_notes, 1);
        assert_non_null(strstr(it->notes[0], "Wilson intervals"));
        tally_freq_free(f);
    }
}

/* One column per option; a respondent who ticked only "Don't know" is
   missing, one who ticked it besides a valid option is in the base; "0"
   is not a tick. */
static void test_multi_dichotomies(void **state)
{
    (void)state;
    static const run runs[] = {
        {"r,1,1,,", 6}, {"r,1,,,", 4},  {"r,,1,1,", 3}, {"r,,,1,", 2},
        {"r,,,,1", 3},  {"r,1,,,1", 1}, {"r,,,,", 5},   {"r,0,0,0,0", 2}};
    tally_dataset *ds = build_runs(
        "k,M1,M2,M3,M4", runs, 8,
        "questions:\n  - id: M\n    type: multi\n    options:\n"
        "      - {label: Common vision, column: M1}\n"
        "      - {label: Joint action, column: M2}\n"
        "      - {label: Funding, column: M3}\n"
        "    missing:\n      - {label: \"Don't know\", column: M4}\n",
        NULL);
    static const multi_want w = {
    /* R 4.2.2: inbase = rowSums(M[, 1:3]) > 0; respondents nrow(M), base
       sum(inbase), missing sum(!inbase & M[, 4]), no_answer
       sum(rowSums(M) == 0), responses sum(M[, 1:3]), counts colSums(M),
       percent 100 * colSums(M[, 1:3]) / sum(inbase) */
    {26, 16, 3, 7, 25},
    {11, 9, 5, 4},
    {68.75, 56.25, 31.25}
    };
    check_multi(ds, &w, &multi_cis[0]);
    tally_dataset_free(ds);
}

/* One column of answers joined with ", ", one option containing ", ". */
static void test_multi_joined(void **state)
{
    (void)state;
    static const run runs[] = {
        {"r,\"Funding, Partnership with donors, agencies\"", 3},
        {"r,\"Partnership with donors, agencies\"", 2},
        {"r,Funding", 4},
        {"r,\"Staff turnover, Funding\"", 1},
        {"r,Don't know", 2},
        {"r,", 3}};
    tally_dataset *ds = build_runs(
        "k,M", runs, 6,
        "questions:\n  - id: M\n    type: multi\n    column: M\n"
        "    separator: \", \"\n"
        "    options: [Funding, \"Partnership with donors, agencies\",\n"
        "              Staff turnover]\n"
        "    missing: [\"Don't know\"]\n",
        NULL);
    static const multi_want w = {
    /* R 4.2.2: T = sapply(opts, function(o) grepl(o, J, fixed = TRUE));
       the same sums as above */
    {15, 10, 2, 3, 14},
    {8, 5, 1, 2},
    {80, 50, 10}
    };
    check_multi(ds, &w, &multi_cis[1]);
    tally_dataset_free(ds);
}

/* The first note of an item, whose note list is still NULL: copying
   the (empty) old list was memcpy(dst, NULL, 0), undefined behaviour
   that the sanitizer build (TALLY_SANITIZE=undefined) stops at. */
static void test_first_note_of_an_item(void **state)
{
    (void)state;
    static const run runs[] = {{"r,1,", 2}, {"r,,1", 1}};
    tally_dataset *ds = build_runs(
        "k,M1,M2", runs, 2,
        "questions:\n  - id: M\n    type: multi\n    options:\n"
        "      - {label: One, column: M1}\n"
        "      - {label: Two, column: M2}\n",
        NULL);
    tally_freq_opts o = {TALLY_CI_GOODMAN, 0.95, 0};
    tally_freq *f = freq_of(ds, "M", &o);
    const tally_freq_item *it = tally_freq_get_item(f, 0);
    assert_int_equal(it->n_notes, 1);
    assert_string_equal(it->notes[0],
                        "simultaneous intervals need mutually exclusive "
                        "categories: Wilson intervals per option");
    tally_freq_free(f);
    tally_dataset_free(ds);
}

/* ---- matrix ---------------------------------------------------------- */

typedef struct item_want {
    double base, missing, no_answer, count[5];
    summary_want summary;
} item_want;

static const item_want x_items[] = {
    /* R 4.2.2: per item i: v = match(X[, i], lv) (NA outside the base);
       base sum(!is.na(v)), missing sum(X[, i] %in% "Don't know"),
       table(factor(v, levels = 1:5)), then the summary of v at level 0.95
       as for the scales */
    {14, 0, 3,
     {2, 5, 4, 0, 3},
     {2.7857142857142856, 1.3688047244316384, 2.5, 1.9953899674233657,
      3.5760386040052055, 21.428571428571427, 50, 1, 5}},
    {11, 1, 5,
     {0, 5, 2, 4, 0},
     {2.9090909090909092, 0.94387980744853894, 3, 2.2749838262827717,
      3.5431979918990462, 36.363636363636367, 45.454545454545453, 2, 4}},
    {6, 4, 7,
     {0, 0, 2, 3, 1},
     {3.8333333333333335, 0.752772652709081, 4, 3.0433468828413814,
      4.623319783825286, 66.666666666666657, 0, 3, 5}},
};

static const run x_runs[] = {
    {"r,Met,Beyond,Don't know", 4},
    {"r,Unsatisfactory,Met,Met", 2},
    {"r,Far beyond,,Beyond", 3},
    {"r,Partially met,Partially met,", 5},
    {"r,,Don't know,Far beyond", 1},
    {"r,,,", 2}};

static void check_x_item(const tally_freq_item *it, size_t i)
{
    static const char *const ids[] = {"X_1", "X_2", "X_3"};
    static const char *const texts[] = {"Coordination", "Mutual support",
                                        "Capacity"};
    const item_want *w = &x_items[i];
    assert_string_equal(it->id, ids[i]);
    assert_string_equal(it->text, texts[i]);
    tally_assert_rel(it->respondents, 17, 0);
    tally_assert_rel(it->base, w->base, 0);
    tally_assert_rel(it->missing, w->missing, 0);
    tally_assert_rel(it->no_answer, w->no_answer, 0);
    check_cats(it, 0, 5, w->count, NULL, NULL, 0);
    check_summary(it, &w->summary, TOL);
}

static void test_matrix(void **state)
{
    (void)state;
    tally_dataset *ds = build_runs(
        "k,X1,X2,X3", x_runs, 6,
        PERF "questions:\n  - id: X\n    text: Performance\n"
             "    type: matrix\n    scale: perf\n    items:\n"
             "      - {id: X_1, column: X1, text: Coordination}\n"
             "      - {id: X_2, column: X2, text: Mutual support}\n"
             "      - {id: X_3, column: X3, text: Capacity}\n",
        NULL);
    tally_freq *f = freq_of(ds, "X", NULL);
    assert_true(tally_freq_is_matrix(f));
    assert_int_equal(tally_freq_type(f), TALLY_QTYPE_MATRIX);
    assert_string_equal(tally_freq_id(f), "X");
    assert_string_equal(tally_freq_text(f), "Performance");
    assert_int_equal(tally_freq_item_count(f), 3);
    for (size_t i = 0; i < 3; i++)
        check_x_item(tally_freq_get_item(f, i), i);
    /* One item asked for: that item alone, the same numbers. */
    for (size_t i = 0; i < 3; i++) {
        static const char *const ids[] = {"X_1", "X_2", "X_3"};
        tally_freq *one = freq_of(ds, ids[i], NULL);
        assert_false(tally_freq_is_matrix(one));
        assert_int_equal(tally_freq_type(one), TALLY_QTYPE_SCALE);
        assert_string_equal(tally_freq_id(one), ids[i]);
        assert_int_equal(tally_freq_item_count(one), 1);
        const tally_freq_item *a = tally_freq_get_item(one, 0);
        const tally_freq_item *b = tally_freq_get_item(f, i);
        check_x_item(a, i);
        for (size_t c = 0; c < 6; c++) {
            tally_assert_rel(a->categories[c].ci_low,
                             b->categories[c].ci_low, 0);
            tally_assert_rel(a->categories[c].ci_high,
                             b->categories[c].ci_high, 0);
        }
        tally_freq_free(one);
    }
    tally_freq_free(f);
    tally_dataset_free(ds);
}

/* ---- numeric and text ------------------------------------------------ */

static void test_numeric_and_text(void **state)
{
    (void)state;
    static const run runs[] = {
        {"r,23,Good work", 1}, {"r,35.5,", 1}, {"r,41,More funding", 1},
        {"r,41,", 1},          {"r,19,", 1},   {"r,60,\"Fine, thanks\"", 1},
        {"r,27.25,", 1},       {"r,33,", 1},   {"r,-99,", 3},
        {"r,Don't know,Late", 1},              {"r,,", 2}};
    tally_dataset *ds = build_runs(
        "k,N,T", runs, 11,
        "questions:\n"
        "  - {id: N, type: numeric, column: N, missing: [-99, \"Don't "
        "know\"]}\n"
        "  - {id: T, type: text, column: T}\n",
        NULL);
    tally_freq_opts o = {TALLY_CI_WILSON, 0.9, 0};
    tally_freq *f = freq_of(ds, "N", &o);
    const tally_freq_item *it = tally_freq_get_item(f, 0);
    assert_int_equal(tally_freq_type(f), TALLY_QTYPE_NUMERIC);
    tally_assert_rel(it->respondents, 14, 0);
    tally_assert_rel(it->base, 8, 0);
    tally_assert_rel(it->missing, 4, 0);
    tally_assert_rel(it->no_answer, 2, 0);
    /* The categories are the missing codes. */
    assert_int_equal(it->n_categories, 2);
    static const double count[] = {3, 1};
    check_cats(it, 0, 2, count, NULL, NULL, 0);
    assert_string_equal(it->categories[0].label, "-99");
    static const summary_want want[] = {
    /* R 4.2.2: N = c(23, 35.5, 41, 41, 19, 60, 27.25, 33); mean(N),
       sd(N), median(N), t.test(N, conf.level = 0.9)$conf.int, min(N),
       max(N) */
     {34.96875, 12.880243384457343, 34.25, 26.341116170920969,
      43.596383829079031, NAN, NAN, 19, 60},
    };
    check_summary(it, want, TOL);
    tally_freq_free(f);

    f = freq_of(ds, "T", NULL);
    it = tally_freq_get_item(f, 0);
    assert_int_equal(tally_freq_type(f), TALLY_QTYPE_TEXT);
    tally_assert_rel(it->base, 4, 0);
    tally_assert_rel(it->no_answer, 10, 0);
    tally_assert_rel(it->missing, 0, 0);
    assert_int_equal(it->n_categories, 0);
    assert_false(it->has_summary);
    tally_freq_free(f);
    tally_dataset_free(ds);
}

/* ---- errors ---------------------------------------------------------- */

static void expect_error(const tally_dataset *ds, size_t q, size_t item,
                         const tally_freq_opts *o, tally_status want,
                         const char *part)
{
    tally_freq *f = (tally_freq *)&f; /* must be reset to NULL */
    tally_error err = {0};
    assert_int_equal(tally_freq_compute(ds, q, item, o, &f, &err), want);
    assert_null(f);
    assert_int_equal(err.code, want);
    if (!strstr(err.message, part)) {
        print_error("message \"%s\" lacks \"%s\"\n", err.message, part);
        fail();
    }
}

static void test_errors(void **state)
{
    (void)state;
    static const run runs[] = {{"r,17,Met,Beyond,Yes", 2}};
    tally_dataset *ds = build_runs(
        "k,id,A1,A2,G", runs, 1,
        PERF "questions:\n"
             "  - {id: ID, type: meta, column: id}\n"
             "  - id: A\n    type: matrix\n    scale: perf\n    items:\n"
             "      - {id: A_1, column: A1}\n"
             "      - {id: A_2, column: A2}\n"
             "  - {id: G, type: single, column: G, options: [Yes, No]}\n",
        NULL);
    size_t meta = qfind(ds, "ID", NULL), a = qfind(ds, "A", NULL);
    size_t g = qfind(ds, "G", NULL);
    expect_error(ds, meta, TALLY_ALL_ITEMS, NULL, TALLY_ERR_TYPE_MISMATCH,
                 "never tabulated");
    static const double levels[] = {1, 1.5, -0.05, NAN};
    for (size_t i = 0; i < 4; i++) {
        tally_freq_opts o = {TALLY_CI_WILSON, levels[i], 0};
        expect_error(ds, g, TALLY_ALL_ITEMS, &o, TALLY_ERR_INVALID_ARG,
                     "confidence level");
    }
    tally_freq_opts o = {TALLY_CI_METHOD_COUNT, 0.95, 0};
    expect_error(ds, g, TALLY_ALL_ITEMS, &o, TALLY_ERR_INVALID_ARG,
                 "method");
    o.ci = (tally_ci_method)-1;
    expect_error(ds, a, TALLY_ALL_ITEMS, &o, TALLY_ERR_INVALID_ARG,
                 "method");
    expect_error(ds, a, 2, NULL, TALLY_ERR_INVALID_ARG, "no item 3");
    expect_error(ds, g, 0, NULL, TALLY_ERR_INVALID_ARG, "no item");
    expect_error(ds, 3, TALLY_ALL_ITEMS, NULL, TALLY_ERR_INVALID_ARG,
                 "no such question");
    expect_error(NULL, 0, TALLY_ALL_ITEMS, NULL, TALLY_ERR_INVALID_ARG,
                 "no such question");
    assert_int_equal(tally_freq_compute(ds, g, TALLY_ALL_ITEMS, NULL, NULL,
                                        NULL),
                     TALLY_ERR_INVALID_ARG);
    /* Level 0 is the default, 0.95. */
    o = (tally_freq_opts){TALLY_CI_WILSON, 0, 0};
    tally_freq *f = freq_of(ds, "G", &o);
    tally_assert_rel(tally_freq_ci_level(f), 0.95, 0);
    tally_freq_free(f);
    tally_dataset_free(ds);
}

/* ---- JSON ------------------------------------------------------------ */

/*
 * The exact text of DESIGN.md section 3. A census (population = base)
 * makes every interval [p, p] so that each number below is exact or one
 * correctly rounded operation. Numbers are unrounded in their shortest
 * form that reads back as the same double (json.c), as Python's repr():
 * sd = sqrt(2/3) is repr(math.sqrt(2 / 3)) = 0.816496580927726, and the
 * level 0.9 stays 0.9.
 */
static const char json_scale[] =
    "{\"question\":\"A\",\"text\":\"How useful?\",\"type\":\"scale\","
    "\"respondents\":6,\"base\":4,\"no_answer\":1,\"missing\":1,"
    "\"weighted\":false,\"ci\":{\"method\":\"wald\","
    "\"level\":0.9,\"population\":4},\"categories\":["
    "{\"label\":\"Low\",\"value\":1,\"missing\":false,\"count\":1,"
    "\"percent\":25,\"ci_low\":25,\"ci_high\":25},"
    "{\"label\":\"Mid\",\"value\":2,\"missing\":false,\"count\":2,"
    "\"percent\":50,\"ci_low\":50,\"ci_high\":50},"
    "{\"label\":\"High\",\"value\":3,\"missing\":false,\"count\":1,"
    "\"percent\":25,\"ci_low\":25,\"ci_high\":25},"
    "{\"label\":\"Don't know\",\"value\":null,\"missing\":true,\"count\":1,"
    "\"percent\":null,\"ci_low\":null,\"ci_high\":null}],"
    "\"summary\":{\"mean\":2,\"sd\":0.816496580927726,\"median\":2,"
    "\"mean_ci_low\":2,\"mean_ci_high\":2,\"top2\":75,\"bottom2\":25,"
    "\"min\":1,\"max\":3},\"notes\":[\"the base is the whole population "
    "(N = 4): no sampling error, intervals equal the percentages\"]}\n";

static const char json_array[] =
    "[{\"question\":\"B\",\"text\":\"Which parts?\",\"type\":\"multi\","
    "\"respondents\":6,\"base\":4,\"no_answer\":2,\"missing\":0,"
    "\"responses\":5,\"weighted\":false,\"ci\":{\"method\":\"wald\","
    "\"level\":0.9,\"population\":4},\"categories\":["
    "{\"label\":\"Part one\",\"value\":1,\"missing\":false,\"count\":3,"
    "\"percent\":75,\"ci_low\":75,\"ci_high\":75},"
    "{\"label\":\"Part two\",\"value\":2,\"missing\":false,\"count\":2,"
    "\"percent\":50,\"ci_low\":50,\"ci_high\":50}],"
    "\"notes\":[\"the base is the whole population (N = 4): no sampling "
    "error, intervals equal the percentages\"]},"
    "{\"question\":\"T\",\"text\":\"Comments\",\"type\":\"text\","
    "\"respondents\":6,\"base\":2,\"no_answer\":4,\"missing\":0,"
    "\"weighted\":false,\"ci\":{\"method\":\"wald\","
    "\"level\":0.9,\"population\":4},"
    "\"categories\":[]}]\n";

/* got == want, or the first difference with some context. */
static void assert_text(const char *got, const char *want)
{
    size_t i = 0;
    while (got[i] && got[i] == want[i])
        i++;
    if (got[i] == want[i])
        return;
    size_t from = i > 40 ? i - 40 : 0;
    print_error("texts differ at byte %zu:\n got: ...%.80s\nwant: ...%.80s\n",
                i, got + from, want + from);
    fail();
}

static void test_json(void **state)
{
    (void)state;
    static const run runs[] = {
        {"r,Low,1,,nice", 1}, {"r,Mid,1,1,", 1},        {"r,Mid,,1,ok", 1},
        {"r,High,,,", 1},     {"r,Don't know,1,,", 1}, {"r,,,,", 1}};
    tally_dataset *ds = build_runs(
        "k,A,B1,B2,T", runs, 6,
        "questions:\n"
        "  - {id: A, text: How useful?, type: scale, column: A,\n"
        "     options: [Low, Mid, High], missing: [\"Don't know\"]}\n"
        "  - id: B\n    text: Which parts?\n    type: multi\n"
        "    options:\n"
        "      - {label: Part one, column: B1}\n"
        "      - {label: Part two, column: B2}\n"
        "  - {id: T, text: Comments, type: text, column: T}\n",
        NULL);
    tally_freq_opts o = {TALLY_CI_WALD, 0.9, 4};
    tally_freq *f[3] = {freq_of(ds, "A", &o), freq_of(ds, "B", &o),
                        freq_of(ds, "T", &o)};
    tally_buf *b = tally_buf_new();
    assert_non_null(b);
    assert_int_equal(tally_freq_write_json((const tally_freq *const *)f, 1,
                                           b, NULL),
                     TALLY_OK);
    assert_text(tally_buf_data(b), json_scale);
    tally_buf_clear(b);
    assert_int_equal(tally_freq_write_json((const tally_freq *const *)f + 1,
                                           2, b, NULL),
                     TALLY_OK);
    assert_text(tally_buf_data(b), json_array);
    tally_buf_free(b);
    for (size_t i = 0; i < 3; i++)
        tally_freq_free(f[i]);
    tally_dataset_free(ds);
}

/* A matrix of scale items is "scale" item by item, also when its first
   item has no base (and so a summary of nulls). */
static void test_json_matrix_item_type(void **state)
{
    (void)state;
    static const run runs[] = {{"r,,Met", 2}, {"r,Don't know,Beyond", 1}};
    tally_dataset *ds = build_runs(
        "k,Y1,Y2", runs, 2,
        PERF "questions:\n  - id: Y\n    type: matrix\n    scale: perf\n"
             "    items: [{id: Y_1, column: Y1}, {id: Y_2, column: Y2}]\n",
        NULL);
    tally_freq *f = freq_of(ds, "Y", NULL);
    assert_true(tally_freq_get_item(f, 0)->has_summary);
    assert_true(isnan(tally_freq_get_item(f, 0)->summary.mean));
    assert_true(tally_freq_get_item(f, 1)->has_summary);
    tally_buf *b = tally_buf_new();
    assert_non_null(b);
    assert_int_equal(tally_freq_write_json((const tally_freq *const *)&f, 1,
                                           b, NULL),
                     TALLY_OK);
    const char *json = tally_buf_data(b);
    assert_non_null(strstr(json, "{\"question\":\"Y\",\"text\":\"Y\","
                                 "\"type\":\"matrix\",\"respondents\":3,"));
    assert_non_null(strstr(json, "{\"question\":\"Y_1\",\"text\":\"Y_1\","
                                 "\"type\":\"scale\","));
    assert_non_null(strstr(json, "{\"question\":\"Y_2\",\"text\":\"Y_2\","
                                 "\"type\":\"scale\","));
    tally_buf_free(b);
    tally_freq_free(f);
    tally_dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_multi_dichotomies),
        cmocka_unit_test(test_multi_joined),
        cmocka_unit_test(test_first_note_of_an_item),
        cmocka_unit_test(test_matrix),
        cmocka_unit_test(test_numeric_and_text),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_json_matrix_item_type),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
