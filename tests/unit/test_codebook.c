/* Unit tests: the question model, validation and question lookup
   (codebook.c). */
#include "codebook_internal.h"
#include "tally_test.h"

static tally_codebook *sample(void)
{
    tally_codebook *cb = tally__codebook_new();
    assert_non_null(cb);
    tally_option grp[] = {{.label = "Expert", .value = 1},
                          {.label = "Partner", .value = 2}};
    tally_question *q = tally__codebook_add(cb);
    *q = (tally_question){.id = "Q1", .text = "Which stakeholder group?",
                          .type = TALLY_QTYPE_SINGLE, .column = "Q1",
                          .n_options = 2,
                          .options = tally__cb_options(cb, grp, 2)};
    tally_option perf[] = {{.label = "Low", .value = 1},
                           {.label = "High", .value = 2},
                           {.label = "Don't know", .value = NAN,
                            .missing = 1}};
    tally_item items[] = {{.id = "Q4_1", .text = "Goal 1", .column = "Q4_1"},
                          {.id = "Q4_2", .text = "Goal 2", .column = "Q4_2"}};
    q = tally__codebook_add(cb);
    *q = (tally_question){.id = "Q4", .text = "Performance against goals",
                          .type = TALLY_QTYPE_MATRIX, .ordered = 1,
                          .n_items = 2, .items = tally__cb_items(cb, items, 2),
                          .n_options = 3,
                          .options = tally__cb_options(cb, perf, 3)};
    q = tally__codebook_add(cb);
    *q = (tally_question){.id = "Q5", .text = "Performance of the secretariat",
                          .type = TALLY_QTYPE_SCALE, .ordered = 1,
                          .column = "Q5", .n_options = 3,
                          .options = tally__cb_options(cb, perf, 3)};
    assert_int_equal(tally__codebook_validate(cb, NULL), TALLY_OK);
    return cb;
}

static void test_find(void **state)
{
    (void)state;
    tally_codebook *cb = sample();
    size_t q, item;
    tally_error err = {0};
    assert_int_equal(tally_codebook_find(cb, "Q4", &q, &item, &err),
                     TALLY_OK);
    assert_int_equal(q, 1);
    assert_true(item == TALLY_ALL_ITEMS);
    assert_int_equal(tally_codebook_find(cb, "Q4_2", &q, &item, &err),
                     TALLY_OK);
    assert_int_equal(q, 1);
    assert_int_equal(item, 1);
    assert_int_equal(tally_codebook_find(cb, "q1", &q, &item, &err),
                     TALLY_OK);
    assert_int_equal(q, 0);
    assert_int_equal(tally_codebook_find(cb, "which  STAKEHOLDER", &q, &item,
                                         &err),
                     TALLY_OK);
    assert_int_equal(q, 0);
    assert_int_equal(tally_codebook_find(cb, "Performance", &q, &item, &err),
                     TALLY_ERR_NO_SUCH_VAR);
    assert_non_null(strstr(err.message, "matches 2 questions (Q4, Q5)"));
    assert_int_equal(tally_codebook_find(cb, "Q9", &q, &item, &err),
                     TALLY_ERR_NO_SUCH_VAR);
    assert_non_null(strstr(err.message, "Q1, Q4, Q5"));
    tally_codebook_free(cb);
}

static void test_validate(void **state)
{
    (void)state;
    tally_codebook *cb = sample();
    tally_question *q = cb->questions[2];
    tally_error err = {0};
    q->column = NULL;
    assert_int_equal(tally__codebook_validate(cb, &err), TALLY_ERR_CODEBOOK);
    assert_string_equal(err.message, "question Q5: no column");
    q->column = "Q5";
    q->id = "Q1";
    assert_int_equal(tally__codebook_validate(cb, &err), TALLY_ERR_CODEBOOK);
    assert_string_equal(err.message, "question Q1: the id is used twice");
    q->id = "Q5";
    tally_option dup[] = {{.label = "A", .value = 1},
                          {.label = "B", .value = 1}};
    q->options = dup;
    q->n_options = 2;
    assert_int_equal(tally__codebook_validate(cb, &err), TALLY_ERR_CODEBOOK);
    assert_non_null(strstr(err.message, "have the same value"));
    tally_codebook_free(cb);
}

static void test_copy_is_deep(void **state)
{
    (void)state;
    tally_codebook *cb = sample();
    tally_codebook *copy = tally__codebook_copy(cb);
    assert_non_null(copy);
    tally_codebook_free(cb);
    const tally_question *q = tally_codebook_question(copy, 1);
    assert_string_equal(q->items[1].column, "Q4_2");
    assert_string_equal(q->options[2].label, "Don't know");
    assert_true(q->options[2].missing);
    tally_codebook_free(copy);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_find),
        cmocka_unit_test(test_validate),
        cmocka_unit_test(test_copy_is_deep),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
