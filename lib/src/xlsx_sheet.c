/*
 * xlsx_sheet.c: the cells of one worksheet part (ECMA-376 Part 1,
 * 18.3.1.73 row, 18.3.1.4 c) into a raw table, row by row as expat
 * reports them. Cells may be sparse: a row lists only its non-empty
 * cells, each with its reference ("C7"), and whole rows may be missing.
 * The first row with a value is the header; a data row's line is its
 * sheet row, so notes and errors point at what Excel shows.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "raw_build.h"
#include "xlsx.h"
#include "xml.h"

#define LISTED 5 /* empty rows a note lists before "..." */

typedef struct rcell {
    unsigned long col;
    size_t off, len; /* in the row buffer */
} rcell;

typedef struct sheet {
    tally__xml x; /* first: the handlers get it */
    const tally__xlsx_book *b;
    tally_raw *raw;
    unsigned long row, col;      /* the current row and cell, 1-based   */
    unsigned long last_row;      /* the last row opened                 */
    unsigned long last_filled;   /* the last row with a value (0: none) */
    int in_cell, collect, in_is, rph;
    char type[16];
    unsigned long style;
    char *text;                  /* the current <v> or <is> text        */
    size_t len, cap;
    rcell *cells;                /* the current row's cells             */
    size_t n_cells, cells_cap;
    char *rowbuf;
    size_t rowlen, rowcap;
    size_t empty_rows;           /* between data rows                   */
    unsigned long empty_at[LISTED];
} sheet;

/* "C7" for column 3 of row 7. */
static void cell_name(unsigned long col, unsigned long row, char *buf)
{
    char letters[8];
    size_t n = 0;
    for (; col && n < sizeof letters; col = (col - 1) / 26)
        letters[n++] = (char)('A' + (col - 1) % 26);
    for (size_t i = 0; i < n; i++)
        buf[i] = letters[n - 1 - i];
    sprintf(buf + n, "%lu", row);
}

/* Fail at the current row (and cell col, when not 0): the message is
   what (with one %s for detail) after the sheet and the cell. */
static void fail(sheet *s, tally_status st, unsigned long col,
                 const char *what, const char *detail)
{
    char where[64] = "", msg[300];
    if (col)
        cell_name(col, s->row, where);
    snprintf(msg, sizeof msg, what, detail);
    tally__xml_fail(&s->x, st, (long)s->row, (long)col, "sheet \"%s\"%s%s: %s",
                    s->b->sheet, col ? ", cell " : "", where, msg);
}

static void nomem(sheet *s)
{
    s->x.st = tally__nomem(s->x.err);
    XML_StopParser(s->x.parser, XML_FALSE);
}

/* --- elements ------------------------------------------------------------- */

static void start_row(sheet *s, const char **attrs)
{
    const char *r = tally__xml_attr(attrs, "r");
    unsigned long row = s->last_row + 1;
    if (r) {
        char *end;
        errno = 0;
        row = strtoul(r, &end, 10);
        if (*end || errno || row == 0 || row > 100000000UL) {
            fail(s, TALLY_ERR_PARSE, 0,
                 "a row has the bad number \"%s\"", r);
            return;
        }
    }
    if (row <= s->last_row) {
        s->row = row;
        fail(s, TALLY_ERR_PARSE, 0,
             "row %s comes after a later row", r);
        return;
    }
    s->row = s->last_row = row;
    s->col = 0;
    s->n_cells = 0;
    s->rowlen = 0;
}

static void start_cell(sheet *s, const char **attrs)
{
    const char *r = tally__xml_attr(attrs, "r");
    const char *t = tally__xml_attr(attrs, "t");
    const char *st = tally__xml_attr(attrs, "s");
    unsigned long col = s->col + 1, row = 0;
    if (r && !tally__xlsx_ref(r, &col, &row)) {
        fail(s, TALLY_ERR_PARSE, 0,
             "a cell has the bad reference \"%s\"", r);
        return;
    }
    if (col > s->b->opts.max_columns) {
        fail(s, TALLY_ERR_LIMIT, col,
             "beyond the column limit%s (it can be raised with "
             "--max-columns)",
             "");
        return;
    }
    s->col = col;
    snprintf(s->type, sizeof s->type, "%s", t ? t : "n");
    s->style = st ? strtoul(st, NULL, 10) : 0;
    s->in_cell = 1;
    s->len = 0;
}

static void on_start(tally__xml *x, const char *name, const char **attrs)
{
    sheet *s = (sheet *)x;
    if (!strcmp(name, "row"))
        start_row(s, attrs);
    else if (!strcmp(name, "c"))
        start_cell(s, attrs);
    else if (!s->in_cell)
        return;
    else if (!strcmp(name, "v"))
        s->collect = 1;
    else if (!strcmp(name, "is"))
        s->in_is = 1;
    else if (!strcmp(name, "rPh"))
        s->rph++; /* phonetic runs are not part of the text */
    else if (!strcmp(name, "t") && s->in_is && !s->rph)
        s->collect = 1;
}

static void on_text(tally__xml *x, const char *p, int n)
{
    sheet *s = (sheet *)x;
    if (!s->collect)
        return;
    if ((size_t)n > s->b->opts.max_field_bytes - s->len) {
        fail(s, TALLY_ERR_LIMIT, s->col,
             "longer than the field limit%s (it can be raised with "
             "--max-field-size)",
             "");
        return;
    }
    if (s->len + (size_t)n + 1 > s->cap &&
        tally__grow((void **)&s->text, &s->cap, s->len + (size_t)n + 1, 1))
        {
        nomem(s);
        return;
    }
    memcpy(s->text + s->len, p, (size_t)n);
    s->len += (size_t)n;
}

/* The text of a shared-string cell: the string its index names. */
static const tally__xstr *shared(sheet *s)
{
    char *end;
    s->text[s->len] = '\0';
    errno = 0;
    unsigned long k = strtoul(s->text, &end, 10);
    if (end == s->text || *end || errno || k >= s->b->n_strings) {
        fail(s, TALLY_ERR_PARSE, s->col,
             "refers to shared string \"%s\", which "
             "the workbook does not have",
             s->text);
        return NULL;
    }
    return &s->b->strings[k];
}

/* A number cell as text: a date when its style's format is a date. */
static int number_text(sheet *s, char *buf, size_t cap)
{
    char *end;
    s->text[s->len] = '\0';
    double v = strtod(s->text, &end);
    if (end == s->text || *end) {
        fail(s, TALLY_ERR_PARSE, s->col,
             "holds \"%s\", which is not a number", s->text);
        return -1;
    }
    tally__numkind k = s->style < s->b->n_xf ? s->b->xf_kind[s->style]
                                             : TALLY__NUM_PLAIN;
    if (k == TALLY__NUM_PLAIN ||
        !tally__xlsx_date(v, k, s->b->date1904, buf, cap))
        tally__xlsx_number(v, buf, cap);
    return 0;
}

/* Append the cell's text (p, n) to the row. */
static void add_cell(sheet *s, const char *p, size_t n)
{
    if (!n)
        return;
    if (TALLY__GROW(s->cells, s->cells_cap, s->n_cells + 1) ||
        (s->rowlen + n > s->rowcap &&
         tally__grow((void **)&s->rowbuf, &s->rowcap, s->rowlen + n, 1)))
        {
        nomem(s);
        return;
    }
    memcpy(s->rowbuf + s->rowlen, p, n);
    s->cells[s->n_cells++] = (rcell){s->col, s->rowlen, n};
    s->rowlen += n;
}

static void end_cell(sheet *s)
{
    char num[64];
    s->in_cell = s->collect = s->in_is = s->rph = 0;
    if (s->len + 1 > s->cap &&
        tally__grow((void **)&s->text, &s->cap, s->len + 1, 1))
        {
        nomem(s);
        return;
    }
    if (!strcmp(s->type, "s")) {
        const tally__xstr *str = shared(s);
        if (str)
            add_cell(s, str->s, str->len);
    } else if (!strcmp(s->type, "b")) {
        add_cell(s, s->len && s->text[0] == '1' ? "TRUE" : "FALSE",
                 s->len ? 4 + (s->text[0] != '1') : 0);
    } else if (!strcmp(s->type, "n")) {
        if (s->len && number_text(s, num, sizeof num) == 0)
            add_cell(s, num, strlen(num));
    } else { /* inlineStr, str (a formula's text), e (#N/A), d (ISO) */
        tally__xlsx_unescape(s->text, &s->len);
        add_cell(s, s->text, s->len);
    }
}

/* Rows between the last data row and `row` had no value: note them. */
static void count_empty_rows(sheet *s, unsigned long row)
{
    for (unsigned long r = s->last_filled + 1; r < row; r++) {
        if (s->empty_rows < LISTED)
            s->empty_at[s->empty_rows] = r;
        s->empty_rows++;
        if (s->empty_rows > LISTED) { /* the rest are only counted */
            s->empty_rows += row - r - 1;
            break;
        }
    }
}

static void end_row(sheet *s)
{
    unsigned long width = 0;
    if (!s->n_cells)
        return;
    if (s->raw->nrec && s->raw->nrec - 1 >= s->b->opts.max_rows) {
        fail(s, TALLY_ERR_LIMIT, 0,
             "more data rows than the limit%s (it can be "
             "raised with --max-rows)",
             "");
        return;
    }
    if (s->last_filled)
        count_empty_rows(s, s->row);
    s->last_filled = s->row;
    for (size_t i = 0; i < s->n_cells; i++)
        width = s->cells[i].col > width ? s->cells[i].col : width;
    if (!tally__raw_record_fits(s->raw)) {
        char limit[32];
        snprintf(limit, sizeof limit, "%zu", s->raw->max_bytes);
        fail(s, TALLY_ERR_LIMIT, 0,
             "the table would take more than %s bytes of memory (the "
             "limit can be raised with --max-memory)",
             limit);
        return;
    }
    if (tally__raw_add_columns(s->raw, width) != 0 ||
        tally__raw_add_record(s->raw, (long)s->row) != 0)
        {
        nomem(s);
        return;
    }
    for (size_t i = 0; i < s->n_cells; i++) {
        const rcell *c = &s->cells[i];
        if (tally__raw_set_last(s->raw, c->col - 1, s->rowbuf + c->off,
                                c->len) != 0)
            {
        nomem(s);
        return;
    }
    }
    s->n_cells = 0;
}

static void on_end(tally__xml *x, const char *name)
{
    sheet *s = (sheet *)x;
    if (!strcmp(name, "c"))
        end_cell(s);
    else if (!strcmp(name, "row"))
        end_row(s);
    else if (!strcmp(name, "v") || !strcmp(name, "t"))
        s->collect = 0;
    else if (!strcmp(name, "rPh") && s->rph)
        s->rph--;
}

/* --- the sheet ------------------------------------------------------------ */

static tally_status finish(sheet *s, tally_error *err)
{
    if (!s->raw->nrec)
        return tally__fail_at(err, TALLY_ERR_PARSE, s->b->file, 0, 0,
                              "sheet \"%s\" is empty: no header row",
                              s->b->sheet);
    tally__raw_drop_empty_columns(s->raw);
    if (!s->empty_rows)
        return TALLY_OK;
    char list[128] = "";
    size_t used = 0;
    for (size_t i = 0; i < s->empty_rows && i < LISTED; i++)
        used += (size_t)snprintf(list + used, sizeof list - used, "%s%lu",
                                 i ? ", " : "", s->empty_at[i]);
    if (tally__raw_note(s->raw, "skipped %zu empty row%s of sheet \"%s\": "
                                "%s%s",
                        s->empty_rows, s->empty_rows == 1 ? "" : "s",
                        s->b->sheet, list,
                        s->empty_rows > LISTED ? ", ..." : "") != 0)
        return tally__nomem(err);
    return TALLY_OK;
}

tally_status tally__xlsx_sheet(tally__zip *z, size_t i,
                               const tally__xlsx_book *book,
                               tally_raw **out, tally_error *err)
{
    sheet s = {.b = book};
    s.x.file = book->file;
    s.x.err = err;
    *out = NULL;
    s.raw = tally__raw_new(0);
    if (s.raw)
        s.raw->max_bytes = book->opts.max_memory;
    tally_status st = s.raw ? tally__xml_parse(z, i, &s.x, on_start, on_end,
                                               on_text)
                            : tally__nomem(err);
    if (st == TALLY_OK)
        st = finish(&s, err);
    tally__free(s.text);
    tally__free(s.cells);
    tally__free(s.rowbuf);
    if (st != TALLY_OK) {
        tally_raw_free(s.raw);
        return st;
    }
    *out = s.raw;
    return TALLY_OK;
}
