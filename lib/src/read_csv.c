/*
 * read_csv.c: tally_read_csv(): encoding, delimiter, header, records,
 * and the checks that turn a text file into a raw table.
 *
 * Encoding (formats.md 1.3): a BOM decides; UTF-16 without a BOM is
 * recognised by its NUL bytes; otherwise the file is read as UTF-8, each
 * distinct value validated once, and on the first invalid byte read again
 * as Windows-1252 with a note naming where (unless --encoding forbids).
 */
#include <string.h>

#include "alloc.h"
#include "csv_records.h"
#include "encoding.h"
#include "io_internal.h"
#include "read_internal.h"

/* ASCII text in UTF-16 without a BOM has a NUL in every other byte. */
static tally_encoding sniff_utf16(const unsigned char *p, size_t n)
{
    size_t even = 0, odd = 0, m = n < 512 ? n & ~(size_t)1 : 512;
    if (m < 4)
        return TALLY_ENCODING_AUTO;
    for (size_t i = 0; i < m; i += 2) {
        even += p[i] == 0;
        odd += p[i + 1] == 0;
    }
    if (odd * 10 >= m / 2 * 9 && even == 0)
        return TALLY_ENCODING_UTF16LE;
    if (even * 10 >= m / 2 * 9 && odd == 0)
        return TALLY_ENCODING_UTF16BE;
    return TALLY_ENCODING_AUTO;
}

/* Excel's "sep=;" first line names the delimiter (and is not data). */
static size_t excel_sep_line(const unsigned char *p, size_t n,
                             unsigned char *delim)
{
    if (n < 5 || memcmp(p, "sep=", 4) != 0 || p[4] < 0x20)
        return 0;
    size_t i = 5;
    if (i < n && p[i] == '\r')
        i++;
    if (i < n && p[i] == '\n')
        i++;
    if (i == 5 && i < n)
        return 0;
    *delim = p[4];
    return i;
}

/* Number of fields in the header record; -1 on error (err set). */
static long count_header(const tally__csv *proto, size_t max_cols,
                         tally_error *err)
{
    tally__csv c = *proto;
    c.scratch = NULL;
    c.scratch_cap = 0;
    long n = 0;
    int term;
    tally_status st = TALLY_OK;
    do {
        const unsigned char *s;
        size_t len;
        st = tally__csv_field(&c, &s, &len, &term);
        if (st == TALLY_OK && (size_t)++n > max_cols)
            st = tally__fail_at(err, TALLY_ERR_LIMIT, c.file, 1,
                                tally__csv_column(&c, c.p),
                                "the header has more than %zu columns "
                                "(the limit can be raised with "
                                "--max-columns)",
                                max_cols);
    } while (st == TALLY_OK && term == TALLY__CSV_DELIM);
    tally__csv_destroy(&c);
    return st == TALLY_OK ? n : -1;
}

static tally_status read_header(tally__csvrec *r, tally_error *err)
{
    long n = count_header(&r->csv, r->opts.max_columns, err);
    if (n < 0)
        return err ? err->code : TALLY_ERR_PARSE;
    r->raw = tally__raw_new((size_t)n);
    if (!r->raw)
        return tally__nomem(err);
    r->raw->max_bytes = r->opts.max_memory;
    TALLY_TRY(tally__raw_budget(r->raw,
                                1024 * tally__raw_record_bytes(r->raw),
                                r->csv.file, 1, err));
    if (tally__raw_reserve(r->raw, 1024) != 0)
        return tally__nomem(err);
    r->raw->lines[0] = 1;
    TALLY_TRY(tally__csv_records_one(r));
    for (size_t c = 0; c < r->raw->ncols; c++)
        if (r->raw->cols[c].dict.count > 1)
            return TALLY_OK;
    return tally__fail_at(err, TALLY_ERR_PARSE, r->csv.file, 1, 1,
                          "the first line (the header row) is empty");
}

/* Columns at the right with no header and no data (a trailing delimiter
   on every line, or rows padded to 256 columns) are dropped. */
static void drop_empty_trailing_columns(tally_raw *raw)
{
    while (raw->ncols > 1 && raw->cols[raw->ncols - 1].dict.count == 1) {
        tally__rawcol *c = &raw->cols[--raw->ncols];
        tally__strdict_destroy(&c->dict);
        tally__free(c->ids);
        c->ids = NULL;
    }
}

static int only_blanks(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != '\n' && p[i] != '\r' && p[i] != ' ' && p[i] != '\t')
            return 0;
    return 1;
}

typedef struct attempt {
    const tally_io *io;      /* the mapped input, when parsing it as is */
    const unsigned char *io_base;
    const char *file;
    tally_encoding enc;
    int bom;
    tally_read_opts opts;
} attempt;

static tally_status set_source(tally_raw *raw, const attempt *a,
                               unsigned char delim, tally_error *err)
{
    raw->source.file = tally__arena_strdup(raw->arena, a->file);
    if (!raw->source.file)
        return tally__nomem(err);
    raw->source.format = "csv";
    raw->source.encoding = a->enc == TALLY_ENCODING_AUTO
                               ? TALLY_ENCODING_UTF8
                               : a->enc;
    raw->source.delimiter = (char)delim;
    raw->source.bom = a->bom;
    return TALLY_OK;
}

static tally_status parse(const attempt *a, const unsigned char *p,
                          size_t n, tally__csvrec *r, tally_error *err)
{
    if (only_blanks(p, n))
        return tally__fail_at(err, TALLY_ERR_PARSE, a->file, 1, 1,
                              "the file is empty: no header row");
    unsigned char delim = (unsigned char)a->opts.delimiter, sep = 0;
    size_t skip = excel_sep_line(p, n, &sep);
    if (!delim)
        delim = sep ? sep : tally__csv_sniff(p + skip, p + n);
    tally__csv_init(&r->csv, a->file, p + skip, p + n, delim,
                    a->opts.max_field_bytes, err);
    if (skip)
        r->csv.line = 2;
    r->opts = a->opts;
    r->check_utf8 = a->enc == TALLY_ENCODING_AUTO ||
                    a->enc == TALLY_ENCODING_UTF8;
    r->io = a->io;
    r->io_base = a->io_base;
    r->begin = r->released = p;
    r->max_records = a->opts.max_rows;
    TALLY_TRY(read_header(r, err));
    r->first_rec = 1;
    TALLY_TRY(tally__csv_read_data(r, a->opts.threads));
    drop_empty_trailing_columns(r->raw);
    if (tally__csv_notes(r) != 0 ||
        (skip && tally__raw_note(r->raw, "line 1 \"sep=%c\" (Excel's "
                                         "delimiter line) skipped",
                                 delim) != 0))
        return tally__nomem(err);
    return set_source(r->raw, a, delim, err);
}

/* Parse with a's encoding; bytes are converted to UTF-8 first unless they
   are UTF-8 already. */
static tally_status try_encoding(attempt *a, const unsigned char *data,
                                 size_t size, tally__csvrec *r,
                                 tally_error *err)
{
    unsigned char *utf8 = NULL;
    size_t n = size;
    const unsigned char *p = data;
    if (a->enc != TALLY_ENCODING_AUTO && a->enc != TALLY_ENCODING_UTF8) {
        TALLY_TRY(tally__to_utf8(a->enc, data, size, a->file, &utf8, &n,
                                 err));
        p = utf8;
        a->io = NULL;
    }
    /* The raw table keeps copies of its values, so utf8 can go. */
    tally_status st = parse(a, p, n, r, err);
    tally__csv_destroy(&r->csv);
    tally__free(utf8);
    return st;
}

static tally_status read_text(tally_io *io, const tally_read_opts *opts,
                              tally_raw **out, tally_error *err)
{
    const unsigned char *data;
    size_t size, bom_len;
    TALLY_TRY(tally__io_contents(io, &data, &size, err));
    attempt a = {io, data, tally_io_name(io), TALLY_ENCODING_AUTO, 0,
                 tally__read_defaults(opts)};
    tally_encoding bom = tally__bom_encoding(data, size, &bom_len);
    a.enc = a.opts.encoding ? a.opts.encoding
                            : bom ? bom : sniff_utf16(data, size);
    if (bom && bom != a.enc)
        bom_len = 0; /* a forced encoding keeps another encoding's BOM */
    a.bom = bom_len > 0;
    tally__csvrec r = {0};
    tally_status st = try_encoding(&a, data + bom_len, size - bom_len, &r,
                                   err);
    if (st == TALLY_ERR_ENCODING && r.bad_utf8 && !a.opts.encoding && !bom) {
        long line = r.bad_line, col = r.bad_col;
        tally_raw_free(r.raw);
        memset(&r, 0, sizeof r);
        a.enc = TALLY_ENCODING_WINDOWS_1252;
        tally__error_clear(err);
        st = try_encoding(&a, data, size, &r, err);
        if (st == TALLY_OK &&
            tally__raw_note(r.raw,
                            "not valid UTF-8 (first at line %ld, column "
                            "%ld): read as Windows-1252; use --encoding if "
                            "that is wrong",
                            line, col) != 0)
            st = tally__nomem(err);
    }
    if (st != TALLY_OK) {
        tally_raw_free(r.raw);
        return st;
    }
    *out = r.raw;
    return TALLY_OK;
}

tally_status tally_read_csv(tally_io *io, const tally_read_opts *opts,
                            tally_raw **out, tally_error *err)
{
    if (!out)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "no output pointer");
    *out = NULL;
    if (!io)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "no input");
    tally_raw *raw = NULL;
    TALLY_TRY(read_text(io, opts, &raw, err));
    tally_status st = tally__dialect_apply_opts(raw, opts, err);
    if (st != TALLY_OK) {
        tally_raw_free(raw);
        return st;
    }
    *out = raw;
    return TALLY_OK;
}
