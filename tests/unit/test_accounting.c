/*
 * Unit tests: the accounting invariant (accounting.c). Every frequency
 * item keeps respondents = base + missing + no_answer and every crosstab
 * respondents = base + its four excluded counts; the library checks this
 * after each table and returns TALLY_ERR_INTERNAL when it fails. Here:
 * the check itself on broken tables, and every question of the sample
 * and of every real export in tests/fixtures, alone and by each single or
 * scale question, so that a violation anywhere fails loudly.
 */
#include <dirent.h>
#include <stdlib.h>

#include "tally_test.h"

#include "accounting.h"

static void test_check(void **state)
{
    (void)state;
    tally_error err;
    tally_freq_item it = {.id = "Q1", .respondents = 10, .base = 5,
                          .missing = 2, .no_answer = 3};
    assert_int_equal(tally__check_freq_item(&it, &err), TALLY_OK);
    it.respondents = 11;
    assert_int_equal(tally__check_freq_item(&it, &err), TALLY_ERR_INTERNAL);
    assert_non_null(strstr(err.message, "internal error: Q1: 11 "));
    it.respondents = NAN;
    assert_int_equal(tally__check_freq_item(&it, NULL), TALLY_ERR_INTERNAL);
    /* Weighted sums that differ in the last bits add up. */
    tally_freq_item w = {.id = "W", .respondents = 0.3, .base = 0.1,
                         .missing = 0.1, .no_answer = 0.1};
    assert_int_equal(tally__check_freq_item(&w, &err), TALLY_OK);

    tally_xtab_table t = {.row_id = "Q1", .col_id = "Q2", .respondents = 20,
                          .base = 10, .row_no_answer = 4, .row_missing = 3,
                          .col_no_answer = 2, .col_missing = 1};
    assert_int_equal(tally__check_xtab_table(&t, &err), TALLY_OK);
    t.col_missing = 0;
    assert_int_equal(tally__check_xtab_table(&t, &err), TALLY_ERR_INTERNAL);
    assert_non_null(strstr(err.message, "internal error: Q1 by Q2: 20 "));
}

static int tabulable(const tally_question *q)
{
    return q->type != TALLY_QTYPE_META;
}

static int banner(const tally_question *q)
{
    return q->type == TALLY_QTYPE_SINGLE || q->type == TALLY_QTYPE_SCALE;
}

/* Frequencies of every question, and crosstabs of every question by
   each of the first few banners; returns the number of tables. */
static size_t check_dataset(const tally_dataset *ds, const char *path)
{
    const tally_codebook *cb = tally_dataset_codebook(ds);
    size_t n = tally_codebook_question_count(cb), tables = 0, banners = 0;
    tally_error err;
    /* The counts, not the tests: no Monte Carlo Fisher per table. */
    tally_xtab_opts xo = {.fisher = TALLY_FISHER_NEVER};
    for (size_t i = 0; i < n; i++) {
        const tally_question *q = tally_codebook_question(cb, i);
        if (!tabulable(q))
            continue;
        tally_freq *f;
        tally_status st = tally_freq_compute(ds, i, TALLY_ALL_ITEMS, NULL,
                                             &f, &err);
        if (st != TALLY_OK)
            fail_msg("%s: %s: %s", path, q->id, err.message);
        for (size_t k = 0; k < tally_freq_item_count(f); k++)
            assert_int_equal(
                tally__check_freq_item(tally_freq_get_item(f, k), &err),
                TALLY_OK);
        tables += tally_freq_item_count(f);
        tally_freq_free(f);
    }
    for (size_t b = 0; b < n && banners < 3; b++) {
        if (!banner(tally_codebook_question(cb, b)))
            continue;
        banners++;
        for (size_t i = 0; i < n; i++) {
            tally_xtab *x;
            tally_status st = tally_xtab_compute(ds, i, TALLY_ALL_ITEMS, b,
                                                 TALLY_ALL_ITEMS, &xo, &x,
                                                 &err);
            if (st == TALLY_ERR_TYPE_MISMATCH || st == TALLY_ERR_INVALID_ARG)
                continue; /* text rows; banners of more than 64 groups */
            if (st != TALLY_OK)
                fail_msg("%s: %s by %s: %s", path,
                         tally_codebook_question(cb, i)->id,
                         tally_codebook_question(cb, b)->id, err.message);
            for (size_t k = 0; k < tally_xtab_table_count(x); k++)
                assert_int_equal(
                    tally__check_xtab_table(tally_xtab_get(x, k), &err),
                    TALLY_OK);
            tables += tally_xtab_table_count(x);
            tally_xtab_free(x);
        }
    }
    return tables;
}

static size_t check_file(const char *path, const char *codebook)
{
    tally_io *io = NULL, *cio = NULL;
    tally_raw *raw = NULL;
    tally_codebook *cb = NULL;
    tally_dataset *ds = NULL;
    tally_error err;
    if (tally_io_open_file(path, &io, &err) != TALLY_OK ||
        tally_read(io, NULL, &raw, &err) != TALLY_OK)
        fail_msg("%s: %s", path, err.message);
    tally_status st =
        codebook ? (tally_io_open_file(codebook, &cio, &err) == TALLY_OK
                        ? tally_codebook_read_yaml(cio, &cb, &err)
                        : TALLY_ERR_IO)
                 : tally_codebook_infer(raw, NULL, &cb, &err);
    if (st != TALLY_OK ||
        tally_dataset_build(raw, cb, NULL, &ds, &err) != TALLY_OK)
        fail_msg("%s: %s", path, err.message);
    size_t tables = check_dataset(ds, path);
    tally_dataset_free(ds);
    tally_codebook_free(cb);
    tally_raw_free(raw);
    tally_io_free(cio);
    tally_io_free(io);
    return tables;
}

static int export_name(const char *name)
{
    static const char *const ext[] = {".csv", ".tsv", ".xlsx", ".sav",
                                      ".zsav", ".dta"};
    size_t n = strlen(name);
    if (strstr(name, "xlsform") || strstr(name, "codebook"))
        return 0; /* forms, not exports */
    for (size_t i = 0; i < sizeof ext / sizeof *ext; i++) {
        size_t k = strlen(ext[i]);
        if (n > k && strcmp(name + n - k, ext[i]) == 0)
            return 1;
    }
    return 0;
}

static size_t check_dir(const char *dir, size_t *tables)
{
    DIR *d = opendir(dir);
    size_t files = 0;
    assert_non_null(d);
    for (struct dirent *e; (e = readdir(d));) {
        char path[1024];
        if (!export_name(e->d_name))
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        *tables += check_file(path, NULL);
        files++;
    }
    closedir(d);
    return files;
}

static void test_every_export(void **state)
{
    (void)state;
    static const char *const dirs[] = {
        "real-exports/google-forms", "real-exports/kobo-odk",
        "real-exports/limesurvey",   "real-exports/qualtrics",
        "real-exports/spss",         "real-exports/surveymonkey",
        "spss",                      "xlsx",
        "qualtrics"};
    size_t files = 0, tables = 0;
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
        char dir[512];
        snprintf(dir, sizeof dir, "%s/tests/fixtures/%s", TALLY_SOURCE_DIR,
                 dirs[i]);
        files += check_dir(dir, &tables);
    }
    assert_true(files >= 30);
    assert_true(tables >= 1000);
    char csv[512], yaml[512];
    snprintf(csv, sizeof csv, "%s/samples/neaspec-2020/responses.csv",
             TALLY_SOURCE_DIR);
    snprintf(yaml, sizeof yaml, "%s/samples/neaspec-2020/codebook.yaml",
             TALLY_SOURCE_DIR);
    assert_true(check_file(csv, yaml) > 20);
    assert_true(check_file(csv, NULL) > 20);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_check),
        cmocka_unit_test(test_every_export),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
