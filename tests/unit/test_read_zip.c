/*
 * Unit tests: a .zip download that wraps one export (read_zip.c) and the
 * size checks of zip.c. Fixtures: tests/fixtures/zip, made by
 * make_fixtures.py (what each archive holds is listed there).
 */
#include <time.h>

#include "read_test.h"

static void test_wrapped_csv(void **state)
{
    (void)state;
    tally_raw *raw = must_read("zip/wrapped.zip", NULL);
    const tally_source *s = tally_raw_source(raw);
    assert_string_equal(s->format, "csv");
    assert_string_equal(s->member, "Survey_Results/responses.csv");
    assert_string_equal(s->file, fixture("zip/wrapped.zip"));
    assert_int_equal(tally_raw_rows(raw), 3);
    assert_cell(raw, 1, 0, "Disagree");
    assert_cell(raw, 2, 1, "5");
    tally_raw_free(raw);
}

static void test_wrapped_xlsx(void **state)
{
    (void)state;
    tally_raw *raw = must_read("zip/wrapped_xlsx.zip", NULL);
    const tally_source *s = tally_raw_source(raw);
    assert_string_equal(s->format, "xlsx");
    assert_string_equal(s->member, "responses.xlsx");
    assert_string_equal(s->sheet, "Sheet1");
    assert_int_equal(tally_raw_rows(raw), 5);
    assert_cell(raw, 2, 0, "Strongly agree");
    tally_raw_free(raw);
}

typedef struct bad_case {
    const char *file;
    tally_status status;
    const char *part;
} bad_case;

static void test_refused(void **state)
{
    (void)state;
    static const bad_case cases[] = {
        {"zip/two.zip", TALLY_ERR_UNSUPPORTED,
         "holds 2 files (responses.csv, repeat_group.csv)"},
        {"zip/nested.zip", TALLY_ERR_UNSUPPORTED,
         "inner.zip inside the archive is another archive"},
        {"zip/bomb.zip", TALLY_ERR_LIMIT,
         "would unpack 20971520 bytes from 20387: compressed more than "
         "200 to 1"},
        {"zip/claims.zip", TALLY_ERR_LIMIT,
         "would unpack to 3221225472 bytes, more than the limit"},
        {"zip/lying.zip", TALLY_ERR_PARSE,
         "does not inflate to the 100 bytes its header declares"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tally_raw *raw;
        tally_error err;
        clock_t t0 = clock();
        assert_int_equal(read_fixture(cases[i].file, NULL, &raw, &err),
                         cases[i].status);
        /* Refused before inflating: well under a second. */
        assert_true(clock() - t0 < CLOCKS_PER_SEC / 2);
        assert_null(raw);
        assert_string_equal(err.file, fixture(cases[i].file));
        assert_mentions(err.message, cases[i].part);
    }
}

/* The caps come from the options. The ratio applies only above 1 MiB, so
   the small wrapped workbook still reads with a ratio of 1. */
static void test_caps_from_options(void **state)
{
    (void)state;
    tally_raw *raw;
    tally_error err;
    tally_read_opts o = {.max_unzip_ratio = 1};
    raw = must_read("zip/wrapped_xlsx.zip", &o);
    tally_raw_free(raw);
    o = (tally_read_opts){.max_unzip_bytes = 10};
    assert_int_equal(read_fixture("zip/wrapped.zip", &o, &raw, &err),
                     TALLY_ERR_LIMIT);
    o = (tally_read_opts){.max_unzip_ratio = 2000};
    /* With the ratio allowed, the 20 MiB of NULs are inflated and the CSV
       reader says what they are; the error names the member. */
    char member[1100];
    snprintf(member, sizeof member, "%s/responses.csv",
             fixture("zip/bomb.zip"));
    assert_int_equal(read_fixture("zip/bomb.zip", &o, &raw, &err),
                     TALLY_ERR_PARSE);
    assert_string_equal(err.file, member);
    assert_mentions(err.message, "NUL byte");
}

/* Bytes that start like a zip but are not one. */
static void test_garbage(void **state)
{
    (void)state;
    static const char junk[] = "PK\003\004 this is not an archive at all";
    tally_raw *raw;
    tally_error err;
    assert_int_equal(read_bytes(junk, sizeof junk - 1, "junk.zip", NULL,
                                &raw, &err),
                     TALLY_ERR_PARSE);
    assert_string_equal(err.file, "junk.zip");
    assert_mentions(err.message, "not a readable ZIP archive");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wrapped_csv),
        cmocka_unit_test(test_wrapped_xlsx),
        cmocka_unit_test(test_refused),
        cmocka_unit_test(test_caps_from_options),
        cmocka_unit_test(test_garbage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
