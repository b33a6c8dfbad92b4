/* Unit tests: the coded dataset (dataset.c, dataset_code.c, info.c). */
#include "data_test.h"
#include "dataset_internal.h"

/* --- helpers -------------------------------------------------------------- */

/* Rows of multi question qi with option k ticked. */
static size_t ticked(const tally_dataset *ds, size_t qi, size_t k)
{
    size_t n = 0;
    for (size_t r = 0; r < ds->rows; r++)
        n += (size_t)tally__ds_ticked(&ds->q[qi], r, k);
    return n;
}

/* The answers of question qi (item `item` of a matrix), one per row,
   joined with "|": option labels ("" for no answer), numbers, texts, and
   the ticked options of a multi question joined with "+". */
static const char *answers(const tally_dataset *ds, size_t qi, size_t item,
                           char *buf, size_t cap)
{
    const tally_question *q = ds->cb->questions[qi];
    const tally__qdata *d = &ds->q[qi];
    size_t n = 0;
    buf[0] = '\0';
    for (size_t r = 0; r < ds->rows && n < cap; r++) {
        n += (size_t)snprintf(buf + n, cap - n, "%s", r ? "|" : "");
        if (q->type == TALLY_QTYPE_TEXT) {
            n += (size_t)snprintf(buf + n, cap - n, "%s",
                                  d->texts[r] ? d->texts[r] : "");
            continue;
        }
        if (q->type == TALLY_QTYPE_MULTI) {
            for (size_t k = 0, first = 1; k < q->n_options && n < cap; k++)
                if (tally__ds_ticked(d, r, k)) {
                    n += (size_t)snprintf(buf + n, cap - n, "%s%s",
                                          first ? "" : "+",
                                          q->options[k].label);
                    first = 0;
                }
            continue;
        }
        uint16_t code = d->codes[item][r];
        if (code == TALLY__NUMBER)
            n += (size_t)snprintf(buf + n, cap - n, "%g", d->values[r]);
        else if (code)
            n += (size_t)snprintf(buf + n, cap - n, "%s",
                                  q->options[code - 1].label);
    }
    return buf;
}

/*
 * Every row of every question is exactly one of: no answer, missing
 * codes only, or a valid answer; codes are in range; and the counts agree
 * with tally_dataset_answered() and tally_dataset_base(). Nothing coded
 * falls outside the three.
 */
static void check_accounting(const tally_dataset *ds)
{
    for (size_t qi = 0; qi < ds->cb->n_questions; qi++) {
        const tally_question *q = ds->cb->questions[qi];
        const tally__qdata *d = &ds->q[qi];
        size_t none = 0, missing = 0, valid = 0;
        if (q->type == TALLY_QTYPE_META)
            continue;
        for (size_t r = 0; r < ds->rows; r++) {
            int any = 0, any_valid = 0;
            if (q->type == TALLY_QTYPE_TEXT) {
                any = any_valid = d->texts[r] != NULL;
            } else if (q->type == TALLY_QTYPE_MULTI) {
                for (size_t k = 0; k < q->n_options; k++)
                    if (tally__ds_ticked(d, r, k)) {
                        any = 1;
                        any_valid |= !q->options[k].missing;
                    }
            } else {
                for (size_t i = 0; i < tally__q_arrays(q); i++) {
                    uint16_t code = d->codes[i][r];
                    assert_true(code <= q->n_options ||
                                (code == TALLY__NUMBER &&
                                 q->type == TALLY_QTYPE_NUMERIC));
                    any |= code != 0;
                    any_valid |= code == TALLY__NUMBER ||
                                 (code && !q->options[code - 1].missing);
                }
            }
            none += !any;
            missing += any && !any_valid;
            valid += any_valid;
        }
        assert_int_equal(none + missing + valid, ds->rows);
        assert_int_equal(valid, tally_dataset_base(ds, qi));
        assert_int_equal(valid + missing, tally_dataset_answered(ds, qi));
    }
}

/* Building csv with yaml fails with status at line, the message holding
   every part given (NULL-terminated). */
static void build_error(const char *csv, const char *yaml,
                        const tally_dataset_opts *opts, tally_status status,
                        long line, ...)
{
    tally_raw *raw = tally_test_csv(csv, NULL);
    tally_codebook *cb = tally_test_yaml(yaml);
    tally_dataset *ds = NULL;
    tally_error err = {0};
    tally_status st = tally_dataset_build(raw, cb, opts, &ds, &err);
    if (st != status || err.line != line)
        print_error("status %d, line %ld: %s\n", st, err.line, err.message);
    assert_int_equal(st, status);
    assert_null(ds);
    assert_int_equal(err.line, line);
    va_list ap;
    va_start(ap, line);
    for (const char *part = va_arg(ap, const char *); part;
         part = va_arg(ap, const char *))
        if (!strstr(err.message, part)) {
            print_error("message \"%s\" lacks \"%s\"\n", err.message, part);
            fail();
        }
    va_end(ap);
    tally_codebook_free(cb);
    tally_raw_free(raw);
}

/* tally_test_dataset() and check_accounting(). */
static tally_dataset *dataset(const char *csv, const char *yaml,
                              const tally_dataset_opts *opts)
{
    tally_dataset *ds = tally_test_dataset(csv, yaml, opts);
    check_accounting(ds);
    return ds;
}

/* --- coding answers ------------------------------------------------------- */

/* Options are matched by label exactly, then ignoring letter case, blanks
   and typographic quotes (both ways), by code, and on a scale by value. */
static void test_match_options(void **state)
{
    (void)state;
    tally_dataset *ds = dataset(
        "Group,Sat,Member,Quality,Range\n"
        "Expert,Agree,1,4,10\n"
        "expert ,  STRONGLY   agree ,2,Don\xe2\x80\x99t know,0\n"
        "\"Partner\",Don\xe2\x80\x99t know,1,2,\n"
        "NFP,disagree,,5,10.0\n"
        "Ministry's staff,,2,good,0\n",
        "questions:\n"
        "- id: Group\n  type: single\n  column: Group\n"
        "  options: [Expert, Partner, {label: National focal point, "
        "code: NFP},\n"
        "            \"Ministry\xe2\x80\x99s staff\"]\n"
        "- id: Sat\n  type: scale\n  column: Sat\n"
        "  options: [Strongly disagree, Disagree, Agree, Strongly agree]\n"
        "  missing: [\"Don't know\"]\n"
        "- id: Member\n  type: single\n  column: Member\n"
        "  options: [{label: 'Yes', code: 1}, {label: 'No', code: 2}]\n"
        "- id: Quality\n  type: scale\n  column: Quality\n"
        "  options: [Poor, Fair, Good, Very good, Excellent]\n"
        "  missing: [\"Don't know\"]\n"
        "- {id: Range, type: scale, column: Range, options: [Low, High],\n"
        "   values: [0, 10]}\n",
        NULL);
    char buf[512];
    assert_string_equal(answers(ds, 0, 0, buf, sizeof buf),
                        "Expert|Expert|Partner|National focal point|"
                        "Ministry\xe2\x80\x99s staff");
    assert_string_equal(answers(ds, 1, 0, buf, sizeof buf),
                        "Agree|Strongly agree|Don't know|Disagree|");
    assert_string_equal(answers(ds, 2, 0, buf, sizeof buf), "Yes|No|Yes||No");
    assert_string_equal(answers(ds, 3, 0, buf, sizeof buf),
                        "Very good|Don't know|Fair|Excellent|Good");
    assert_string_equal(answers(ds, 4, 0, buf, sizeof buf),
                        "High|Low||High|Low");
    assert_int_equal(tally_dataset_answered(ds, 1), 4);
    assert_int_equal(tally_dataset_base(ds, 1), 3);
    assert_int_equal(tally_dataset_base(ds, 3), 4);
    assert_int_equal(tally_dataset_note_count(ds), 0);
    tally_dataset_free(ds);
}

#define Q1_SINGLE                                                              \
    "questions:\n- {id: Q1, type: single, column: Stakeholder group,\n"        \
    "   options: [Expert, Partner]}\n"

/* An answer outside the options is an error naming the question, the
   answer, its column and its line, counted as the file's lines (quoted
   answers with line breaks before it included). */
static void test_answer_outside_options(void **state)
{
    (void)state;
    build_error("Stakeholder group\nBogus\n", Q1_SINGLE, NULL,
                TALLY_ERR_CODEBOOK, 2, "question Q1 (column \"Stakeholder "
                "group\"): the answer \"Bogus\" is not one of its options; "
                "add it to the codebook or set other: true",
                NULL);
    build_error("Stakeholder group,Comment\n"
                "Expert,\"line one\nline two\nline three\"\n"
                "Partner,\"a\r\nb\"\n"
                "Bogus,x\n",
                Q1_SINGLE, NULL, TALLY_ERR_CODEBOOK, 7, "\"Bogus\"", NULL);
    /* Matrix items by their column; joined answers by the part; numbers. */
    build_error("A,B\nYes,No\n\"x\ny\",z\nNo,Maybe\n",
                "questions:\n- id: M\n  type: matrix\n  options: [Yes, No]\n"
                "  items: [{id: M1, column: A}, {id: M2, column: B}]\n",
                NULL, TALLY_ERR_CODEBOOK, 3, "question M (column \"A\")",
                "\"x\ny\"", NULL);
    build_error("T\nA\n\"A, Zed\"\n",
                "questions:\n- {id: T, type: multi, column: T, "
                "separator: ', ',\n   options: [A, B]}\n",
                NULL, TALLY_ERR_CODEBOOK, 3, "question T (column \"T\")",
                "the answer \"Zed\" is not one of its options", NULL);
    build_error("N,C\n1,a\n2,\"multi\nline\"\nabc,b\n",
                "questions:\n- {id: N, type: numeric, column: N}\n", NULL,
                TALLY_ERR_CODEBOOK, 5, "question N (column \"N\")",
                "the answer \"abc\" is not a number; add it to the codebook "
                "as a missing code",
                NULL);
}

/* other: true counts answers outside the options as "Other", with a
   note; on a scale "Other" is shown but out of the base, like a missing
   code (it has no place on the scale). */
static void test_other(void **state)
{
    (void)state;
    tally_dataset *ds = dataset(
        "Q1,Q2\nA,Low\nC,Medium\nD,High\n,Medium\nB,Don't know\n",
        "questions:\n- {id: Q1, type: single, column: Q1, options: [A, B],\n"
        "   other: true}\n"
        "- {id: Q2, type: scale, column: Q2, options: [Low, High],\n"
        "   missing: [\"Don't know\"], other: true}\n",
        NULL);
    char buf[512];
    const tally_codebook *cb = tally_dataset_codebook(ds);
    assert_string_equal(answers(ds, 0, 0, buf, sizeof buf), "A|Other|Other||B");
    assert_string_equal(answers(ds, 1, 0, buf, sizeof buf),
                        "Low|Other|High|Other|Don't know");
    assert_string_equal(tally_test_labels(tally_codebook_question(cb, 0), buf,
                                          sizeof buf),
                        "A|B|Other");
    assert_string_equal(tally_test_labels(tally_codebook_question(cb, 1), buf,
                                          sizeof buf),
                        "Low|High|?Other|?Don't know");
    assert_int_equal(tally_dataset_base(ds, 0), 4);
    assert_int_equal(tally_dataset_base(ds, 1), 2);
    assert_int_equal(tally_dataset_note_count(ds), 2);
    assert_string_equal(tally_dataset_note(ds, 0),
                        "question Q1: 2 answers (different texts) outside "
                        "the options counted as Other");
    assert_string_equal(tally_dataset_note(ds, 1),
                        "question Q2: 1 answer outside the options counted "
                        "as Other");
    tally_dataset_free(ds);
}

/* A column the codebook names that the file lacks is an error naming
   it, for every kind of column. */
static void test_missing_column(void **state)
{
    (void)state;
    build_error("Q1\nA\n",
                "questions:\n- {id: Q9, type: single, column: Nope, "
                "options: [A]}\n",
                NULL, TALLY_ERR_CODEBOOK, 0,
                "question Q9: the codebook names column \"Nope\", which "
                "test.csv does not have",
                NULL);
    build_error("Q1\nA\n",
                "questions:\n- id: M\n  type: matrix\n  options: [A]\n"
                "  items: [{id: M1, column: Q1}, {id: M2, column: Q2}]\n",
                NULL, TALLY_ERR_CODEBOOK, 0, "question M", "\"Q2\"", NULL);
    build_error("Q1\nA\n",
                "questions:\n- id: T\n  type: multi\n"
                "  options: [{label: A, column: Q1}, {label: B, column: B}]\n",
                NULL, TALLY_ERR_CODEBOOK, 0, "question T", "\"B\"", NULL);
    build_error("Q1\nA\n",
                "questions:\n- {id: X, type: text, column: Why}\n", NULL,
                TALLY_ERR_CODEBOOK, 0, "question X", "\"Why\"", NULL);
}

/* Numbers as respondents type them: thousands separators, a decimal
   comma, signs, blanks; missing codes such as -99. */
static void test_numbers(void **state)
{
    (void)state;
    tally_dataset *ds = dataset(
        "N,C\n\"55,000\",a\n\"3,5\",a\n-2,a\n 42 ,a\n\"1,234.5\",a\n"
        "-99,a\n,a\n1e3,a\nDon't know,a\n",
        "questions:\n- {id: N, type: numeric, column: N,\n"
        "   missing: ['-99', \"Don't know\"]}\n",
        NULL);
    char buf[512];
    assert_string_equal(answers(ds, 0, 0, buf, sizeof buf),
                        "55000|3.5|-2|42|1234.5|-99||1000|Don't know");
    assert_int_equal(tally_dataset_base(ds, 0), 6);
    assert_int_equal(tally_dataset_answered(ds, 0), 8);
    tally_dataset_free(ds);
    static const char *const bad[] = {"abc", "1,2,3", "nan", "inf", "0x10",
                                      "1 000", "12abc"};
    for (size_t i = 0; i < TALLY_ARRAY_SIZE(bad); i++) {
        char csv[64];
        snprintf(csv, sizeof csv, "N\n1\n\"%s\"\n", bad[i]);
        build_error(csv, "questions:\n- {id: N, type: numeric, column: N}\n",
                    NULL, TALLY_ERR_CODEBOOK, 3, bad[i], "not a number",
                    NULL);
    }
}

/* Joined answers are split longest option first, so an option containing
   the separator survives next to a shorter one it begins with; option
   columns are ticked unless blank or 0/N/No/False/Not selected. */
static void test_multi(void **state)
{
    (void)state;
    tally_dataset *ds = dataset(
        "T,O_1,O_2\n"
        "\"Policy dialogue, consultations and meetings, Joint research\","
        "1,0\n"
        "\"Policy dialogue, Joint research\",N,no\n"
        "\"joint research, Policy dialogue\",False,Not selected\n"
        "Policy dialogue,x,Yes\n"
        ",,Selected\n"
        "Don't know,  ,NOT SELECTED\n",
        "questions:\n- id: T\n  type: multi\n  column: T\n"
        "  separator: ', '\n"
        "  options: [Policy dialogue, "
        "\"Policy dialogue, consultations and meetings\",\n"
        "            Joint research]\n  missing: [\"Don't know\"]\n"
        "- id: O\n  type: multi\n"
        "  options: [{label: Tea, column: O_1}, {label: Coffee, "
        "column: O_2}]\n",
        NULL);
    char buf[512];
    assert_string_equal(answers(ds, 0, 0, buf, sizeof buf),
                        "Policy dialogue, consultations and meetings+"
                        "Joint research|Policy dialogue+Joint research|"
                        "Policy dialogue+Joint research|Policy dialogue||"
                        "Don't know");
    assert_string_equal(answers(ds, 1, 0, buf, sizeof buf),
                        "Tea|||Tea+Coffee|Coffee|");
    assert_int_equal(ticked(ds, 0, 0), 3);
    assert_int_equal(tally_dataset_base(ds, 0), 4);
    assert_int_equal(tally_dataset_answered(ds, 0), 5);
    assert_int_equal(tally_dataset_base(ds, 1), 3);
    tally_dataset_free(ds);
}

/* --- weights -------------------------------------------------------------- */

#define W_CSV "Q1,w,n\nA,1.5,2\nB,0.5,1\nA,0,3\n"
#define W_YAML "questions:\n- {id: Q1, type: single, column: Q1, " \
               "options: [A, B]}\n"

/* Sampling weights (--weight) and frequency weights (--count), from the
   options or the codebook; the options win. */
static void test_weights(void **state)
{
    (void)state;
    tally_dataset_opts opts = {.weight = "w"};
    tally_dataset *ds = dataset(W_CSV, W_YAML, &opts);
    assert_int_equal(tally_dataset_weight_kind(ds), TALLY_WEIGHT_SAMPLING);
    assert_string_equal(tally_dataset_weight_column(ds), "w");
    assert_true(ds->weights[0] == 1.5 && ds->weights[1] == 0.5 &&
                ds->weights[2] == 0);
    tally_dataset_free(ds);
    opts = (tally_dataset_opts){.count = "n"};
    ds = dataset(W_CSV, W_YAML, &opts);
    assert_int_equal(tally_dataset_weight_kind(ds), TALLY_WEIGHT_FREQUENCY);
    assert_string_equal(tally_dataset_weight_column(ds), "n");
    assert_true(ds->weights[2] == 3);
    tally_dataset_free(ds);
    ds = dataset(W_CSV, "count: n\n" W_YAML, NULL);
    assert_int_equal(tally_dataset_weight_kind(ds), TALLY_WEIGHT_FREQUENCY);
    tally_dataset_free(ds);
    opts = (tally_dataset_opts){.weight = "w"};
    ds = dataset(W_CSV, "count: n\n" W_YAML, &opts);
    assert_int_equal(tally_dataset_weight_kind(ds), TALLY_WEIGHT_SAMPLING);
    assert_string_equal(tally_dataset_weight_column(ds), "w");
    tally_dataset_free(ds);
    ds = dataset(W_CSV, W_YAML, NULL);
    assert_int_equal(tally_dataset_weight_kind(ds), TALLY_WEIGHT_NONE);
    assert_null(tally_dataset_weight_column(ds));
    assert_null(ds->weights);
    tally_dataset_free(ds);
}

/* Every row needs a finite weight >= 0: the error names the column, the
   value and the line. Both kinds at once, or no such column, are errors
   too. */
static void test_bad_weights(void **state)
{
    (void)state;
    static const char *const bad[] = {"-1", "", "abc", "inf", "nan",
                                      "1,5", "2 kg"};
    tally_dataset_opts opts = {.weight = "w"};
    for (size_t i = 0; i < TALLY_ARRAY_SIZE(bad); i++) {
        char csv[64], part[32];
        snprintf(csv, sizeof csv, "Q1,w\nA,1\n\"B\nC\",2\nA,\"%s\"\nB,1\n",
                 bad[i]);
        snprintf(part, sizeof part, "\"%s\" is not a number >= 0", bad[i]);
        build_error(csv, W_YAML, &opts, TALLY_ERR_BAD_WEIGHT, 5,
                    "weight column \"w\"", part, NULL);
    }
    opts.count = "n";
    build_error(W_CSV, W_YAML, &opts, TALLY_ERR_INVALID_ARG, 0,
                "not both", NULL);
    build_error(W_CSV, "weight: w\ncount: n\n" W_YAML, NULL,
                TALLY_ERR_INVALID_ARG, 0, "not both", NULL);
    opts = (tally_dataset_opts){.count = "weights"};
    build_error(W_CSV, W_YAML, &opts, TALLY_ERR_NO_SUCH_VAR, 0,
                "no weight column \"weights\" in test.csv", NULL);
}

/* --- what the dataset tells ----------------------------------------------- */

/* The columns ds leaves out, as "column: reason|...". */
static void expect_ignored(const tally_dataset *ds, const char *want)
{
    char buf[512];
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < ds->n_ignored && n < sizeof buf; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s: %s",
                              i ? "|" : "", ds->ignored[i].column,
                              ds->ignored[i].reason);
    assert_string_equal(buf, want);
}

/* The columns left out, and why: metadata (with the reason inference
   found), columns the codebook does not use, the weight. */
static void test_ignored_columns(void **state)
{
    (void)state;
    tally_raw *raw = tally_test_csv(
        "Respondent ID,Email,Q1,Extra,w\n"
        "1,a@example.org,Yes,x,1\n2,b@example.org,No,y,2\n",
        NULL);
    tally_codebook *cb = tally_test_infer(raw, NULL);
    tally_dataset_opts opts = {.count = "w"};
    tally_dataset *ds = tally_test_build(raw, cb, &opts);
    tally_codebook_free(cb);
    expect_ignored(ds, "Respondent ID: metadata: identifier|"
                       "Email: metadata: e-mail address|w: frequency weight");
    tally_dataset_free(ds);
    cb = tally_test_yaml("questions:\n"
                         "- {id: id, type: meta, column: Respondent ID}\n"
                         "- {id: Q1, type: single, column: Q1, "
                         "options: ['Yes', 'No']}\n");
    opts = (tally_dataset_opts){.weight = "w"};
    ds = tally_test_build(raw, cb, &opts);
    expect_ignored(ds, "Respondent ID: metadata|Email: not in the codebook|"
                       "Extra: not in the codebook|w: sampling weight");
    tally_dataset_free(ds);
    tally_codebook_free(cb);
    tally_raw_free(raw);
}

/* Base: respondents with a valid answer; answered: with any answer,
   missing codes included; a matrix counts a respondent once. */
static void test_base_and_answered(void **state)
{
    (void)state;
    tally_dataset *ds = dataset(
        "M_1,M_2,T,N,Why,Id\n"
        "Agree,,A,5,because,1\n"
        ",Don't know,Don't know,Don't know,,2\n"
        "Don't know,Disagree,\"A, B\",,\" \",3\n"
        ",,,,,4\n",
        "questions:\n"
        "- id: M\n  type: matrix\n  options: [Disagree, Agree]\n"
        "  missing: [\"Don't know\"]\n"
        "  items: [{id: M_1, column: M_1}, {id: M_2, column: M_2}]\n"
        "- {id: T, type: multi, column: T, separator: ', ', "
        "options: [A, B],\n   missing: [\"Don't know\"]}\n"
        "- {id: N, type: numeric, column: N, missing: [\"Don't know\"]}\n"
        "- {id: Why, type: text, column: Why}\n"
        "- {id: Id, type: meta, column: Id}\n",
        NULL);
    static const size_t base[] = {2, 2, 1, 1, 0};
    static const size_t answered[] = {3, 3, 2, 1, 0};
    assert_int_equal(tally_dataset_rows(ds), 4);
    for (size_t q = 0; q < 5; q++) {
        assert_int_equal(tally_dataset_base(ds, q), base[q]);
        assert_int_equal(tally_dataset_answered(ds, q), answered[q]);
    }
    assert_int_equal(tally_dataset_base(ds, 5), 0); /* out of range */
    tally_dataset_free(ds);
}

/* `tally info --format json` of a small file, every key. */
static void test_info_json(void **state)
{
    (void)state;
    tally_dataset *ds = dataset(
        "Email,Q1,Q2_1,Q2_2,Q3,Note,w\n"
        "a@example.org,Expert,Agree,Disagree,\"A, B\",hi,1\n"
        ",Partner,Don't know,Agree,A,,2\n",
        "title: Small\nweight: w\nquestions:\n"
        "- {id: email, type: meta, column: Email}\n"
        "- {id: Q1, text: Which group?, type: single, column: Q1,\n"
        "   options: [Expert, Partner, Other]}\n"
        "- id: Q2\n  type: matrix\n  options: [Disagree, Agree]\n"
        "  missing: [\"Don't know\"]\n"
        "  items: [{id: Q2_1, column: Q2_1, text: Goal one},\n"
        "          {id: Q2_2, column: Q2_2, text: Goal two}]\n"
        "- {id: Q3, type: multi, column: Q3, separator: ', ', "
        "options: [A, B]}\n",
        NULL);
    tally_buf *buf = tally_buf_new();
    tally_error err = {0};
    assert_int_equal(tally_dataset_write_info_json(ds, buf, &err), TALLY_OK);
    assert_string_equal(
        tally_buf_data(buf),
        "{\"file\":\"test.csv\",\"format\":\"csv\",\"encoding\":\"utf-8\","
        "\"delimiter\":\",\",\"dialect\":\"plain\",\"header_rows\":1,"
        "\"respondents\":2,\"weight\":\"w\",\"filter\":null,"
        "\"questions\":["
        "{\"id\":\"Q1\",\"text\":\"Which group?\",\"type\":\"single\","
        "\"base\":2,\"columns\":[\"Q1\"],\"items\":[],"
        "\"options\":[\"Expert\",\"Partner\",\"Other\"],\"missing\":[]},"
        "{\"id\":\"Q2\",\"text\":\"Q2\",\"type\":\"matrix\",\"base\":2,"
        "\"columns\":[\"Q2_1\",\"Q2_2\"],"
        "\"items\":[{\"id\":\"Q2_1\",\"text\":\"Goal one\"},"
        "{\"id\":\"Q2_2\",\"text\":\"Goal two\"}],"
        "\"options\":[\"Disagree\",\"Agree\"],\"missing\":[\"Don't know\"]},"
        "{\"id\":\"Q3\",\"text\":\"Q3\",\"type\":\"multi\",\"base\":2,"
        "\"columns\":[\"Q3\"],\"items\":[],\"options\":[\"A\",\"B\"],"
        "\"missing\":[]}],"
        "\"ignored_columns\":[{\"column\":\"Email\",\"reason\":\"metadata\"},"
        "{\"column\":\"Note\",\"reason\":\"not in the codebook\"},"
        "{\"column\":\"w\",\"reason\":\"sampling weight\"}],"
        "\"notes\":[]}\n");
    tally_buf_free(buf);
    tally_dataset_free(ds);
}

/* --- regressions -------------------------------------------------------- */

/* The dataset of csv coded with yaml, whose notes must be `notes`
   ("|"-joined). */
static tally_dataset *expect_notes(const char *csv, const char *yaml,
                                   const char *notes)
{
    tally_dataset *ds = dataset(csv, yaml, NULL);
    char buf[1024];
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < tally_dataset_note_count(ds) && n < sizeof buf;
         i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", i ? "|" : "",
                              tally_dataset_note(ds, i));
    assert_string_equal(buf, notes);
    return ds;
}

/* The note on answers counted as "Other" counted the header text among
   them ("1 answer outside the options" when all were
   options): the column's dictionary holds the header row too. */
static void test_header_counted_as_other(void **state)
{
    (void)state;
    static const char yaml[] =
        "questions:\n- {id: Q1, type: single, column: Q1, options: [A, B],\n"
        "   other: true}\n";
    tally_dataset_free(expect_notes("Q1\nA\nB\n", yaml, ""));
    tally_dataset_free(expect_notes("Q1\nA\nC\nD\nC\n", yaml,
                                    "question Q1: 2 answers (different "
                                    "texts) outside the options counted "
                                    "as Other"));
}

/* Joined answers with a part outside the options were counted as "Other"
   (other: true) without the note that single-choice questions get. */
static void test_joined_other_without_note(void **state)
{
    (void)state;
    tally_dataset *ds = expect_notes(
        "Q2\n\"A, Zed\"\nB\n\"Zed, Why\"\nA\n",
        "questions:\n- {id: Q2, type: multi, column: Q2, separator: ', ',\n"
        "   options: [A, B], other: true}\n",
        "question Q2: 2 answers (different texts) outside the options "
        "counted as Other");
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

/* An empty part of a joined answer (", Excel", "Excel, , R") was an
   answer "" outside the options: an error, or "Other". */
static void test_empty_piece_in_joined_answer(void **state)
{
    (void)state;
    tally_dataset *ds = dataset(
        "T\n\", Excel\"\n\"Excel, , R\"\n\"R,  \"\n",
        "questions:\n- {id: T, type: multi, column: T, separator: ', ',\n"
        "   options: [Excel, R], other: true}\n",
        NULL);
    char buf[128];
    assert_string_equal(answers(ds, 0, 0, buf, sizeof buf),
                        "Excel|Excel+R|R");
    assert_int_equal(tally_dataset_note_count(ds), 0);
    tally_dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_match_options),
        cmocka_unit_test(test_answer_outside_options),
        cmocka_unit_test(test_other),
        cmocka_unit_test(test_missing_column),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_multi),
        cmocka_unit_test(test_weights),
        cmocka_unit_test(test_bad_weights),
        cmocka_unit_test(test_ignored_columns),
        cmocka_unit_test(test_base_and_answered),
        cmocka_unit_test(test_info_json),
        cmocka_unit_test(test_header_counted_as_other),
        cmocka_unit_test(test_joined_other_without_note),
        cmocka_unit_test(test_blank_cells_are_no_answer),
        cmocka_unit_test(test_empty_piece_in_joined_answer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
