/*
 * Unit tests: the xlsx writer (write_xlsx.c). What the workbook contains
 * is read back by tests/xlsx/check_workbook.py (label xlsx); here: status
 * codes, reproducible bytes, locale independence, sheet names.
 */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */

#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <unistd.h>

#include "tally_test.h"
#include "../xlsx/sample_tables.h"

static char tmpdir[] = "/tmp/tally_xlsx_XXXXXX";

static const char *tmp_path(const char *name)
{
    static char path[4][256];
    static int next;
    char *p = path[next++ % 4];
    snprintf(p, sizeof path[0], "%s/%s", tmpdir, name);
    return p;
}

/* The whole file; *size gets its length. */
static char *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *data = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n == cap) {
            cap = cap ? 2 * cap : 65536;
            data = realloc(data, cap);
            assert_non_null(data);
        }
        size_t got = fread(data + n, 1, cap - n, f);
        if (!got)
            break;
        n += got;
    }
    fclose(f);
    *size = n;
    return data;
}

static void write_sample(const char *path, long long created)
{
    tally_tables *ts = sample_tables();
    assert_non_null(ts);
    tally_write_opts opts = {.created = created};
    tally_error err = {0};
    tally_status st = tally_tables_write_xlsx(ts, path, &opts, &err);
    if (st != TALLY_OK)
        print_error("write failed: %s\n", err.message);
    assert_int_equal(st, TALLY_OK);
    tally_tables_free(ts);
}

static int same_file(const char *a, const char *b)
{
    size_t na, nb;
    char *da = slurp(a, &na), *db = slurp(b, &nb);
    int same = na == nb && memcmp(da, db, na) == 0;
    free(da);
    free(db);
    return same;
}

static void test_writes_zip(void **state)
{
    (void)state;
    const char *path = tmp_path("sample.xlsx");
    write_sample(path, SAMPLE_CREATED);
    size_t n;
    char *data = slurp(path, &n);
    assert_true(n > 1000);
    assert_memory_equal(data, "PK\x03\x04", 4);
    free(data);
}

static void test_reproducible(void **state)
{
    (void)state;
    const char *a = tmp_path("a.xlsx"), *b = tmp_path("b.xlsx");
    const char *c = tmp_path("c.xlsx");
    write_sample(a, SAMPLE_CREATED);
    write_sample(b, SAMPLE_CREATED);
    write_sample(c, SAMPLE_CREATED + 3600);
    assert_true(same_file(a, b));
    assert_false(same_file(a, c)); /* `created` does reach the file */
}

/* libxlsxwriter formats numbers with the thread's LC_NUMERIC ("0,5" in a
   decimal-comma locale): the writer must not depend on it. ctest points
   LOCPATH at a de_DE locale built with localedef when it can. */
static void test_locale_independent(void **state)
{
    (void)state;
    const char *c = tmp_path("c_locale.xlsx");
    const char *de = tmp_path("de_locale.xlsx");
    write_sample(c, SAMPLE_CREATED);
    if (!setlocale(LC_ALL, "de_DE.UTF-8")) {
        print_message("no de_DE.UTF-8 locale; skipped\n");
        skip();
    }
    assert_string_equal(localeconv()->decimal_point, ",");
    write_sample(de, SAMPLE_CREATED);
    setlocale(LC_ALL, "C");
    assert_true(same_file(c, de));
}

static void expect_failure(const char *path, tally_status want)
{
    tally_tables *ts = sample_tables();
    assert_non_null(ts);
    tally_error err = {0};
    assert_int_equal(tally_tables_write_xlsx(ts, path, NULL, &err), want);
    assert_int_equal(err.code, want);
    if (!strstr(err.message, path)) {
        print_error("message \"%s\" lacks the path\n", err.message);
        fail();
    }
    /* A NULL error buffer is allowed too. */
    assert_int_equal(tally_tables_write_xlsx(ts, path, NULL, NULL), want);
    tally_tables_free(ts);
}

static void test_unwritable(void **state)
{
    (void)state;
    expect_failure("/nonexistent-tally-dir/out.xlsx", TALLY_ERR_IO);
    expect_failure(tmpdir, TALLY_ERR_IO); /* a directory */
}

static void test_bad_args(void **state)
{
    (void)state;
    tally_tables *ts = tally_tables_new();
    assert_non_null(ts);
    tally_error err = {0};
    assert_int_equal(tally_tables_write_xlsx(NULL, tmp_path("x.xlsx"), NULL,
                                             &err),
                     TALLY_ERR_INVALID_ARG);
    assert_int_equal(tally_tables_write_xlsx(ts, NULL, NULL, &err),
                     TALLY_ERR_INVALID_ARG);
    /* No tables: a valid workbook with one empty sheet. */
    assert_int_equal(tally_tables_write_xlsx(ts, tmp_path("empty.xlsx"),
                                             NULL, &err),
                     TALLY_OK);
    tally_tables_free(ts);
}

/* Odd but valid tables: no columns, no rows, empty total rows, extreme
   decimals, multi-line and over-long text. */
static void test_degenerate(void **state)
{
    (void)state;
    tally_tables *ts = tally_tables_new();
    assert_non_null(ts);
    size_t big = 100000;
    char *huge = malloc(big + 1);
    assert_non_null(huge);
    memset(huge, 'x', big);
    huge[big] = '\0';
    assert_non_null(tally__table_new(ts, huge, "none", 0));
    assert_non_null(tally__table_new(ts, "No rows", "none", 3));
    tally_table *t = tally__table_new(ts, huge, "odd", 3);
    assert_non_null(t);
    tally_cell *row = tally__table_row(t, TALLY_ROW_TOTAL);
    assert_non_null(row);
    row = tally__table_row(t, TALLY_ROW_BODY);
    assert_non_null(row);
    assert_int_equal(tally__cell_text(ts, &row[0], "line 1\nline 2\n"
                                      "a much longer third line that wraps "
                                      "because it is wider than sixty "
                                      "columns of the widest possible A"),
                     0);
    tally__cell_num(&row[1], TALLY_CELL_COUNT, 1e300, 50);
    tally__cell_num(&row[2], TALLY_CELL_NUMBER, -1.5, -3);
    free(huge);
    for (int d = TALLY_DECIMALS_ZERO; d <= 30; d += 31) {
        tally_write_opts opts = {.decimals = d, .title = "odd"};
        tally_error err = {0};
        assert_int_equal(tally_tables_write_xlsx(ts, tmp_path("odd.xlsx"),
                                                 &opts, &err),
                         TALLY_OK);
    }
    tally_tables_free(ts);
}

/* More columns than Excel has. */
static void test_too_wide(void **state)
{
    (void)state;
    tally_tables *ts = tally_tables_new();
    assert_non_null(ts);
    assert_non_null(tally__table_new(ts, "wide", "wide", 16385));
    tally_error err = {0};
    assert_int_equal(tally_tables_write_xlsx(ts, tmp_path("wide.xlsx"), NULL,
                                             &err),
                     TALLY_ERR_LIMIT);
    tally_tables_free(ts);
}

/* Each name is made against the ones before it, packed as the writer
   packs them. */
static void test_sheet_names(void **state)
{
    (void)state;
    static const struct {
        const char *raw, *want;
    } cases[] = {
        {"Q1", "Q1"},
        {"q1", "q1 (2)"},                 /* Excel ignores case       */
        {"Q1", "Q1 (3)"},
        {"a/b\\c[d]e:f*g?h", "a_b_c_d_e_f_g_h"},
        {"''quoted''", "quoted"},
        {"", "Sheet 6"},                 /* its position */
        {"HISTORY", "HISTORY (2)"},       /* reserved by Excel        */
        {"tab\there", "tab_here"},
        {"0123456789012345678901234567890123", /* 34 -> 31 */
         "0123456789012345678901234567890"},
        {"0123456789012345678901234567890", /* same after the cut */
         "012345678901234567890123456 (2)"},
        {"\xC3\x89T\xC3\x89", "\xC3\x89T\xC3\x89"},
        {"\xC3\xA9t\xC3\xA9", "\xC3\xA9t\xC3\xA9 (2)"}, /* Latin-1 fold */
        /* 30 CJK characters then an emoji (2 UTF-16 units): cut. */
        {"\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD"
         "\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD"
         "\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD"
         "\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD"
         "\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD"
         "\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD"
         "\xF0\x9F\x98\x80",
         "\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD"
         "\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD"
         "\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD"
         "\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD"
         "\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD"
         "\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD\xE4\xB8\xAD"},
        {"bad\xFFname", "bad\xEF\xBF\xBDname"}, /* invalid UTF-8 */
        {"not\xEF\xBF\xBExml", "not_xml"},          /* U+FFFE */
    };
    enum { N = sizeof cases / sizeof cases[0] };
    static char taken[N * TALLY__SHEET_NAME_CAP];
    for (size_t i = 0; i < N; i++) {
        char *out = taken + i * TALLY__SHEET_NAME_CAP;
        tally__xlsx_sheet_name(cases[i].raw, i + 1, taken, i, out);
        assert_string_equal(out, cases[i].want);
    }
}

static int setup(void **state)
{
    (void)state;
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    static const char *const names[] = {
        "sample.xlsx", "a.xlsx", "b.xlsx", "c.xlsx", "c_locale.xlsx",
        "de_locale.xlsx", "empty.xlsx", "odd.xlsx", "wide.xlsx"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (unlink(tmp_path(names[i])) != 0 && errno != ENOENT)
            return -1;
    }
    return rmdir(tmpdir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_writes_zip),
        cmocka_unit_test(test_reproducible),
        cmocka_unit_test(test_locale_independent),
        cmocka_unit_test(test_unwritable),
        cmocka_unit_test(test_bad_args),
        cmocka_unit_test(test_degenerate),
        cmocka_unit_test(test_too_wide),
        cmocka_unit_test(test_sheet_names),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
