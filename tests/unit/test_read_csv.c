/* Unit tests: the CSV reader (read_csv.c, csv_scan.c, csv_records.c,
   csv_parallel.c, encoding.c). Every malformed input must fail with its
   line and column; every valid one must keep every row. */
#include <stdlib.h>

#include "tally_test.h"

/* Cells of a raw table joined as "a|b;c|d" (rows separated by ';'). */
static char *flatten(const tally_raw *raw)
{
    size_t cap = 1 << 16, n = 0;
    char *s = malloc(cap);
    assert_non_null(s);
    s[0] = '\0';
    for (size_t r = 0; r < tally_raw_rows(raw); r++)
        for (size_t c = 0; c < tally_raw_columns(raw); c++)
            n += (size_t)snprintf(s + n, cap - n, "%s%s",
                                  c ? "|" : (r ? ";" : ""),
                                  tally_raw_cell(raw, r, c));
    return s;
}

typedef struct good_case {
    const char *name;
    const char *text;
    size_t len;         /* 0: strlen(text)                       */
    const char *header; /* column names joined with '|'          */
    const char *cells;  /* flatten()                             */
    char delimiter;
    tally_encoding encoding;
    size_t notes;
} good_case;

#define S(x) x, sizeof(x) - 1

static const good_case good[] = {
    {"lf", "a,b\n1,2\n3,4\n", 0, "a|b", "1|2;3|4", ',',
     TALLY_ENCODING_UTF8, 0},
    {"crlf no final break", "a,b\r\n1,2\r\n3,4", 0, "a|b", "1|2;3|4", ',',
     TALLY_ENCODING_UTF8, 0},
    {"cr only (old Mac Excel)", "a,b\r1,2\r3,4\r", 0, "a|b", "1|2;3|4", ',',
     TALLY_ENCODING_UTF8, 0},
    {"quotes doubled and line breaks kept (CRLF becomes LF)",
     "a,b\r\n\"x \"\"y\"\"\",\"one\r\ntwo\"\r\n", 0, "a|b",
     "x \"y\"|one\ntwo", ',', TALLY_ENCODING_UTF8, 0},
    {"semicolons with commas inside fields",
     "Q1;Q2\r\n\"a, b\";c\r\nd;\"e, f\"\r\n", 0, "Q1|Q2", "a, b|c;d|e, f",
     ';', TALLY_ENCODING_UTF8, 0},
    {"tab separated", "Q1\tQ2\nx y\tz\n", 0, "Q1|Q2", "x y|z", '\t',
     TALLY_ENCODING_UTF8, 0},
    {"utf-8 bom", "\xEF\xBB\xBFQ1,Q2\nD\xC3\xA9j\xC3\xA0,2\n", 0, "Q1|Q2",
     "D\xC3\xA9j\xC3\xA0|2", ',', TALLY_ENCODING_UTF8, 0},
    {"utf-16le bom (Excel Unicode text)",
     S("\xFF\xFEQ\0001\0\t\0Q\0002\0\r\0\n\0\xE9\0x\0\t\0y\0\r\0\n\0"),
     "Q1|Q2", "\xC3\xA9x|y", '\t', TALLY_ENCODING_UTF16LE, 0},
    {"utf-16be bom", S("\xFE\xFF\0Q\0001\0,\0Q\0002\0\n\0a\0,\0b"), "Q1|Q2",
     "a|b", ',', TALLY_ENCODING_UTF16BE, 0},
    {"utf-16le without bom", S("Q\0001\0,\0Q\0002\0\n\0a\0,\0b\0\n\0"),
     "Q1|Q2", "a|b", ',', TALLY_ENCODING_UTF16LE, 0},
    {"windows-1252 fallback", "Q1,Q2\nCaf\xE9,\x93quoted\x94\n", 0,
     "Q1|Q2", "Caf\xC3\xA9|\xE2\x80\x9Cquoted\xE2\x80\x9D", ',',
     TALLY_ENCODING_WINDOWS_1252, 1},
    {"trailing delimiter on every line (legacy Qualtrics)",
     "a,b,\n1,2,\n3,4,\n", 0, "a|b", "1|2;3|4", ',', TALLY_ENCODING_UTF8,
     0},
    {"data rows one field longer, empty (onadata)", "a,b\n1,2,\n3,4,\n", 0,
     "a|b", "1|2;3|4", ',', TALLY_ENCODING_UTF8, 1},
    {"short row padded", "a,b,c\n1,2\n4,5,6\n", 0, "a|b|c", "1|2|;4|5|6",
     ',', TALLY_ENCODING_UTF8, 1},
    {"blank line inside skipped, blank lines at the end ignored",
     "a,b\n1,2\n\n3,4\n\n\n", 0, "a|b", "1|2;3|4", ',',
     TALLY_ENCODING_UTF8, 1},
    {"one column: a blank line is an empty answer", "Comment\nfine\n\nok\n",
     0, "Comment", "fine;;ok", ',', TALLY_ENCODING_UTF8, 0},
    {"excel sep= line", "sep=;\nQ1;Q2\n1;2\n", 0, "Q1|Q2", "1|2", ';',
     TALLY_ENCODING_UTF8, 1},
    {"empty and repeated headers", "Q,,Q\n1,2,3\n", 0, "Q|Column 2|Q (2)",
     "1|2|3", ',', TALLY_ENCODING_UTF8, 0},
    {"header only: zero respondents", "Q1,Q2\n", 0, "Q1|Q2", "", ',',
     TALLY_ENCODING_UTF8, 0},
    {"quoted empty and blank after closing quote", "a,b\n\"\",\"x\" \n", 0,
     "a|b", "|x", ',', TALLY_ENCODING_UTF8, 0},
    {"quote inside an unquoted field is kept", "a,b\n5\" screen,x\n", 0,
     "a|b", "5\" screen|x", ',', TALLY_ENCODING_UTF8, 0},
};

static void test_good_inputs(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        const good_case *g = &good[i];
        tally_io *io;
        tally_raw *raw;
        tally_error err = {0};
        size_t len = g->len ? g->len : strlen(g->text);
        assert_int_equal(tally_io_from_memory(g->text, len, g->name, &io,
                                              &err),
                         TALLY_OK);
        tally_status st = tally_read(io, NULL, &raw, &err);
        if (st != TALLY_OK)
            print_error("%s: %ld:%ld %s\n", g->name, err.line, err.column,
                        err.message);
        assert_int_equal(st, TALLY_OK);
        char header[256] = "";
        for (size_t c = 0, n = 0; c < tally_raw_columns(raw); c++)
            n += (size_t)snprintf(header + n, sizeof header - n, "%s%s",
                                  c ? "|" : "", tally_raw_column(raw, c)->name);
        char *cells = flatten(raw);
        if (strcmp(header, g->header) || strcmp(cells, g->cells))
            print_error("%s: header [%s] cells [%s]\n", g->name, header,
                        cells);
        assert_string_equal(header, g->header);
        assert_string_equal(cells, g->cells);
        assert_int_equal(tally_raw_source(raw)->delimiter, g->delimiter);
        assert_int_equal(tally_raw_source(raw)->encoding, g->encoding);
        assert_int_equal(tally_raw_note_count(raw), g->notes);
        free(cells);
        tally_raw_free(raw);
        tally_io_free(io);
    }
}

static void test_notes_name_lines(void **state)
{
    (void)state;
    tally_raw *raw = tally_test_csv("a,b\n1,2\n\n3,4\n\n5,6\n", NULL);
    assert_int_equal(tally_raw_note_count(raw), 1);
    assert_string_equal(tally_raw_note(raw, 0),
                        "2 blank line(s) skipped: lines 3, 5");
    assert_int_equal(tally_raw_line(raw, 2), 6);
    tally_raw_free(raw);

    raw = tally_test_csv("Q1,Q2\nCaf\xE9,x\n", NULL);
    assert_string_equal(tally_raw_note(raw, 0),
                        "not valid UTF-8 (first at line 2, column 4): read "
                        "as Windows-1252; use --encoding if that is wrong");
    tally_raw_free(raw);
}

static void test_line_numbers_after_multiline_fields(void **state)
{
    (void)state;
    tally_raw *raw =
        tally_test_csv("a,b\n1,\"x\ny\nz\"\n2,\"p\r\nq\"\n3,r\n", NULL);
    assert_int_equal(tally_raw_rows(raw), 3);
    assert_int_equal(tally_raw_line(raw, 0), 2);
    assert_int_equal(tally_raw_line(raw, 1), 5);
    assert_int_equal(tally_raw_line(raw, 2), 7);
    tally_raw_free(raw);
}

/* A quoted field with doubled quotes is unescaped into a scratch buffer
   of its own size; the value cache must not compare sixteen bytes there
   (found by fuzz_csv: a heap overflow read). The same values repeat, so
   that the cache is hit from the scratch buffer; the input is on the
   heap and padded, as in the fuzzer, so that the scratch buffer lies
   more than sixteen bytes before its end. */
static void test_unescaped_field_hits_value_cache(void **state)
{
    (void)state;
    const char *head = "Q1,Q2\nab,x\n\"a\"\"\",x\n\"a\"\"\",y\n"
                       "ab,\"\"\"z\"\n";
    size_t n = strlen(head), pad = 4000;
    char *text = malloc(n + pad + 1);
    assert_non_null(text);
    memcpy(text, head, n);
    for (size_t i = 0; i < pad; i += 4)
        memcpy(text + n + i, "c,d\n", 4);
    text[n + pad] = '\0';
    tally_raw *raw = tally_test_csv(text, NULL);
    assert_int_equal(tally_raw_rows(raw), 4 + pad / 4);
    assert_string_equal(tally_raw_cell(raw, 1, 0), "a\"");
    assert_string_equal(tally_raw_cell(raw, 2, 0), "a\"");
    assert_string_equal(tally_raw_cell(raw, 3, 0), "ab");
    assert_string_equal(tally_raw_cell(raw, 3, 1), "\"z");
    tally_raw_free(raw);
    free(text);
}

static void test_malformed_inputs(void **state)
{
    (void)state;
    tally_test_csv_error(S("Q1,Q2\n1,\"abc\n"), TALLY_ERR_PARSE, 2, 3,
                         "never closed");
    tally_test_csv_error(S("Q1,Q2\n1,2\n3,4,5\n"), TALLY_ERR_PARSE, 3, 5,
                         "more fields than the header");
    tally_test_csv_error(S("Q1,Q2\n1,2\x00\n"), TALLY_ERR_PARSE, 2, 4,
                         "NUL byte");
    tally_test_csv_error(S("Q1,Q2\n\xC3\xA9\x01,2\n"), TALLY_ERR_PARSE, 2, 2,
                         "control character U+0001");
    tally_test_csv_error(S(""), TALLY_ERR_PARSE, 1, 1, "empty");
    tally_test_csv_error(S("\xEF\xBB\xBF"), TALLY_ERR_PARSE, 1, 1, "empty");
    tally_test_csv_error(S("\n\n"), TALLY_ERR_PARSE, 1, 1, "empty");
    tally_test_csv_error(S(",,\n1,2,3\n"), TALLY_ERR_PARSE, 1, 1,
                         "header row) is empty");
    tally_test_csv_error(S("Q1,Q2\n\"ab\"c,d\n"), TALLY_ERR_PARSE, 2, 5,
                         "after a closing quote");
    tally_test_csv_error(S("\xFF\xFEQ\0\n\0\x00\xD8x\0"), TALLY_ERR_ENCODING,
                         2, 1, "unpaired high surrogate");
    /* Binary data (an ELF header): its first control byte. */
    tally_test_csv_error(S("\x7F" "ELF\x02\x01\x01\x00\x00"),
                         TALLY_ERR_PARSE, 1, 5, "control character U+0002");
}

static void test_encoding_forced(void **state)
{
    (void)state;
    const char text[] = "Q1\nCaf\xE9\n";
    tally_io *io;
    tally_raw *raw;
    tally_error err = {0};
    tally_read_opts o = {.encoding = TALLY_ENCODING_UTF8};
    assert_int_equal(tally_io_from_memory(text, strlen(text), "f.csv", &io,
                                          NULL),
                     TALLY_OK);
    assert_int_equal(tally_read(io, &o, &raw, &err), TALLY_ERR_ENCODING);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 4);
    tally_io_free(io);
}

static void test_limits(void **state)
{
    (void)state;
    const char text[] = "Q1,Q2\nshort,this field is long\n1,2\n3,4\n";
    tally_io *io;
    tally_raw *raw;
    tally_error err = {0};
    assert_int_equal(tally_io_from_memory(text, strlen(text), "f.csv", &io,
                                          NULL),
                     TALLY_OK);
    tally_read_opts o = {.max_field_bytes = 10};
    assert_int_equal(tally_read(io, &o, &raw, &err), TALLY_ERR_LIMIT);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 7);
    o = (tally_read_opts){.max_columns = 1};
    assert_int_equal(tally_read(io, &o, &raw, &err), TALLY_ERR_LIMIT);
    assert_int_equal(err.line, 1);
    o = (tally_read_opts){.max_rows = 2};
    assert_int_equal(tally_read(io, &o, &raw, &err), TALLY_ERR_LIMIT);
    assert_int_equal(err.line, 4);
    assert_non_null(strstr(err.message, "--max-rows"));
    tally_io_free(io);
}

/* A large file (above the parallel threshold) with quoted line breaks,
   doubled quotes and many distinct values; `stray` puts an unbalanced
   quote in an unquoted field near the start, which upsets the quote
   parity the split relies on. */
static char *big_csv(size_t *len, int stray)
{
    size_t cap = (size_t)48 << 20, n = 0;
    char *s = malloc(cap);
    assert_non_null(s);
    n += (size_t)sprintf(s, "id,scale,open\n");
    for (unsigned i = 0; n < cap - 200; i++) {
        const char *lab[] = {"Agree", "Disagree", "Neutral", ""};
        if (stray && i == 10)
            n += (size_t)sprintf(s + n, "%u,5\" tall,plain\n", i);
        else if (i % 7 == 0)
            n += (size_t)sprintf(s + n, "%u,%s,\"line %u\nnext \"\"q\"\"\"\n",
                                 i, lab[i % 4], i % 1000);
        else
            n += (size_t)sprintf(s + n, "%u,%s,text %u\n", i, lab[i % 4],
                                 i % 5000);
    }
    *len = n;
    return s;
}

static void compare_parallel(int stray)
{
    size_t len;
    char *text = big_csv(&len, stray);
    tally_raw *raw[2];
    for (int t = 0; t < 2; t++) {
        tally_io *io;
        tally_read_opts o = {.threads = t ? 2 : 1};
        assert_int_equal(tally_io_from_memory(text, len, "big.csv", &io,
                                              NULL),
                         TALLY_OK);
        assert_int_equal(tally_read(io, &o, &raw[t], NULL), TALLY_OK);
        tally_io_free(io);
    }
    assert_int_equal(tally_raw_rows(raw[0]), tally_raw_rows(raw[1]));
    for (size_t r = 0; r < tally_raw_rows(raw[0]); r++) {
        assert_int_equal(tally_raw_line(raw[0], r), tally_raw_line(raw[1], r));
        for (size_t c = 0; c < 3; c++)
            assert_string_equal(tally_raw_cell(raw[0], r, c),
                                tally_raw_cell(raw[1], r, c));
    }
    tally_raw_free(raw[0]);
    tally_raw_free(raw[1]);
    free(text);
}

static void test_parallel_equals_sequential(void **state)
{
    (void)state;
    compare_parallel(0);
    compare_parallel(1);
}

static void test_parallel_error_line(void **state)
{
    (void)state;
    size_t len;
    char *text = big_csv(&len, 0);
    /* An unterminated quote in the last record (read by the second
       thread) is reported at its true line and column. */
    memcpy(text + len, "9,a,\"x", 6);
    len += 6;
    long lines = 1;
    for (size_t i = 0; i < len; i++)
        lines += text[i] == '\n';
    long col = 5;
    tally_io *io;
    tally_raw *raw;
    tally_error err = {0};
    tally_read_opts o = {.threads = 2};
    assert_int_equal(tally_io_from_memory(text, len, "big.csv", &io, NULL),
                     TALLY_OK);
    assert_int_equal(tally_read(io, &o, &raw, &err), TALLY_ERR_PARSE);
    assert_int_equal(err.line, lines);
    assert_int_equal(err.column, col);
    tally_io_free(io);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_inputs),
        cmocka_unit_test(test_notes_name_lines),
        cmocka_unit_test(test_line_numbers_after_multiline_fields),
        cmocka_unit_test(test_unescaped_field_hits_value_cache),
        cmocka_unit_test(test_malformed_inputs),
        cmocka_unit_test(test_encoding_forced),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_parallel_equals_sequential),
        cmocka_unit_test(test_parallel_error_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
