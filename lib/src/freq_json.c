/*
 * freq_json.c: tally_freq_write_json(): the JSON contract of DESIGN.md
 * section 3. Numbers are unrounded; undefined values are null. Beyond
 * the contract's keys, each table also carries "missing" (respondents who
 * answered with a missing code, so that respondents = base + missing +
 * no_answer can be checked) and, when weighted, "n_eff"; the "ci" object
 * carries "population" when the finite population correction is on.
 */
#include "freq_internal.h"
#include "json.h"

static tally_status write_category(tally_buf *b, const tally_category *c)
{
    TALLY_TRY(tally__buf_puts(b, "{\"label\":"));
    TALLY_TRY(tally__json_str(b, c->label));
    TALLY_TRY(tally__json_num_field(b, "value", c->value, 0));
    TALLY_TRY(tally__json_key(b, "missing", 0));
    TALLY_TRY(tally__buf_puts(b, c->missing ? "true" : "false"));
    static const char *const keys[] = {"count", "percent", "ci_low",
                                       "ci_high"};
    const double vals[] = {c->count, c->percent, c->ci_low, c->ci_high};
    for (size_t i = 0; i < 4; i++)
        TALLY_TRY(tally__json_num_field(b, keys[i], vals[i], 0));
    return tally__buf_putc(b, '}');
}

static tally_status write_summary(tally_buf *b, const tally_summary *s)
{
    static const char *const keys[] = {"mean", "sd", "median",
                                       "mean_ci_low", "mean_ci_high",
                                       "top2", "bottom2", "min", "max"};
    const double vals[] = {s->mean, s->sd, s->median, s->mean_ci_low,
                           s->mean_ci_high, s->top2, s->bottom2, s->min,
                           s->max};
    TALLY_TRY(tally__buf_putc(b, '{'));
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++)
        TALLY_TRY(tally__json_num_field(b, keys[i], vals[i], i == 0));
    return tally__buf_putc(b, '}');
}

static tally_status write_head(tally_buf *b, const char *id,
                               const char *text, tally_qtype type)
{
    TALLY_TRY(tally__buf_puts(b, "{\"question\":"));
    TALLY_TRY(tally__json_str(b, id));
    TALLY_TRY(tally__json_key(b, "text", 0));
    TALLY_TRY(tally__json_str(b, text));
    TALLY_TRY(tally__json_key(b, "type", 0));
    return tally__json_str(b, tally_qtype_name(type));
}

static tally_status write_counts(tally_buf *b, const tally_freq *f,
                                 const tally_freq_item *it)
{
    static const char *const keys[] = {"respondents", "base", "no_answer",
                                       "missing"};
    const double vals[] = {it->respondents, it->base, it->no_answer,
                           it->missing};
    for (size_t i = 0; i < 4; i++)
        TALLY_TRY(tally__json_num_field(b, keys[i], vals[i], 0));
    if (f->type == TALLY_QTYPE_MULTI)
        TALLY_TRY(tally__json_num_field(b, "responses", it->responses, 0));
    if (f->weight_kind != TALLY_WEIGHT_NONE)
        TALLY_TRY(tally__json_num_field(b, "n_eff", it->n_eff, 0));
    return TALLY_OK;
}

static tally_status write_settings(tally_buf *b, const tally_freq *f)
{
    TALLY_TRY(tally__json_key(b, "weighted", 0));
    TALLY_TRY(tally__buf_puts(
        b, f->weight_kind != TALLY_WEIGHT_NONE ? "true" : "false"));
    TALLY_TRY(tally__buf_puts(b, ",\"ci\":{\"method\":"));
    TALLY_TRY(tally__json_str(b, tally_ci_method_name(f->ci)));
    TALLY_TRY(tally__json_key(b, "level", 0));
    TALLY_TRY(tally__json_num(b, f->level));
    if (f->population > 0) {
        TALLY_TRY(tally__json_key(b, "population", 0));
        TALLY_TRY(tally__json_num(b, f->population));
    }
    return tally__buf_putc(b, '}');
}

/* Categories, summary and notes of one table. */
static tally_status write_body(tally_buf *b, const tally_freq_item *it)
{
    TALLY_TRY(tally__json_key(b, "categories", 0));
    TALLY_TRY(tally__buf_putc(b, '['));
    for (size_t i = 0; i < it->n_categories; i++) {
        if (i)
            TALLY_TRY(tally__buf_putc(b, ','));
        TALLY_TRY(write_category(b, &it->categories[i]));
    }
    TALLY_TRY(tally__buf_putc(b, ']'));
    if (it->has_summary) {
        TALLY_TRY(tally__json_key(b, "summary", 0));
        TALLY_TRY(write_summary(b, &it->summary));
    }
    if (it->n_notes)
        TALLY_TRY(tally__json_strings(b, "notes", it->notes, it->n_notes, 0));
    return TALLY_OK;
}

static tally_status write_matrix(tally_buf *b, const tally_freq *f)
{
    TALLY_TRY(write_head(b, f->id, f->text, TALLY_QTYPE_MATRIX));
    TALLY_TRY(tally__json_key(b, "respondents", 0));
    TALLY_TRY(tally__json_num(b, f->items[0].respondents));
    TALLY_TRY(write_settings(b, f));
    TALLY_TRY(tally__json_key(b, "items", 0));
    for (size_t i = 0; i < f->n_items; i++) {
        const tally_freq_item *it = &f->items[i];
        TALLY_TRY(tally__buf_putc(b, i ? ',' : '['));
        TALLY_TRY(write_head(b, it->id, it->text, f->item_type));
        TALLY_TRY(write_counts(b, f, it));
        TALLY_TRY(write_body(b, it));
        TALLY_TRY(tally__buf_putc(b, '}'));
    }
    return tally__buf_puts(b, "]}");
}

static tally_status write_one(tally_buf *b, const tally_freq *f)
{
    if (f->is_matrix)
        return write_matrix(b, f);
    const tally_freq_item *it = &f->items[0];
    TALLY_TRY(write_head(b, f->id, f->text, f->type));
    TALLY_TRY(write_counts(b, f, it));
    TALLY_TRY(write_settings(b, f));
    TALLY_TRY(write_body(b, it));
    return tally__buf_putc(b, '}');
}

tally_status tally_freq_write_json(const tally_freq *const *f, size_t n,
                                   tally_buf *out, tally_error *err)
{
    if (!out || (n && !f))
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "nothing to write");
    tally_status st = n == 1 ? TALLY_OK : tally__buf_putc(out, '[');
    for (size_t i = 0; i < n && st == TALLY_OK; i++) {
        if (i)
            st = tally__buf_putc(out, ',');
        if (st == TALLY_OK)
            st = write_one(out, f[i]);
    }
    if (st == TALLY_OK)
        st = tally__buf_puts(out, n == 1 ? "\n" : "]\n");
    return st == TALLY_OK ? TALLY_OK : tally__nomem(err);
}
