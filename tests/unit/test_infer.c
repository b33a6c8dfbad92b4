/* Unit tests: codebook inference (infer.c, infer_column.c, infer_meta.c,
   infer_multi.c, likert.c). */
#include "data_test.h"
#include "dataset_internal.h"
#include "infer_cases.h"

/* --- the table of files --------------------------------------------------- */

/* "|"-joined parts of a question (what: 'o' valid options, 'm' missing
   codes, 'v' scale values, 'i' item ids, 'c' columns) into buf. */
static const char *joined(const tally_question *q, char what, char *buf,
                          size_t cap)
{
    size_t n = 0;
    const char *s[256];
    char values[256][32];
    if (what == 'c' && q->column)
        s[n++] = q->column;
    for (size_t i = 0; what == 'i' && i < q->n_items && n < 256; i++)
        s[n++] = q->items[i].id;
    for (size_t i = 0; what == 'c' && i < q->n_items && n < 256; i++)
        s[n++] = q->items[i].column;
    for (size_t k = 0; k < q->n_options && n < 256; k++) {
        const tally_option *o = &q->options[k];
        if ((what == 'o' && !o->missing) || (what == 'm' && o->missing))
            s[n++] = o->label;
        else if (what == 'c' && !q->column && o->column)
            s[n++] = o->column;
        else if (what == 'v' && !o->missing) {
            snprintf(values[n], sizeof values[n], "%g", o->value);
            s[n] = values[n];
            n++;
        }
    }
    buf[0] = '\0';
    for (size_t i = 0, len = 0; i < n && len < cap; i++)
        len += (size_t)snprintf(buf + len, cap - len, "%s%s", i ? "|" : "",
                                s[i]);
    return buf;
}

/* 1 (and a message) when got and want differ; NULL is "". */
static int differs(const char *file, const char *id, const char *what,
                   const char *got, const char *want)
{
    got = got ? got : "";
    want = want ? want : "";
    if (!strcmp(got, want))
        return 0;
    print_error("%s: question %s: %s \"%s\", expected \"%s\"\n", file, id,
                what, got, want);
    return 1;
}

static int check_question(const char *file, const tally_question *q,
                          const exp_q *e)
{
    char got[1024], want[256] = "";
    int bad = differs(file, e->id, "id", q->id, e->id);
    bad += differs(file, e->id, "type", tally_qtype_name(q->type), e->type);
    bad += differs(file, e->id, "ordered", q->ordered ? "yes" : "no",
                   e->ordered ? "yes" : "no");
    bad += differs(file, e->id, "options", joined(q, 'o', got, sizeof got),
                   e->options);
    bad += differs(file, e->id, "missing", joined(q, 'm', got, sizeof got),
                   e->missing);
    bad += differs(file, e->id, "items", joined(q, 'i', got, sizeof got),
                   e->items);
    bad += differs(file, e->id, "columns", joined(q, 'c', got, sizeof got),
                   e->columns);
    bad += differs(file, e->id, "separator", q->separator, e->separator);
    bad += differs(file, e->id, "reason", q->reason, e->reason);
    for (size_t k = 0, n = 0; e->ordered && !e->values &&
                              k < tally__question_valid_options(q);
         k++)
        n += (size_t)snprintf(want + n, sizeof want - n, "%s%zu",
                              k ? "|" : "", k + 1);
    if (e->ordered)
        bad += differs(file, e->id, "values", joined(q, 'v', got, sizeof got),
                       e->values ? e->values : want);
    return bad;
}

/* The codebook written as YAML reads back and codes the file into the
   same dataset (same questions, bases and respondents who answered). */
static int check_round_trip(const infer_case *c, const tally_raw *raw,
                            const tally_codebook *cb)
{
    char *yaml = tally_test_write_yaml(cb);
    tally_io *io = NULL;
    tally_codebook *back = NULL;
    tally_dataset *ds = NULL, *ds2 = NULL;
    tally_error err = {0};
    tally_dataset_opts opts = {.weight = c->weight};
    int bad = 0;
    assert_int_equal(tally_io_from_memory(yaml, strlen(yaml), "cb.yaml", &io,
                                          &err),
                     TALLY_OK);
    if (tally_codebook_read_yaml(io, &back, &err) != TALLY_OK ||
        tally_dataset_build(raw, cb, &opts, &ds, &err) != TALLY_OK ||
        tally_dataset_build(raw, back, &opts, &ds2, &err) != TALLY_OK) {
        print_error("%s: %s:%ld: %s\n%s", c->name, err.file, err.line,
                    err.message, yaml);
        bad = 1;
    }
    size_t n = tally_codebook_question_count(cb);
    if (!bad && tally_codebook_question_count(back) != n)
        bad = differs(c->name, "-", "number of questions", "read back",
                      "as written");
    for (size_t i = 0; !bad && i < n; i++) {
        const tally_question *q = tally_codebook_question(cb, i);
        const tally_question *r = tally_codebook_question(back, i);
        char a[1024], b[1024];
        bad += differs(c->name, q->id, "id read back", r->id, q->id);
        bad += differs(c->name, q->id, "options read back",
                       tally_test_labels(r, a, sizeof a),
                       tally_test_labels(q, b, sizeof b));
        if (tally_dataset_base(ds, i) != tally_dataset_base(ds2, i) ||
            tally_dataset_answered(ds, i) != tally_dataset_answered(ds2, i))
            bad += differs(c->name, q->id, "base", "read back", "inferred");
    }
    tally_dataset_free(ds);
    tally_dataset_free(ds2);
    tally_codebook_free(back);
    tally_io_free(io);
    free(yaml);
    return bad;
}

static int check_case(const infer_case *c)
{
    tally_raw *raw = tally_test_csv(c->csv, NULL);
    tally_infer_opts opts = {.weight = c->weight};
    tally_codebook *cb = NULL;
    tally_error err = {0};
    if (tally_codebook_infer(raw, &opts, &cb, &err) != TALLY_OK) {
        print_error("%s: %s\n", c->name, err.message);
        tally_raw_free(raw);
        return 1;
    }
    size_t n = 0;
    while (c->q[n].id)
        n++;
    int bad = 0;
    if (tally_codebook_question_count(cb) != n) {
        print_error("%s: %zu questions, expected %zu\n", c->name,
                    tally_codebook_question_count(cb), n);
        bad = 1;
    }
    for (size_t i = 0; !bad && i < n; i++)
        bad += check_question(c->name, tally_codebook_question(cb, i),
                              &c->q[i]);
    bad += check_round_trip(c, raw, cb);
    tally_codebook_free(cb);
    tally_raw_free(raw);
    return bad;
}

static void test_cases(void **state)
{
    (void)state;
    int bad = 0;
    for (size_t i = 0; i < TALLY_ARRAY_SIZE(infer_cases); i++)
        bad += check_case(&infer_cases[i]);
    assert_int_equal(bad, 0);
}

/* Texts: a "Question [Item]" group's question text is the part before
   the brackets, its items' texts (or multi options' labels when the
   columns only hold tick marks) the bracketed parts; other questions
   and items are named after their column. */
static void test_texts(void **state)
{
    (void)state;
    tally_raw *raw = tally_test_csv(
        "Rate the staff [Courtesy],Rate the staff [Speed],Q4_1,Q4_2,"
        "Used [Web site],Used [Phone]\n"
        "Good,Poor,Yes,No,1,\nFair,Good,No,No,,1\nGood,Good,Yes,Yes,1,1\n",
        NULL);
    tally_codebook *cb = tally_test_infer(raw, NULL);
    const tally_question *q = tally_codebook_question(cb, 0);
    assert_string_equal(q->text, "Rate the staff");
    assert_string_equal(q->items[0].text, "Courtesy");
    assert_string_equal(q->items[1].text, "Speed");
    q = tally_test_q(cb, "Q4");
    assert_string_equal(q->text, "Q4");
    assert_string_equal(q->items[1].text, "Q4_2");
    q = tally_codebook_question(cb, 2);
    assert_int_equal(q->type, TALLY_QTYPE_MULTI);
    assert_string_equal(q->text, "Used");
    assert_string_equal(q->options[0].label, "Web site");
    assert_string_equal(q->options[1].label, "Phone");
    tally_codebook_free(cb);
    tally_raw_free(raw);
}

/* --- the NEASPEC sample ------------------------------------------------- */

#define NEASPEC TALLY_SOURCE_DIR "/samples/neaspec-2020/"

static tally_io *open_sample(const char *path)
{
    tally_io *io = NULL;
    tally_error err = {0};
    if (tally_io_open_file(path, &io, &err) != TALLY_OK)
        print_error("%s: %s\n", path, err.message);
    assert_non_null(io);
    return io;
}

/* The inferred question of the metadata column `column`. */
static const tally_question *by_column(const tally_codebook *cb,
                                       const char *column)
{
    for (size_t i = 0; i < tally_codebook_question_count(cb); i++) {
        const tally_question *q = tally_codebook_question(cb, i);
        if (q->column && !strcmp(q->column, column))
            return q;
    }
    print_error("no question of column %s\n", column);
    fail();
    return NULL;
}

/* The labels of q in byte order (for options whose display order is a
   choice of the questionnaire, not in the data). */
static const char *sorted_labels(const tally_question *q, char *buf,
                                 size_t cap)
{
    const char *s[64];
    size_t n = q->n_options < 64 ? q->n_options : 64;
    for (size_t k = 0; k < n; k++)
        s[k] = q->options[k].label;
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && strcmp(s[j], s[j - 1]) < 0; j--) {
            const char *t = s[j];
            s[j] = s[j - 1];
            s[j - 1] = t;
        }
    buf[0] = '\0';
    for (size_t k = 0, len = 0; k < n && len < cap; k++)
        len += (size_t)snprintf(buf + len, cap - len, "%s%s", k ? "|" : "",
                                s[k]);
    return buf;
}

/*
 * The sample's codebook.yaml, written by hand from the published
 * questionnaire, and the codebook inferred from responses.csv agree on
 * every question: type, scale order and missing codes, items, option
 * columns, joined options in the form's order. Only the order of a
 * single-choice question's options is the questionnaire's choice, which
 * the data cannot tell (inferred: most frequent first), and texts.
 */
static void test_neaspec_sample(void **state)
{
    (void)state;
    tally_io *io = open_sample(NEASPEC "codebook.yaml");
    tally_codebook *want = NULL;
    tally_raw *raw = NULL;
    tally_error err = {0};
    assert_int_equal(tally_codebook_read_yaml(io, &want, &err), TALLY_OK);
    tally_io_free(io);
    io = open_sample(NEASPEC "responses.csv");
    assert_int_equal(tally_read(io, NULL, &raw, &err), TALLY_OK);
    tally_io_free(io);
    tally_codebook *got = tally_test_infer(raw, NULL);
    assert_int_equal(tally_codebook_question_count(got),
                     tally_codebook_question_count(want));
    int bad = 0;
    for (size_t i = 0; i < tally_codebook_question_count(want); i++) {
        const tally_question *w = tally_codebook_question(want, i);
        char a[2048], b[2048];
        if (w->type == TALLY_QTYPE_META) {
            bad += differs("neaspec", w->id, "type",
                           tally_qtype_name(by_column(got, w->column)->type),
                           "meta");
            continue;
        }
        const tally_question *g = tally_test_q(got, w->id);
        bad += differs("neaspec", w->id, "type", tally_qtype_name(g->type),
                       tally_qtype_name(w->type));
        bad += differs("neaspec", w->id, "ordered", g->ordered ? "yes" : "no",
                       w->ordered ? "yes" : "no");
        if (w->type == TALLY_QTYPE_SINGLE && !w->ordered)
            bad += differs("neaspec", w->id, "options",
                           sorted_labels(g, a, sizeof a),
                           sorted_labels(w, b, sizeof b));
        else
            bad += differs("neaspec", w->id, "options",
                           tally_test_labels(g, a, sizeof a),
                           tally_test_labels(w, b, sizeof b));
        bad += differs("neaspec", w->id, "values", joined(g, 'v', a, sizeof a),
                       joined(w, 'v', b, sizeof b));
        bad += differs("neaspec", w->id, "items", joined(g, 'i', a, sizeof a),
                       joined(w, 'i', b, sizeof b));
        bad += differs("neaspec", w->id, "columns",
                       joined(g, 'c', a, sizeof a),
                       joined(w, 'c', b, sizeof b));
        bad += differs("neaspec", w->id, "separator", g->separator,
                       w->separator);
    }
    infer_case c = {.name = "neaspec"};
    bad += check_round_trip(&c, raw, got);
    assert_int_equal(bad, 0);
    tally_codebook_free(got);
    tally_codebook_free(want);
    tally_raw_free(raw);
}

/* --- regressions -------------------------------------------------------- */

/* An id made up for a column without an id-like name ("Q<n>", or a matrix
   item's "Q1_1") took the name of another column, whose question then got
   "Q1_2": `--where Q1=...` would have filtered on the wrong column. */
static void test_generated_id_takes_column_name(void **state)
{
    (void)state;
    tally_raw *raw = tally_test_csv("Rate [A],Rate [B],,Q1_1,Q1,Q1\n"
                                    "Good,Poor,a,4.5,x,u\n"
                                    "Poor,Fair,b,5,y,v\n"
                                    "Fair,Good,c,2,x,u\n",
                                    NULL);
    tally_codebook *cb = tally_test_infer(raw, NULL);
    const tally_question *rate = tally_codebook_question(cb, 0);
    assert_int_equal(rate->type, TALLY_QTYPE_MATRIX);
    assert_string_equal(rate->id, "Q2");
    assert_string_equal(rate->items[0].id, "Q2_1");
    assert_string_equal(tally_codebook_question(cb, 1)->id, "Q3");
    assert_string_equal(tally_codebook_question(cb, 1)->column, "Column 3");
    assert_string_equal(tally_test_q(cb, "Q1_1")->column, "Q1_1");
    assert_string_equal(tally_test_q(cb, "Q1")->column, "Q1");
    assert_string_equal(tally_codebook_question(cb, 4)->column, "Q1 (2)");
    assert_string_equal(tally_codebook_question(cb, 4)->id, "Q5");
    tally_codebook_free(cb);
    tally_raw_free(raw);
}

/*
 * Infer the codebook of csv (weight: the weight column or NULL) and
 * expect question id to have this type and option labels (as
 * tally_test_labels(); NULL: not checked), and, coded with it, this base
 * and number of respondents who answered (-1: not checked).
 */
static void expect(const char *csv, const char *weight, const char *id,
                   tally_qtype type, const char *labels, long base,
                   long answered)
{
    tally_raw *raw = tally_test_csv(csv, NULL);
    tally_infer_opts opts = {.weight = weight};
    tally_codebook *cb = tally_test_infer(raw, &opts);
    size_t qi = tally_test_qindex(cb, id);
    const tally_question *q = tally_codebook_question(cb, qi);
    char buf[512];
    assert_string_equal(tally_qtype_name(q->type), tally_qtype_name(type));
    if (labels)
        assert_string_equal(tally_test_labels(q, buf, sizeof buf), labels);
    tally_dataset *ds = tally_test_build(raw, cb, NULL);
    if (base >= 0)
        assert_int_equal(tally_dataset_base(ds, qi), base);
    if (answered >= 0)
        assert_int_equal(tally_dataset_answered(ds, qi), answered);
    tally_dataset_free(ds);
    tally_codebook_free(cb);
    tally_raw_free(raw);
}

/* Ten spellings of a five-point scale (two exports merged: "Strongly
   agree" and "Strongly Agree") were more than the seven labels a scale
   was looked for in, so the column became a single-choice question with
   ten options. The most frequent spelling names a point; ties go to the
   first in byte order. Two spellings of one point are no scale. */
static void test_likert_spellings_beyond_seven(void **state)
{
    (void)state;
    expect("A\nStrongly agree\nStrongly Agree\nagree\nAgree\nAgree\nAGREE\n"
           "disagree\nDisagree\nDisagree\nNeutral\nneutral\nneutral\n"
           "strongly disagree\nStrongly Disagree\nStrongly Disagree\n",
           NULL, "A", TALLY_QTYPE_SCALE,
           "Strongly Disagree|Disagree|neutral|Agree|Strongly Agree", 15, 15);
    expect("A\nAgree\nagree\nAgree\n", NULL, "A", TALLY_QTYPE_SINGLE, NULL,
           -1, -1);
}

/* "Meets expectations" and "Meets expectations (Good)" in one column were
   taken as one point of a scale, named after one of them: the dataset
   then found no option for the other, so the inferred codebook could not
   code its own file. Such a column is a single-choice question (the
   evaluator can merge the two spellings in the codebook). */
static void test_scale_spellings_the_dataset_cannot_match(void **state)
{
    (void)state;
    static const char csv[] = "Sat,Num\n"
                              "Meets expectations,1 - Disagree\n"
                              "Meets expectations (Good),Disagree\n"
                              "Exceeds expectations,2 - Agree\n"
                              "Meets expectations,Agree\n";
    expect(csv, NULL, "Sat", TALLY_QTYPE_SINGLE,
           "Meets expectations|Exceeds expectations|"
           "Meets expectations (Good)",
           4, 4);
    expect(csv, NULL, "Num", TALLY_QTYPE_SINGLE, NULL, 4, 4);
}

/* A missing code ticked together with options ("Excel, Don't know") was
   learned as an option as well as a missing code: the codebook listed
   "Don't know" twice and inference failed for the whole file. */
static void test_joined_missing_code(void **state)
{
    (void)state;
    expect("Tools\n\"Excel, Python\"\n\"Excel, Don't know\"\n\"Python, R\"\n"
           "\"Excel, R\"\nDon't know\nPython\nExcel\nR\n\"Excel, Python, R\"\n"
           "\"Python, R\"\nDon't know\n\"R, Don't know\"\n",
           NULL, "Tools", TALLY_QTYPE_MULTI, "Excel|Python|R|?Don't know", 10,
           12);
}

/* Index of the option labelled label; fails the test when none is. */
static size_t option_index(const tally_question *q, const char *label)
{
    for (size_t k = 0; k < q->n_options; k++)
        if (!strcmp(q->options[k].label, label))
            return k;
    print_error("question %s has no option \"%s\"\n", q->id, label);
    fail();
    return 0;
}

/* Rows of multi question qi with option k ticked. */
static size_t ticked(const tally_dataset *ds, size_t qi, size_t k)
{
    size_t n = 0;
    for (size_t r = 0; r < ds->rows; r++)
        n += (size_t)tally__ds_ticked(&ds->q[qi], r, k);
    return n;
}

/* "Hispanic, Latino, or Spanish origin" chosen alone was never learned as
   one option: its pieces before a capital letter were split, giving
   options "Hispanic" and "Latino, or Spanish origin". */
static void test_joined_option_with_separator_alone(void **state)
{
    (void)state;
    tally_raw *raw = tally_test_csv(
        "Race\nWhite\n\"Hispanic, Latino, or Spanish origin\"\n"
        "\"White, Hispanic, Latino, or Spanish origin\"\n\"Asian, White\"\n"
        "Asian\n\"Hispanic, Latino, or Spanish origin, Asian\"\nWhite\n"
        "Asian\n\"White, Asian\"\nBlack\n\"Black, White\"\nAsian\n",
        NULL);
    tally_codebook *cb = tally_test_infer(raw, NULL);
    const tally_question *q = tally_test_q(cb, "Race");
    assert_int_equal(q->type, TALLY_QTYPE_MULTI);
    assert_int_equal(q->n_options, 4);
    tally_dataset *ds = tally_test_build(raw, cb, NULL);
    size_t k = option_index(q, "Hispanic, Latino, or Spanish origin");
    assert_int_equal(ticked(ds, 0, k), 3);
    assert_int_equal(ticked(ds, 0, option_index(q, "Asian")), 6);
    tally_dataset_free(ds);
    tally_codebook_free(cb);
    tally_raw_free(raw);
}

/* Joined options were ordered by how often each was listed before the
   others minus after them: a rarely ticked "Other", always listed last,
   came before "D", which it follows (the NEASPEC sample's Q12 had
   "Other" fourth of seven). */
static void test_joined_option_order(void **state)
{
    (void)state;
    expect("T\n\"A, B\"\n\"A, B\"\n\"A, B\"\n\"B, C\"\n\"B, C\"\n\"B, C\"\n"
           "\"C, D\"\n\"C, D\"\n\"C, D\"\nA\nA\nB\nB\n\"D, Other\"\n",
           NULL, "T", TALLY_QTYPE_MULTI, "A|B|C|D|Other", 14, 14);
}

/* A yes/no matrix with an item nobody said "Yes" to (all "No", or
   blank) was taken for a multi-select question whose options were
   "Yes", "Q10_2" and "Q10_3": every "No" became "not ticked", the same
   as no answer. */
static void test_yes_no_matrix_with_unanswered_item(void **state)
{
    (void)state;
    expect("Q10_1,Q10_2,Q10_3\nYes,No,No\nNo,Yes,No\nYes,Yes,No\n", NULL,
           "Q10", TALLY_QTYPE_MATRIX, "Yes|No", 3, 3);
    expect("Q10_1,Q10_2,Q10_3\nYes,No,\nNo,Yes,\nYes,Yes,\n", NULL, "Q10",
           TALLY_QTYPE_MATRIX, "Yes|No", 3, 3);
    expect("Q10_1,Q10_2,Q10_3\nNo,No,Yes\n,No,No\nNo,No,Yes\n", NULL, "Q10",
           TALLY_QTYPE_MATRIX, "No|Yes", 3, 3);
}

/* A matrix followed by a text column of the same prefix ("Q4_other",
   the usual "Other, please specify") was no matrix at all: every item
   became a scale question of its own. */
static void test_matrix_followed_by_other_text(void **state)
{
    (void)state;
    static const char csv[] =
        "Q4_1,Q4_2,Q4_3,Q4_other\n"
        "Agree,Disagree,Agree,Publish the agenda two weeks earlier\n"
        "Strongly agree,Agree,Disagree,More regional meetings would help\n"
        "Disagree,Strongly agree,Agree,Nothing to add from my side\n"
        "Agree,Agree,Strongly disagree,Please share the slides afterwards\n"
        "Neutral,Agree,Agree,Invite partners from the private sector\n";
    expect(csv, NULL, "Q4", TALLY_QTYPE_MATRIX,
           "Strongly disagree|Disagree|Neutral|Agree|Strongly agree", 5, 5);
    expect(csv, NULL, "Q4_other", TALLY_QTYPE_TEXT, "", 5, 5);
}

/* Columns that share a prefix but not their answers ("D_gender",
   "D_region") were pooled into one matrix whose options were everybody's
   answers: "Female", "Male", "North", "South"... for every item. So were
   two different scales ("Q4_1" agreement, "Q4_2" satisfaction). */
static void test_prefix_without_shared_answers(void **state)
{
    (void)state;
    static const char csv[] = "D_gender,D_region,Q4_1,Q4_2\n"
                              "Female,North,Agree,Satisfied\n"
                              "Male,South,Disagree,Very satisfied\n"
                              "Female,East,Strongly agree,Dissatisfied\n"
                              "Male,North,Agree,Satisfied\n";
    expect(csv, NULL, "D_gender", TALLY_QTYPE_SINGLE, "Female|Male", 4, 4);
    expect(csv, NULL, "D_region", TALLY_QTYPE_SINGLE, "North|East|South", 4,
           4);
    expect(csv, NULL, "Q4_1", TALLY_QTYPE_SCALE,
           "Strongly disagree|Disagree|Agree|Strongly agree", 4, 4);
    expect(csv, NULL, "Q4_2", TALLY_QTYPE_SCALE,
           "Very dissatisfied|Dissatisfied|Satisfied|Very satisfied", 4, 4);
}

/* Google Forms timestamps ("2020/03/14 3:05:00 PM GMT+1") and times
   with a zone after a blank ("+0100", "UTC") were no dates: under a
   header the dialect does not know ("Tijdstempel") the column became an
   open-text question, and the annex would have listed the times. */
static void test_date_with_time_zone(void **state)
{
    (void)state;
    tally_raw *raw = tally_test_csv(
        "Tijdstempel,When,Q\n"
        "2020/03/14 10:00:00 AM GMT+1,2020-03-14 10:00:00 +0100,a\n"
        "2020/03/14 3:05:00 PM GMT+1,2020-03-14 10:00:00 UTC,b\n"
        "2020/03/15 10:07:12 AM GMT+1,2020-03-16T08:51:39.123+01:00,a\n"
        "2020/03/16 1:07:12 PM GMT+05:30,3/16/2020 1:07 pm,a\n",
        NULL);
    tally_codebook *cb = tally_test_infer(raw, NULL);
    const tally_question *q = tally_test_q(cb, "tijdstempel");
    assert_int_equal(q->type, TALLY_QTYPE_META);
    assert_string_equal(q->reason, "date");
    q = tally_test_q(cb, "when");
    assert_int_equal(q->type, TALLY_QTYPE_META);
    assert_string_equal(q->reason, "date");
    tally_codebook_free(cb);
    tally_raw_free(raw);
}

/* A weight column named like the items before it ("Q4_w") was taken into
   their group: it broke the matrix (or became an item of it). */
static void test_weight_column_in_a_group(void **state)
{
    (void)state;
    expect("Q4_1,Q4_2,Q4_w\nAgree,Disagree,1.5\nDisagree,Agree,0.5\n"
           "Agree,Agree,1\nStrongly agree,Agree,2\n",
           "Q4_w", "Q4", TALLY_QTYPE_MATRIX,
           "Strongly disagree|Disagree|Agree|Strongly agree", 4, 4);
}

/* Y/N items (LimeSurvey's yes/no arrays) were a multi question of tick
   marks: every "N" became "not ticked", the same as a skipped item. An
   explicit "N" or "No" now makes a yes/no matrix; 0/1 and Y/blank
   columns are still options of a multi question. */
static void test_y_n_items_are_a_matrix(void **state)
{
    (void)state;
    expect("Q5_1,Q5_2,Q5_3\nY,N,N\nN,Y,N\nY,Y,N\n,N,Y\n", NULL, "Q5",
           TALLY_QTYPE_MATRIX, "Y|N", 4, 4);
}

/* An empty part of a joined answer ("Excel, , R", ", Excel": an "Other"
   whose text was removed) was learned as an option without a label, and
   inference failed for the whole file; coding with a codebook failed on
   the answer "". Empty parts are no option. */
static void test_empty_piece_in_joined_answers(void **state)
{
    (void)state;
    expect("T\n\"Excel, , R\"\n\", Excel\"\n\"Excel, R\"\nR\n\"Excel, R,  \"\n"
           "Excel\n",
           NULL, "T", TALLY_QTYPE_MULTI, "Excel|R", 6, 6);
}

/* Option columns of one group where one option's answer text is
   another option's column name: every option still gets its own label
   (found by fuzz_infer: the codebook refused "listed twice"). */
static void test_option_label_is_another_column_name(void **state)
{
    (void)state;
    tally_raw *raw = tally_test_csv("g/_a,g/_b,g/_c\n"
                                    "g/_c,xg/_b,\n",
                                    NULL);
    tally_codebook *cb = tally_test_infer(raw, NULL);
    for (size_t q = 0; q < tally_codebook_question_count(cb); q++) {
        const tally_question *qu = tally_codebook_question(cb, q);
        for (size_t i = 0; i < qu->n_options; i++)
            for (size_t j = 0; j < i; j++)
                assert_string_not_equal(qu->options[i].label,
                                        qu->options[j].label);
    }
    tally_dataset_free(tally_test_build(raw, cb, NULL));
    tally_codebook_free(cb);
    tally_raw_free(raw);
}

/* A SurveyMonkey option column whose second header cell is empty takes
   its column name as label (found by fuzz_roundtrip: the inferred
   codebook had an option without a label and refused itself). */
static void test_option_without_sub_header(void **state)
{
    (void)state;
    tally_raw *raw = tally_test_csv(
        "How was it?,\"Which do you follow? Please check all options "
        "that apply.\",Unnamed: 2\nResponse,Twitter,\nGood,Twitter,\n",
        NULL);
    tally_codebook *cb = tally_test_infer(raw, NULL);
    for (size_t q = 0; q < tally_codebook_question_count(cb); q++) {
        const tally_question *qu = tally_codebook_question(cb, q);
        for (size_t i = 0; i < qu->n_options; i++)
            assert_true(qu->options[i].label[0] != '\0');
    }
    tally_dataset_free(tally_test_build(raw, cb, NULL));
    tally_codebook_free(cb);
    tally_raw_free(raw);
}

/* Digits too long for the dataset's number reader (64 and more) do not
   make a column numeric (found by fuzz_roundtrip: the inferred numeric
   question refused its own answer as "not a number"). */
static void test_long_digit_strings_are_not_numbers(void **state)
{
    (void)state;
    char csv[256];
    snprintf(csv, sizeof csv, "id,n\n1,%s\n2,5\n3,7\n",
             "0123456789012345678901234567890123456789012345678901234567"
             "8901234");
    tally_raw *raw = tally_test_csv(csv, NULL);
    tally_codebook *cb = tally_test_infer(raw, NULL);
    const tally_question *q = tally_test_q(cb, "n");
    assert_int_not_equal(q->type, TALLY_QTYPE_NUMERIC);
    tally_dataset_free(tally_test_build(raw, cb, NULL));
    tally_codebook_free(cb);
    tally_raw_free(raw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_texts),
        cmocka_unit_test(test_neaspec_sample),
        cmocka_unit_test(test_generated_id_takes_column_name),
        cmocka_unit_test(test_likert_spellings_beyond_seven),
        cmocka_unit_test(test_scale_spellings_the_dataset_cannot_match),
        cmocka_unit_test(test_joined_missing_code),
        cmocka_unit_test(test_joined_option_with_separator_alone),
        cmocka_unit_test(test_joined_option_order),
        cmocka_unit_test(test_yes_no_matrix_with_unanswered_item),
        cmocka_unit_test(test_matrix_followed_by_other_text),
        cmocka_unit_test(test_prefix_without_shared_answers),
        cmocka_unit_test(test_date_with_time_zone),
        cmocka_unit_test(test_weight_column_in_a_group),
        cmocka_unit_test(test_y_n_items_are_a_matrix),
        cmocka_unit_test(test_empty_piece_in_joined_answers),
        cmocka_unit_test(test_option_label_is_another_column_name),
        cmocka_unit_test(test_option_without_sub_header),
        cmocka_unit_test(test_long_digit_strings_are_not_numbers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
