/*
 * Unit tests: weighted frequencies (freq.c, summary.c): frequency weights
 * (`--count`, each row stands for w respondents) and sampling weights
 * (`--weight`: weighted percentages, Kish's effective n in the intervals,
 * the mean's interval as R survey::svymean).
 *
 * Expected values from R 4.2.2 (survey 4.1.1, matrixStats 0.63.0, Hmisc
 * 4.8.0) and statsmodels 0.13.5, with the exact call beside each
 * (tests/reference/freq_reference.R and freq_reference.py); freq_of()
 * checks the invariants of tally/freq.h on every item (freq_test.h).
 */
#include "freq_test.h"

/* Scale S and numeric N (missing code -99), then the weight column. */
#define YAML                                                                  \
    "scales:\n"                                                               \
    "  perf:\n"                                                               \
    "    options: [Unsatisfactory, Partially met, Met, Beyond,\n"             \
    "              Far beyond]\n"                                             \
    "    missing: [\"Don't know\", N/A]\n"                                    \
    "questions:\n"                                                            \
    "  - {id: S, type: scale, column: S, scale: perf}\n"                      \
    "  - {id: N, type: numeric, column: N, missing: [-99]}\n"

/* ---- rows of weight 0 ---------------------------------------------- */

/*
 * A row of weight 0 stands for nobody: it is not the minimum or maximum
 * of a numeric item. R 4.2.2: x = rep(c(1, 5, 7, 50), c(0, 2, 1, 0)):
 * min(x) = 5, max(x) = 7, mean(x) = 17 / 3. Sampling weights: the same
 * rows (a scale point of weight 0 is not the minimum either).
 */
static void test_zero_weight_rows_not_min_max(void **state)
{
    (void)state;
    static const run runs[] = {
        {"r,,1,0", 1}, {"r,,5,2", 1}, {"r,,7,1", 1}, {"r,,50,0", 1}};
    for (int sampling = 0; sampling < 2; sampling++) {
        tally_dataset_opts dso = {sampling ? "c" : NULL,
                                  sampling ? NULL : "c"};
        tally_dataset *ds = build_runs("k,S,N,c", runs, 4, YAML, &dso);
        tally_freq *f = freq_of(ds, "N", NULL);
        const tally_summary *s = &tally_freq_get_item(f, 0)->summary;
        tally_assert_rel(s->min, 5, 0);
        tally_assert_rel(s->max, 7, 0);
        tally_assert_rel(s->mean, 17.0 / 3, TOL);
        tally_freq_free(f);
        tally_dataset_free(ds);
    }
}

/*
 * The no-answers of a weighted numeric item are the weights of its blank
 * rows, summed (R: sum(w[x == ""])), not every row's weight less the
 * base, which loses digits to cancellation: one blank of weight 0.1
 * among 100,000 answers of weight 1 to 4 came out 0.10000000000582077.
 */
static void test_weighted_numeric_no_answer_not_a_difference(void **state)
{
    (void)state;
    enum { ROWS = 100000 };
    char *csv = malloc((size_t)ROWS * 24 + 32), *p = csv;
    assert_non_null(csv);
    p += sprintf(p, "k,S,N,w\n");
    for (size_t r = 0; r < ROWS; r++)
        p += sprintf(p, "r,,%zu,%.2f\n", r % 97, 1 + (double)(r % 301) / 100);
    sprintf(p, "r,,,0.1\nr,,-99,0.3\n");
    tally_dataset_opts dso = {.weight = "w"};
    tally_dataset *ds = build_ds(csv, YAML, &dso);
    free(csv);
    tally_freq *f = freq_of(ds, "N", NULL);
    tally_assert_rel(tally_freq_get_item(f, 0)->no_answer, 0.1, TOL);
    tally_assert_rel(tally_freq_get_item(f, 0)->missing, 0.3, TOL);
    tally_freq_free(f);
    tally_dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zero_weight_rows_not_min_max),
        cmocka_unit_test(test_weighted_numeric_no_answer_not_a_difference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
