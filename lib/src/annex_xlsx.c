/*
 * annex_xlsx.c: tally_annex_write_xlsx(): the annex workbook.
 *
 * Sheets, in tab order: Contents (every question linked to its tables),
 * the question sheets (or section sheets), Verbatims (continued on
 * "Verbatims (2)"... since a sheet holds 1,048,576 rows), Methodology.
 * The workbook is written in libxlsxwriter's constant-memory mode: each
 * row goes to a temporary file as soon as the next one begins, so rows
 * of a sheet are written strictly in order. Sheets have a file each, so
 * the Contents sheet is written last, when every link target is known.
 */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "annex_chart.h"
#include "redact.h"

#define CAP TALLY__SHEET_NAME_CAP

typedef struct link {
    const char *sheet; /* worksheet name                             */
    lxw_row_t row;     /* 0-based row of the question's first table   */
} link;

typedef struct axl {
    const tally_annex *a;
    tally__xlsx x;
    char *names;       /* CAP bytes each: Contents, Methodology, the
                          verbatim sheets, then the question sheets   */
    size_t nnames;
    tally__xsheet contents, method;
    tally__xsheet *verb, *qs;
    size_t nverb, nqs;
    size_t *sheet_of;  /* question sheet of each table                */
    link *links;       /* one per annex question                      */
} axl;

static const char *name_at(const axl *w, size_t i)
{
    return w->names + i * CAP;
}

static void add_name(axl *w, const char *raw)
{
    tally__xlsx_sheet_name(raw, w->nnames + 1, w->names, w->nnames,
                           w->names + w->nnames * CAP);
    w->nnames++;
}

static int has_text(const tally_annex *a)
{
    const tally_codebook *cb = tally_dataset_codebook(a->ds);
    for (size_t i = 0; i < a->nq; i++)
        if (tally_codebook_question(cb, a->qs[i].question)->type ==
            TALLY_QTYPE_TEXT)
            return 1;
    return 0;
}

/* --- planning: names and column widths ------------------------------------ */

static size_t find_qsheet(const axl *w, const char *raw)
{
    for (size_t s = w->nqs; s-- > 0;)
        if (strcmp(w->qs[s].raw, raw) == 0)
            return s;
    return w->nqs;
}

static tally_status plan_questions(axl *w)
{
    const tally_tables *ts = w->a->tables;
    for (size_t i = 0; i < tally_tables_count(ts); i++) {
        const tally_table *t = tally_tables_get(ts, i);
        size_t s = find_qsheet(w, tally_table_sheet(t));
        if (s == w->nqs) {
            w->qs[s].raw = tally_table_sheet(t);
            add_name(w, w->qs[s].raw);
            w->nqs++;
        }
        w->sheet_of[i] = s;
        TALLY_TRY(tally__xlsx_widen(&w->x, &w->qs[s], t));
    }
    return TALLY_OK;
}

static tally_status plan(axl *w)
{
    const tally_annex *a = w->a;
    size_t nt = tally_tables_count(a->tables);
    w->nverb = has_text(a) ? 1 : 0;
    if (a->n_verbatims > TALLY__VERBATIM_ROWS)
        w->nverb = (a->n_verbatims + TALLY__VERBATIM_ROWS - 1) /
                   TALLY__VERBATIM_ROWS;
    w->names = tally__calloc(nt + w->nverb + 3, CAP);
    w->verb = tally__calloc(w->nverb + 1, sizeof *w->verb);
    w->qs = tally__calloc(nt + 1, sizeof *w->qs);
    w->sheet_of = tally__calloc(nt + 1, sizeof *w->sheet_of);
    w->links = tally__calloc(a->nq + 1, sizeof *w->links);
    if (!w->names || !w->verb || !w->qs || !w->sheet_of || !w->links)
        return tally__nomem(w->x.err);
    add_name(w, "Contents");
    add_name(w, "Methodology");
    for (size_t i = 0; i < w->nverb; i++) {
        char raw[48];
        snprintf(raw, sizeof raw, i ? "Verbatims (%zu)" : "Verbatims",
                 i + 1);
        add_name(w, raw);
    }
    TALLY_TRY(plan_questions(w));
    return tally__xlsx_widen(&w->x, &w->method,
                             tally_tables_get(a->method, 0));
}

static tally_status fixed_widths(axl *w, tally__xsheet *s,
                                 const double *widths, size_t n)
{
    TALLY_TRY(tally__xlsx_columns(&w->x, s, n));
    memcpy(s->width, widths, n * sizeof *widths);
    return TALLY_OK;
}

/* Every worksheet, in tab order, with widths and print setup. */
static tally_status add_sheets(axl *w)
{
    static const double contents[] = {12, 70, 18, 10};
    static const double verbatims[] = {16, 12, 90};
    tally__xlsx *x = &w->x;
    TALLY_TRY(fixed_widths(w, &w->contents, contents, 4));
    TALLY_TRY(tally__xlsx_add_sheet(x, &w->contents, name_at(w, 0)));
    TALLY_TRY(tally__xlsx_setup_sheet(x, &w->contents));
    for (size_t s = 0; s < w->nqs; s++) {
        TALLY_TRY(tally__xlsx_add_sheet(x, &w->qs[s],
                                        name_at(w, 2 + w->nverb + s)));
        TALLY_TRY(tally__xlsx_setup_sheet(x, &w->qs[s]));
    }
    for (size_t s = 0; s < w->nverb; s++) {
        TALLY_TRY(fixed_widths(w, &w->verb[s], verbatims, 3));
        TALLY_TRY(tally__xlsx_add_sheet(x, &w->verb[s], name_at(w, 2 + s)));
        TALLY_TRY(tally__xlsx_setup_sheet(x, &w->verb[s]));
    }
    TALLY_TRY(tally__xlsx_add_sheet(x, &w->method, name_at(w, 1)));
    return tally__xlsx_setup_sheet(x, &w->method);
}

/* --- question sheets ------------------------------------------------------ */

static size_t question_of_table(const axl *w, size_t ti)
{
    for (size_t i = 0; i < w->a->nq; i++)
        if (ti >= w->a->qs[i].first_table &&
            ti < w->a->qs[i].first_table + w->a->qs[i].n_tables)
            return i;
    return w->a->nq;
}

static tally_status write_questions(axl *w)
{
    const tally_annex *a = w->a;
    size_t next_chart = 0;
    for (size_t i = 0; i < tally_tables_count(a->tables); i++) {
        size_t si = w->sheet_of[i];
        tally__xsheet *s = &w->qs[si];
        const char *name = name_at(w, 2 + w->nverb + si);
        lxw_row_t head, title = s->row ? s->row + 1 : 0;
        size_t q = question_of_table(w, i);
        w->x.sheet = name;
        if (q < a->nq && i == a->qs[q].first_table)
            w->links[q] = (link){name, title};
        TALLY_TRY(tally__xlsx_put_table(&w->x, s, tally_tables_get(
                                                      a->tables, i),
                                        &head));
        while (next_chart < a->ncharts && a->charts[next_chart].table < i)
            next_chart++;
        if (!a->o.no_charts && next_chart < a->ncharts &&
            a->charts[next_chart].table == i)
            TALLY_TRY(tally__annex_chart(&w->x, s, name,
                                         &a->charts[next_chart++], head));
    }
    return TALLY_OK;
}

/* --- verbatims ------------------------------------------------------------ */

static tally_status verbatim_sheet(axl *w, size_t k)
{
    static const char *const head[] = {"Respondent", "Question", "Answer"};
    tally__xsheet *s = &w->verb[k];
    w->x.sheet = name_at(w, 2 + k);
    return tally__xlsx_put_header_row(&w->x, s, head, 3);
}

static tally_status verbatim(axl *w, tally__xsheet *s, const tally__aq *aq,
                             const char *answer, size_t r,
                             lxw_format *wrap)
{
    const tally_question *q = tally_codebook_question(
        tally_dataset_codebook(w->a->ds), aq->question);
    const char *id = tally__annex_respondent(w->a, r);
    if (id)
        TALLY_TRY(tally__xlsx_put_string(&w->x, s, 0, id, wrap));
    else
        TALLY__XL_TRY(&w->x, worksheet_write_number(s->ws, s->row, 0,
                                                    (double)(r + 1), wrap),
                      "row number");
    TALLY_TRY(tally__xlsx_put_string(&w->x, s, 1, q->id, wrap));
    char *masked = NULL;
    if (w->a->o.redact && tally__redact(answer, &masked) != 0)
        return tally__nomem(w->x.err);
    const char *text = masked ? masked : answer;
    tally_status st = tally__xlsx_put_string(&w->x, s, 2, text, wrap);
    if (st == TALLY_OK)
        st = tally__xlsx_fit_row(&w->x, s, 2, text);
    tally__free(masked);
    s->row++;
    return st;
}

static tally_status finish_verbatims(axl *w, size_t k)
{
    tally__xsheet *s = &w->verb[k];
    if (s->row > 1)
        TALLY__XL_TRY(&w->x, worksheet_autofilter(s->ws, 0, 0, s->row - 1,
                                                  2),
                      "autofilter");
    return TALLY_OK;
}

/*
 * The format of verbatim cells: wrapped, at the top, left-aligned. It
 * must differ from every other format: libxlsxwriter 1.1.4 caches the
 * style index only in the first of identical formats and looks the
 * others up in a hash of the whole format at every cell, which took a
 * sixth of the time of a million verbatims.
 */
static lxw_format *verbatim_format(axl *w)
{
    lxw_format *f = workbook_add_format(w->x.wb);
    if (f) {
        format_set_text_wrap(f);
        format_set_align(f, LXW_ALIGN_LEFT);
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    }
    return f;
}

static tally_status write_verbatims(axl *w)
{
    const tally_annex *a = w->a;
    size_t k = 0;
    lxw_format *wrap = verbatim_format(w);
    if (!w->nverb)
        return TALLY_OK;
    if (!wrap)
        return tally__nomem(w->x.err);
    TALLY_TRY(verbatim_sheet(w, 0));
    for (size_t i = 0; i < a->nq; i++) {
        const char *const *texts = a->ds->q[a->qs[i].question].texts;
        if (!a->qs[i].n_verbatims && !texts)
            continue;
        w->links[i] = (link){name_at(w, 2 + k), w->verb[k].row};
        for (size_t r = 0; texts && r < a->ds->rows; r++) {
            if (!texts[r])
                continue;
            if (w->verb[k].row > TALLY__VERBATIM_ROWS) {
                TALLY_TRY(finish_verbatims(w, k));
                TALLY_TRY(verbatim_sheet(w, ++k));
            }
            TALLY_TRY(verbatim(w, &w->verb[k], &a->qs[i], texts[r], r,
                               wrap));
        }
    }
    return finish_verbatims(w, k);
}

/* --- contents ------------------------------------------------------------- */

static const char *type_label(tally_qtype t)
{
    static const char *const labels[] = {
#define TALLY_X_(e, k, n) n,
        TALLY_QTYPE_LIST(TALLY_X_)
#undef TALLY_X_
    };
    return (size_t)t < TALLY_ARRAY_SIZE(labels) ? labels[t] : "";
}

/* "internal:'It''s'!A5": a link to a cell of the workbook. */
static void internal_url(const link *l, char *out, size_t cap)
{
    size_t n = (size_t)snprintf(out, cap, "internal:'");
    for (const char *p = l->sheet; *p && n + 3 < cap; p++) {
        if (*p == '\'')
            out[n++] = '\'';
        out[n++] = *p;
    }
    snprintf(out + n, cap - n, "'!A%lu", (unsigned long)l->row + 1);
}

static tally_status put_link(axl *w, lxw_col_t col, const link *l,
                             const char *text)
{
    char url[2 * CAP + 32];
    internal_url(l, url, sizeof url);
    const char *clean = tally__xlsx_text(&w->x, text);
    if (!clean)
        return tally__nomem(w->x.err);
    TALLY__XL_TRY(&w->x, worksheet_write_url_opt(w->contents.ws,
                                                 w->contents.row, col, url,
                                                 NULL, clean, NULL),
                  "link");
    return TALLY_OK;
}

static tally_status contents_row(axl *w, size_t i)
{
    const tally__aq *aq = &w->a->qs[i];
    const tally_question *q = tally_codebook_question(
        tally_dataset_codebook(w->a->ds), aq->question);
    tally__xsheet *s = &w->contents;
    lxw_format *text = tally__xlsx_cell_format(&w->x, TALLY_ROW_BODY,
                                               TALLY__XL_SLOT_TEXT);
    lxw_format *num = tally__xlsx_cell_format(&w->x, TALLY_ROW_BODY, 0);
    if (!text || !num)
        return tally__nomem(w->x.err);
    if (w->links[i].sheet)
        TALLY_TRY(put_link(w, 0, &w->links[i], q->id));
    else
        TALLY_TRY(tally__xlsx_put_string(&w->x, s, 0, q->id, text));
    TALLY_TRY(tally__xlsx_put_string(&w->x, s, 1, q->text, text));
    TALLY_TRY(tally__xlsx_fit_row(&w->x, s, 1, q->text));
    TALLY_TRY(tally__xlsx_put_string(&w->x, s, 2, type_label(q->type),
                                     text));
    TALLY__XL_TRY(&w->x, worksheet_write_number(s->ws, s->row, 3,
                                                (double)aq->base, num),
                  "base");
    s->row++;
    return TALLY_OK;
}

static tally_status contents_head(axl *w)
{
    static const char *const head[] = {"Question", "Text", "Type", "Base"};
    const tally_annex *a = w->a;
    const char *filter = tally_dataset_filter_text(a->ds);
    char line[1024];
    tally__xsheet *s = &w->contents;
    w->x.sheet = name_at(w, 0);
    TALLY_TRY(tally__xlsx_put_banner(&w->x, s, 4, a->title, w->x.fmt.title,
                                     1));
    snprintf(line, sizeof line, "Statistical annex: %zu respondents%s%s",
             tally_dataset_rows(a->ds), filter ? "; filter: " : "",
             filter ? filter : "");
    TALLY_TRY(tally__xlsx_put_banner(&w->x, s, 4, line, w->x.fmt.subtitle,
                                     0));
    snprintf(line, sizeof line, "Made with tally %s on %s. Each question "
                                "links to its tables; the Methodology sheet "
                                "says how they were computed.",
             tally_version(), a->date);
    TALLY_TRY(tally__xlsx_put_banner(&w->x, s, 4, line, w->x.fmt.subtitle,
                                     0));
    s->row++;
    return tally__xlsx_put_header_row(&w->x, s, head, 4);
}

static tally_status write_contents(axl *w)
{
    tally__xsheet *s = &w->contents;
    TALLY_TRY(contents_head(w));
    for (size_t i = 0; i < w->a->nq; i++)
        TALLY_TRY(contents_row(w, i));
    s->row++;
    for (size_t k = 0; k < w->nverb; k++) {
        link l = {name_at(w, 2 + k), 0};
        TALLY_TRY(put_link(w, 0, &l, name_at(w, 2 + k)));
        s->row++;
    }
    link m = {name_at(w, 1), 0};
    TALLY_TRY(put_link(w, 0, &m, "Methodology"));
    s->row++;
    TALLY_TRY(tally__xlsx_put_string(&w->x, s, 0,
                                     "Base: respondents who gave a valid "
                                     "answer (unweighted); open questions: "
                                     "respondents who answered.",
                                     w->x.fmt.note));
    return TALLY_OK;
}

/* --- the workbook --------------------------------------------------------- */

static tally_status write_all(axl *w)
{
    TALLY_TRY(plan(w));
    TALLY_TRY(add_sheets(w));
    TALLY_TRY(write_questions(w));
    TALLY_TRY(write_verbatims(w));
    w->x.sheet = name_at(w, 1);
    TALLY_TRY(tally__xlsx_put_table(&w->x, &w->method,
                                    tally_tables_get(w->a->method, 0),
                                    NULL));
    TALLY_TRY(write_contents(w));
    return tally__xlsx_close(&w->x);
}

static void free_axl(axl *w)
{
    tally__xlsx_end(&w->x);
    tally__xsheet_free(&w->contents);
    tally__xsheet_free(&w->method);
    for (size_t s = 0; w->verb && s < w->nverb; s++)
        tally__xsheet_free(&w->verb[s]);
    for (size_t s = 0; w->qs && s < w->nqs; s++)
        tally__xsheet_free(&w->qs[s]);
    tally__free(w->names);
    tally__free(w->verb);
    tally__free(w->qs);
    tally__free(w->sheet_of);
    tally__free(w->links);
}

tally_status tally_annex_write_xlsx(const tally_annex *a, const char *path,
                                    tally_error *err)
{
    if (!a || !path || !path[0])
        return tally__fail(err, TALLY_ERR_INVALID_ARG,
                           "annex: no annex or no path");
    axl w = {.a = a};
    tally_status st = tally__xlsx_begin(&w.x, path, &a->o.write, 1, err);
    if (st == TALLY_OK)
        st = write_all(&w);
    free_axl(&w);
    return st;
}
