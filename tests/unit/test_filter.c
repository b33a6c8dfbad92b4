/* Unit tests: --where filters (filter.c) and subsets (subset.c). */
#include "data_test.h"
#include "dataset_internal.h"

/* --- helpers -------------------------------------------------------------- */

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

/* The input lines of the rows of ds, joined with "|". */
static const char *lines(const tally_dataset *ds, char *buf, size_t cap)
{
    size_t n = 0;
    buf[0] = '\0';
    for (size_t r = 0; r < ds->rows && n < cap; r++)
        n += (size_t)snprintf(buf + n, cap - n, "%s%ld", r ? "|" : "",
                              ds->lines[r]);
    return buf;
}

/* Expect expr to keep the rows that start on these input lines. */
static void keeps(const tally_dataset *ds, const char *expr, const char *want)
{
    char buf[256];
    tally_dataset *sub = filter_ok(ds, expr);
    if (strcmp(lines(sub, buf, sizeof buf), want) != 0) {
        print_error("filter \"%s\" keeps lines \"%s\", expected \"%s\"\n",
                    expr, buf, want);
        fail();
    }
    tally_dataset_free(sub);
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

/* Six respondents, on lines 2, 3-4, 5, 6, 7 and 8 of the file. */
static tally_dataset *fixture(void)
{
    tally_dataset_opts opts = {.weight = "w"};
    return tally_test_dataset(
        "Group,Country,Q4_1,Q4_2,Tools,Age,Sat,Comment,Email,w\n"
        "Expert,Japan,Agree,Disagree,\"Excel, R\",34,4,nice,a@x.org,1.5\n"
        "Partner,China,Disagree,Agree,R,51,2,\"multi\nline\",,2\n"
        "Expert,Republic of Korea,Don't know,Agree,,,5,,,0.5\n"
        ",Japan,Agree,,\"Excel, Policy dialogue, consultations\",29,,x,,1\n"
        "National focal point,Mongolia,,,Don't know,40,3,,,3\n"
        "Staff | Consultant & Other,China,Agree,Agree,Excel,62,1,,,2\n",
        "questions:\n"
        "- id: Group\n  text: Which stakeholder group do you belong to?\n"
        "  type: single\n  column: Group\n"
        "  options: [Expert, Partner, National focal point,\n"
        "            Staff | Consultant & Other]\n"
        "- id: Country\n  text: Which country do you represent?\n"
        "  type: single\n  column: Country\n"
        "  options: [China, Japan, Mongolia, Republic of Korea]\n"
        "- id: Q4\n  type: matrix\n  options: [Disagree, Agree]\n"
        "  missing: [\"Don't know\"]\n"
        "  items: [{id: Q4_1, column: Q4_1}, {id: Q4_2, column: Q4_2}]\n"
        "- id: Tools\n  type: multi\n  column: Tools\n  separator: ', '\n"
        "  options: [Excel, R, \"Policy dialogue, consultations\"]\n"
        "  missing: [\"Don't know\"]\n"
        "- {id: Age, type: numeric, column: Age}\n"
        "- {id: Sat, type: scale, column: Sat,\n"
        "   options: [Very poor, Poor, Fair, Good, Very good]}\n"
        "- {id: Comment, type: text, column: Comment}\n"
        "- {id: Email, type: meta, column: Email}\n",
        &opts);
}

/* --- conditions ----------------------------------------------------------- */

/* Option labels in any letter case, several values, "&", blanks and
   quotes (a value with "|" or "&" in it). */
static void test_single(void **state)
{
    (void)state;
    tally_dataset *ds = fixture();
    keeps(ds, "Group=Expert", "2|5");
    keeps(ds, "Group=eXPERT", "2|5");
    keeps(ds, "Group!=Expert", "3|7|8");
    keeps(ds, "Group=Expert|Partner", "2|3|5");
    keeps(ds, "Group!=Expert|Partner", "7|8");
    keeps(ds, "Group=Expert&Country=Japan", "2");
    keeps(ds, "  Group = Expert  &  Country = \"Republic of Korea\" ", "5");
    keeps(ds, "Group=\"Staff | Consultant & Other\"", "8");
    keeps(ds, "Group=\"Staff | Consultant & Other\"|Partner", "3|8");
    keeps(ds, "Country=Japan & Group=Expert|Partner", "2");
    keeps(ds, "Group=Expert & Group!=Expert", "");
    tally_dataset_free(ds);
}

/*
 * A respondent who did not answer satisfies neither Q=V nor Q!=V (as
 * SQL's NULL and SPSS's SELECT IF), so "Q!=V" does not quietly add the
 * ones who skipped Q. A missing code ("Don't know") is an answer: such a
 * respondent is not "Agree" and so satisfies "!=Agree".
 */
static void test_no_answer_matches_neither(void **state)
{
    (void)state;
    tally_dataset *ds = fixture();
    size_t rows = tally_dataset_rows(ds);
    assert_int_equal(count(ds, "Group=Expert") + count(ds, "Group!=Expert") +
                         rows - tally_dataset_answered(ds, 0),
                     rows);
    keeps(ds, "Q4_1=Agree", "2|6|8");
    keeps(ds, "Q4_1!=Agree", "3|5");
    keeps(ds, "Q4_2!=Agree", "2");
    keeps(ds, "Tools!=Excel", "3|7");
    keeps(ds, "Age!=34", "3|6|7|8");
    tally_dataset_free(ds);
}

/* Scale points by label or value, numbers, matrix items by their id,
   multi options that were ticked, missing codes, questions by a prefix
   of their text. */
static void test_question_types(void **state)
{
    (void)state;
    tally_dataset *ds = fixture();
    keeps(ds, "Sat=4", "2");
    keeps(ds, "Sat=good", "2");
    keeps(ds, "Sat=1|5", "5|8");
    keeps(ds, "Sat!=4", "3|5|7|8");
    keeps(ds, "Age=34|62", "2|8");
    keeps(ds, "Age=40.0", "7");
    keeps(ds, "Q4_1=Don't know", "5");
    keeps(ds, "Q4_2=agree", "3|5|8");
    keeps(ds, "Tools=Excel", "2|6|8");
    keeps(ds, "Tools=R|Policy dialogue, consultations", "2|3|6");
    keeps(ds, "Tools=Don\xe2\x80\x99t know", "7");
    keeps(ds, "Which stakeholder=Partner", "3");
    keeps(ds, "which STAKEHOLDER group=Partner & Which country=China", "3");
    tally_dataset_free(ds);
}

/* --- subsets -------------------------------------------------------------- */

/* A subset keeps its rows' lines, weights, answers and texts; filters
   chain, and their text says so; a subset outlives the dataset it came
   from (AddressSanitizer checks what is read after the parent is
   freed). */
static void test_subsets(void **state)
{
    (void)state;
    tally_dataset *ds = fixture();
    tally_dataset *sub = filter_ok(ds, "Country=China|Japan");
    tally_dataset *sub2 = filter_ok(sub, "Group!=Expert");
    char buf[256];
    assert_string_equal(tally_dataset_filter_text(sub),
                        "Country=China|Japan");
    assert_string_equal(tally_dataset_filter_text(sub2),
                        "Country=China|Japan & Group!=Expert");
    assert_null(tally_dataset_filter_text(ds));
    tally_dataset_free(ds);
    tally_dataset_free(sub);
    assert_string_equal(lines(sub2, buf, sizeof buf), "3|8");
    assert_int_equal(tally_dataset_weight_kind(sub2), TALLY_WEIGHT_SAMPLING);
    assert_string_equal(tally_dataset_weight_column(sub2), "w");
    assert_true(sub2->weights[0] == 2 && sub2->weights[1] == 2);
    assert_string_equal(sub2->q[6].texts[0], "multi\nline");
    assert_null(sub2->q[6].texts[1]);
    assert_true(sub2->q[4].values[0] == 51 && sub2->q[4].values[1] == 62);
    assert_int_equal(tally__ds_ticked(&sub2->q[3], 0, 1), 1);
    assert_int_equal(tally__ds_ticked(&sub2->q[3], 1, 0), 1);
    assert_int_equal(tally_dataset_base(sub2, 2), 2);
    assert_int_equal(tally_dataset_base(sub2, 5), 2);
    assert_string_equal(tally_dataset_source(sub2)->file, "test.csv");
    tally_dataset *sub3 = filter_ok(sub2, "Sat=2");
    tally_dataset_free(sub2);
    assert_string_equal(tally_dataset_filter_text(sub3),
                        "Country=China|Japan & Group!=Expert & Sat=2");
    assert_string_equal(sub3->q[6].texts[0], "multi\nline");
    tally_dataset_free(sub3);
}

/* --- errors --------------------------------------------------------------- */

/* Every error with the column of its token in err.column. */
static void test_errors(void **state)
{
    (void)state;
    tally_dataset *ds = fixture();
    filter_error(ds, "Q9=x", TALLY_ERR_NO_SUCH_VAR, 1, "no question \"Q9\"");
    filter_error(ds, "Group=Expert & Nope=1", TALLY_ERR_NO_SUCH_VAR, 16,
                 "no question \"Nope\"");
    filter_error(ds, "Which=Expert", TALLY_ERR_NO_SUCH_VAR, 1,
                 "matches 2 questions");
    filter_error(ds, "Group=Boss", TALLY_ERR_PARSE, 7,
                 "\"Boss\" is not an answer of question Group");
    filter_error(ds, "Group=Expert|\"Boss\"", TALLY_ERR_PARSE, 14,
                 "\"Boss\" is not an answer of question Group");
    filter_error(ds, "Age=abc", TALLY_ERR_PARSE, 5,
                 "\"abc\" is not an answer of question Age");
    filter_error(ds, "Sat=6", TALLY_ERR_PARSE, 5,
                 "\"6\" is not an answer of question Sat");
    filter_error(ds, "Group", TALLY_ERR_PARSE, 1,
                 "expected QUESTION=VALUE in \"Group\"");
    filter_error(ds, "Group=Expert & Country", TALLY_ERR_PARSE, 16,
                 "expected QUESTION=VALUE");
    filter_error(ds, "=Expert", TALLY_ERR_PARSE, 1, "expected QUESTION=VALUE");
    filter_error(ds, "Group=", TALLY_ERR_PARSE, 7, "expected a value");
    filter_error(ds, "Group=Expert|", TALLY_ERR_PARSE, 14, "expected a value");
    filter_error(ds, "Group=Expert||Partner", TALLY_ERR_PARSE, 14,
                 "expected a value");
    filter_error(ds, "Group=\"\"", TALLY_ERR_PARSE, 7, "expected a value");
    filter_error(ds, "Comment=nice", TALLY_ERR_PARSE, 1,
                 "a filter needs a question with options");
    filter_error(ds, "Email=a@x.org", TALLY_ERR_PARSE, 1,
                 "a filter needs a question with options");
    filter_error(ds, "Group=Expert&Q4=Agree", TALLY_ERR_PARSE, 14,
                 "name one item of the matrix (e.g. Q4_1)");
    tally_dataset *sub = NULL;
    tally_error err = {0};
    assert_int_equal(tally_dataset_filter(ds, NULL, &sub, &err),
                     TALLY_ERR_INVALID_ARG);
    assert_int_equal(tally_dataset_filter(ds, "Group=Expert", NULL, &err),
                     TALLY_ERR_INVALID_ARG);
    tally_dataset_free(ds);
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

/* Q1 answered with `country` and "China". */
static tally_dataset *countries(const char *country)
{
    char csv[64], yaml[160];
    snprintf(csv, sizeof csv, "Q1\n%s\nChina\n", country);
    snprintf(yaml, sizeof yaml,
             "questions:\n- {id: Q1, type: single, column: Q1,\n"
             "   options: [%s, China]}\n",
             country);
    return tally_test_dataset(csv, yaml, NULL);
}

/* "Q1=Japan&" (a condition missing after the '&') was accepted as
   "Q1=Japan". */
static void test_nothing_after_and(void **state)
{
    (void)state;
    tally_dataset *ds = countries("Japan");
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
    tally_dataset *ds = countries("Japón");
    filter_error(ds, "Q1=Japón&Q1=Bad", TALLY_ERR_PARSE, 13,
                 "\"Bad\" is not an answer of question Q1");
    filter_error(ds, "Q1=Japón|  Bad", TALLY_ERR_PARSE, 12,
                 "\"Bad\" is not an answer of question Q1");
    filter_error(ds, "Q1=Japón &  Q9=x", TALLY_ERR_NO_SUCH_VAR, 13,
                 "no question \"Q9\"");
    tally_dataset_free(ds);
}

/* A number in a filter was read by strtod(), not as the data's answers
   are: "Age=0x22" kept the 34-year-olds, "Age=nan" kept nobody without a
   word, and "Age=34,0" (a decimal comma, as in the data) was an error. */
static void test_numbers_as_in_the_data(void **state)
{
    (void)state;
    tally_dataset *ds = fixture();
    keeps(ds, "Age=34,0", "2");
    keeps(ds, "Age= 29 | 5.1e1", "3|6");
    filter_error(ds, "Age=0x22", TALLY_ERR_PARSE, 5,
                 "\"0x22\" is not an answer of question Age");
    filter_error(ds, "Age=nan", TALLY_ERR_PARSE, 5, "\"nan\" is not");
    filter_error(ds, "Age=1e400", TALLY_ERR_PARSE, 5, "\"1e400\" is not");
    tally_dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_single),
        cmocka_unit_test(test_no_answer_matches_neither),
        cmocka_unit_test(test_question_types),
        cmocka_unit_test(test_subsets),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_condition_values_not_zeroed),
        cmocka_unit_test(test_nothing_after_and),
        cmocka_unit_test(test_error_column_in_characters),
        cmocka_unit_test(test_numbers_as_in_the_data),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
