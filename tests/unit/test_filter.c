/* Unit tests: --where filters (filter.c) and subsets (subset.c). */
#include "data_test.h"
#include "dataset_internal.h"

static tally_dataset *filter_ok(const tally_dataset *ds, const char *expr)
{
    tally_dataset *sub = NULL;
    tally_error err = {0};
    tally_status st = tally_dataset_filter(ds, expr, &sub, &err);
    if (st != TALLY_OK)
        print_error("filter \"%s\": %ld: %s\n", expr, err.column,
                    err.message);
    assert_int_equal(st, TALLY_OK);
    return sub;
}

/* Rows of the subset of ds by expr. */
static size_t count(const tally_dataset *ds, const char *expr)
{
    tally_dataset *sub = filter_ok(ds, expr);
    size_t n = tally_dataset_rows(sub);
    tally_dataset_free(sub);
    return n;
}

/* --- regressions -------------------------------------------------------- */

/* A condition's count of values lived in memory that was grown, not
   zeroed: a filter could inherit the values of an earlier one (and
   "Q2=Other" chose the rows where A was ticked), or fail with "too many
   values". */
static void test_condition_values_not_zeroed(void **state)
{
    (void)state;
    tally_dataset *ds = tally_test_dataset(
        "Q1,Q2\nJapan,\"A, Zed\"\nChina,A\n",
        "questions:\n- {id: Q1, type: single, column: Q1,\n"
        "   options: [Japan, China]}\n"
        "- {id: Q2, type: multi, column: Q2, separator: ', ',\n"
        "   options: [A, B], other: true}\n",
        NULL);
    assert_int_equal(count(ds, "Q1=Japan|China|Japan|China|Japan|China"), 2);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(count(ds, "Q2=Other"), 1);
        assert_int_equal(count(ds, "Q2=B"), 0);
    }
    tally_dataset_free(ds);
}

/* Expect expr to fail with status at column, the message containing
   part. */
static void filter_error(const tally_dataset *ds, const char *expr,
                         tally_status status, long column, const char *part)
{
    tally_dataset *sub = NULL;
    tally_error err = {0};
    tally_status st = tally_dataset_filter(ds, expr, &sub, &err);
    if (st != status || err.column != column || !strstr(err.message, part))
        print_error("filter \"%s\": status %d, column %ld: %s\n", expr, st,
                    err.column, err.message);
    assert_int_equal(st, status);
    assert_null(sub);
    assert_int_equal(err.column, column);
    assert_non_null(strstr(err.message, part));
    assert_string_equal(err.file, "--where");
    assert_int_equal(err.line, 1);
}

/* "Q1=Japan&" (a condition missing after the '&') was accepted as
   "Q1=Japan". */
static void test_nothing_after_and(void **state)
{
    (void)state;
    tally_dataset *ds = tally_test_dataset(
        "Q1\nJapan\nChina\n",
        "questions:\n- {id: Q1, type: single, column: Q1,\n"
        "   options: [Japan, China]}\n",
        NULL);
    filter_error(ds, "Q1=Japan&", TALLY_ERR_PARSE, 10,
                 "expected QUESTION=VALUE in \"Q1=Japan&\"");
    filter_error(ds, "Q1=Japan&&Q1=China", TALLY_ERR_PARSE, 10,
                 "expected QUESTION=VALUE");
    filter_error(ds, "", TALLY_ERR_PARSE, 1, "expected QUESTION=VALUE");
    tally_dataset_free(ds);
}

/* Error columns counted bytes, not characters, after a non-ASCII letter
   (the CLI points at the column under the expression), and pointed at
   the blanks before a value or a question. */
static void test_error_column_in_characters(void **state)
{
    (void)state;
    tally_dataset *ds = tally_test_dataset(
        "Q1\nJapón\nChina\n",
        "questions:\n- {id: Q1, type: single, column: Q1,\n"
        "   options: [Japón, China]}\n",
        NULL);
    filter_error(ds, "Q1=Japón&Q1=Bad", TALLY_ERR_PARSE, 13,
                 "\"Bad\" is not an answer of question Q1");
    filter_error(ds, "Q1=Japón|  Bad", TALLY_ERR_PARSE, 12,
                 "\"Bad\" is not an answer of question Q1");
    filter_error(ds, "Q1=Japón &  Q9=x", TALLY_ERR_NO_SUCH_VAR, 13,
                 "no question \"Q9\"");
    tally_dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_condition_values_not_zeroed),
        cmocka_unit_test(test_nothing_after_and),
        cmocka_unit_test(test_error_column_in_characters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
