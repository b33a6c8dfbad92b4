/*
 * Unit tests: the XLSX reader (read_xlsx.c, xlsx_sheet.c, xlsx_value.c,
 * xml.c, zip.c). Fixtures: the .xlsx files of tests/fixtures/xlsx, made by
 * make_fixtures.py (openpyxl 3.0.9), and real exports copied byte for
 * byte from ../shared/real-exports (tests/fixtures/real-exports).
 */
#include "read_test.h"

/* cells.xlsx: every kind of cell; the values as openpyxl reads them back
   are in make_fixtures.py. */
static void test_cells(void **state)
{
    (void)state;
    tally_raw *raw = must_read("xlsx/cells.xlsx", NULL);
    const tally_source *src = tally_raw_source(raw);
    assert_string_equal(src->format, "xlsx");
    assert_string_equal(src->sheet, "Responses");
    assert_int_equal(tally_raw_columns(raw), 10);
    assert_int_equal(tally_raw_rows(raw), 3);
    const char *header[] = {"Id", "Name", "Score", "Ratio", "Big",
                            "Ok", "When", "Day", "Time", "Note"};
    for (size_t c = 0; c < 10; c++)
        assert_string_equal(tally_raw_header(raw, 0, c), header[c]);
    /* Shared strings, integers without ".0", the shortest round trip,
       booleans, a date-time, a date, a time, an empty cell. */
    const char *row2[] = {"1", "Ana", "42", "0.1", "1e+21", "TRUE",
                          "2019-05-10 14:03:07", "2019-05-10", "09:30:00",
                          ""};
    /* 2/3 needs 16 digits; serial 61 is 1900-03-01 (after Excel's
       fictitious 1900-02-29); an inline string. */
    const char *row3[] = {"2", "Bo", "3", "0.6666666666666666", "-0.5",
                          "FALSE", "2020-02-29 00:00:00", "1900-03-01",
                          "23:59:59", "INLINE"};
    /* Sheet row 5 is sparse; rich text runs are joined, the phonetic
       run left out and _x000D_ decoded. */
    const char *row5[] = {"3", "", "", "1234567.125", "", "", "", "", "",
                          "rich text\rend"};
    for (size_t c = 0; c < 10; c++) {
        assert_cell(raw, 0, c, row2[c]);
        assert_cell(raw, 1, c, row3[c]);
        assert_cell(raw, 2, c, row5[c]);
    }
    /* Lines are sheet rows; the empty row 4 is noted. */
    assert_int_equal(tally_raw_line(raw, 0), 2);
    assert_int_equal(tally_raw_line(raw, 2), 5);
    assert_int_equal(tally_raw_note_count(raw), 1);
    assert_string_equal(tally_raw_note(raw, 0),
                        "skipped 1 empty row of sheet \"Responses\": 4");
    tally_raw_free(raw);
}

static void test_named_sheet(void **state)
{
    (void)state;
    tally_read_opts o = {.sheet = "Other"};
    tally_raw *raw = must_read("xlsx/cells.xlsx", &o);
    assert_string_equal(tally_raw_source(raw)->sheet, "Other");
    assert_int_equal(tally_raw_columns(raw), 2);
    assert_int_equal(tally_raw_rows(raw), 1);
    assert_string_equal(tally_raw_header(raw, 0, 1), "Q2");
    assert_cell(raw, 0, 0, "Agree");
    tally_raw_free(raw);

    tally_error err;
    o.sheet = "Nope";
    assert_int_equal(read_fixture("xlsx/cells.xlsx", &o, &raw, &err),
                     TALLY_ERR_NO_SUCH_VAR);
    assert_null(raw);
    assert_mentions(err.message, "no sheet \"Nope\"; its sheets are "
                                 "\"Responses\", \"Other\"");
}

/* The 1904 date system: serial 1 is 1904-01-02. */
static void test_1904(void **state)
{
    (void)state;
    tally_raw *raw = must_read("xlsx/mac1904.xlsx", NULL);
    assert_cell(raw, 0, 0, "2019-05-10 14:03:07");
    assert_cell(raw, 1, 0, "1904-01-02");
    tally_raw_free(raw);
}

/* Google Forms' XLSX and CSV downloads of the same responses give the
   same cells, except the Timestamp: the CSV has "12/13/2019 12:02:32"
   (M/D/YYYY, seconds rounded), the XLSX a serial number with
   milliseconds (12:02:31.994) and the format m/d/yyyy h:mm:ss, which
   tally writes as "2019-12-13 12:02:32". Checked with openpyxl too:
   339 rows (header included) x 52 columns in both. */
static void iso_from_us(const char *us, char *iso)
{
    int m, d, y, h, mi, s;
    assert_int_equal(sscanf(us, "%d/%d/%d %d:%d:%d", &m, &d, &y, &h, &mi,
                            &s),
                     6);
    sprintf(iso, "%04d-%02d-%02d %02d:%02d:%02d", y, m, d, h, mi, s);
}

static void test_google_forms_same_as_csv(void **state)
{
    (void)state;
    const char *dir = "real-exports/google-forms/";
    char x_path[256], c_path[256], iso[32];
    snprintf(x_path, sizeof x_path, "%sgf_rcs2019_es_form_responses.xlsx",
             dir);
    snprintf(c_path, sizeof c_path, "%sgf_rcs2019_es_form_responses.csv",
             dir);
    tally_raw *x = must_read(x_path, NULL);
    tally_raw *c = must_read(c_path, NULL);
    assert_int_equal(tally_raw_rows(x), 338);
    assert_int_equal(tally_raw_columns(x), 52);
    assert_int_equal(tally_raw_rows(c), tally_raw_rows(x));
    assert_int_equal(tally_raw_columns(c), tally_raw_columns(x));
    assert_int_equal(tally_raw_source(x)->dialect,
                     TALLY_DIALECT_GOOGLE_FORMS);
    for (size_t k = 0; k < 52; k++)
        assert_string_equal(tally_raw_header(x, 0, k),
                            tally_raw_header(c, 0, k));
    for (size_t r = 0; r < 338; r++) {
        iso_from_us(tally_raw_cell(c, r, 0), iso);
        assert_string_equal(tally_raw_cell(x, r, 0), iso);
        for (size_t k = 1; k < 52; k++)
            assert_string_equal(tally_raw_cell(x, r, k),
                                tally_raw_cell(c, r, k));
    }
    tally_raw_free(x);
    tally_raw_free(c);
}

/* KoboToolbox's XLSX export: booleans for the select_multiple options.
   openpyxl: 5 rows x 30 columns; A3 "ambulance bicycle", B3 True,
   D3 False. */
static void test_kobo_export(void **state)
{
    (void)state;
    tally_raw *raw =
        must_read("real-exports/kobo-odk/kobocat_transportation_export.xlsx",
                  NULL);
    assert_string_equal(tally_raw_source(raw)->sheet,
                        "transportation_2011_07_25");
    assert_int_equal(tally_raw_rows(raw), 4);
    assert_int_equal(tally_raw_columns(raw), 30);
    assert_string_equal(tally_raw_header(raw, 0, 1),
                        "transport/available_transportation_types_to_"
                        "referral_facility/ambulance");
    assert_cell(raw, 1, 0, "ambulance bicycle");
    assert_cell(raw, 1, 1, "TRUE");
    assert_cell(raw, 1, 3, "FALSE");
    tally_raw_free(raw);
}

/* An XLSForm: three sheets. openpyxl: survey 73 x 10 (A2 "start"),
   choices 112 x 5 (C2 "Observed", D2 "Наблюдал(а)"), settings 2 x 4
   (D2 "21 (2022-06-28 08:43:23)"). */
static void test_xlsform_sheets(void **state)
{
    (void)state;
    const char *f = "real-exports/kobo-odk/kobo_xlsform_artifact_codebook.xlsx";
    tally_raw *raw = must_read(f, NULL);
    assert_string_equal(tally_raw_source(raw)->sheet, "survey");
    assert_int_equal(tally_raw_rows(raw), 72);
    assert_cell(raw, 0, 0, "start");
    tally_raw_free(raw);
    tally_read_opts o = {.sheet = "choices"};
    raw = must_read(f, &o);
    assert_int_equal(tally_raw_rows(raw), 111);
    assert_int_equal(tally_raw_columns(raw), 5);
    assert_cell(raw, 0, 2, "Observed");
    assert_cell(raw, 0, 3, "\xD0\x9D\xD0\xB0\xD0\xB1\xD0\xBB\xD1\x8E\xD0"
                           "\xB4\xD0\xB0\xD0\xBB(\xD0\xB0)");
    tally_raw_free(raw);
    o.sheet = "settings";
    raw = must_read(f, &o);
    assert_int_equal(tally_raw_rows(raw), 1);
    assert_cell(raw, 0, 3, "21 (2022-06-28 08:43:23)");
    tally_raw_free(raw);
}

/* Where the sheet part of cells.xlsx starts its compressed data. */
static size_t sheet_data_offset(const unsigned char *p, size_t n)
{
    const char *name = "xl/worksheets/sheet1.xml";
    for (size_t i = 0; i + 30 < n; i++)
        if (!memcmp(p + i, "PK\003\004", 4) &&
            !memcmp(p + i + 30, name, strlen(name)))
            return i + 30 + strlen(name) + (size_t)(p[i + 28] | p[i + 29] << 8);
    fail();
    return 0;
}

static void test_damaged(void **state)
{
    (void)state;
    size_t n;
    unsigned char *p = slurp("xlsx/cells.xlsx", &n);
    tally_raw *raw;
    tally_error err;
    /* Cut in half: the central directory is gone. */
    assert_int_equal(read_bytes(p, n / 2, "cut.xlsx", NULL, &raw, &err),
                     TALLY_ERR_PARSE);
    assert_null(raw);
    assert_string_equal(err.file, "cut.xlsx");
    assert_mentions(err.message, "not a readable ZIP archive");
    /* A damaged byte in the sheet's deflated data. */
    size_t at = sheet_data_offset(p, n) + 40;
    p[at] ^= 0x55;
    assert_int_equal(read_bytes(p, n, "bad.xlsx", NULL, &raw, &err),
                     TALLY_ERR_PARSE);
    assert_null(raw);
    assert_string_equal(err.file, "bad.xlsx");
    free(p);
    /* Well-formed zip, broken XML. */
    assert_int_equal(read_fixture("zip/bad_xml.xlsx", NULL, &raw, &err),
                     TALLY_ERR_PARSE);
    assert_mentions(err.message, "xl/worksheets/sheet1.xml is not "
                                 "well-formed XML");
}

/* Limits apply to workbooks as to CSV. */
static void test_limits(void **state)
{
    (void)state;
    tally_raw *raw;
    tally_error err;
    tally_read_opts o = {.max_columns = 5};
    assert_int_equal(read_fixture("xlsx/cells.xlsx", &o, &raw, &err),
                     TALLY_ERR_LIMIT);
    assert_mentions(err.message, "sheet \"Responses\", cell F1: beyond the "
                                 "column limit");
    assert_int_equal(err.line, 1);
    assert_int_equal(err.column, 6);
    o = (tally_read_opts){.max_rows = 2};
    assert_int_equal(read_fixture("xlsx/cells.xlsx", &o, &raw, &err),
                     TALLY_ERR_LIMIT);
    assert_int_equal(err.line, 5);
    o = (tally_read_opts){.max_field_bytes = 4};
    assert_int_equal(read_fixture("xlsx/cells.xlsx", &o, &raw, &err),
                     TALLY_ERR_LIMIT);
    o = (tally_read_opts){.max_unzip_bytes = 1000};
    assert_int_equal(read_fixture("xlsx/cells.xlsx", &o, &raw, &err),
                     TALLY_ERR_LIMIT);
    assert_mentions(err.message, "more than the limit of 1000 bytes");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cells),
        cmocka_unit_test(test_named_sheet),
        cmocka_unit_test(test_1904),
        cmocka_unit_test(test_google_forms_same_as_csv),
        cmocka_unit_test(test_kobo_export),
        cmocka_unit_test(test_xlsform_sheets),
        cmocka_unit_test(test_damaged),
        cmocka_unit_test(test_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
