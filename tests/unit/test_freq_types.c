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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_first_note_of_an_item),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
