/* Unit tests: UTF-8 validation, display width, label matching (utf8.c). */
#include "tally_test.h"
#include "utf8.h"

static void test_validation(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        int valid;
        size_t bad;
    } cases[] = {
        {"plain ascii text", 1, 0},
        {"D\xC3\xA9j\xC3\xA0 vu", 1, 0},
        {"\xE4\xB8\xAD\xE6\x96\x87", 1, 0},        /* CJK            */
        {"\xF0\x9F\x98\x80", 1, 0},                /* emoji U+1F600  */
        {"Caf\xE9", 0, 3},                         /* Windows-1252   */
        {"\xC0\xAF", 0, 0},                        /* overlong '/'   */
        {"ab\xED\xA0\x80", 0, 2},                  /* surrogate      */
        {"\xF4\x90\x80\x80", 0, 0},                /* > U+10FFFF     */
        {"12345678\xE2\x82", 0, 8},                /* truncated      */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t bad = 99;
        int v = tally__utf8_valid(cases[i].s, strlen(cases[i].s), &bad);
        assert_int_equal(v, cases[i].valid);
        if (!v)
            assert_int_equal(bad, cases[i].bad);
    }
}

static void test_width(void **state)
{
    (void)state;
    assert_int_equal(tally__utf8_width("abc", 3), 3);
    /* "Café" precomposed and with a combining acute accent. */
    assert_int_equal(tally__utf8_width("Caf\xC3\xA9", 5), 4);
    assert_int_equal(tally__utf8_width("Cafe\xCC\x81", 6), 4);
    /* Two CJK characters take four terminal columns. */
    assert_int_equal(tally__utf8_width("\xE4\xB8\xAD\xE6\x96\x87", 6), 4);
    /* Korean Hangul syllables are wide as well. */
    assert_int_equal(tally__utf8_width("\xED\x95\x9C", 3), 2);
    assert_int_equal(tally__utf8_count("D\xC3\xA9j\xC3\xA0", 6), 4);
}

static void test_label_key(void **state)
{
    (void)state;
    assert_true(tally__label_eq("Don't know", "DON\xE2\x80\x99T KNOW"));
    assert_true(tally__label_eq("  Strongly   agree ", "strongly agree"));
    assert_true(tally__label_eq("Agree\xC2\xA0", "agree"));
    assert_false(tally__label_eq("Agree", "Disagree"));
    char key[8];
    assert_int_equal(tally__label_key("far too long a label", key,
                                      sizeof key),
                     (size_t)-1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_validation),
        cmocka_unit_test(test_width),
        cmocka_unit_test(test_label_key),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
