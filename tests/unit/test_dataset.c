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

/* Rows of multi question qi with option k ticked. */
static size_t ticked(const tally_dataset *ds, size_t qi, size_t k)
{
    size_t n = 0;
    for (size_t r = 0; r < ds->rows; r++)
        n += (size_t)tally__ds_ticked(&ds->q[qi], r, k);
    return n;
}

/* Joined answers with a part outside the options were counted as "Other"
   (other: true) without the note that single-choice questions get. */
static void test_joined_other_without_note(void **state)
{
    (void)state;
    tally_dataset *ds = tally_test_dataset(
        "Q2\n\"A, Zed\"\nB\n\"Zed, Why\"\nA\n",
        "questions:\n- {id: Q2, type: multi, column: Q2, separator: ', ',\n"
        "   options: [A, B], other: true}\n",
        NULL);
    assert_int_equal(tally_dataset_note_count(ds), 1);
    assert_string_equal(tally_dataset_note(ds, 0),
                        "question Q2: 2 different answers outside the "
                        "options counted as Other");
    assert_int_equal(ticked(ds, 0, 0), 2);
    assert_int_equal(ticked(ds, 0, 2), 2);
    tally_dataset_free(ds);
}

/* A cell of blanks only ("  ", or a no-break space) was an answer: the
   inferred codebook made "  " an option (a numeric column became a
   single-choice question, a scale lost its order), a dichotomy column
   was ticked, and the cell counted in the base of every type. */
static void test_blank_cells_are_no_answer(void **state)
{
    (void)state;
    tally_raw *raw = tally_test_csv(
        "Age,Sat,Tools,Opt_1,Opt_2,Comment\n"
        "30,Agree,\"Excel, R\",A,,Fine\n"
        "  ,  ,  ,  ,\xc2\xa0, \n"
        "41,Disagree,R,,B,Good\n"
        "25,Neutral,Excel,A,B,Bad\n",
        NULL);
    tally_codebook *cb = tally_test_infer(raw, NULL);
    assert_int_equal(tally_test_q(cb, "Age")->type, TALLY_QTYPE_NUMERIC);
    assert_int_equal(tally_test_q(cb, "Sat")->type, TALLY_QTYPE_SCALE);
    assert_int_equal(tally_test_q(cb, "Tools")->type, TALLY_QTYPE_MULTI);
    assert_int_equal(tally_test_q(cb, "Opt")->type, TALLY_QTYPE_MULTI);
    tally_codebook_free(cb);
    cb = tally_test_yaml(
        "questions:\n"
        "- {id: Age, type: numeric, column: Age}\n"
        "- {id: Sat, type: scale, column: Sat,\n"
        "   options: [Disagree, Neutral, Agree]}\n"
        "- {id: Tools, type: multi, column: Tools, separator: ', ',\n"
        "   options: [Excel, R]}\n"
        "- id: Opt\n  type: multi\n"
        "  options: [{label: A, column: Opt_1}, {label: B, column: Opt_2}]\n"
        "- {id: Comment, type: text, column: Comment}\n");
    tally_dataset *ds = tally_test_build(raw, cb, NULL);
    for (size_t q = 0; q < 5; q++) {
        assert_int_equal(tally_dataset_answered(ds, q), 3);
        assert_int_equal(tally_dataset_base(ds, q), 3);
    }
    tally_dataset_free(ds);
    tally_codebook_free(cb);
    tally_raw_free(raw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_header_counted_as_other),
        cmocka_unit_test(test_joined_other_without_note),
        cmocka_unit_test(test_blank_cells_are_no_answer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
