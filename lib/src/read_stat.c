/*
 * read_stat.c: SPSS .sav/.zsav/.por and Stata .dta files through
 * ReadStat (formats.md 7.2), from the bytes the tally_io holds.
 *
 * Variables become columns with the variable name as header; each case
 * a data row whose "line" is its case number. Values become text: numbers
 * as the shortest text that reads back the same, dates (by the
 * variable's format) as ISO text, system-missing as an empty cell (no
 * answer). The dictionary (variable labels, value labels, user-missing
 * values, measure) becomes each column's tally__declared
 * (read_stat_dict.c), and the cells of labelled values their label.
 *
 * ReadStat calls back value labels before the data for SPSS but after it
 * for Stata, so the cells are relabelled once everything is read.
 * Nothing is allocated from the case count a header declares: records
 * grow as cases arrive, up to tally_read_opts.max_rows.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <readstat.h>

#include "alloc.h"
#include "raw_build.h"
#include "read_stat.h"
#include "xlsx.h"

/* --- ReadStat's IO over memory -------------------------------------------- */

typedef struct mem {
    const unsigned char *p;
    size_t n, pos;
} mem;

static int mem_open(const char *path, void *ctx)
{
    (void)path;
    ((mem *)ctx)->pos = 0;
    return 0; /* any non-negative descriptor */
}

static int mem_close(void *ctx)
{
    (void)ctx;
    return 0;
}

static readstat_off_t mem_seek(readstat_off_t off, readstat_io_flags_t whence,
                               void *ctx)
{
    mem *m = ctx;
    readstat_off_t base = whence == READSTAT_SEEK_SET   ? 0
                          : whence == READSTAT_SEEK_CUR ? (readstat_off_t)m->pos
                                                        : (readstat_off_t)m->n;
    /* off comes from the file: compare without overflowing. */
    if (off < -base || off > (readstat_off_t)m->n - base)
        return -1;
    m->pos = (size_t)(base + off);
    return (readstat_off_t)m->pos;
}

static ssize_t mem_read(void *buf, size_t n, void *ctx)
{
    mem *m = ctx;
    size_t k = n < m->n - m->pos ? n : m->n - m->pos;
    if (k) /* ReadStat may ask for 0 bytes into a NULL buffer */
        memcpy(buf, m->p + m->pos, k);
    m->pos += k;
    return (ssize_t)k;
}

static readstat_error_t mem_update(long size, readstat_progress_handler fn,
                                   void *user, void *ctx)
{
    (void)size;
    (void)fn;
    (void)user;
    (void)ctx;
    return READSTAT_OK;
}

/* --- callbacks ------------------------------------------------------------ */

static int fail_limit(tally__stat *s, const char *what, size_t limit,
                      const char *option)
{
    s->st = tally__fail_at(s->err, TALLY_ERR_LIMIT, s->file, 0, 0,
                           "more %s than the limit of %zu (it can be "
                           "raised with --%s)",
                           what, limit, option);
    return READSTAT_HANDLER_ABORT;
}

static int nomem(tally__stat *s)
{
    s->st = tally__nomem(s->err);
    return READSTAT_HANDLER_ABORT;
}

/* A copy of a string value without the blanks SPSS pads it with. */
static const char *rtrim_dup(tally__stat *s, const char *text)
{
    size_t n = text ? strlen(text) : 0;
    while (n && text[n - 1] == ' ')
        n--;
    return text ? tally__arena_strndup(s->raw->arena, text, n) : NULL;
}

static int on_label(const char *set, readstat_value_t value, const char *label,
                    void *ctx)
{
    tally__stat *s = ctx;
    if (TALLY__GROW(s->labels, s->labels_cap, s->n_labels + 1) != 0)
        return nomem(s);
    tally__stat_label *l = &s->labels[s->n_labels];
    char text[64];
    int numeric =
        readstat_value_type_class(value) == READSTAT_TYPE_CLASS_NUMERIC;
    if (numeric && readstat_value_is_tagged_missing(value))
        return READSTAT_HANDLER_OK; /* Stata .a-.z: read as no answer */
    if (!label || !*label)
        return READSTAT_HANDLER_OK; /* labels nothing: the code shows */
    if (numeric)
        tally__xlsx_number(readstat_double_value(value), text, sizeof text);
    /* Codes and labels go to the table's arena: its columns keep them. */
    l->set = tally__arena_strdup(s->a, set);
    l->code = numeric ? tally__arena_strdup(s->raw->arena, text)
                      : rtrim_dup(s, readstat_string_value(value));
    l->value = numeric ? readstat_double_value(value) : NAN;
    l->label = tally__arena_strdup(s->raw->arena, label);
    if (!l->set || !l->code || !l->label)
        return nomem(s);
    s->n_labels++;
    return READSTAT_HANDLER_OK;
}

/* What a variable's format says about its numbers. */
static tally__stat_time time_kind(const char *format, tally__stat_kind kind)
{
    static const char *const spss_dates[] = {"DATE", "ADATE", "EDATE",
                                             "JDATE", "SDATE", "MOYR",
                                             "QYR", "WKYR"};
    if (!format)
        return TALLY__STAT_NUMBER;
    if (kind == TALLY__STAT_DTA)
        return !strncmp(format, "%td", 3) || !strncmp(format, "%d", 2)
                   ? TALLY__STAT_DAYS_1960
               : !strncasecmp(format, "%tc", 3) ? TALLY__STAT_MS_1960
                                                : TALLY__STAT_NUMBER;
    if (!strncmp(format, "DATETIME", 8) || !strncmp(format, "YMDHMS", 6))
        return TALLY__STAT_SPSS_DATETIME;
    if (!strncmp(format, "TIME", 4) || !strncmp(format, "DTIME", 5))
        return TALLY__STAT_SPSS_TIME;
    for (size_t i = 0; i < TALLY_ARRAY_SIZE(spss_dates); i++)
        if (!strncmp(format, spss_dates[i], strlen(spss_dates[i])))
            return TALLY__STAT_SPSS_DATE;
    return TALLY__STAT_NUMBER;
}

static int copy_missing(tally__stat *s, tally__stat_var *v,
                        readstat_variable_t *var)
{
    int n = readstat_variable_get_missing_ranges_count(var);
    v->missing = tally__arena_calloc(s->a, n > 0 ? (size_t)n : 1,
                                     sizeof *v->missing);
    if (!v->missing)
        return -1;
    for (int i = 0; i < n; i++) {
        readstat_value_t lo = readstat_variable_get_missing_range_lo(var, i);
        readstat_value_t hi = readstat_variable_get_missing_range_hi(var, i);
        tally__stat_range *r = &v->missing[v->n_missing++];
        if (v->numeric) {
            r->lo = readstat_double_value(lo);
            r->hi = readstat_double_value(hi);
        } else {
            r->text = rtrim_dup(s, readstat_string_value(lo));
            if (!r->text)
                return -1;
        }
    }
    return 0;
}

/* A header that declares more cases than allowed is refused before any
   case is read, naming the limit; a declared count within the limit is
   never trusted for allocation (records grow as cases arrive). -1 is
   "not declared" (ReadStat's readstat_get_row_count). */
static int on_metadata(readstat_metadata_t *md, void *ctx)
{
    tally__stat *s = ctx;
    int declared = readstat_get_row_count(md);
    if (declared > 0 && (size_t)declared > s->opts.max_rows) {
        s->st = tally__fail_at(s->err, TALLY_ERR_LIMIT, s->file, 0, 0,
                               "the header declares %d cases, more than "
                               "the limit of %zu (it can be raised with "
                               "--max-rows)",
                               declared, s->opts.max_rows);
        return READSTAT_HANDLER_ABORT;
    }
    return READSTAT_HANDLER_OK;
}

static int on_variable(int index, readstat_variable_t *var,
                       const char *set, void *ctx)
{
    tally__stat *s = ctx;
    if ((size_t)index >= s->opts.max_columns)
        return fail_limit(s, "variables", s->opts.max_columns,
                          "max-columns");
    if (TALLY__GROW(s->vars, s->vars_cap, (size_t)index + 1) != 0 ||
        tally__raw_add_columns(s->raw, (size_t)index + 1) != 0)
        return nomem(s);
    tally__stat_var *v = &s->vars[index];
    memset(v, 0, sizeof *v);
    v->name = tally__arena_strdup(s->a, readstat_variable_get_name(var));
    v->label = tally__arena_strdup(s->a, readstat_variable_get_label(var));
    /* ReadStat passes a .dta value-label name straight from its fixed
       field, without a NUL when the file fills the field: read no more
       than the field. */
    v->set = set ? tally__arena_strndup(s->a, set, strnlen(set, s->set_max))
                 : NULL;
    v->numeric = readstat_variable_get_type_class(var) ==
                 READSTAT_TYPE_CLASS_NUMERIC;
    v->measure = readstat_variable_get_measure(var);
    v->time = time_kind(readstat_variable_get_format(var), s->kind);
    if (!v->name || copy_missing(s, v, var) != 0)
        return nomem(s);
    s->n_vars = (size_t)index + 1 > s->n_vars ? (size_t)index + 1 : s->n_vars;
    return READSTAT_HANDLER_OK;
}

/* Days from 1970-01-01 to the epochs of SPSS (1582-10-14, the first day
   of the Gregorian calendar) and Stata (1960-01-01). */
#define SPSS_EPOCH_DAYS (-141428.0)
#define STATA_EPOCH_DAYS (-3653.0)

/* Dates and times are written as such only within about +-27,000 years
   of the epoch; beyond (or NaN, infinite), the number itself is shown:
   converting it to a long would be undefined behaviour (C11 6.3.1.4). */
#define DATE_MAX_SECS (1e7 * 86400.0)

static int date_in_range(tally__stat_time kind, double x)
{
    double secs = kind == TALLY__STAT_DAYS_1960 ? x * 86400.0
                  : kind == TALLY__STAT_MS_1960 ? x / 1000.0
                                                : x;
    return fabs(secs) <= DATE_MAX_SECS; /* false for NaN */
}

static void number_text(const tally__stat_var *v, double x, char *buf,
                        size_t cap)
{
    switch (v->time && date_in_range(v->time, x) ? v->time
                                                 : TALLY__STAT_NUMBER) {
    case TALLY__STAT_SPSS_DATE:
    case TALLY__STAT_SPSS_DATETIME:
        tally__iso_date(SPSS_EPOCH_DAYS + x / 86400.0,
                        v->time == TALLY__STAT_SPSS_DATE
                            ? TALLY__NUM_DATE
                            : TALLY__NUM_DATETIME,
                        buf, cap);
        return;
    case TALLY__STAT_SPSS_TIME:
        tally__iso_time(x, buf, cap);
        return;
    case TALLY__STAT_DAYS_1960:
        tally__iso_date(STATA_EPOCH_DAYS + x, TALLY__NUM_DATE, buf, cap);
        return;
    case TALLY__STAT_MS_1960:
        tally__iso_date(STATA_EPOCH_DAYS + x / 86400000.0,
                        TALLY__NUM_DATETIME, buf, cap);
        return;
    default:
        tally__xlsx_number(x, buf, cap);
    }
}

/* The header record (the variable names), before the first case. */
static int add_header(tally__stat *s)
{
    if (tally__raw_add_record(s->raw, 0) != 0)
        return -1;
    for (size_t c = 0; c < s->n_vars; c++) {
        const char *n = s->vars[c].name ? s->vars[c].name : "";
        if (tally__raw_set_last(s->raw, c, n, strlen(n)) != 0)
            return -1;
    }
    return 0;
}

static int on_value(int obs, readstat_variable_t *var, readstat_value_t value,
                    void *ctx)
{
    tally__stat *s = ctx;
    size_t c = (size_t)readstat_variable_get_index(var);
    if (c >= s->n_vars)
        return READSTAT_HANDLER_OK;
    if (!s->raw->nrec && add_header(s) != 0)
        return nomem(s);
    if ((size_t)obs + 1 >= s->raw->nrec) {
        if (s->raw->nrec > s->opts.max_rows)
            return fail_limit(s, "cases", s->opts.max_rows, "max-rows");
        if (!tally__raw_record_fits(s->raw))
            return fail_limit(s, "bytes of memory", s->raw->max_bytes,
                              "max-memory");
        if (tally__raw_add_record(s->raw, (long)obs + 1) != 0)
            return nomem(s);
    }
    char buf[64];
    const char *text = buf;
    if (readstat_value_is_system_missing(value) ||
        readstat_value_is_tagged_missing(value))
        return READSTAT_HANDLER_OK; /* no answer: the cell stays empty */
    if (s->vars[c].numeric)
        number_text(&s->vars[c], readstat_double_value(value), buf,
                    sizeof buf);
    else
        text = readstat_string_value(value);
    size_t n = text ? strlen(text) : 0;
    while (n && text[n - 1] == ' ')
        n--; /* SPSS pads strings with blanks */
    if (n > s->opts.max_field_bytes)
        return fail_limit(s, "bytes in a value", s->opts.max_field_bytes,
                          "max-field-size");
    return tally__raw_set_last(s->raw, c, text, n) ? nomem(s) : 0;
}

/* --- the file ------------------------------------------------------------- */

static void on_error(const char *message, void *ctx)
{
    tally__stat *s = ctx;
    if (!s->detail[0])
        snprintf(s->detail, sizeof s->detail, "; %s", message);
}

static readstat_parser_t *make_parser(mem *m)
{
    readstat_parser_t *p = readstat_parser_init();
    if (!p)
        return NULL;
    readstat_set_open_handler(p, mem_open);
    readstat_set_close_handler(p, mem_close);
    readstat_set_seek_handler(p, mem_seek);
    readstat_set_read_handler(p, mem_read);
    readstat_set_update_handler(p, mem_update);
    readstat_set_io_ctx(p, m);
    readstat_set_metadata_handler(p, on_metadata);
    readstat_set_value_label_handler(p, on_label);
    readstat_set_variable_handler(p, on_variable);
    readstat_set_value_handler(p, on_value);
    readstat_set_error_handler(p, on_error);
    /* No readstat_set_row_limit: it would cap the count on_metadata sees;
       on_value stops at the first case over the limit instead. */
    return p;
}

static const char *kind_name(tally__stat_kind k, const unsigned char *p)
{
    if (k == TALLY__STAT_SAV)
        return p[3] == '3' ? "zsav" : "sav";
    return k == TALLY__STAT_POR ? "por" : "dta";
}

/* The width of a .dta file's value-label name fields, as ReadStat's
   dta_ctx_init sets it from the format (release) number: 9 bytes before
   release 110, 33 before 118, then 129. Release 117 and later files
   begin "<stata_dta><header><release>NNN"; older ones with the release
   as a byte. Unknown: the narrowest, which is always safe to read. */
static size_t dta_set_field(const unsigned char *data, size_t size)
{
    static const char xml[] = "<stata_dta><header><release>";
    size_t n = sizeof xml - 1;
    unsigned release = size ? data[0] : 0;
    if (size >= n + 3 && memcmp(data, xml, n) == 0) {
        release = 0;
        for (size_t i = n; i < n + 3 && data[i] >= '0' && data[i] <= '9';
             i++)
            release = release * 10 + (unsigned)(data[i] - '0');
    }
    return release < 110 ? 9 : release < 118 ? 33 : 129;
}

static tally_status parse(tally__stat *s, const unsigned char *data,
                          size_t size)
{
    s->set_max = s->kind == TALLY__STAT_DTA ? dta_set_field(data, size)
                                            : SIZE_MAX;
    mem m = {data, size, 0};
    readstat_parser_t *p = make_parser(&m);
    if (!p)
        return tally__nomem(s->err);
    readstat_error_t e =
        s->kind == TALLY__STAT_SAV   ? readstat_parse_sav(p, s->file, s)
        : s->kind == TALLY__STAT_POR ? readstat_parse_por(p, s->file, s)
                                     : readstat_parse_dta(p, s->file, s);
    readstat_parser_free(p);
    if (s->st != TALLY_OK)
        return s->st;
    if (e != READSTAT_OK)
        return tally__fail_at(s->err, TALLY_ERR_PARSE, s->file, 0, 0,
                              "not a readable %s file (ReadStat: %s%s)",
                              s->kind == TALLY__STAT_DTA ? "Stata"
                                                         : "SPSS",
                              readstat_error_message(e), s->detail);
    if (!s->n_vars)
        return tally__fail_at(s->err, TALLY_ERR_PARSE, s->file, 0, 0,
                              "the file has no variables");
    if (!s->raw->nrec && add_header(s) != 0)
        return tally__nomem(s->err);
    return TALLY_OK;
}

static tally_status set_source(tally__stat *s, const unsigned char *data)
{
    tally_raw *raw = s->raw;
    raw->source.file = tally__arena_strdup(raw->arena, s->file);
    raw->source.format = kind_name(s->kind, data);
    raw->source.encoding = TALLY_ENCODING_UTF8;
    raw->source.delimiter = 0;
    return raw->source.file ? TALLY_OK : tally__nomem(s->err);
}

tally_status tally__read_stat(const unsigned char *data, size_t size,
                              const char *file, tally__stat_kind kind,
                              const tally_read_opts *opts, tally_raw **out,
                              tally_error *err)
{
    tally__stat s = {.file = file, .kind = kind, .err = err,
                     .opts = tally__read_defaults(opts),
                     .a = tally__arena_new(), .raw = tally__raw_new(0)};
    if (s.raw)
        s.raw->max_bytes = s.opts.max_memory;
    tally_status st = s.a && s.raw ? parse(&s, data, size)
                                   : tally__nomem(err);
    if (st == TALLY_OK)
        st = tally__stat_dictionary(&s);
    if (st == TALLY_OK)
        st = set_source(&s, data);
    if (st == TALLY_OK)
        st = tally__dialect_apply_opts(s.raw, &s.opts, err);
    tally__free(s.vars);
    tally__free(s.labels);
    tally__arena_free(s.a);
    if (st != TALLY_OK) {
        tally_raw_free(s.raw);
        return st;
    }
    *out = s.raw;
    return TALLY_OK;
}
