/*
 * fuzz_common.c: read options, invariants and rendering shared by the
 * fuzz targets (fuzz.h).
 */
#include "fuzz.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Questions tabulated per input at most: enough for every seed, and
   keeps one execution fast. */
#define FUZZ_MAX_QUESTIONS 40

void fuzz_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("invariant broken: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

tally_read_opts fuzz_read_opts(void)
{
    tally_read_opts o = {0};
    o.threads = 1;
    o.max_field_bytes = 1u << 20;
    o.max_columns = 4096;
    o.max_rows = 100000;
    o.max_unzip_bytes = 16u << 20;
    return o;
}

/* a == b within 1e-9 of the larger magnitude (and of 1). */
static int close_to(double a, double b)
{
    double scale = fmax(1.0, fmax(fabs(a), fabs(b)));
    return fabs(a - b) <= 1e-9 * scale;
}

static int single_choice(const tally_freq *f)
{
    tally_qtype t = tally_freq_type(f);
    return t == TALLY_QTYPE_SINGLE || t == TALLY_QTYPE_SCALE ||
           t == TALLY_QTYPE_MATRIX;
}

static void check_item(const tally_freq *f, const tally_freq_item *it)
{
    double pct = 0, valid = 0, missing = 0;
    if (!close_to(it->base + it->missing + it->no_answer, it->respondents))
        fuzz_fail("%s: base %.17g + missing %.17g + no answer %.17g != "
                  "respondents %.17g", it->id, it->base, it->missing,
                  it->no_answer, it->respondents);
    if (!single_choice(f))
        return;
    for (size_t c = 0; c < it->n_categories; c++) {
        const tally_category *cat = &it->categories[c];
        if (cat->missing) {
            missing += cat->count;
        } else {
            valid += cat->count;
            pct += cat->percent;
        }
    }
    if (!close_to(valid, it->base))
        fuzz_fail("%s: categories count %.17g, base %.17g", it->id, valid,
                  it->base);
    if (!close_to(missing, it->missing))
        fuzz_fail("%s: missing codes count %.17g, missing %.17g", it->id,
                  missing, it->missing);
    if (it->base > 0 && !close_to(pct, 100.0))
        fuzz_fail("%s: percentages add up to %.17g", it->id, pct);
}

void fuzz_check_freq(const tally_freq *f)
{
    for (size_t i = 0; i < tally_freq_item_count(f); i++)
        check_item(f, tally_freq_get_item(f, i));
}

void fuzz_check_xtab(const tally_xtab *x)
{
    for (size_t i = 0; i < tally_xtab_table_count(x); i++) {
        const tally_xtab_table *t = tally_xtab_get(x, i);
        double out = t->row_no_answer + t->row_missing + t->col_no_answer +
                     t->col_missing;
        if (!close_to(t->base + out, t->respondents))
            fuzz_fail("xtab %s by %s: base %.17g + excluded %.17g != "
                      "respondents %.17g", t->row_id, t->col_id, t->base,
                      out, t->respondents);
    }
}

static void check_json(tally_buf *b, const char *what)
{
    if (!fuzz_json_valid(tally_buf_data(b), tally_buf_size(b)))
        fuzz_fail("%s JSON does not parse: %s", what, tally_buf_data(b));
}

void fuzz_render(const tally_tables *ts)
{
    static char path[64];
    tally_write_opts wo = {.created = 1};
    tally_buf *b = tally_buf_new();
    tally_error err = {0};
    tally_status st;
    if (!b)
        return;
    if (tally_tables_write_text(ts, &wo, b, &err) != TALLY_OK ||
        tally_tables_write_csv(ts, &wo, b, &err) != TALLY_OK ||
        tally_tables_write_md(ts, &wo, b, &err) != TALLY_OK)
        fuzz_fail("a text writer failed: %s", err.message);
    tally_buf_free(b);
    if (!path[0])
        snprintf(path, sizeof path, "/tmp/tally-fuzz-%ld.xlsx",
                 (long)getpid());
    st = tally_tables_write_xlsx(ts, path, &wo, &err);
    if (st != TALLY_OK && st != TALLY_ERR_LIMIT)
        fuzz_fail("xlsx writer: %s: %s", tally_strerror(st), err.message);
    unlink(path);
}

static void tabulate_freq(const tally_dataset *ds, size_t q,
                          tally_tables *ts, tally_buf *json)
{
    tally_freq *f = NULL;
    tally_error err = {0};
    tally_status st = tally_freq_compute(ds, q, TALLY_ALL_ITEMS, NULL, &f,
                                         &err);
    if (st != TALLY_OK)
        fuzz_fail("freq of question %zu: %s", q, err.message);
    fuzz_check_freq(f);
    tally_buf_clear(json);
    if (tally_freq_write_json((const tally_freq *const *)&f, 1, json,
                              &err) != TALLY_OK)
        fuzz_fail("freq JSON: %s", err.message);
    check_json(json, "freq");
    if (tally_freq_add_tables(f, NULL, ts, &err) != TALLY_OK)
        fuzz_fail("freq tables: %s", err.message);
    tally_freq_free(f);
}

static void tabulate_xtab(const tally_dataset *ds, size_t row, size_t col,
                          tally_tables *ts, tally_buf *json)
{
    tally_xtab *x = NULL;
    tally_error err = {0};
    const tally_question *by =
        tally_codebook_question(tally_dataset_codebook(ds), col);
    tally_status st = tally_xtab_compute(ds, row, TALLY_ALL_ITEMS, col,
                                         TALLY_ALL_ITEMS, NULL, &x, &err);
    if (st == TALLY_ERR_INVALID_ARG && by->n_options > 64)
        return; /* the column letters' limit, said in err */
    if (st != TALLY_OK)
        fuzz_fail("xtab %zu by %zu: %s", row, col, err.message);
    fuzz_check_xtab(x);
    tally_buf_clear(json);
    if (tally_xtab_write_json((const tally_xtab *const *)&x, 1, json,
                              &err) != TALLY_OK)
        fuzz_fail("xtab JSON: %s", err.message);
    check_json(json, "xtab");
    if (tally_xtab_add_tables(x, NULL, ts, &err) != TALLY_OK)
        fuzz_fail("xtab tables: %s", err.message);
    tally_xtab_free(x);
}

void fuzz_tabulate(const tally_dataset *ds)
{
    const tally_codebook *cb = tally_dataset_codebook(ds);
    size_t nq = tally_codebook_question_count(cb);
    size_t cat[2], ncat = 0;
    tally_tables *ts = tally_tables_new();
    tally_buf *json = tally_buf_new();
    if (!ts || !json)
        goto done;
    if (nq > FUZZ_MAX_QUESTIONS)
        nq = FUZZ_MAX_QUESTIONS;
    for (size_t q = 0; q < nq; q++) {
        const tally_question *qu = tally_codebook_question(cb, q);
        if (qu->type == TALLY_QTYPE_META)
            continue;
        tabulate_freq(ds, q, ts, json);
        if (ncat < 2 && (qu->type == TALLY_QTYPE_SINGLE ||
                         qu->type == TALLY_QTYPE_SCALE))
            cat[ncat++] = q;
    }
    if (ncat == 2)
        tabulate_xtab(ds, cat[0], cat[1], ts, json);
    fuzz_render(ts);
done:
    tally_buf_free(json);
    tally_tables_free(ts);
}

void fuzz_check_error(tally_status st, const tally_error *err)
{
    if (err->code != st)
        fuzz_fail("status %d but err.code %d (%s)", (int)st, (int)err->code,
                  err->message);
    if (!err->message[0])
        fuzz_fail("status %s without a message", tally_strerror(st));
}

void fuzz_walk_raw(const tally_raw *raw)
{
    const tally_source *src = tally_raw_source(raw);
    size_t rows = tally_raw_rows(raw), cols = tally_raw_columns(raw);
    size_t sum = 0;
    for (size_t h = 0; h < src->header_rows; h++)
        for (size_t c = 0; c < cols; c++)
            if (!tally_raw_header(raw, h, c))
                fuzz_fail("header %zu,%zu is NULL", h, c);
    for (size_t c = 0; c < cols; c++) {
        const tally_column *col = tally_raw_column(raw, c);
        size_t back;
        if (!col || !col->name)
            fuzz_fail("column %zu has no name", c);
        if (tally_raw_find_column(raw, col->name, &back) != TALLY_OK ||
            back != c)
            fuzz_fail("column name '%s' is not unique", col->name);
        sum += strlen(col->text ? col->text : "");
    }
    for (size_t r = 0; r < rows; r++) {
        for (size_t c = 0; c < cols; c++) {
            const char *cell = tally_raw_cell(raw, r, c);
            if (!cell)
                fuzz_fail("cell %zu,%zu is NULL", r, c);
            sum += strlen(cell);
        }
        if (tally_raw_line(raw, r) < 1)
            fuzz_fail("row %zu has line %ld", r, tally_raw_line(raw, r));
    }
    for (size_t i = 0; i < tally_raw_note_count(raw); i++)
        sum += strlen(tally_raw_note(raw, i));
    (void)sum;
}

tally_raw *fuzz_read(const uint8_t *data, size_t size, int csv)
{
    tally_read_opts o = fuzz_read_opts();
    tally_error err = {0};
    tally_io *io = NULL;
    tally_raw *raw = NULL;
    tally_status st;
    if (tally_io_from_memory(data, size, "fuzz", &io, &err) != TALLY_OK)
        return NULL;
    st = csv ? tally_read_csv(io, &o, &raw, &err)
             : tally_read(io, &o, &raw, &err);
    tally_io_free(io);
    if (st != TALLY_OK) {
        if (raw)
            fuzz_fail("failed read left a table");
        fuzz_check_error(st, &err);
        return NULL;
    }
    fuzz_walk_raw(raw);
    return raw;
}

tally_dataset *fuzz_infer_dataset(const tally_raw *raw)
{
    tally_codebook *cb = NULL;
    tally_dataset *ds = NULL;
    tally_error err = {0};
    tally_status st = tally_codebook_infer(raw, NULL, &cb, &err);
    if (st != TALLY_OK) {
        if (st != TALLY_ERR_NOMEM && st != TALLY_ERR_LIMIT)
            fuzz_fail("infer: %s: %s", tally_strerror(st), err.message);
        return NULL;
    }
    st = tally_dataset_build(raw, cb, NULL, &ds, &err);
    tally_codebook_free(cb);
    if (st != TALLY_OK && st != TALLY_ERR_NOMEM && st != TALLY_ERR_LIMIT)
        fuzz_fail("the inferred codebook does not fit its table: %s: %s",
                  tally_strerror(st), err.message);
    return ds;
}

/* Columns named as in the seeds of fuzz_yaml and fuzz_where. */
static const char fixed_csv[] =
    "Q1,Q2,Q3_1,Q3_2,Q4,Q5,Q6,w\n"
    "Yes,Agree,Agree,Disagree,\"Red, Blue\",3,fine,1\n"
    "No,Strongly agree,Neither agree nor disagree,Agree,Blue,5,,2\n"
    "Don't know,Disagree,,Strongly disagree,,1,ok,0.5\n"
    "Yes,Neither agree nor disagree,Strongly agree,Neither agree nor "
    "disagree,Red,,x,1\n"
    ",Strongly disagree,Disagree,Agree,\"Green, Red\",2,,1\n"
    "No,Agree,Agree,Agree,Green,4,\"a, b\",3\n";

const tally_raw *fuzz_fixed_raw(void)
{
    static tally_raw *raw;
    if (!raw) {
        raw = fuzz_read((const uint8_t *)fixed_csv, sizeof fixed_csv - 1, 1);
        if (!raw)
            fuzz_fail("the fixed table does not read");
    }
    return raw;
}

static tally_codebook *yaml_back(const tally_buf *y)
{
    tally_codebook *cb = NULL;
    tally_io *io = NULL;
    tally_error err = {0};
    tally_status st;
    if (tally_io_from_memory(tally_buf_data(y), tally_buf_size(y),
                             "written.yaml", &io, &err) != TALLY_OK)
        return NULL;
    st = tally_codebook_read_yaml(io, &cb, &err);
    tally_io_free(io);
    if (st != TALLY_OK && st != TALLY_ERR_NOMEM)
        fuzz_fail("written codebook does not read back: %s (line %ld)\n%s",
                  err.message, err.line, tally_buf_data(y));
    return cb;
}

void fuzz_yaml_roundtrip(const tally_codebook *cb, const tally_raw *raw,
                         int strict)
{
    tally_buf *y1 = tally_buf_new(), *y2 = tally_buf_new();
    tally_codebook *back = NULL;
    tally_dataset *ds = NULL;
    tally_error err = {0};
    tally_status st;
    if (!y1 || !y2)
        goto done;
    st = tally_codebook_write_yaml(cb, y1, &err);
    if (st != TALLY_OK && (strict || st != TALLY_ERR_ENCODING))
        fuzz_fail("codebook does not write: %s", err.message);
    if (st != TALLY_OK || !(back = yaml_back(y1)))
        goto done;
    if (tally_codebook_write_yaml(back, y2, &err) != TALLY_OK)
        fuzz_fail("codebook read back does not write: %s", err.message);
    if (tally_buf_size(y1) != tally_buf_size(y2) ||
        memcmp(tally_buf_data(y1), tally_buf_data(y2), tally_buf_size(y1)))
        fuzz_fail("YAML round trip changed the codebook:\n%s\n---\n%s",
                  tally_buf_data(y1), tally_buf_data(y2));
    if (raw && tally_dataset_build(raw, back, NULL, &ds, &err) != TALLY_OK)
        fuzz_fail("codebook read back does not fit the table: %s",
                  err.message);
done:
    tally_dataset_free(ds);
    tally_codebook_free(back);
    tally_buf_free(y1);
    tally_buf_free(y2);
}
