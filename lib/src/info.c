/*
 * info.c: what `tally info` shows: how the file was read, every question
 * with its type, base and items, the columns left out (metadata and
 * personal data among them, so the evaluator sees what is never
 * tabulated) and the warnings raised while reading.
 *
 * JSON per DESIGN.md section 3; beyond its keys: "layout" (the
 * platform's export generation, when it has several), "header_rows",
 * "weight", "filter", "notes", and "missing" (missing-code labels) next
 * to "options" for each question.
 */
#include <stdio.h>
#include <string.h>

#include "dataset_internal.h"
#include "json.h"
#include "table_internal.h"

static const char *delimiter_name(char d)
{
    return d == '\t' ? "tab" : d == ';' ? ";" : d == ',' ? "," : "";
}

/* --- JSON ----------------------------------------------------------------- */

static tally_status json_str_key(tally_buf *b, const char *key,
                                 const char *value)
{
    TALLY_TRY(tally__json_key(b, key, 0));
    return value ? tally__json_str(b, value) : tally__buf_puts(b, "null");
}

/* A comma before every element but the first. */
static tally_status comma(tally_buf *b, size_t n)
{
    return n ? tally__buf_putc(b, ',') : TALLY_OK;
}

static tally_status json_labels(tally_buf *b, const tally_question *q,
                                int missing)
{
    size_t n = 0;
    TALLY_TRY(tally__buf_putc(b, '['));
    for (size_t k = 0; k < q->n_options; k++) {
        if (q->options[k].missing != missing)
            continue;
        TALLY_TRY(comma(b, n++));
        TALLY_TRY(tally__json_str(b, q->options[k].label));
    }
    return tally__buf_putc(b, ']');
}

static tally_status json_columns(tally_buf *b, const tally_question *q)
{
    size_t n = 0;
    TALLY_TRY(tally__json_key(b, "columns", 0));
    TALLY_TRY(tally__buf_putc(b, '['));
    if (q->column)
        TALLY_TRY(tally__json_str(b, q->column));
    n += q->column != NULL;
    for (size_t i = 0; i < q->n_items; i++) {
        TALLY_TRY(comma(b, n++));
        TALLY_TRY(tally__json_str(b, q->items[i].column));
    }
    for (size_t i = 0; !q->column && i < q->n_options; i++) {
        if (!q->options[i].column)
            continue;
        TALLY_TRY(comma(b, n++));
        TALLY_TRY(tally__json_str(b, q->options[i].column));
    }
    return tally__buf_putc(b, ']');
}

static tally_status json_question(tally_buf *b, const tally_dataset *ds,
                                  size_t qi)
{
    const tally_question *q = ds->cb->questions[qi];
    TALLY_TRY(tally__buf_puts(b, "{\"id\":"));
    TALLY_TRY(tally__json_str(b, q->id));
    TALLY_TRY(json_str_key(b, "text", q->text));
    TALLY_TRY(json_str_key(b, "type", tally_qtype_name(q->type)));
    TALLY_TRY(tally__json_key(b, "base", 0));
    TALLY_TRY(tally__json_num(b, (double)tally_dataset_base(ds, qi)));
    TALLY_TRY(json_columns(b, q));
    TALLY_TRY(tally__json_key(b, "items", 0));
    TALLY_TRY(tally__buf_putc(b, '['));
    for (size_t i = 0; i < q->n_items; i++) {
        TALLY_TRY(tally__buf_puts(b, i ? ",{\"id\":" : "{\"id\":"));
        TALLY_TRY(tally__json_str(b, q->items[i].id));
        TALLY_TRY(json_str_key(b, "text", q->items[i].text));
        TALLY_TRY(tally__buf_putc(b, '}'));
    }
    TALLY_TRY(tally__buf_putc(b, ']'));
    TALLY_TRY(tally__json_key(b, "options", 0));
    TALLY_TRY(json_labels(b, q, 0));
    TALLY_TRY(tally__json_key(b, "missing", 0));
    TALLY_TRY(json_labels(b, q, 1));
    return tally__buf_putc(b, '}');
}

static tally_status json_source(tally_buf *b, const tally_dataset *ds)
{
    const tally_source *s = &ds->source;
    TALLY_TRY(tally__buf_puts(b, "{\"file\":"));
    TALLY_TRY(tally__json_str(b, s->file));
    TALLY_TRY(json_str_key(b, "format", s->format));
    if (s->member)
        TALLY_TRY(json_str_key(b, "member", s->member));
    if (s->sheet)
        TALLY_TRY(json_str_key(b, "sheet", s->sheet));
    TALLY_TRY(json_str_key(b, "encoding", tally_encoding_name(s->encoding)));
    TALLY_TRY(json_str_key(b, "delimiter", s->delimiter
                                               ? delimiter_name(s->delimiter)
                                               : NULL));
    TALLY_TRY(json_str_key(b, "dialect", tally_dialect_name(s->dialect)));
    if (s->layout)
        TALLY_TRY(json_str_key(b, "layout", s->layout));
    TALLY_TRY(tally__json_key(b, "header_rows", 0));
    TALLY_TRY(tally__json_num(b, (double)s->header_rows));
    TALLY_TRY(tally__json_key(b, "respondents", 0));
    TALLY_TRY(tally__json_num(b, (double)ds->rows));
    TALLY_TRY(json_str_key(b, "weight", ds->weight_column));
    return json_str_key(b, "filter", ds->filter);
}

static tally_status json_rest(tally_buf *b, const tally_dataset *ds)
{
    TALLY_TRY(tally__json_key(b, "ignored_columns", 0));
    TALLY_TRY(tally__buf_putc(b, '['));
    for (size_t i = 0; i < ds->n_ignored; i++) {
        TALLY_TRY(tally__buf_puts(b, i ? ",{\"column\":" : "{\"column\":"));
        TALLY_TRY(tally__json_str(b, ds->ignored[i].column));
        TALLY_TRY(json_str_key(b, "reason", ds->ignored[i].reason));
        TALLY_TRY(tally__buf_putc(b, '}'));
    }
    TALLY_TRY(tally__buf_putc(b, ']'));
    TALLY_TRY(tally__json_strings(b, "notes", ds->notes, ds->n_notes, 0));
    return tally__buf_puts(b, "}\n");
}

tally_status tally_dataset_write_info_json(const tally_dataset *ds,
                                           tally_buf *out, tally_error *err)
{
    if (!ds || !out)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "nothing to write");
    tally_status st = json_source(out, ds);
    if (st == TALLY_OK)
        st = tally__buf_puts(out, ",\"questions\":[");
    int first = 1;
    for (size_t i = 0; st == TALLY_OK && i < ds->cb->n_questions; i++) {
        if (ds->cb->questions[i]->type == TALLY_QTYPE_META)
            continue;
        st = first ? TALLY_OK : tally__buf_putc(out, ',');
        first = 0;
        if (st == TALLY_OK)
            st = json_question(out, ds, i);
    }
    if (st == TALLY_OK)
        st = tally__buf_putc(out, ']');
    if (st == TALLY_OK)
        st = json_rest(out, ds);
    return st == TALLY_OK ? TALLY_OK : tally__nomem(err);
}

/* --- tables --------------------------------------------------------------- */

static int text_row(tally_tables *ts, tally_table *t, const char *const *v)
{
    tally_cell *row = tally__table_row(t, TALLY_ROW_BODY);
    if (!row)
        return -1;
    for (size_t c = 0; c < t->ncols; c++)
        if (tally__cell_text(ts, &row[c], v[c]))
            return -1;
    return 0;
}

static int source_table(tally_tables *ts, const tally_dataset *ds)
{
    const tally_source *s = &ds->source;
    char rows[32], header_rows[32], dialect[96];
    snprintf(rows, sizeof rows, "%zu", ds->rows);
    snprintf(header_rows, sizeof header_rows, "%zu", s->header_rows);
    snprintf(dialect, sizeof dialect, "%s%s%s%s",
             tally_dialect_name(s->dialect), s->layout ? " (" : "",
             s->layout ? s->layout : "", s->layout ? ")" : "");
    tally_table *t = tally__table_new(ts, s->file, "Info", 2);
    const char *lines[][2] = {
        {"Format", s->format},
        {"Member", s->member}, /* of a .zip download, or NULL */
        {"Sheet", s->sheet},   /* of a workbook, or NULL */
        {"Encoding", tally_encoding_name(s->encoding)},
        {"Delimiter", s->delimiter ? delimiter_name(s->delimiter) : NULL},
        {"Dialect", dialect},
        {"Header rows", header_rows},
        {"Respondents", rows},
        {"Weight", ds->weight_column ? ds->weight_column : "none"},
        {"Filter", ds->filter ? ds->filter : "none"},
    };
    if (!t)
        return -1;
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        if (lines[i][1] && text_row(ts, t, lines[i]))
            return -1;
    return 0;
}

static int question_row(tally_tables *ts, tally_table *t,
                        const tally_dataset *ds, size_t qi)
{
    const tally_question *q = ds->cb->questions[qi];
    char parts[64];
    size_t valid = tally__question_valid_options(q);
    if (q->n_items)
        snprintf(parts, sizeof parts, "%zu items x %zu points", q->n_items,
                 valid);
    else if (valid)
        snprintf(parts, sizeof parts, "%zu options", valid);
    else
        parts[0] = '\0';
    if (q->n_options > valid)
        snprintf(parts + strlen(parts), sizeof parts - strlen(parts),
                 "%s%zu missing", *parts ? ", " : "", q->n_options - valid);
    const char *v[] = {q->id, tally_qtype_name(q->type), "", parts,
                       q->text};
    if (text_row(ts, t, v))
        return -1;
    tally_cell *base = &t->cells[(t->nrows - 1) * t->ncols + 2];
    tally__cell_num(base, TALLY_CELL_COUNT, (double)tally_dataset_base(ds, qi),
                    0);
    return 0;
}

static int questions_table(tally_tables *ts, const tally_dataset *ds)
{
    static const char *const head[] = {"Id", "Type", "Base", "Answers",
                                       "Text"};
    tally_table *t = tally__table_new(ts, "Questions", "Info", 5);
    if (!t)
        return -1;
    for (size_t c = 0; c < 5; c++)
        if (tally__table_header(ts, t, c, head[c]))
            return -1;
    for (size_t i = 0; i < ds->cb->n_questions; i++)
        if (ds->cb->questions[i]->type != TALLY_QTYPE_META &&
            question_row(ts, t, ds, i))
            return -1;
    return tally__table_footnote(ts, t, "Base: respondents with at least "
                                        "one valid answer.");
}

static int ignored_table(tally_tables *ts, const tally_dataset *ds)
{
    if (!ds->n_ignored && !ds->n_notes)
        return 0;
    tally_table *t = tally__table_new(ts, "Columns not analysed", "Info", 2);
    if (!t || tally__table_header(ts, t, 0, "Column") ||
        tally__table_header(ts, t, 1, "Reason"))
        return -1;
    for (size_t i = 0; i < ds->n_ignored; i++) {
        const char *v[] = {ds->ignored[i].column, ds->ignored[i].reason};
        if (text_row(ts, t, v))
            return -1;
    }
    for (size_t i = 0; i < ds->n_notes; i++)
        if (tally__table_footnote(ts, t, "Note: %s", ds->notes[i]))
            return -1;
    return 0;
}

tally_status tally_dataset_add_info_tables(const tally_dataset *ds,
                                           tally_tables *ts,
                                           tally_error *err)
{
    if (!ds || !ts)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "nothing to add");
    if (source_table(ts, ds) || questions_table(ts, ds) ||
        ignored_table(ts, ds))
        return tally__nomem(err);
    return TALLY_OK;
}
