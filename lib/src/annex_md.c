/*
 * annex_md.c: tally_annex_write_md(): the annex as one Markdown document,
 * the workbook's twin for reports written in Markdown or Quarto: the
 * contents with links, a "## " heading per sheet (question or section)
 * over the same tables as the workbook, the verbatims, the methodology.
 * Anchors are explicit (<a id="...">), which GitHub and Pandoc both keep.
 */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "annex_internal.h"
#include "buf_internal.h"
#include "redact.h"

/* Index of the heading (sheet) of table i: tables of a sheet follow each
   other, so a new sheet starts where the raw name changes to one not
   seen before. */
static size_t sheet_index(const tally_annex *a, size_t ti)
{
    size_t n = 0;
    for (size_t i = 1; i <= ti; i++) {
        const char *s = a->tables->tables[i]->sheet;
        int seen = 0;
        for (size_t j = 0; j < i && !seen; j++)
            seen = strcmp(a->tables->tables[j]->sheet, s) == 0;
        n += !seen;
    }
    return n;
}

static tally_status contents_row(tally_buf *b, const tally_annex *a,
                                 size_t i)
{
    const tally__aq *aq = &a->qs[i];
    const tally_question *q = tally_codebook_question(
        tally_dataset_codebook(a->ds), aq->question);
    TALLY_TRY(tally__buf_puts(b, "| ["));
    TALLY_TRY(tally__md_escaped(b, q->id));
    if (q->type == TALLY_QTYPE_TEXT)
        TALLY_TRY(tally__buf_puts(b, "](#verbatims) | "));
    else if (aq->n_tables)
        TALLY_TRY(tally__buf_printf(b, "](#sheet-%zu) | ",
                                    sheet_index(a, aq->first_table) + 1));
    else
        TALLY_TRY(tally__buf_puts(b, "](#contents) | "));
    TALLY_TRY(tally__md_escaped(b, q->text));
    TALLY_TRY(tally__buf_printf(b, " | %s | %zu |\n",
                                tally_qtype_name(q->type), aq->base));
    return TALLY_OK;
}

static tally_status head(tally_buf *b, const tally_annex *a)
{
    const char *filter = tally_dataset_filter_text(a->ds);
    TALLY_TRY(tally__buf_puts(b, "# "));
    TALLY_TRY(tally__md_escaped(b, a->title));
    TALLY_TRY(tally__buf_printf(b, "\n\nStatistical annex: %zu respondents",
                                tally_dataset_rows(a->ds)));
    if (filter) {
        TALLY_TRY(tally__buf_puts(b, "; filter: "));
        TALLY_TRY(tally__md_escaped(b, filter));
    }
    TALLY_TRY(tally__buf_printf(b, "  \nMade with tally %s on %s.\n\n"
                                   "## <a id=\"contents\"></a>Contents\n\n"
                                   "| Question | Text | Type | Base |\n"
                                   "|:---|:---|:---|---:|\n",
                                tally_version(), a->date));
    for (size_t i = 0; i < a->nq; i++)
        TALLY_TRY(contents_row(b, a, i));
    return tally__buf_puts(b, "\nBase: respondents who gave a valid answer "
                              "(unweighted); open questions: respondents "
                              "who answered.\n");
}

static tally_status tables(tally_buf *b, const tally_annex *a, int pd)
{
    size_t sheets = 0;
    for (size_t i = 0; i < a->tables->n; i++) {
        const tally_table *t = a->tables->tables[i];
        if (sheet_index(a, i) == sheets) {
            TALLY_TRY(tally__buf_printf(b, "\n## <a id=\"sheet-%zu\"></a>",
                                        ++sheets));
            TALLY_TRY(tally__md_escaped(b, t->sheet));
            TALLY_TRY(tally__buf_putc(b, '\n'));
        }
        TALLY_TRY(tally__buf_putc(b, '\n'));
        TALLY_TRY(tally__md_table(b, t, pd));
    }
    return TALLY_OK;
}

/* A verbatim, with e-mail addresses and phone numbers masked when the
   annex is redacted. */
static tally_status answer(tally_buf *b, const tally_annex *a,
                           const char *text)
{
    char *masked = NULL;
    if (a->o.redact && tally__redact(text, &masked) != 0)
        return TALLY_ERR_NOMEM;
    tally_status st = tally__md_escaped(b, masked ? masked : text);
    tally__free(masked);
    return st;
}

static tally_status verbatims(tally_buf *b, const tally_annex *a)
{
    const tally_codebook *cb = tally_dataset_codebook(a->ds);
    int any = 0;
    for (size_t i = 0; i < a->nq; i++) {
        const tally_question *q = tally_codebook_question(cb,
                                                          a->qs[i].question);
        const char *const *texts = a->ds->q[a->qs[i].question].texts;
        if (q->type != TALLY_QTYPE_TEXT)
            continue;
        if (!any++)
            TALLY_TRY(tally__buf_puts(b, "\n## <a id=\"verbatims\"></a>"
                                         "Verbatims\n"));
        TALLY_TRY(tally__buf_puts(b, "\n### "));
        TALLY_TRY(tally__md_escaped(b, q->id));
        TALLY_TRY(tally__buf_puts(b, ". "));
        TALLY_TRY(tally__md_escaped(b, q->text));
        TALLY_TRY(tally__buf_puts(b, "\n\n| Respondent | Answer |\n"
                                     "|:---|:---|\n"));
        for (size_t r = 0; texts && r < a->ds->rows; r++) {
            const char *id = tally__annex_respondent(a, r);
            if (!texts[r])
                continue;
            TALLY_TRY(tally__buf_puts(b, "| "));
            if (id)
                TALLY_TRY(tally__md_escaped(b, id));
            else
                TALLY_TRY(tally__buf_printf(b, "%zu", r + 1));
            TALLY_TRY(tally__buf_puts(b, " | "));
            TALLY_TRY(answer(b, a, texts[r]));
            TALLY_TRY(tally__buf_puts(b, " |\n"));
        }
    }
    return TALLY_OK;
}

static tally_status document(tally_buf *b, const tally_annex *a)
{
    int pd = tally__percent_decimals(&a->o.write);
    TALLY_TRY(head(b, a));
    TALLY_TRY(tables(b, a, pd));
    TALLY_TRY(verbatims(b, a));
    TALLY_TRY(tally__buf_puts(b, "\n## <a id=\"methodology\"></a>"
                                 "Methodology\n\n"));
    return tally__md_table(b, tally_tables_get(a->method, 0), pd);
}

tally_status tally_annex_write_md(const tally_annex *a, tally_buf *out,
                                  tally_error *err)
{
    if (!a || !out)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "nothing to write");
    size_t before = tally_buf_size(out);
    tally_status st = document(out, a);
    if (st != TALLY_OK) {
        tally__buf_trim(out, tally_buf_size(out) - before);
        return tally__nomem(err);
    }
    return TALLY_OK;
}
