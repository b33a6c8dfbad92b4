/* Unit tests: the text, CSV and Markdown writers (write_text.c,
   write_csv.c, write_md.c) on a table built with the internal builder. */
#include <math.h>
#include <stdlib.h>

#include "table_internal.h"
#include "tally_test.h"

static tally_tables *sample(void)
{
    tally_tables *ts = tally_tables_new();
    assert_non_null(ts);
    tally_table *t = tally__table_new(ts, "Q1. Country", "Q1", 3);
    assert_non_null(t);
    assert_int_equal(tally__table_header(ts, t, 0, "Answer"), 0);
    assert_int_equal(tally__table_header(ts, t, 1, "Count"), 0);
    assert_int_equal(tally__table_header(ts, t, 2, "%"), 0);
    assert_int_equal(tally__table_subtitle(ts, t, "Base: 3"), 0);
    const char *labels[] = {"\xE4\xB8\xAD\xE5\x9B\xBD", /* CJK, width 4 */
                            "Caf\xC3\xA9 | *bold*", "=cmd()"};
    const double counts[] = {1, 10, 100};
    for (size_t i = 0; i < 3; i++) {
        tally_cell *row = tally__table_row(t, TALLY_ROW_BODY);
        assert_non_null(row);
        assert_int_equal(tally__cell_text(ts, &row[0], labels[i]), 0);
        tally__cell_num(&row[1], TALLY_CELL_COUNT, counts[i], 0);
        tally__cell_num(&row[2], TALLY_CELL_PERCENT,
                        i == 2 ? NAN : counts[i] / 1.11, 0);
    }
    assert_int_equal(tally__table_footnote(ts, t, "a note"), 0);
    return ts;
}

static char *render(tally_status (*w)(const tally_tables *,
                                      const tally_write_opts *, tally_buf *,
                                      tally_error *),
                    const tally_write_opts *o)
{
    tally_tables *ts = sample();
    tally_buf *b = tally_buf_new();
    assert_int_equal(w(ts, o, b, NULL), TALLY_OK);
    char *s = malloc(tally_buf_size(b) + 1);
    assert_non_null(s);
    memcpy(s, tally_buf_data(b), tally_buf_size(b) + 1);
    tally_buf_free(b);
    tally_tables_free(ts);
    return s;
}

static void test_text_aligns_by_display_width(void **state)
{
    (void)state;
    char *s = render(tally_tables_write_text, NULL);
    /* The CJK label is 6 bytes but 4 columns wide: numbers still line up,
       the NaN percentage is blank, no line ends in blanks. */
    assert_string_equal(s, "Q1. Country\n"
                           "Base: 3\n"
                           "\n"
                           "Answer         Count    %\n"
                           "-------------------------\n"
                           "\xE4\xB8\xAD\xE5\x9B\xBD         "
                           "      1  0.9\n"
                           "Caf\xC3\xA9 | *bold*     10  9.0\n"
                           "=cmd()           100\n"
                           "\n"
                           "a note\n");
    free(s);
}

/* A label with a line break or a tab is shown on one line, and its
   column is as wide as what is shown (found by fuzz_yaml: the width was
   measured before the tab became a blank, the padding wrapped around
   and the writer ran out of memory). */
static void test_text_label_with_line_break(void **state)
{
    (void)state;
    tally_tables *ts = tally_tables_new();
    assert_non_null(ts);
    tally_table *t = tally__table_new(ts, "Q", "Q", 2);
    assert_non_null(t);
    const char *labels[] = {"a\tb", "two\nlines"};
    for (size_t i = 0; i < 2; i++) {
        tally_cell *row = tally__table_row(t, TALLY_ROW_BODY);
        assert_non_null(row);
        assert_int_equal(tally__cell_text(ts, &row[0], labels[i]), 0);
        tally__cell_num(&row[1], TALLY_CELL_COUNT, (double)i + 1, 0);
    }
    tally_buf *b = tally_buf_new();
    assert_int_equal(tally_tables_write_text(ts, NULL, b, NULL), TALLY_OK);
    assert_string_equal(tally_buf_data(b), "Q\n"
                                           "\n"
                                           "a b        1\n"
                                           "two lines  2\n");
    tally_buf_free(b);
    tally_tables_free(ts);
}

static void test_csv_quotes_and_neutralises(void **state)
{
    (void)state;
    char *s = render(tally_tables_write_csv, NULL);
    assert_string_equal(s, "Q1. Country\r\n"
                           "Base: 3\r\n"
                           "Answer,Count,%\r\n"
                           "\xE4\xB8\xAD\xE5\x9B\xBD,1,0.9009009009009008"
                           "\r\n"
                           "Caf\xC3\xA9 | *bold*,10,9.009009009009008\r\n"
                           "'=cmd(),100,\r\n"
                           "a note\r\n");
    free(s);
    tally_write_opts raw = {.raw_csv = 1};
    s = render(tally_tables_write_csv, &raw);
    assert_non_null(strstr(s, "\r\n=cmd(),100,\r\n"));
    free(s);
}

static void test_markdown_escapes(void **state)
{
    (void)state;
    tally_write_opts two = {.decimals = 2};
    char *s = render(tally_tables_write_md, &two);
    assert_string_equal(s, "### Q1. Country\n\n"
                           "Base: 3\n\n"
                           "| Answer | Count | % |\n"
                           "|:---|---:|---:|\n"
                           "| \xE4\xB8\xAD\xE5\x9B\xBD | 1 | 0.90 |\n"
                           "| Caf\xC3\xA9 \\| \\*bold\\* | 10 | 9.01 |\n"
                           "| =cmd() | 100 |  |\n"
                           "\na note\n");
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_aligns_by_display_width),
        cmocka_unit_test(test_text_label_with_line_break),
        cmocka_unit_test(test_csv_quotes_and_neutralises),
        cmocka_unit_test(test_markdown_escapes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
