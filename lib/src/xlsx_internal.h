/*
 * xlsx_internal.h: what the two workbook writers share: write_xlsx.c
 * (tally_tables_write_xlsx(), one sheet per question) and annex_xlsx.c
 * (the annex: contents, question sheets with charts, verbatims,
 * methodology). write_xlsx_sheet.c renders text and tables onto a sheet with
 * the house formats and works around libxlsxwriter 1.1.4's pitfalls
 * (listed at the top of write_xlsx_sheet.c).
 */
#ifndef TALLY_XLSX_INTERNAL_H
#define TALLY_XLSX_INTERNAL_H

#include <locale.h>

#include <xlsxwriter.h>

#include "table_internal.h"

#if !defined(LXW_VERSION_ID) || LXW_VERSION_ID < 114
#error "tally needs libxlsxwriter 1.1.4 or later"
#endif

#define TALLY__XL_MAX_DECIMALS 10 /* number formats beyond are clamped */
#define TALLY__XL_SLOT_TEXT (TALLY__XL_MAX_DECIMALS + 1)
#define TALLY__XL_SLOT_PERCENT (TALLY__XL_MAX_DECIMALS + 2)
#define TALLY__XL_SLOTS (TALLY__XL_MAX_DECIMALS + 3)
#define TALLY__XL_ROW_KINDS 3

/* One worksheet being written. */
typedef struct tally__xsheet {
    const char *raw;    /* the tables' sheet value                     */
    lxw_worksheet *ws;
    double *width;      /* column widths, in widths of "0"             */
    size_t ncols;
    lxw_row_t row;      /* next free row                               */
    int has_header;     /* panes frozen under the first header row     */
} tally__xsheet;

typedef struct tally__xfmt {
    lxw_format *title, *subtitle, *note, *head_first, *head;
    lxw_format *cell[TALLY__XL_ROW_KINDS][TALLY__XL_SLOTS]; /* on use */
} tally__xfmt;

/* A workbook being written. */
typedef struct tally__xlsx {
    const char *path;
    tally_error *err;
    int pct_decimals;
    lxw_workbook *wb;
    tally__xfmt fmt;
    const char *sheet;  /* name of the sheet being written, for errors */
    char *scratch;      /* cleaned text (tally__xlsx_text)             */
    size_t scratch_cap;
    locale_t c_locale, old_locale;
} tally__xlsx;

/* A libxlsxwriter failure as TALLY_ERR_XLSX naming the file and sheet. */
tally_status tally__xlsx_fail(tally__xlsx *x, lxw_error e, const char *what);

#define TALLY__XL_TRY(x, call, what)                                           \
    do {                                                                       \
        lxw_error xl_e_ = (call);                                              \
        if (xl_e_ != LXW_NO_ERROR)                                             \
            return tally__xlsx_fail((x), xl_e_, (what));                       \
    } while (0)

/*
 * Start a workbook at path: check that path can be written (errno in
 * err), switch the thread to the C locale (libxlsxwriter prints numbers
 * with LC_NUMERIC), set the document properties and make the formats.
 * constant_memory: libxlsxwriter's mode that flushes each row as the
 * next begins (rows of a sheet must then be written in order). Always
 * pair with tally__xlsx_end().
 */
tally_status tally__xlsx_begin(tally__xlsx *x, const char *path,
                               const tally_write_opts *opts,
                               int constant_memory, tally_error *err);
/* Write the file (workbook_close()). */
tally_status tally__xlsx_close(tally__xlsx *x);
/* Free what is left and restore the locale; after begin, always. */
void tally__xlsx_end(tally__xlsx *x);

/* s as it can be handed to libxlsxwriter (valid XML text, at most
   32,767 UTF-16 units, "_xHHHH_" protected); valid until the next call;
   NULL without memory. */
char *tally__xlsx_text(tally__xlsx *x, const char *s);
/* Display width of the widest line of s. */
size_t tally__xlsx_text_width(const char *s);

/* A new worksheet named name (already valid and unique). */
tally_status tally__xlsx_add_sheet(tally__xlsx *x, tally__xsheet *s,
                                   const char *name);
/* Make sure s has at least ncols column widths (new ones minimal). */
tally_status tally__xlsx_columns(tally__xlsx *x, tally__xsheet *s,
                                 size_t ncols);
/* Widen s's columns to fit t's header and body. */
tally_status tally__xlsx_widen(tally__xlsx *x, tally__xsheet *s,
                               const tally_table *t);
/* Column widths and print setup (landscape A4, one page wide). */
tally_status tally__xlsx_setup_sheet(tally__xlsx *x, tally__xsheet *s);
void tally__xsheet_free(tally__xsheet *s);

/* The format of a body cell of a row kind: TALLY__XL_SLOT_TEXT, _PERCENT
   or a number of decimals. NULL without memory. */
lxw_format *tally__xlsx_cell_format(tally__xlsx *x, tally_row_kind kind,
                                    int slot);
/* Height of row s->row for text wrapped in column col (when it needs
   more than one line; Excel and LibreOffice do not fit rows on opening). */
tally_status tally__xlsx_fit_row(tally__xlsx *x, tally__xsheet *s,
                                 size_t col, const char *text);
/* Text as a string cell (never a formula) at (s->row, col). */
tally_status tally__xlsx_put_string(tally__xlsx *x, tally__xsheet *s,
                                    lxw_col_t col, const char *text,
                                    lxw_format *f);
/* A title or subtitle line merged across ncols columns. */
tally_status tally__xlsx_put_banner(tally__xlsx *x, tally__xsheet *s,
                                    size_t ncols, const char *text,
                                    lxw_format *f, int title);
/* A numeric or text cell of a table row (NaN: blank). */
tally_status tally__xlsx_put_cell(tally__xlsx *x, tally__xsheet *s,
                                  lxw_col_t col, const tally_cell *c,
                                  tally_row_kind kind);
/* A header row (bold, bordered); the first one of a sheet freezes the
   panes under it and is repeated on every printed page. */
tally_status tally__xlsx_put_header_row(tally__xlsx *x, tally__xsheet *s,
                                        const char *const *headers,
                                        size_t n);
/* Table t at s->row (after a blank row unless at the top); the row of
   its header in *header_row (may be NULL). */
tally_status tally__xlsx_put_table(tally__xlsx *x, tally__xsheet *s,
                                   const tally_table *t,
                                   lxw_row_t *header_row);

#endif /* TALLY_XLSX_INTERNAL_H */
