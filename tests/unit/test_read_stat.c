/*
 * Unit tests: SPSS and Stata files through ReadStat (read_stat.c,
 * read_stat_dict.c) and the declared metadata in the inferred codebook
 * (infer_declared.c). Fixtures: tests/fixtures/spss/survey.sps run by
 * GNU PSPP 1.6 (survey.sav, .zsav, .por), make_dta.R (survey.dta), and
 * the real files copied from ../shared/real-exports/spss, whose cells
 * were checked with `pspp` (GET FILE=...; LIST.).
 */
#include "raw.h"
#include "read_test.h"

/* survey.sav as PSPP lists it (survey.sps): labelled values show their
   labels, system-missing is empty, dates are ISO text. */
static void check_survey_cells(const tally_raw *raw)
{
    assert_int_equal(tally_raw_columns(raw), 9);
    assert_int_equal(tally_raw_rows(raw), 6);
    const char *names[] = {"id", "sat", "region", "age", "gender",
                           "q4_1", "q4_2", "comment", "when"};
    for (size_t c = 0; c < 9; c++)
        assert_string_equal(tally_raw_header(raw, 0, c), names[c]);
    const char *case1[] = {"1", "Very satisfied", "North", "34", "Female",
                           "Fully", "Partly", "Very useful", "2019-05-10"};
    for (size_t c = 0; c < 9; c++)
        assert_cell(raw, 0, c, case1[c]);
    /* Case 3: labelled user-missing codes show their labels; 999 has
       none; a comma inside a string stays. */
    assert_cell(raw, 2, 1, "Don't know");
    assert_cell(raw, 2, 2, "East");
    assert_cell(raw, 2, 3, "999");
    assert_cell(raw, 2, 4, "Prefer not to say");
    assert_cell(raw, 2, 7, "Too long, and slow");
    /* Case 4: system-missing is no answer; 3 has no label. */
    assert_cell(raw, 3, 1, "");
    assert_cell(raw, 3, 2, "3");
    assert_cell(raw, 3, 8, "");
    assert_cell(raw, 4, 2, "99");
    assert_int_equal(tally_raw_line(raw, 0), 1); /* case numbers */
    assert_int_equal(tally_raw_line(raw, 5), 6);
}

static void test_sav_and_zsav(void **state)
{
    (void)state;
    tally_raw *raw = must_read("spss/survey.sav", NULL);
    assert_string_equal(tally_raw_source(raw)->format, "sav");
    check_survey_cells(raw);
    tally_raw_free(raw);
    raw = must_read("spss/survey.zsav", NULL);
    assert_string_equal(tally_raw_source(raw)->format, "zsav");
    check_survey_cells(raw);
    tally_raw_free(raw);
}

static const tally_question *question(const tally_codebook *cb,
                                      const char *id)
{
    for (size_t i = 0; i < tally_codebook_question_count(cb); i++) {
        const tally_question *q = tally_codebook_question(cb, i);
        if (!strcmp(q->id, id))
            return q;
    }
    fail_msg("no question %s", id);
    return NULL;
}

/* Option i of q: label, code (NULL: none), missing. */
static void assert_option(const tally_question *q, size_t i,
                          const char *label, const char *code, int missing)
{
    assert_true(i < q->n_options);
    assert_string_equal(q->options[i].label, label);
    if (code)
        assert_string_equal(q->options[i].code, code);
    else
        assert_null(q->options[i].code);
    assert_int_equal(q->options[i].missing, missing);
}

/* The dictionary in the inferred codebook: texts from variable labels,
   options in code order with their codes, missing codes. */
static void test_declared_codebook(void **state)
{
    (void)state;
    tally_raw *raw = must_read("spss/survey.sav", NULL);
    tally_codebook *cb = NULL;
    tally_error err = {0};
    assert_int_equal(tally_codebook_infer(raw, NULL, &cb, &err), TALLY_OK);
    const tally_question *q = question(cb, "sat");
    assert_string_equal(q->text, "How satisfied are you with the training?");
    assert_int_equal(q->type, TALLY_QTYPE_SCALE); /* VARIABLE LEVEL ORDINAL */
    assert_int_equal(q->n_options, 6);
    assert_option(q, 0, "Very dissatisfied", "1", 0);
    assert_option(q, 4, "Very satisfied", "5", 0);
    assert_option(q, 5, "Don't know", "9", 1);
    tally_assert_rel(q->options[4].value, 5, 0);
    /* Nominal: 1 North, 2 South, then the unlabelled 3, then 10 East
       (code order, not alphabetical); 99 is a bare missing code. */
    q = question(cb, "region");
    assert_int_equal(q->type, TALLY_QTYPE_SINGLE);
    assert_int_equal(q->n_options, 5);
    assert_option(q, 0, "North", "1", 0);
    assert_option(q, 1, "South", "2", 0);
    assert_option(q, 2, "3", NULL, 0);
    assert_option(q, 3, "East", "10", 0);
    assert_option(q, 4, "99", "99", 1);
    q = question(cb, "age");
    assert_int_equal(q->type, TALLY_QTYPE_NUMERIC);
    assert_string_equal(q->text, "Age in years");
    assert_int_equal(q->n_options, 1);
    assert_option(q, 0, "999", "999", 1);
    q = question(cb, "gender");
    assert_option(q, 0, "Female", "F", 0);
    assert_option(q, 2, "Prefer not to say", "X", 1);
    /* q4_1 and q4_2 share their labels: one matrix. */
    q = question(cb, "q4");
    assert_int_equal(q->type, TALLY_QTYPE_MATRIX);
    assert_int_equal(q->n_items, 2);
    assert_string_equal(q->items[1].text, "Relevance: to your country");
    assert_true(q->ordered);
    assert_option(q, 2, "Fully", "3", 0);
    tally_codebook_free(cb);
    tally_raw_free(raw);
}

/* Stata (foreign::write.dta): factors as codes 1..k with value labels,
   which come after the data in the file. */
static void test_dta(void **state)
{
    (void)state;
    tally_raw *raw = must_read("spss/survey.dta", NULL);
    assert_string_equal(tally_raw_source(raw)->format, "dta");
    assert_int_equal(tally_raw_rows(raw), 6);
    assert_string_equal(tally_raw_header(raw, 0, 1), "sat");
    assert_cell(raw, 0, 1, "Very satisfied");
    assert_cell(raw, 2, 2, "East");
    assert_cell(raw, 0, 4, "Female");
    tally_raw_free(raw);
}

/* ReadStat 1.1.8 cannot read the portable files PSPP 1.6 writes (it
   misreads their character table): a clear error, not a crash. */
static void test_por_from_pspp(void **state)
{
    (void)state;
    tally_raw *raw;
    tally_error err;
    assert_int_equal(read_fixture("spss/survey.por", NULL, &raw, &err),
                     TALLY_ERR_PARSE);
    assert_mentions(err.message, "not a readable SPSS file (ReadStat:");
}

static void test_bad_files(void **state)
{
    (void)state;
    static const char garbage[] = "$FL2 and then nothing that SPSS wrote";
    tally_raw *raw;
    tally_error err;
    assert_int_equal(read_bytes(garbage, sizeof garbage - 1, "bad.sav", NULL,
                                &raw, &err),
                     TALLY_ERR_PARSE);
    assert_string_equal(err.file, "bad.sav");
    assert_mentions(err.message, "not a readable SPSS file");
    /* A header that claims a billion cases (offset 80, ncases) is refused
       by the row limit before any case is read; with the limit raised
       it is still not believed: nothing is allocated for the cases the
       header declares, and the file ends. */
    size_t n;
    unsigned char *p = slurp("spss/survey.sav", &n);
    int32_t ncases = 1000000000;
    memcpy(p + 80, &ncases, 4);
    assert_int_equal(read_bytes(p, n, "big.sav", NULL, &raw, &err),
                     TALLY_ERR_LIMIT);
    assert_mentions(err.message, "declares 1000000000 cases, more than the "
                                 "limit of 100000000 (it can be raised "
                                 "with --max-rows)");
    tally_read_opts o = {.max_rows = 2000000000};
    assert_int_equal(read_bytes(p, n, "big.sav", &o, &raw, &err),
                     TALLY_ERR_PARSE);
    assert_mentions(err.message, "expected number of rows");
    /* A header that declares no count (-1): the limit holds as cases
       arrive. */
    ncases = -1;
    memcpy(p + 80, &ncases, 4);
    o = (tally_read_opts){.max_rows = 3};
    assert_int_equal(read_bytes(p, n, "big.sav", &o, &raw, &err),
                     TALLY_ERR_LIMIT);
    assert_mentions(err.message, "more cases than the limit of 3");
    free(p);
}

/* Real files (../shared/real-exports/spss), cells as `pspp` LISTs them. */
static void test_real_files(void **state)
{
    (void)state;
    tally_raw *raw = must_read("real-exports/spss/onadata_children.sav",
                               NULL);
    assert_int_equal(tally_raw_rows(raw), 3);
    assert_int_equal(tally_raw_columns(raw), 18);
    assert_cell(raw, 0, 0, "Mike");
    assert_cell(raw, 0, 2, "red blue");
    assert_cell(raw, 1, 1, "2");
    assert_cell(raw, 2, 14, "childrens_survey");
    assert_string_equal(raw->cols[0].decl->label, "children/name");
    tally_raw_free(raw);

    raw = must_read("real-exports/spss/spss_sample_missing.sav", NULL);
    assert_int_equal(tally_raw_rows(raw), 7);
    assert_int_equal(tally_raw_columns(raw), 7);
    assert_cell(raw, 0, 1, "1.1");
    assert_cell(raw, 2, 1, "-1000.3");
    assert_cell(raw, 0, 2, "2018-05-06");          /* EDATE 06.05.2018 */
    assert_cell(raw, 0, 3, "2018-05-06 10:10:10"); /* DATETIME */
    assert_cell(raw, 3, 2, "1583-01-01");
    assert_cell(raw, 1, 6, "23:10:10");            /* TIME */
    assert_cell(raw, 6, 0, "");
    tally_raw_free(raw);

    raw = must_read("real-exports/spss/spss_multiple_response_sets.sav",
                    NULL);
    assert_int_equal(tally_raw_rows(raw), 6);
    assert_int_equal(tally_raw_columns(raw), 12);
    assert_cell(raw, 2, 3, "reg-green-blue-whatever");
    assert_cell(raw, 0, 1, "2000-01-01");          /* ADATE 01/01/2000 */
    assert_cell(raw, 3, 1, "1776-07-04");
    assert_cell(raw, 1, 2, "");
    tally_raw_free(raw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sav_and_zsav),
        cmocka_unit_test(test_declared_codebook),
        cmocka_unit_test(test_dta),
        cmocka_unit_test(test_por_from_pspp),
        cmocka_unit_test(test_bad_files),
        cmocka_unit_test(test_real_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
