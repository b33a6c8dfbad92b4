/*
 * write_xlsx_sheet.c: text and tables onto a worksheet (see xlsx_internal.h),
 * for both workbook writers.
 *
 * A table is stacked on its sheet after a blank row: title (bold, merged
 * across the table, wrapped), subtitles, header row, body, footnotes.
 * Numbers stay numbers (a percentage is value / 100 with a % format);
 * text is always written as a string, never as a formula.
 *
 * libxlsxwriter 1.1.4 pitfalls handled here (checked on Debian 12):
 * - NaN/inf are written as "-NAN"/"INF" with success: we write blanks.
 * - Numbers are formatted with the thread's LC_NUMERIC: under a decimal
 *   comma locale it writes <v>0,5</v> and Excel refuses the file. We switch
 *   the calling thread to the C locale (uselocale) for the whole call.
 * - workbook_new() never opens the file; an unwritable path only fails in
 *   workbook_close(), which prints to stderr. We open the path first.
 * - workbook_add_worksheet() prints a warning and returns NULL for a bad
 *   name: names are sanitised and validated before.
 * - Invalid UTF-8 and U+FFFE/U+FFFF are written unchanged (invalid XML),
 *   and a literal "_x0041_" in a string is decoded by Excel as "A": text
 *   is cleaned first. Strings over 32767 characters are refused: we cut
 *   them and end them with an ellipsis.
 * - workbook_close() writes the file and frees the workbook even when it
 *   fails; on an earlier failure lxw_workbook_free() frees it unwritten.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "utf8.h"
#include "xlsx_internal.h"

#define NAME_UNITS 31    /* Excel's sheet name limit (UTF-16 units) */
#define CELL_UNITS 32767 /* Excel's cell text limit                  */
#define COL_MIN 8.0      /* column widths, in widths of "0"          */
#define COL_MAX 60.0     /* wider text wraps                         */
#define COL_PAD 2.0
#define HEAD_WRAP 14       /* headers wider than this wrap by words    */
#define LINE_PT 15.0       /* row height of one line of 11 pt text     */
#define TITLE_LINE_PT 16.5 /* ... of the 12 pt title                   */
#define MAX_ROW_PT 409.0   /* Excel's maximum row height               */
#define PAPER_A4 9

/* The workbook's path is the error's file (the CLI names its output
   there, not the temporary draft it writes first). */
static tally_status fail_because(tally__xlsx *x, const char *what,
                                 const char *reason)
{
    if (x->sheet)
        return tally__fail_at(x->err, TALLY_ERR_XLSX, x->path, 0, 0,
                              "sheet '%s': %s: %s", x->sheet, what, reason);
    return tally__fail_at(x->err, TALLY_ERR_XLSX, x->path, 0, 0, "%s: %s",
                          what, reason);
}

tally_status tally__xlsx_fail(tally__xlsx *x, lxw_error e, const char *what)
{
    return fail_because(x, what, lxw_strerror(e));
}

/* --- text ----------------------------------------------------------------- */

/* UTF-16 code units of cp: Excel measures names and cells in them. */
static size_t units(uint32_t cp)
{
    return cp > 0xFFFF ? 2 : 1;
}

/* 1 when s starts with "_xHHHH_", an escape Excel would decode. */
static int is_escape(const char *s)
{
    if (s[0] != '_' || s[1] != 'x')
        return 0;
    for (int i = 2; i < 6; i++)
        if (!isxdigit((unsigned char)s[i]))
            return 0;
    return s[6] == '_';
}

static int grow_scratch(tally__xlsx *x, size_t need)
{
    if (need <= x->scratch_cap)
        return 0;
    char *p = tally__reallocarray(x->scratch, need, 1);
    if (!p)
        return -1;
    x->scratch = p;
    x->scratch_cap = need;
    return 0;
}

/*
 * s as it can be handed to libxlsxwriter: valid UTF-8 (bad bytes become
 * U+FFFD), no XML-illegal U+FFFE/U+FFFF, "_xHHHH_" protected as
 * "_x005F_xHHHH_", at most CELL_UNITS units (else cut, ending in "…").
 * Returns x->scratch (valid until the next call) or NULL without memory.
 */
char *tally__xlsx_text(tally__xlsx *x, const char *s)
{
    size_t len = strlen(s);
    /* Beyond 4 bytes per unit the limit is always reached first. */
    size_t in = len < 4 * (size_t)CELL_UNITS ? len : 4 * (size_t)CELL_UNITS;
    /* Worst case 3 bytes out per byte in (an invalid byte -> U+FFFD). */
    if (grow_scratch(x, 3 * in + 8) != 0)
        return NULL;
    const char *p = s, *end = s + in;
    size_t n = 0, used = 0, mark = 0;
    while (p < end) {
        char tmp[8];
        size_t tn, u;
        if (is_escape(p)) {
            memcpy(tmp, "_x005F_", 7);
            tn = u = 7;
            p++;
        } else {
            uint32_t cp = tally__utf8_next(&p, end);
            if (cp == 0xFFFE || cp == 0xFFFF)
                cp = 0xFFFD;
            tn = tally__utf8_put(cp, tmp);
            u = units(cp);
        }
        if (used + u > CELL_UNITS) {
            memcpy(x->scratch + mark, "\xE2\x80\xA6", 3);
            n = mark + 3;
            break;
        }
        memcpy(x->scratch + n, tmp, tn);
        n += tn;
        used += u;
        if (used < CELL_UNITS)
            mark = n;
    }
    x->scratch[n] = '\0';
    return x->scratch;
}

/*
 * Extent of s in a cell: display width of its widest line (lines end at
 * '\n') and the number of lines it needs when wrapped in `room` columns,
 * widths multiplied by `scale` (bold or larger type). Excel's unit is the
 * width of "0" in the default font; most letters are narrower, which
 * leaves room for breaking at word boundaries.
 */
static void text_extent(const char *s, double room, double scale,
                        size_t *widest, unsigned *lines)
{
    size_t best = 0;
    unsigned n = 0;
    if (room < 1)
        room = 1;
    for (;;) {
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        size_t w = tally__utf8_width(s, len);
        double need = (double)w * scale;
        best = w > best ? w : best;
        n += need > room ? (unsigned)ceil(need / room) : 1;
        if (!nl)
            break;
        s = nl + 1;
    }
    if (widest)
        *widest = best;
    if (lines)
        *lines = n;
}

size_t tally__xlsx_text_width(const char *s)
{
    size_t w;
    text_extent(s, 1, 1, &w, NULL);
    return w;
}

/* A header wraps at words: as wide as its longest word, and as the whole
   header when that is short. */
static size_t header_width(const char *h)
{
    size_t total = tally__xlsx_text_width(h), word = 0;
    if (total <= HEAD_WRAP)
        return total;
    for (const char *p = h; *p;) {
        size_t len = strcspn(p, " \n");
        size_t w = tally__utf8_width(p, len);
        word = w > word ? w : word;
        p += len;
        p += *p != '\0';
    }
    return word > HEAD_WRAP ? word : HEAD_WRAP;
}

/* --- sheet names ---------------------------------------------------------- */

/* Simple case folding (ASCII, Latin-1, Greek, Cyrillic), enough for the
   case-insensitive uniqueness Excel requires of sheet names. */
static uint32_t fold(uint32_t cp)
{
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
        (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) ||
        (cp >= 0x410 && cp <= 0x42F))
        return cp + 0x20;
    if (cp >= 0x400 && cp <= 0x40F)
        return cp + 0x50;
    return cp;
}

static int name_eq(const char *a, const char *b)
{
    const char *ae = a + strlen(a), *be = b + strlen(b);
    while (a < ae && b < be)
        if (fold(tally__utf8_next(&a, ae)) != fold(tally__utf8_next(&b, be)))
            return 0;
    return a == ae && b == be;
}

static int name_taken(const char *name, const char *taken, size_t ntaken)
{
    /* Excel reserves "History" (case-insensitively). */
    if (name_eq(name, "History"))
        return 1;
    for (size_t i = 0; i < ntaken; i++)
        if (name_eq(name, taken + i * TALLY__SHEET_NAME_CAP))
            return 1;
    return 0;
}

/* raw cut to max_units, []:*?/\, controls and XML-illegal U+FFFE/U+FFFF
   replaced by '_', without an apostrophe at either end. out has
   TALLY__SHEET_NAME_CAP bytes. */
static void clean_name(const char *raw, size_t max_units, char *out)
{
    const char *p = raw, *end = raw + strlen(raw);
    size_t n = 0, used = 0;
    while (p < end && *p == '\'')
        p++;
    while (p < end) {
        uint32_t cp = tally__utf8_next(&p, end);
        if (cp < 0x20 || cp == 0x7F || cp == 0xFFFE || cp == 0xFFFF ||
            (cp < 0x80 && strchr("[]:*?/\\", (int)cp)))
            cp = '_';
        if (used + units(cp) > max_units)
            break;
        used += units(cp);
        n += tally__utf8_put(cp, out + n);
    }
    while (n > 0 && out[n - 1] == '\'')
        n--;
    out[n] = '\0';
}

void tally__xlsx_sheet_name(const char *raw, size_t number, const char *taken,
                            size_t ntaken, char *out)
{
    char base[TALLY__SHEET_NAME_CAP];
    clean_name(raw ? raw : "", NAME_UNITS, base);
    if (!base[0])
        snprintf(base, sizeof base, "Sheet %zu", number);
    memcpy(out, base, sizeof base);
    for (size_t k = 2; name_taken(out, taken, ntaken); k++) {
        char suffix[32];
        int len = snprintf(suffix, sizeof suffix, " (%zu)", k);
        clean_name(base, NAME_UNITS - (size_t)len, out);
        strcat(out, suffix);
    }
}

/* --- planning: tables -> sheets, column widths ---------------------------- */

static size_t cell_width(const tally_cell *c, int pct_decimals)
{
    if (c->kind == TALLY_CELL_TEXT)
        return tally__xlsx_text_width(c->text);
    char buf[64];
    tally__format_cell(c, pct_decimals, buf, sizeof buf);
    return strlen(buf) + (c->kind == TALLY_CELL_PERCENT && buf[0]);
}

static void fit(double *w, size_t content)
{
    double want = (content < COL_MAX ? (double)content : COL_MAX) + COL_PAD;
    if (want > *w)
        *w = want;
}

/* Widen sheet s's columns to fit table t's header and body. */
tally_status tally__xlsx_columns(tally__xlsx *x, tally__xsheet *s, size_t ncols)
{
    if (ncols > LXW_COL_MAX)
        return tally__fail(x->err, TALLY_ERR_LIMIT,
                           "%s: a table has %zu columns; Excel allows %d",
                           x->path, ncols, LXW_COL_MAX);
    if (ncols <= s->ncols)
        return TALLY_OK;
    double *w = tally__reallocarray(s->width, ncols, sizeof *w);
    if (!w)
        return tally__nomem(x->err);
    for (size_t c = s->ncols; c < ncols; c++)
        w[c] = COL_MIN;
    s->width = w;
    s->ncols = ncols;
    return TALLY_OK;
}

/* Widen sheet s's columns to fit table t's header and body. */
tally_status tally__xlsx_widen(tally__xlsx *x, tally__xsheet *s,
                               const tally_table *t)
{
    size_t nc = tally_table_columns(t);
    /* At least column A: a title goes there even without columns. */
    TALLY_TRY(tally__xlsx_columns(x, s, nc ? nc : 1));
    for (size_t c = 0; c < nc; c++) {
        /* Bold headers are about a tenth wider. */
        fit(&s->width[c], header_width(tally_table_header(t, c)) * 11 / 10);
        for (size_t r = 0; r < tally_table_rows(t); r++)
            fit(&s->width[c],
                cell_width(tally_table_cell(t, r, c), x->pct_decimals));
    }
    return TALLY_OK;
}

/* --- formats -------------------------------------------------------------- */

static void number_format(char *out, size_t cap, int decimals, int percent)
{
    snprintf(out, cap, "0%s%.*s%s", decimals > 0 ? "." : "", decimals,
             "0000000000", percent ? "%" : "");
}

static void style_row(lxw_format *f, size_t kind)
{
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (kind == TALLY_ROW_TOTAL) {
        format_set_bold(f);
        format_set_top(f, LXW_BORDER_THIN);
    } else if (kind == TALLY_ROW_MISSING) {
        format_set_italic(f);
        format_set_font_color(f, 0x666666);
    }
}

/* The format of a body cell: row kind x (text | n decimals | percent). */
lxw_format *tally__xlsx_cell_format(tally__xlsx *x, tally_row_kind kind,
                                    int slot)
{
    size_t k = (size_t)kind < TALLY__XL_ROW_KINDS ? (size_t)kind : 0;
    lxw_format **f = &x->fmt.cell[k][slot];
    if (*f)
        return *f;
    *f = workbook_add_format(x->wb);
    if (!*f)
        return NULL;
    style_row(*f, k);
    if (slot == TALLY__XL_SLOT_TEXT) {
        format_set_text_wrap(*f);
    } else {
        char nf[32];
        int percent = slot == TALLY__XL_SLOT_PERCENT;
        number_format(nf, sizeof nf, percent ? x->pct_decimals : slot, percent);
        format_set_num_format(*f, nf);
    }
    return *f;
}

static lxw_format *head_format(lxw_workbook *wb, uint8_t align)
{
    lxw_format *f = workbook_add_format(wb);
    if (!f)
        return NULL;
    format_set_bold(f);
    format_set_bottom(f, LXW_BORDER_THIN);
    format_set_text_wrap(f);
    format_set_align(f, align);
    format_set_align(f, LXW_ALIGN_VERTICAL_BOTTOM);
    return f;
}

static tally_status make_formats(tally__xlsx *x)
{
    tally__xfmt *f = &x->fmt;
    f->title = workbook_add_format(x->wb);
    f->subtitle = workbook_add_format(x->wb);
    f->note = workbook_add_format(x->wb);
    f->head_first = head_format(x->wb, LXW_ALIGN_LEFT);
    f->head = head_format(x->wb, LXW_ALIGN_CENTER);
    if (!f->title || !f->subtitle || !f->note || !f->head_first || !f->head)
        return tally__nomem(x->err);
    format_set_bold(f->title);
    format_set_font_size(f->title, 12);
    format_set_text_wrap(f->title);
    format_set_align(f->title, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(f->subtitle);
    format_set_align(f->subtitle, LXW_ALIGN_VERTICAL_TOP);
    format_set_italic(f->note);
    format_set_font_size(f->note, 9);
    return TALLY_OK;
}

/* --- writing -------------------------------------------------------------- */

static tally_status set_height(tally__xlsx *x, tally__xsheet *s, unsigned lines,
                               double line_pt)
{
    double pt = lines * line_pt;
    TALLY__XL_TRY(x,
                  worksheet_set_row(s->ws, s->row,
                                    pt < MAX_ROW_PT ? pt : MAX_ROW_PT, NULL),
                  "row height");
    return TALLY_OK;
}

tally_status tally__xlsx_fit_row(tally__xlsx *x, tally__xsheet *s, size_t col,
                                 const char *text)
{
    unsigned lines;
    if (col >= s->ncols)
        return TALLY_OK;
    text_extent(text, s->width[col] - 1, 1.0, NULL, &lines);
    return lines > 1 ? set_height(x, s, lines, LINE_PT) : TALLY_OK;
}

/* 1 unless s is short ASCII without '_', which tally__xlsx_text() would
   copy unchanged: most answers, and a million verbatims skip the copy. */
static int needs_cleaning(const char *s)
{
    for (size_t n = 0; s[n]; n++)
        if ((unsigned char)s[n] >= 0x80 || s[n] == '_' || n > 8000)
            return 1;
    return 0;
}

tally_status tally__xlsx_put_string(tally__xlsx *x, tally__xsheet *s,
                                    lxw_col_t col, const char *text,
                                    lxw_format *f)
{
    const char *clean = needs_cleaning(text) ? tally__xlsx_text(x, text) : text;
    if (!clean)
        return tally__nomem(x->err);
    TALLY__XL_TRY(x, worksheet_write_string(s->ws, s->row, col, clean, f),
                  "text cell");
    return TALLY_OK;
}

/* A title or subtitle line: merged across the table's columns, wrapped,
   with a row height for the lines it takes. */
tally_status tally__xlsx_put_banner(tally__xlsx *x, tally__xsheet *s,
                                    size_t ncols, const char *text,
                                    lxw_format *f, int title)
{
    double room = -1;
    unsigned lines;
    ncols = ncols ? ncols : 1;
    for (size_t c = 0; c < ncols; c++)
        room += s->width[c];
    text_extent(text, room, title ? 1.2 : 1.0, NULL, &lines);
    if (ncols == 1) {
        TALLY_TRY(tally__xlsx_put_string(x, s, 0, text, f));
    } else {
        const char *clean = tally__xlsx_text(x, text);
        if (!clean)
            return tally__nomem(x->err);
        TALLY__XL_TRY(x,
                      worksheet_merge_range(s->ws, s->row, 0, s->row,
                                            (lxw_col_t)(ncols - 1), clean, f),
                      "merged title");
    }
    if (title || lines > 1)
        TALLY_TRY(set_height(x, s, lines, title ? TITLE_LINE_PT : LINE_PT));
    s->row++;
    return TALLY_OK;
}

tally_status tally__xlsx_put_header_row(tally__xlsx *x, tally__xsheet *s,
                                        const char *const *headers, size_t n)
{
    unsigned most = 1;
    if (!n)
        return TALLY_OK;
    TALLY_TRY(tally__xlsx_columns(x, s, n));
    for (size_t c = 0; c < n; c++) {
        unsigned lines;
        text_extent(headers[c], s->width[c] - 1, 1.1, NULL, &lines);
        most = lines > most ? lines : most;
        TALLY_TRY(tally__xlsx_put_string(x, s, (lxw_col_t)c, headers[c],
                                         c ? x->fmt.head : x->fmt.head_first));
    }
    if (most > 1)
        TALLY_TRY(set_height(x, s, most, LINE_PT));
    if (!s->has_header) {
        s->has_header = 1;
        worksheet_freeze_panes(s->ws, s->row + 1, 0);
        TALLY__XL_TRY(x, worksheet_repeat_rows(s->ws, s->row, s->row),
                      "print titles");
    }
    s->row++;
    return TALLY_OK;
}

static int clamp_decimals(int d)
{
    return d < 0 ? 0 : d > TALLY__XL_MAX_DECIMALS ? TALLY__XL_MAX_DECIMALS : d;
}

/* An empty cell: only a total row needs one, for its top border. */
static tally_status put_blank(tally__xlsx *x, tally__xsheet *s, lxw_col_t col,
                              tally_row_kind kind)
{
    if (kind != TALLY_ROW_TOTAL)
        return TALLY_OK;
    lxw_format *f = tally__xlsx_cell_format(x, kind, TALLY__XL_SLOT_TEXT);
    if (!f)
        return tally__nomem(x->err);
    TALLY__XL_TRY(x, worksheet_write_blank(s->ws, s->row, col, f),
                  "blank cell");
    return TALLY_OK;
}

/* A numeric cell. Non-finite values are left blank (the table has a note
   saying why) and never reach libxlsxwriter. */
static tally_status put_number(tally__xlsx *x, tally__xsheet *s, lxw_col_t col,
                               const tally_cell *c, tally_row_kind kind)
{
    if (!isfinite(c->value))
        return put_blank(x, s, col, kind);
    int percent = c->kind == TALLY_CELL_PERCENT;
    lxw_format *f = tally__xlsx_cell_format(
        x, kind,
        percent ? TALLY__XL_SLOT_PERCENT : clamp_decimals(c->decimals));
    if (!f)
        return tally__nomem(x->err);
    /* + 0.0 turns -0 into 0: "-0.0" reads as a sign error. */
    double v = (percent ? c->value / 100 : c->value) + 0.0;
    TALLY__XL_TRY(x, worksheet_write_number(s->ws, s->row, col, v, f),
                  "number cell");
    return TALLY_OK;
}

tally_status tally__xlsx_put_cell(tally__xlsx *x, tally__xsheet *s,
                                  lxw_col_t col, const tally_cell *c,
                                  tally_row_kind kind)
{
    switch (c->kind) {
    case TALLY_CELL_TEXT: {
        lxw_format *f = tally__xlsx_cell_format(x, kind, TALLY__XL_SLOT_TEXT);
        if (!f)
            return tally__nomem(x->err);
        return tally__xlsx_put_string(x, s, col, c->text, f);
    }
    case TALLY_CELL_COUNT:
    case TALLY_CELL_PERCENT:
    case TALLY_CELL_NUMBER: return put_number(x, s, col, c, kind);
    default: return put_blank(x, s, col, kind);
    }
}

static tally_status put_row(tally__xlsx *x, tally__xsheet *s,
                            const tally_table *t, size_t r)
{
    tally_row_kind kind = tally_table_row_kind(t, r);
    unsigned most = 1;
    for (size_t c = 0; c < tally_table_columns(t); c++) {
        const tally_cell *cell = tally_table_cell(t, r, c);
        if (cell->kind == TALLY_CELL_TEXT) {
            unsigned lines;
            text_extent(cell->text, s->width[c] - 1,
                        kind == TALLY_ROW_TOTAL ? 1.1 : 1.0, NULL, &lines);
            most = lines > most ? lines : most;
        }
        TALLY_TRY(tally__xlsx_put_cell(x, s, (lxw_col_t)c, cell, kind));
    }
    if (most > 1)
        TALLY_TRY(set_height(x, s, most, LINE_PT));
    s->row++;
    return TALLY_OK;
}

tally_status tally__xlsx_put_table(tally__xlsx *x, tally__xsheet *s,
                                   const tally_table *t, lxw_row_t *header_row)
{
    size_t nc = tally_table_columns(t);
    if (s->row > 0)
        s->row++; /* one blank row between tables */
    TALLY_TRY(tally__xlsx_put_banner(x, s, nc, tally_table_title(t),
                                     x->fmt.title, 1));
    for (size_t i = 0; i < tally_table_subtitle_count(t); i++)
        TALLY_TRY(tally__xlsx_put_banner(x, s, nc, tally_table_subtitle(t, i),
                                         x->fmt.subtitle, 0));
    if (header_row)
        *header_row = s->row;
    TALLY_TRY(
        tally__xlsx_put_header_row(x, s, (const char *const *)t->headers, nc));
    for (size_t r = 0; r < tally_table_rows(t); r++)
        TALLY_TRY(put_row(x, s, t, r));
    for (size_t i = 0; i < tally_table_footnote_count(t); i++) {
        TALLY_TRY(tally__xlsx_put_string(x, s, 0, tally_table_footnote(t, i),
                                         x->fmt.note));
        s->row++;
    }
    return TALLY_OK;
}

/* Column widths and print setup: landscape A4, one page wide. */
tally_status tally__xlsx_setup_sheet(tally__xlsx *x, tally__xsheet *s)
{
    for (size_t c = 0; c < s->ncols; c++)
        TALLY__XL_TRY(x,
                      worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c,
                                           s->width[c], NULL),
                      "column width");
    worksheet_set_landscape(s->ws);
    worksheet_set_paper(s->ws, PAPER_A4);
    worksheet_fit_to_pages(s->ws, 1, 0);
    worksheet_set_margins(s->ws, 0.5, 0.5, 0.75, 0.75);
    TALLY__XL_TRY(x, worksheet_set_footer(s->ws, "&L&A&R&P / &N"),
                  "page footer");
    return TALLY_OK;
}

static tally_status set_properties(tally__xlsx *x, const tally_write_opts *opts)
{
    char author[] = "tally";
    const char *title = opts && opts->title ? opts->title : "tally tables";
    lxw_doc_properties p = {
        .title = tally__xlsx_text(x, title),
        .author = author,
        .created = opts ? (time_t)opts->created : 0,
    };
    if (!p.title)
        return tally__nomem(x->err);
    TALLY__XL_TRY(x, workbook_set_properties(x->wb, &p), "document properties");
    return TALLY_OK;
}

/* libxlsxwriter opens the file only in workbook_close() and then prints
   its error to stderr: find out first, with errno. */
static tally_status check_path(const char *path, tally_error *err)
{
    FILE *f = fopen(path, "ab");
    if (!f) {
        int e = errno;
        tally_status st =
            tally__fail(err, TALLY_ERR_IO, "%s: %s", path, strerror(e));
        if (err)
            err->sys_errno = e;
        return st;
    }
    fclose(f);
    return TALLY_OK;
}

tally_status tally__xlsx_begin(tally__xlsx *x, const char *path,
                               const tally_write_opts *opts,
                               int constant_memory, tally_error *err)
{
    memset(x, 0, sizeof *x);
    x->path = path;
    x->err = err;
    x->pct_decimals = clamp_decimals(tally__percent_decimals(opts));
    TALLY_TRY(check_path(path, err));
    /* libxlsxwriter prints numbers with the thread's LC_NUMERIC. */
    x->c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    if (!x->c_locale)
        return tally__nomem(err);
    x->old_locale = uselocale(x->c_locale);
    lxw_workbook_options wo = {.constant_memory = constant_memory != 0};
    x->wb = workbook_new_opt(path, &wo);
    if (!x->wb)
        return tally__nomem(err);
    TALLY_TRY(set_properties(x, opts));
    return make_formats(x);
}

tally_status tally__xlsx_close(tally__xlsx *x)
{
    errno = 0;
    lxw_error e = workbook_close(x->wb); /* writes the file, frees wb */
    int sys = errno;
    x->wb = NULL;
    x->sheet = NULL;
    if (e == LXW_NO_ERROR)
        return TALLY_OK;
    /* The file errors come from the system (a full disk, a file size
       limit): say which, as libxlsxwriter's own text does not. */
    if (sys && (e == LXW_ERROR_CREATING_XLSX_FILE ||
                e == LXW_ERROR_CREATING_TMPFILE ||
                e == LXW_ERROR_ZIP_FILE_OPERATION ||
                e == LXW_ERROR_ZIP_FILE_ADD || e == LXW_ERROR_ZIP_CLOSE))
        return fail_because(x, "writing the workbook", strerror(sys));
    return tally__xlsx_fail(x, e, "writing the workbook");
}

void tally__xlsx_end(tally__xlsx *x)
{
    /* After an earlier failure the workbook is freed unwritten. */
    if (x->wb)
        lxw_workbook_free(x->wb);
    x->wb = NULL;
    tally__free(x->scratch);
    x->scratch = NULL;
    if (x->c_locale) {
        uselocale(x->old_locale);
        freelocale(x->c_locale);
        x->c_locale = NULL;
    }
}

tally_status tally__xlsx_add_sheet(tally__xlsx *x, tally__xsheet *s,
                                   const char *name)
{
    x->sheet = name;
    TALLY__XL_TRY(x, workbook_validate_sheet_name(x->wb, name), "sheet name");
    s->ws = workbook_add_worksheet(x->wb, name);
    return s->ws ? TALLY_OK : tally__nomem(x->err);
}

void tally__xsheet_free(tally__xsheet *s)
{
    tally__free(s->width);
    s->width = NULL;
    s->ncols = 0;
}
