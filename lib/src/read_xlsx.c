/*
 * read_xlsx.c: an XLSX workbook: which part is the sheet to read
 * (xl/workbook.xml and its relationships), the date system, the number
 * formats of the cell styles (xl/styles.xml) and the shared strings
 * (xl/sharedStrings.xml); then xlsx_sheet.c reads the cells.
 * References: ECMA-376 Part 1, 18.2.19 sheet, 18.2.28 workbookPr,
 * 18.8.10 cellXfs, 18.8.30 numFmt, 18.4.8 si; Part 2 (OPC) 9.3 for the
 * relationships.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "read_internal.h"
#include "xlsx.h"
#include "xml.h"

typedef struct named {
    const char *name, *id;
} named;

typedef struct rel {
    const char *id, *target, *type;
} rel;

typedef struct fmt {
    unsigned long id;
    tally__numkind kind;
} fmt;

/* Everything read from the workbook's parts before the sheet. */
typedef struct book_parts {
    tally__xml x; /* first: the handlers get it */
    tally__arena *a;
    tally__xlsx_book book;
    named *sheets;
    size_t n_sheets, sheets_cap;
    rel *rels;
    size_t n_rels, rels_cap;
    fmt *fmts;
    size_t n_fmts, fmts_cap;
    size_t xf_cap, strings_cap;
    int in_xfs, in_si, collect, rph;
    char *text;
    size_t len, cap;
} book_parts;

static void nomem(book_parts *b)
{
    b->x.st = tally__nomem(b->x.err);
    XML_StopParser(b->x.parser, XML_FALSE);
}

static const char *keep(book_parts *b, const char *s)
{
    const char *c = s ? tally__arena_strdup(b->a, s) : NULL;
    if (s && !c)
        nomem(b);
    return c;
}

/* --- xl/workbook.xml and its relationships -------------------------------- */

static void workbook_start(tally__xml *x, const char *name, const char **at)
{
    book_parts *b = (book_parts *)x;
    if (!strcmp(name, "workbookPr")) {
        const char *v = tally__xml_attr(at, "date1904");
        b->book.date1904 = v && (!strcmp(v, "1") || !strcmp(v, "true"));
    } else if (!strcmp(name, "sheet")) {
        if (TALLY__GROW(b->sheets, b->sheets_cap, b->n_sheets + 1) != 0) {
            nomem(b);
            return;
        }
        named *s = &b->sheets[b->n_sheets++];
        s->name = keep(b, tally__xml_attr(at, "name"));
        s->id = keep(b, tally__xml_attr(at, "id"));
    }
}

static void rels_start(tally__xml *x, const char *name, const char **at)
{
    book_parts *b = (book_parts *)x;
    if (strcmp(name, "Relationship") != 0)
        return;
    if (TALLY__GROW(b->rels, b->rels_cap, b->n_rels + 1) != 0) {
        nomem(b);
        return;
    }
    rel *r = &b->rels[b->n_rels++];
    r->id = keep(b, tally__xml_attr(at, "Id"));
    r->target = keep(b, tally__xml_attr(at, "Target"));
    r->type = keep(b, tally__xml_attr(at, "Type"));
}

/* The part a relationship points to: targets are relative to xl/, or
   absolute from the archive's root. */
static long rel_part(book_parts *b, tally__zip *z, const rel *r)
{
    char path[1024];
    if (!r || !r->target)
        return -1;
    if (r->target[0] == '/')
        snprintf(path, sizeof path, "%s", r->target + 1);
    else
        snprintf(path, sizeof path, "xl/%s", r->target);
    (void)b;
    return tally__zip_find(z, path);
}

static const rel *rel_by_id(const book_parts *b, const char *id)
{
    for (size_t i = 0; id && i < b->n_rels; i++)
        if (b->rels[i].id && !strcmp(b->rels[i].id, id))
            return &b->rels[i];
    return NULL;
}

/* The relationship whose type ends with "/suffix". */
static const rel *rel_by_type(const book_parts *b, const char *suffix)
{
    size_t n = strlen(suffix);
    for (size_t i = 0; i < b->n_rels; i++) {
        const char *t = b->rels[i].type;
        size_t k = t ? strlen(t) : 0;
        if (k > n && t[k - n - 1] == '/' && !strcmp(t + k - n, suffix))
            return &b->rels[i];
    }
    return NULL;
}

/* --- xl/styles.xml -------------------------------------------------------- */

static tally__numkind kind_of(const book_parts *b, unsigned long id)
{
    for (size_t i = 0; i < b->n_fmts; i++)
        if (b->fmts[i].id == id)
            return b->fmts[i].kind;
    return tally__xlsx_numkind(id, NULL);
}

static void styles_start(tally__xml *x, const char *name, const char **at)
{
    book_parts *b = (book_parts *)x;
    const char *id = tally__xml_attr(at, "numFmtId");
    unsigned long n = id ? strtoul(id, NULL, 10) : 0;
    if (!strcmp(name, "cellXfs")) {
        b->in_xfs = 1;
    } else if (!strcmp(name, "numFmt")) {
        if (TALLY__GROW(b->fmts, b->fmts_cap, b->n_fmts + 1) != 0) {
            nomem(b);
            return;
        }
        const char *code = tally__xml_attr(at, "formatCode");
        b->fmts[b->n_fmts++] = (fmt){n, tally__xlsx_numkind(n, code ? code
                                                                   : "")};
    } else if (!strcmp(name, "xf") && b->in_xfs) {
        tally__xlsx_book *k = &b->book;
        if (TALLY__GROW(k->xf_kind, b->xf_cap, k->n_xf + 1) != 0) {
            nomem(b);
            return;
        }
        k->xf_kind[k->n_xf++] = (unsigned char)kind_of(b, n);
    }
}

static void styles_end(tally__xml *x, const char *name)
{
    if (!strcmp(name, "cellXfs"))
        ((book_parts *)x)->in_xfs = 0;
}

/* --- xl/sharedStrings.xml ------------------------------------------------- */

static void sst_start(tally__xml *x, const char *name, const char **at)
{
    book_parts *b = (book_parts *)x;
    (void)at;
    if (!strcmp(name, "si")) {
        b->in_si = 1;
        b->len = 0;
    } else if (!strcmp(name, "rPh")) {
        b->rph++; /* phonetic guide: not part of the text */
    } else if (!strcmp(name, "t") && b->in_si && !b->rph) {
        b->collect = 1;
    }
}

static void sst_text(tally__xml *x, const char *s, int n)
{
    book_parts *b = (book_parts *)x;
    if (!b->collect)
        return;
    if ((size_t)n > b->book.opts.max_field_bytes - b->len) {
        tally__xml_fail(x, TALLY_ERR_LIMIT, 0, 0,
                        "shared string %zu is longer than the field limit "
                        "(it can be raised with --max-field-size)",
                        b->book.n_strings + 1);
        return;
    }
    if (tally__grow((void **)&b->text, &b->cap, b->len + (size_t)n + 1, 1)) {
        nomem(b);
        return;
    }
    memcpy(b->text + b->len, s, (size_t)n);
    b->len += (size_t)n;
}

static void sst_end(tally__xml *x, const char *name)
{
    book_parts *b = (book_parts *)x;
    tally__xlsx_book *k = &b->book;
    if (!strcmp(name, "t")) {
        b->collect = 0;
    } else if (!strcmp(name, "rPh")) {
        b->rph -= b->rph > 0;
    } else if (!strcmp(name, "si")) {
        b->in_si = 0;
        if (b->text)
            tally__xlsx_unescape(b->text, &b->len);
        char *s = tally__arena_strndup(b->a, b->text ? b->text : "", b->len);
        if (!s || TALLY__GROW(k->strings, b->strings_cap, k->n_strings + 1)) {
            nomem(b);
            return;
        }
        k->strings[k->n_strings++] = (tally__xstr){s, b->len};
    }
}

/* --- the workbook --------------------------------------------------------- */

static tally_status parse_part(book_parts *b, tally__zip *z, long i,
                               tally__xml_start start, tally__xml_end end,
                               tally__xml_text text)
{
    if (i < 0)
        return TALLY_OK; /* an optional part that is absent */
    return tally__xml_parse(z, (size_t)i, &b->x, start, end, text);
}

/* The sheet to read: opts->sheet, else the first. */
static tally_status pick_sheet(book_parts *b, const char *want,
                               const named **out, tally_error *err)
{
    char list[200] = "";
    size_t used = 0;
    for (size_t i = 0; i < b->n_sheets; i++) {
        const named *s = &b->sheets[i];
        if (s->name && (!want || !strcmp(s->name, want))) {
            *out = s;
            return TALLY_OK;
        }
        if (used < sizeof list)
            used += (size_t)snprintf(list + used, sizeof list - used,
                                     "%s\"%s\"", i ? ", " : "",
                                     s->name ? s->name : "");
    }
    if (!want)
        return tally__fail_at(err, TALLY_ERR_PARSE, b->book.file, 0, 0,
                              "the workbook has no sheet");
    return tally__fail_at(err, TALLY_ERR_NO_SUCH_VAR, b->book.file, 0, 0,
                          "the workbook has no sheet \"%s\"; its sheets "
                          "are %s",
                          want, list);
}

static tally_status read_parts(book_parts *b, tally__zip *z, long *sheet,
                               tally_error *err)
{
    TALLY_TRY(parse_part(b, z, tally__zip_find(z, "xl/workbook.xml"),
                         workbook_start, NULL, NULL));
    TALLY_TRY(parse_part(b, z,
                         tally__zip_find(z, "xl/_rels/workbook.xml.rels"),
                         rels_start, NULL, NULL));
    const named *s = NULL;
    TALLY_TRY(pick_sheet(b, b->book.opts.sheet, &s, err));
    b->book.sheet = s->name;
    const rel *r = rel_by_id(b, s->id);
    *sheet = rel_part(b, z, r);
    if (*sheet < 0)
        return tally__fail_at(err, TALLY_ERR_PARSE, b->book.file, 0, 0,
                              "sheet \"%s\" is %s", s->name,
                              r && r->type && strstr(r->type, "chartsheet")
                                  ? "a chart, not a table"
                                  : "missing from the workbook");
    long styles = rel_part(b, z, rel_by_type(b, "styles"));
    long sst = rel_part(b, z, rel_by_type(b, "sharedStrings"));
    TALLY_TRY(parse_part(b, z, styles, styles_start, styles_end, NULL));
    return parse_part(b, z, sst, sst_start, sst_end, sst_text);
}

static tally_status set_source(tally_raw *raw, const char *file,
                               const char *sheet, tally_error *err)
{
    raw->source.file = tally__arena_strdup(raw->arena, file);
    raw->source.sheet = tally__arena_strdup(raw->arena, sheet);
    raw->source.format = "xlsx";
    raw->source.encoding = TALLY_ENCODING_UTF8;
    raw->source.delimiter = 0;
    return raw->source.file && raw->source.sheet ? TALLY_OK
                                                 : tally__nomem(err);
}

tally_status tally__read_xlsx(tally__zip *z, const char *file,
                              const tally_read_opts *opts, tally_raw **out,
                              tally_error *err)
{
    book_parts b = {.a = tally__arena_new()};
    long sheet = -1;
    tally_raw *raw = NULL;
    b.x.file = b.book.file = file;
    b.x.err = err;
    b.book.opts = tally__read_defaults(opts);
    tally_status st = b.a ? read_parts(&b, z, &sheet, err)
                          : tally__nomem(err);
    if (st == TALLY_OK)
        st = tally__xlsx_sheet(z, (size_t)sheet, &b.book, &raw, err);
    if (st == TALLY_OK)
        st = set_source(raw, file, b.book.sheet, err);
    if (st == TALLY_OK)
        st = tally__dialect_apply_opts(raw, &b.book.opts, err);
    tally__free(b.sheets);
    tally__free(b.rels);
    tally__free(b.fmts);
    tally__free(b.text);
    tally__free(b.book.xf_kind);
    tally__free(b.book.strings);
    tally__arena_free(b.a);
    if (st != TALLY_OK) {
        tally_raw_free(raw);
        return st;
    }
    *out = raw;
    return TALLY_OK;
}
