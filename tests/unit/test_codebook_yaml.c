/* Unit tests: the codebook file, read (codebook_yaml_read.c) and written
   (codebook_yaml_write.c); the format is docs/codebook-format.md. */
#include <stdlib.h>

#include "codebook_internal.h"
#include "codebook_yaml_cases.h"
#include "tally_test.h"

/* --- helpers -------------------------------------------------------------- */

static tally_status read_yaml(const char *text, size_t len, tally_codebook **cb,
                              tally_error *err)
{
    tally_io *io = NULL;
    assert_int_equal(tally_io_from_memory(text, len, "test.yaml", &io, err),
                     TALLY_OK);
    tally_status st = tally_codebook_read_yaml(io, cb, err);
    tally_io_free(io);
    return st;
}

/* Read text; fails the test on error. */
static tally_codebook *read_ok(const char *text)
{
    tally_codebook *cb = NULL;
    tally_error err = {0};
    tally_status st = read_yaml(text, strlen(text), &cb, &err);
    if (st != TALLY_OK)
        print_error("read failed: %s:%ld:%ld: %s\n%s\n", err.file, err.line,
                    err.column, err.message, text);
    assert_int_equal(st, TALLY_OK);
    assert_non_null(cb);
    return cb;
}

/* Write cb; returns a malloc'd copy of the text. */
static char *write_ok(const tally_codebook *cb)
{
    tally_buf *buf = tally_buf_new();
    tally_error err = {0};
    assert_non_null(buf);
    tally_status st = tally_codebook_write_yaml(cb, buf, &err);
    if (st != TALLY_OK)
        print_error("write failed: %s\n", err.message);
    assert_int_equal(st, TALLY_OK);
    char *text = malloc(tally_buf_size(buf) + 1);
    assert_non_null(text);
    memcpy(text, tally_buf_data(buf), tally_buf_size(buf) + 1);
    tally_buf_free(buf);
    return text;
}

static void assert_same_str(const char *a, const char *b, const char *what)
{
    if (a == b || (a && b && strcmp(a, b) == 0))
        return;
    print_error("%s: \"%s\" != \"%s\"\n", what, a ? a : "(null)",
                b ? b : "(null)");
    fail();
}

static void assert_same_options(const tally_option *a, const tally_option *b,
                                size_t n)
{
    for (size_t i = 0; i < n; i++) {
        assert_same_str(a[i].label, b[i].label, "option label");
        assert_same_str(a[i].code, b[i].code, "option code");
        assert_same_str(a[i].column, b[i].column, "option column");
        assert_int_equal(a[i].missing, b[i].missing);
        if (!(a[i].value == b[i].value ||
              (isnan(a[i].value) && isnan(b[i].value)))) {
            print_error("option \"%s\": value %.17g != %.17g\n", a[i].label,
                        a[i].value, b[i].value);
            fail();
        }
    }
}

static void assert_same_question(const tally_question *a,
                                 const tally_question *b)
{
    assert_same_str(a->id, b->id, "id");
    assert_same_str(a->text, b->text, a->id);
    assert_int_equal(a->type, b->type);
    assert_int_equal(a->ordered, b->ordered);
    assert_same_str(a->column, b->column, "column");
    assert_same_str(a->separator, b->separator, "separator");
    assert_same_str(a->scale, b->scale, "scale");
    assert_same_str(a->section, b->section, "section");
    assert_int_equal(a->other, b->other);
    assert_int_equal(a->n_items, b->n_items);
    for (size_t i = 0; i < a->n_items; i++) {
        assert_same_str(a->items[i].id, b->items[i].id, "item id");
        assert_same_str(a->items[i].text, b->items[i].text, "item text");
        assert_same_str(a->items[i].column, b->items[i].column, "item col");
    }
    assert_int_equal(a->n_options, b->n_options);
    assert_same_options(a->options, b->options, a->n_options);
}

/* Field by field, scales included. */
static void assert_same_codebook(const tally_codebook *a,
                                 const tally_codebook *b)
{
    assert_same_str(tally_codebook_title(a), tally_codebook_title(b), "title");
    assert_true(tally_codebook_population(a) == tally_codebook_population(b));
    assert_same_str(tally_codebook_weight(a), tally_codebook_weight(b),
                    "weight");
    assert_same_str(tally_codebook_count(a), tally_codebook_count(b), "count");
    assert_int_equal(a->n_scales, b->n_scales);
    for (size_t i = 0; i < a->n_scales; i++) {
        assert_same_str(a->scales[i].name, b->scales[i].name, "scale");
        assert_int_equal(a->scales[i].n_options, b->scales[i].n_options);
        assert_same_options(a->scales[i].options, b->scales[i].options,
                            a->scales[i].n_options);
    }
    assert_int_equal(tally_codebook_question_count(a),
                     tally_codebook_question_count(b));
    for (size_t i = 0; i < tally_codebook_question_count(a); i++)
        assert_same_question(tally_codebook_question(a, i),
                             tally_codebook_question(b, i));
}

/* Write cb, read it back, compare; writing the copy gives the same bytes,
   and so does writing cb again. */
static void round_trip(const tally_codebook *cb)
{
    char *text = write_ok(cb);
    tally_codebook *back = read_ok(text);
    assert_same_codebook(cb, back);
    char *again = write_ok(back);
    assert_string_equal(text, again);
    free(again);
    again = write_ok(cb);
    assert_string_equal(text, again);
    free(again);
    tally_codebook_free(back);
    free(text);
}

/* --- DESIGN.md section 6 -------------------------------------------------- */

static const char design_example[] =
    "title: NEASPEC stakeholder survey 2020\n"
    "population: 480                # optional: enables the finite "
    "population correction\n"
    "weight: wt                     # optional: weight column\n"
    "scales:\n"
    "  performance:\n"
    "    options: [Unsatisfactory, Partially met the goal, Met the goal,\n"
    "              Achieved beyond the goal, Achieved far beyond the goal]\n"
    "    values: [1, 2, 3, 4, 5]    # optional; default 1..k in the order "
    "given\n"
    "    missing: [\"Don't know\", \"N/A\"]\n"
    "questions:\n"
    "  - id: Q1\n"
    "    text: Which stakeholder group do you belong to?\n"
    "    type: single               # single | scale | multi | matrix | "
    "numeric | text | meta\n"
    "    column: Q1\n"
    "    options: [National focal point, Project partner, Expert, Former "
    "personnel, Other]\n"
    "  - id: Q4\n"
    "    text: Performance against the goals of the Strategic Plan\n"
    "    type: matrix\n"
    "    scale: performance         # a scale by name, or inline "
    "options/values/missing\n"
    "    items:\n"
    "      - {id: Q4_1, column: \"Q4_1\", text: Enhance coordinated "
    "actions}\n"
    "      - {id: Q4_2, column: \"Q4_2\", text: Mobilize mutual support}\n"
    "  - id: Q6\n"
    "    text: Most important achievements\n"
    "    type: multi\n"
    "    options:                   # dichotomy columns (0/1, Y/blank, "
    "option text/blank) ...\n"
    "      - {label: Common vision, column: Q6_1}\n"
    "      - {label: Joint action, column: Q6_2}\n"
    "  - id: Q7\n"
    "    text: Critical challenges\n"
    "    type: multi\n"
    "    column: Q7                 # ... or one column of joined answers\n"
    "    separator: \", \"\n"
    "    options: [Funding, Partnership with national stakeholders]\n";

static void assert_option(const tally_option *o, const char *label,
                          double value, const char *column)
{
    assert_string_equal(o->label, label);
    assert_null(o->code);
    assert_same_str(o->column, column, label);
    assert_int_equal(o->missing, isnan(value));
    tally_assert_rel(o->value, value, 0);
}

static void check_design_q1_q4(const tally_codebook *cb)
{
    const tally_question *q = tally_codebook_question(cb, 0);
    static const char *const groups[] = {"National focal point",
                                         "Project partner", "Expert",
                                         "Former personnel", "Other"};
    assert_string_equal(q->text, "Which stakeholder group do you belong to?");
    assert_int_equal(q->type, TALLY_QTYPE_SINGLE);
    assert_false(q->ordered);
    assert_string_equal(q->column, "Q1");
    assert_null(q->scale);
    assert_int_equal(q->n_options, 5);
    for (size_t i = 0; i < 5; i++)
        assert_option(&q->options[i], groups[i], (double)i + 1, NULL);
    q = tally_codebook_question(cb, 1);
    assert_string_equal(q->id, "Q4");
    assert_int_equal(q->type, TALLY_QTYPE_MATRIX);
    assert_true(q->ordered);
    assert_null(q->column);
    assert_string_equal(q->scale, "performance");
    assert_int_equal(q->n_options, 7);
    assert_option(&q->options[0], "Unsatisfactory", 1, NULL);
    assert_option(&q->options[4], "Achieved far beyond the goal", 5, NULL);
    assert_option(&q->options[5], "Don't know", NAN, NULL);
    assert_option(&q->options[6], "N/A", NAN, NULL);
    assert_int_equal(q->n_items, 2);
    assert_string_equal(q->items[0].id, "Q4_1");
    assert_string_equal(q->items[0].column, "Q4_1");
    assert_string_equal(q->items[0].text, "Enhance coordinated actions");
    assert_string_equal(q->items[1].text, "Mobilize mutual support");
}

static void test_design_example(void **state)
{
    (void)state;
    tally_codebook *cb = read_ok(design_example);
    assert_string_equal(tally_codebook_title(cb),
                        "NEASPEC stakeholder survey 2020");
    tally_assert_rel(tally_codebook_population(cb), 480, 0);
    assert_string_equal(tally_codebook_weight(cb), "wt");
    assert_null(tally_codebook_count(cb));
    assert_int_equal(tally_codebook_question_count(cb), 4);
    check_design_q1_q4(cb);
    const tally_question *q = tally_codebook_question(cb, 2);
    assert_int_equal(q->type, TALLY_QTYPE_MULTI);
    assert_null(q->column);
    assert_int_equal(q->n_options, 2);
    assert_option(&q->options[0], "Common vision", 1, "Q6_1");
    assert_option(&q->options[1], "Joint action", 2, "Q6_2");
    q = tally_codebook_question(cb, 3);
    assert_string_equal(q->column, "Q7");
    assert_string_equal(q->separator, ", ");
    assert_option(&q->options[1], "Partnership with national stakeholders", 2,
                  NULL);
    assert_int_equal(cb->n_scales, 1);
    assert_int_equal(cb->scales[0].n_options, 7);
    round_trip(cb);
    tally_codebook_free(cb);
}

/* --- reading rules -------------------------------------------------------- */

static const char rules_yaml[] =
    "\xef\xbb\xbf%YAML 1.1\n"
    "---\r\n"
    "questions:   # before scales: key order is free\r\n"
    "  - {id: S1, type: single, column: s1, options: [lo, hi], "
    "ordered: yes}\r\n"
    "  - {id: S2, type: single, column: s2, scale: agree, "
    "missing: [N/A]}\r\n"
    "  - id: S3\n"
    "    type: scale\n"
    "    column: s3\n"
    "    scale: {options: [a, b], values: [10, 20], missing: [dk]}\n"
    "  - id: S4\n"
    "    type: scale\n"
    "    column: s4\n"
    "    options: [{label: x, value: -1.5}, {label: y, value: 2.5e1}]\n"
    "  - id: C1\n"
    "    type: single\n"
    "    column: c1\n"
    "    other: True\n"
    "    missing: [{label: Refused, code: -9}]\n"
    "    options: [{label: One, code: 01}, {label: Two, code: 2.50}, "
    "Three]\n"
    "  - {id: M1, type: matrix, options: [p, q], items: [{id: M1a, "
    "column: m1a}]}\n"
    "  - {id: N1, type: numeric, column: n1, missing: [-99, \"Don't "
    "know\"]}\n"
    "scales:\n"
    "  agree: {options: [Disagree, Agree], missing: [Don't know]}\n"
    "...\n";

static void test_rules(void **state)
{
    (void)state;
    tally_codebook *cb = read_ok(rules_yaml);
    const tally_question *q = tally_codebook_question(cb, 0);
    assert_int_equal(q->type, TALLY_QTYPE_SCALE); /* single + ordered */
    assert_true(q->ordered);
    assert_string_equal(q->text, "S1"); /* text: the id */
    assert_option(&q->options[1], "hi", 2, NULL);
    q = tally_codebook_question(cb, 1); /* single + scale */
    assert_int_equal(q->type, TALLY_QTYPE_SCALE);
    assert_string_equal(q->scale, "agree");
    assert_int_equal(q->n_options, 4);
    assert_option(&q->options[1], "Agree", 2, NULL);
    assert_option(&q->options[2], "Don't know", NAN, NULL);
    assert_option(&q->options[3], "N/A", NAN, NULL);
    q = tally_codebook_question(cb, 2); /* inline scale */
    assert_null(q->scale);
    assert_true(q->ordered);
    assert_option(&q->options[1], "b", 20, NULL);
    assert_option(&q->options[2], "dk", NAN, NULL);
    q = tally_codebook_question(cb, 3); /* value per option */
    assert_option(&q->options[0], "x", -1.5, NULL);
    assert_option(&q->options[1], "y", 25, NULL);
    q = tally_codebook_question(cb, 4); /* codes, missing last */
    assert_true(q->other);
    assert_int_equal(q->n_options, 4);
    assert_string_equal(q->options[0].code, "01");
    assert_string_equal(q->options[1].code, "2.50");
    assert_option(&q->options[2], "Three", 3, NULL);
    assert_string_equal(q->options[3].label, "Refused");
    assert_string_equal(q->options[3].code, "-9");
    assert_true(q->options[3].missing);
    q = tally_codebook_question(cb, 5); /* unordered matrix */
    assert_false(q->ordered);
    assert_string_equal(q->items[0].text, "M1a");
    q = tally_codebook_question(cb, 6);
    assert_option(&q->options[0], "-99", NAN, NULL);
    round_trip(cb);
    tally_codebook_free(cb);
}

/* --- errors --------------------------------------------------------------- */

static int check_bad_case(const bad_case *c)
{
    tally_codebook *cb = NULL;
    tally_error err = {0};
    tally_status st = read_yaml(c->yaml, strlen(c->yaml), &cb, &err);
    if (st != c->status || err.line != c->line || err.column != c->column ||
        !strstr(err.message, c->message)) {
        print_error("input:\n%s\ngot %d at %ld:%ld: %s\nwant %d at "
                    "%ld:%ld: ...%s...\n",
                    c->yaml, st, err.line, err.column, err.message, c->status,
                    c->line, c->column, c->message);
        return 1;
    }
    assert_null(cb);
    assert_int_equal(err.code, c->status);
    assert_string_equal(err.file, "test.yaml");
    return 0;
}

static void test_errors(void **state)
{
    (void)state;
    int failures = 0;
    for (size_t i = 0; i < TALLY_ARRAY_SIZE(bad_cases); i++)
        failures += check_bad_case(&bad_cases[i]);
    assert_int_equal(failures, 0);
}

static long long failing_read(void *ctx, void *buf, size_t size)
{
    (void)ctx;
    (void)buf;
    (void)size;
    return -1;
}

/* NULL arguments, no error struct, an input that cannot be read. */
static void test_api_errors(void **state)
{
    (void)state;
    tally_codebook *cb = NULL;
    tally_io *io = NULL;
    tally_error err = {0};
    const char *text = "questions: []\n";
    assert_int_equal(tally_io_from_memory(text, strlen(text), NULL, &io,
                                          NULL),
                     TALLY_OK);
    assert_int_equal(tally_codebook_read_yaml(io, &cb, NULL),
                     TALLY_ERR_PARSE);
    assert_null(cb);
    assert_int_equal(tally_codebook_read_yaml(io, NULL, NULL),
                     TALLY_ERR_INVALID_ARG);
    assert_int_equal(tally_codebook_read_yaml(NULL, &cb, NULL),
                     TALLY_ERR_INVALID_ARG);
    tally_io_free(io);
    assert_int_equal(tally_io_from_callback(failing_read, NULL, "pipe", &io,
                                            &err),
                     TALLY_OK);
    assert_int_equal(tally_codebook_read_yaml(io, &cb, &err), TALLY_ERR_IO);
    assert_null(cb);
    tally_io_free(io);
}

/* UTF-16 with a byte order mark, as libyaml reads it. */
static void test_utf16(void **state)
{
    (void)state;
    static const char ascii[] = "questions: [{id: a, type: single, column: "
                                "a, options: [x], missing: []}]\n";
    char text[2 * sizeof ascii + 2] = {'\xff', '\xfe'};
    tally_codebook *cb = NULL;
    tally_error err = {0};
    for (size_t i = 0; ascii[i]; i++)
        text[2 + 2 * i] = ascii[i];
    assert_int_equal(read_yaml(text, 2 * strlen(ascii) + 2, &cb, &err),
                     TALLY_OK);
    assert_string_equal(tally_codebook_question(cb, 0)->options[0].label, "x");
    assert_int_equal(tally_codebook_question(cb, 0)->n_options, 1);
    tally_codebook_free(cb);
}

/* --- hostile input -------------------------------------------------------- */

static void expect_parse_error(const char *text, size_t len, const char *part)
{
    tally_codebook *cb = NULL;
    tally_error err = {0};
    assert_int_equal(read_yaml(text, len, &cb, &err), TALLY_ERR_PARSE);
    assert_null(cb);
    assert_true(err.line > 0 && err.column > 0);
    if (!strstr(err.message, part)) {
        print_error("message \"%s\" lacks \"%s\"\n", err.message, part);
        fail();
    }
}

static void test_billion_laughs(void **state)
{
    (void)state;
    char text[4096];
    size_t n = (size_t)snprintf(text, sizeof text, "a0: &a0 [lol, lol]\n");
    for (int i = 1; i < 30; i++)
        n += (size_t)snprintf(text + n, sizeof text - n,
                              "a%d: &a%d [*a%d, *a%d, *a%d]\n", i, i, i - 1,
                              i - 1, i - 1);
    snprintf(text + n, sizeof text - n, "questions: [*a29]\n");
    expect_parse_error(text, strlen(text), "anchors (&a0) are not allowed");
}

/* libyaml's scanner is quadratic in the depth of "[[[["; the depth limit
   stops it early. */
static void test_deep_nesting(void **state)
{
    (void)state;
    size_t depth = 200000, n = 0;
    char *text = malloc(2 * depth + 32);
    assert_non_null(text);
    n += (size_t)sprintf(text, "questions: ");
    for (size_t i = 0; i < depth; i++)
        text[n++] = i % 2 ? '{' : '[';
    text[n] = '\0';
    expect_parse_error(text, n, "nested more than 32 deep");
    free(text);
}

/* Many questions, and one question with many options: linear time. */
static void test_big_input(void **state)
{
    (void)state;
    size_t nq = 20000, no = 50000, cap = nq * 80 + no * 10 + 200, n = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    n += (size_t)snprintf(text, cap,
                          "questions:\n  - {id: big, type: "
                          "single, column: big, options: [o0");
    for (size_t i = 1; i < no; i++)
        n += (size_t)snprintf(text + n, cap - n, ", o%zu", i);
    n += (size_t)snprintf(text + n, cap - n, "]}\n");
    for (size_t i = 0; i < nq; i++)
        n += (size_t)snprintf(text + n, cap - n,
                              "  - {id: Q%zu, type: scale, column: c%zu, "
                              "options: [a, b, c]}\n",
                              i, i);
    tally_codebook *cb = read_ok(text);
    assert_int_equal(tally_codebook_question_count(cb), nq + 1);
    assert_int_equal(tally_codebook_question(cb, 0)->n_options, no);
    char *out = write_ok(cb);
    tally_codebook *back = read_ok(out);
    assert_same_codebook(cb, back);
    tally_codebook_free(back);
    tally_codebook_free(cb);
    free(out);
    free(text);
}

/* --- writing -------------------------------------------------------------- */

/* Labels that need quoting or escaping, or look like other YAML types. */
static const char *const awkward[] = {
    "Don't know", "Yes: always", "- none -", "\"quoted\"", "#1", "null",
    "true", "123", "  leading spaces", "trailing ", "line\nbreak",
    "Ünïcödé – ☃ 😀", "tab\there", "Yes", "No", "off", "~", "1e3", "0x1F",
    ".5", "-99", "2020-01-01", "1:30", ".inf", "[bracket]", "{brace}",
    "a, b", "* star", "&amp", "!bang", "%pct", "@at", "`tick", "|pipe",
    ">gt", "?", "-", ":", "x #y", "x: y", "back\\slash", "'single'",
    "cr\rlf", "nel\xc2\x85", "ls\xe2\x80\xa8", "a  b", "a\n\nb", "end\n",
    "\n", " ", "<<", "=", "bom\xef\xbb\xbf"};

/* A question with options o[0..n) (copied) and no items. */
static tally_question *add(tally_codebook *cb, const char *id,
                           tally_qtype type, const char *column,
                           const tally_option *o, size_t n)
{
    tally_question *q = tally__codebook_add(cb);
    assert_non_null(q);
    q->id = id;
    q->text = id;
    q->type = type;
    q->column = column;
    q->options = tally__cb_options(cb, o, n);
    q->n_options = n;
    return q;
}

static void set_items(tally_codebook *cb, tally_question *q,
                      const tally_item *items, size_t n)
{
    q->items = tally__cb_items(cb, items, n);
    q->n_items = n;
}

/* Q1 and M1: every awkward string as a label, code, column and text. */
static void add_awkward(tally_codebook *cb)
{
    enum { N = TALLY_ARRAY_SIZE(awkward) };
    tally_option o[N];
    tally_item it[N];
    char ids[N][16];
    for (size_t i = 0; i < N; i++) {
        o[i] = (tally_option){.label = awkward[i], .value = (double)i + 1};
        if (i % 3 == 1)
            o[i].code = awkward[N - 1 - i];
        snprintf(ids[i], sizeof ids[i], "M1_%zu", i);
        it[i] = (tally_item){ids[i], awkward[i], awkward[N - 1 - i]};
    }
    tally_question *q = add(cb, "Q1", TALLY_QTYPE_SINGLE,
                            "1. First question", o, N);
    q->text = "Line one\nLine two: \"quoted\" # not a comment\n";
    q->other = 1;
    q->section = "Part 1: A";
    q = add(cb, "M1", TALLY_QTYPE_MATRIX, NULL, o, 3);
    q->text = "true";
    q->section = "null";
    set_items(cb, q, it, N);
}

static const tally_option agree[] = {
    {.label = "Disagree", .value = -2}, {.label = "Neutral", .value = 0},
    {.label = "Agree", .value = 2.5},
    {.label = "Don't know", .code = "99", .value = NAN, .missing = 1},
    {.label = "N/A", .value = NAN, .missing = 1}};
static const tally_option digits[] = {
    {.label = "1", .value = 1}, {.label = "2", .value = 2},
    {.label = "3", .value = 3}};

/* Named scales: S1 adds a missing code of its own. */
static void add_scales(tally_codebook *cb)
{
    static const tally_item s2[] = {{"S2_1", "S2_1", "S2 [1]"}};
    assert_int_equal(tally__codebook_add_scale(cb, "agree", agree, 4), 0);
    assert_int_equal(tally__codebook_add_scale(cb, "true", digits, 3), 0);
    tally_question *q = add(cb, "S1", TALLY_QTYPE_SCALE, "S1", agree, 5);
    q->text = "Scale by name";
    q->ordered = 1;
    q->scale = "agree";
    q = add(cb, "S2", TALLY_QTYPE_MATRIX, NULL, digits, 3);
    q->ordered = 1;
    q->scale = "true";
    set_items(cb, q, s2, 1);
}

/* Values that need all 17 digits, and an unordered matrix. */
static void add_numbers(tally_codebook *cb)
{
    static const tally_option v[] = {
        {.label = "tenth", .value = 0.1},
        {.label = "third", .value = 1.0 / 3},
        {.label = "tiny", .value = 1e-300},
        {.label = "huge", .value = -1.7976931348623157e308},
        {.label = "big", .value = 123456789012345678.0},
        {.label = "dk", .value = NAN, .missing = 1}};
    static const tally_item it[] = {{"V_a", "A", "V_a"}, {"V_b", "B", "V_b"}};
    tally_question *q = add(cb, "V", TALLY_QTYPE_MATRIX, NULL, v, 6);
    q->ordered = 1;
    set_items(cb, q, it, 2);
    q = add(cb, "U", TALLY_QTYPE_MATRIX, NULL, digits, 3);
    set_items(cb, q, (tally_item[]){{"U_1", "U 1", "U_1"}}, 1);
}

static void add_multi(tally_codebook *cb)
{
    static const tally_option cols[] = {
        {.label = "Funding", .code = "1", .column = "Q6_1", .value = 1},
        {.label = "Partners", .column = "Q6 #2", .value = 2},
        {.label = "None", .column = "Q6_dk", .value = NAN, .missing = 1}};
    static const tally_option joined[] = {{.label = "a, b", .value = 1},
                                          {.label = "c", .value = 2}};
    static const tally_option one[] = {{.label = "c d", .value = 1}};
    add(cb, "Q6", TALLY_QTYPE_MULTI, NULL, cols, 3);
    tally_question *q = add(cb, "Q7", TALLY_QTYPE_MULTI, "Q7", joined, 2);
    q->separator = ", ";
    q->other = 1;
    q = add(cb, "Q7b", TALLY_QTYPE_MULTI, "Q7b", one, 1);
    q->separator = " ";
}

static void add_others(tally_codebook *cb)
{
    static const tally_option num[] = {
        {.label = "-99", .value = NAN, .missing = 1},
        {.label = "Don't know", .code = "-98", .value = NAN, .missing = 1}};
    add(cb, "N", TALLY_QTYPE_NUMERIC, "age", num, 2)->text = "Age";
    add(cb, "T", TALLY_QTYPE_TEXT, "T", NULL, 0)->text = "Comments";
    add(cb, "id", TALLY_QTYPE_META, "Respondent ID", NULL, 0);
}

static void test_round_trip_builder(void **state)
{
    (void)state;
    tally_codebook *cb = tally__codebook_new();
    assert_non_null(cb);
    cb->title = tally__cb_str(cb, "Survey: 2020 # \"final\"");
    cb->population = 1234.5;
    cb->weight = tally__cb_str(cb, "weight (raked)");
    cb->count = tally__cb_str(cb, "123");
    add_awkward(cb);
    add_scales(cb);
    add_numbers(cb);
    add_multi(cb);
    add_others(cb);
    assert_int_equal(tally__codebook_validate(cb, NULL), TALLY_OK);
    round_trip(cb);
    tally_codebook_free(cb);
}

/* The written text itself: layout of docs/codebook-format.md. */
static void test_layout(void **state)
{
    (void)state;
    tally_codebook *cb = read_ok(design_example);
    char *text = write_ok(cb);
    assert_int_equal(text[0], '#');
    assert_non_null(strstr(text, "\ntitle: NEASPEC stakeholder survey "
                                 "2020\npopulation: 480\nweight: wt\n"));
    assert_non_null(strstr(text, "    missing: [Don't know, N/A]\n"));
    assert_null(strstr(text, "values:")); /* 1..k is the default */
    assert_non_null(strstr(text, "  scale: performance\n"));
    assert_non_null(strstr(text, "  options: [Funding, Partnership with "
                                 "national stakeholders]\n"));
    assert_non_null(strstr(text, "  - label: Common vision\n"
                                 "    column: Q6_1\n"));
    assert_non_null(strstr(text, "  separator: ', '\n"));
    free(text);
    tally_codebook_free(cb);
    cb = read_ok("questions: [{id: a, type: scale, column: a, options: "
                 "[\"1\", \"true\", \"null\"], values: [0.1, 2, 3]}]\n");
    text = write_ok(cb);
    assert_non_null(strstr(text, "options: ['1', 'true', 'null']\n"));
    assert_non_null(strstr(text, "values: [0.1, 2, 3]\n"));
    free(text);
    /* A scale name without that scale: the options are written out. */
    cb->questions[0]->scale = "nowhere";
    text = write_ok(cb);
    assert_null(strstr(text, "scale:"));
    tally_codebook_free(cb);
    cb = read_ok(text);
    assert_null(tally_codebook_question(cb, 0)->scale);
    assert_int_equal(tally_codebook_question(cb, 0)->n_options, 3);
    free(text);
    tally_codebook_free(cb);
}

static void test_write_errors(void **state)
{
    (void)state;
    tally_codebook *cb = read_ok("questions: [{id: a, type: text, column: "
                                 "a}]\n");
    tally_buf *buf = tally_buf_new();
    tally_error err = {0};
    assert_int_equal(tally_buf_append(buf, "kept", 4), TALLY_OK);
    cb->questions[0]->text = "caf\xe9";
    assert_int_equal(tally_codebook_write_yaml(cb, buf, &err),
                     TALLY_ERR_ENCODING);
    assert_string_equal(err.message, "question a: a text is not valid UTF-8");
    assert_string_equal(tally_buf_data(buf), "kept");
    assert_int_equal(tally_codebook_write_yaml(NULL, buf, &err),
                     TALLY_ERR_INVALID_ARG);
    cb->questions[0]->text = "café";
    assert_int_equal(tally_codebook_write_yaml(cb, buf, NULL), TALLY_OK);
    assert_int_equal(strncmp(tally_buf_data(buf), "kept# tally", 11), 0);
    tally_buf_free(buf);
    tally_codebook_free(cb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_design_example),
        cmocka_unit_test(test_rules),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_api_errors),
        cmocka_unit_test(test_utf16),
        cmocka_unit_test(test_billion_laughs),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_big_input),
        cmocka_unit_test(test_round_trip_builder),
        cmocka_unit_test(test_layout),
        cmocka_unit_test(test_write_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
