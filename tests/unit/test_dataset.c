/* Unit tests: the coded dataset (dataset.c, dataset_code.c, info.c). */
#include "data_test.h"
#include "dataset_internal.h"

/* --- regressions -------------------------------------------------------- */

/* The note on answers counted as "Other" counted the header text among
   them ("1 different answers outside the options" when all were
   options): the column's dictionary holds the header row too. */
static void test_header_counted_as_other(void **state)
{
    (void)state;
    tally_dataset *ds = tally_test_dataset(
        "Q1\nA\nB\n",
        "questions:\n- {id: Q1, type: single, column: Q1, options: [A, B],\n"
        "   other: true}\n",
        NULL);
    assert_int_equal(tally_dataset_note_count(ds), 0);
    tally_dataset_free(ds);
    ds = tally_test_dataset(
        "Q1\nA\nC\nD\nC\n",
        "questions:\n- {id: Q1, type: single, column: Q1, options: [A, B],\n"
        "   other: true}\n",
        NULL);
    assert_int_equal(tally_dataset_note_count(ds), 1);
    assert_string_equal(tally_dataset_note(ds, 0),
                        "question Q1: 2 different answers outside the "
                        "options counted as Other");
    tally_dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_header_counted_as_other),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
