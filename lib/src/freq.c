/*
 * freq.c: tally_freq_compute() (definitions in tally/freq.h).
 *
 * One pass over an item's codes gives, per option, the sum of weights,
 * of squared weights and the row count; everything else (base, missing,
 * percentages, Kish's effective n, intervals, the scale summary) comes
 * from those few totals.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "accounting.h"
#include "alloc.h"
#include "ci_fpc.h"
#include "dataset_internal.h"
#include "freq_internal.h"
#include "notes.h"
#include "summary.h"

typedef struct ctx {
    const tally_dataset *ds;
    const tally_question *q;
    size_t qi;
    tally_freq *f;
    tally_error *err;
} ctx;

static tally_status note(ctx *x, tally_freq_item *it, const char *fmt, ...)
    TALLY__PRINTF(3, 4);

static tally_status note(ctx *x, tally_freq_item *it, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = tally__notes_vadd(x->f->arena, &it->notes, &it->n_notes, fmt,
                               ap);
    va_end(ap);
    return rc == 0 ? TALLY_OK : tally__nomem(x->err);
}

/* --- categories and their intervals --------------------------------------- */

/* A base that is the whole population (or more) has no sampling error:
   say so, since the intervals collapse to the estimate. */
static tally_status census_note(ctx *x, tally_freq_item *it)
{
    double n = it->n_eff, N = x->f->population;
    if (!(N > 0) || n < N)
        return TALLY_OK;
    if (n == N)
        return note(x, it, "the base is the whole population (N = %g): "
                           "no sampling error, intervals equal the "
                           "percentages",
                    N);
    return note(x, it, "the base (%g) is larger than the population size "
                       "N = %g: intervals are set to those of a census; "
                       "check the population size",
                n, N);
}

static tally_status category_cis(ctx *x, tally_freq_item *it,
                                 tally_category *cat, const size_t *valid,
                                 size_t k)
{
    tally_ci_method m = x->f->ci;
    int multi = x->q->type == TALLY_QTYPE_MULTI;
    if (multi && tally_ci_method_is_simultaneous(m)) {
        /* Options of a multi question are not mutually exclusive. */
        m = TALLY_CI_WILSON;
        TALLY_TRY(note(x, it, "simultaneous intervals need mutually "
                              "exclusive categories: Wilson intervals per "
                              "option"));
    }
    double *xs = tally__arena_calloc(x->f->arena, 3 * k + 1, sizeof *xs);
    if (!xs)
        return tally__nomem(x->err);
    double *lo = xs + k, *hi = lo + k, scale = it->n_eff / it->base;
    for (size_t i = 0; i < k; i++)
        xs[i] = cat[valid[i]].count * scale;
    double fpc = tally__fpc(x->f->population, it->n_eff);
    tally_status st = TALLY_OK;
    if (multi)
        for (size_t i = 0; i < k && st == TALLY_OK; i++)
            st = tally__ci_fpc(m, xs[i], it->n_eff, x->f->level, fpc, &lo[i],
                               &hi[i]);
    else
        st = tally__ci_fpc_multinomial(m, xs, k, x->f->level, fpc, lo, hi);
    if (st != TALLY_OK)
        return tally__fail(x->err, st, "confidence intervals: %s",
                           tally_strerror(st));
    int undefined = 0;
    for (size_t i = 0; i < k; i++) {
        cat[valid[i]].ci_low = lo[i] * 100;
        cat[valid[i]].ci_high = hi[i] * 100;
        undefined |= isnan(lo[i]) || isnan(hi[i]);
    }
    if (undefined)
        TALLY_TRY(note(x, it, "%s intervals are undefined for these counts "
                              "(too few answers)",
                       tally_ci_method_label(m)));
    return census_note(x, it);
}

/* Categories from per-option totals at[1..n_options] (at[0]: no answer,
   ignored here); base, missing and n_eff must be set. */
static tally_status categories(ctx *x, tally_freq_item *it,
                               const tally__wsum *at)
{
    const tally_question *q = x->q;
    tally_category *cat = tally__arena_calloc(x->f->arena, q->n_options + 1,
                                              sizeof *cat);
    size_t *valid = tally__arena_calloc(x->f->arena, q->n_options + 1,
                                        sizeof *valid);
    if (!cat || !valid)
        return tally__nomem(x->err);
    size_t k = 0;
    for (size_t i = 0; i < q->n_options; i++) {
        const tally_option *o = &q->options[i];
        cat[i] = (tally_category){o->label, o->value, o->missing,
                                  at[i + 1].w, NAN, NAN, NAN};
        if (o->missing)
            continue;
        valid[k++] = i;
        if (it->base > 0)
            cat[i].percent = at[i + 1].w / it->base * 100;
    }
    it->categories = cat;
    it->n_categories = q->n_options;
    if (!(it->base > 0))
        return note(x, it, "nobody gave a valid answer: no percentages");
    return k ? category_cis(x, it, cat, valid, k) : TALLY_OK;
}

/* --- single, scale and matrix items --------------------------------------- */

/* A scale or numeric item without valid answers still has a summary, of
   undefined values (null in JSON), rather than none. */
static tally_status no_summary(tally_freq_item *it)
{
    it->summary = (tally_summary){NAN, NAN, NAN, NAN, NAN,
                                  NAN, NAN, NAN, NAN};
    it->has_summary = 1;
    return TALLY_OK;
}

static tally_status scale_summary(ctx *x, tally_freq_item *it,
                                  const tally__wsum *at)
{
    const tally_question *q = x->q;
    size_t k = 0;
    double *values = tally__arena_calloc(x->f->arena, q->n_options + 1,
                                         sizeof *values);
    tally__wsum *points = tally__arena_calloc(x->f->arena, q->n_options + 1,
                                              sizeof *points);
    if (!values || !points)
        return tally__nomem(x->err);
    for (size_t i = 0; i < q->n_options; i++)
        if (!q->options[i].missing) {
            values[k] = q->options[i].value;
            points[k++] = at[i + 1];
        }
    double fpc = tally__fpc(x->f->population, it->n_eff);
    if (tally__summary_points(values, points, k, x->f->weight_kind,
                              x->f->level, fpc, &it->summary) != 0)
        return tally__nomem(x->err);
    it->has_summary = 1;
    return TALLY_OK;
}

/* Totals per code of codes[] (n_codes slots); codes beyond (the numbers
   of a numeric item, TALLY__NUMBER) are tallied by numeric_item(), not
   here. Unweighted data is counted in integers, which is several times
   faster than adding weights. */
static void tally_codes(const tally_dataset *ds, const uint16_t *codes,
                        tally__wsum *at, size_t n_codes)
{
    if (!ds->weights) {
        size_t *n = tally__calloc(n_codes + 1, sizeof *n);
        if (n) {
            for (size_t r = 0; r < ds->rows; r++)
                n[codes[r] < n_codes ? codes[r] : n_codes]++;
            for (size_t c = 0; c < n_codes; c++)
                at[c] = (tally__wsum){(double)n[c], (double)n[c],
                                      (double)n[c]};
            tally__free(n);
            return;
        }
    }
    for (size_t r = 0; r < ds->rows; r++) {
        double w = tally__ds_weight(ds, r);
        uint16_t c = codes[r];
        if (c >= n_codes)
            continue;
        at[c].w += w;
        at[c].w2 += w * w;
        at[c].rows += 1;
    }
}

/* Base, missing and no-answer from per-code totals. */
static void account(ctx *x, tally_freq_item *it, const tally__wsum *at)
{
    double w2 = 0;
    it->no_answer = at[0].w;
    for (size_t i = 0; i < x->q->n_options; i++) {
        if (x->q->options[i].missing) {
            it->missing += at[i + 1].w;
        } else {
            it->base += at[i + 1].w;
            w2 += at[i + 1].w2;
        }
    }
    it->responses = it->base;
    it->n_eff = tally__kish_n(x->f->weight_kind, it->base, w2);
}

static tally_status categorical_item(ctx *x, size_t item,
                                     tally_freq_item *it)
{
    size_t n = x->q->n_options + 1;
    tally__wsum *at = tally__calloc(n, sizeof *at);
    if (!at)
        return tally__nomem(x->err);
    tally_codes(x->ds, x->ds->q[x->qi].codes[item], at, n);
    account(x, it, at);
    tally_status st = categories(x, it, at);
    if (st == TALLY_OK && x->q->ordered)
        st = it->base > 0 ? scale_summary(x, it, at) : no_summary(it);
    tally__free(at);
    return st;
}

/* --- multi, numeric, text ------------------------------------------------- */

/* Per-option totals of a multi question; at[0] gathers rows that ticked
   nothing. Rows that ticked only missing options ("Don't know") are
   missing; rows with a valid option form the base. */
static void tally_ticks(ctx *x, tally__wsum *at, tally_freq_item *it,
                        double *base_w2)
{
    const tally__qdata *d = &x->ds->q[x->qi];
    const tally_option *opt = x->q->options;
    for (size_t r = 0; r < x->ds->rows; r++) {
        double w = tally__ds_weight(x->ds, r);
        int any = 0, valid = 0;
        for (size_t wd = 0; wd < d->nwords; wd++) {
            uint64_t bits = d->bits[r * d->nwords + wd];
            while (bits) {
                size_t k = wd * 64 + (size_t)__builtin_ctzll(bits);
                bits &= bits - 1;
                at[k + 1].w += w;
                at[k + 1].w2 += w * w;
                at[k + 1].rows += 1;
                any = 1;
                valid |= !opt[k].missing;
            }
        }
        if (valid) {
            it->base += w;
            *base_w2 += w * w;
        } else if (any) {
            it->missing += w;
        } else {
            at[0].w += w;
        }
    }
}

static tally_status multi_item(ctx *x, tally_freq_item *it)
{
    size_t n = x->q->n_options + 1;
    double base_w2 = 0;
    tally__wsum *at = tally__calloc(n, sizeof *at);
    if (!at)
        return tally__nomem(x->err);
    tally_ticks(x, at, it, &base_w2);
    it->no_answer = at[0].w;
    it->n_eff = tally__kish_n(x->f->weight_kind, it->base, base_w2);
    for (size_t k = 0; k < x->q->n_options; k++)
        if (!x->q->options[k].missing)
            it->responses += at[k + 1].w;
    tally_status st = categories(x, it, at);
    tally__free(at);
    return st;
}

static tally_status numeric_summary(ctx *x, tally_freq_item *it, size_t n)
{
    const tally__qdata *d = &x->ds->q[x->qi];
    double *v = tally__malloc((n + 1) * sizeof *v);
    double *w = tally__malloc((n + 1) * sizeof *w);
    tally_status st = TALLY_OK;
    if (v && w) {
        size_t i = 0;
        for (size_t r = 0; r < x->ds->rows; r++)
            if (d->codes[0][r] == TALLY__NUMBER) {
                v[i] = d->values[r];
                w[i++] = tally__ds_weight(x->ds, r);
            }
        double fpc = tally__fpc(x->f->population, it->n_eff);
        if (tally__summary_values(v, w, n, x->f->weight_kind, x->f->level,
                                  fpc, &it->summary) != 0)
            st = tally__nomem(x->err);
        it->has_summary = st == TALLY_OK;
    } else {
        st = tally__nomem(x->err);
    }
    tally__free(v);
    tally__free(w);
    return st;
}

static tally_status numeric_item(ctx *x, tally_freq_item *it)
{
    const tally__qdata *d = &x->ds->q[x->qi];
    size_t n = x->q->n_options + 1, valid = 0;
    double w2 = 0;
    tally__wsum *at = tally__calloc(n, sizeof *at);
    if (!at)
        return tally__nomem(x->err);
    tally_codes(x->ds, d->codes[0], at, n);
    for (size_t r = 0; r < x->ds->rows; r++)
        if (d->codes[0][r] == TALLY__NUMBER) {
            double w = tally__ds_weight(x->ds, r);
            it->base += w;
            w2 += w * w;
            valid++;
        }
    for (size_t i = 0; i < x->q->n_options; i++)
        it->missing += at[i + 1].w;
    it->no_answer = at[0].w;
    it->responses = it->base;
    it->n_eff = tally__kish_n(x->f->weight_kind, it->base, w2);
    tally_status st = categories(x, it, at);
    if (st == TALLY_OK)
        st = valid ? numeric_summary(x, it, valid) : no_summary(it);
    tally__free(at);
    return st;
}

static void text_item(ctx *x, tally_freq_item *it)
{
    const tally__qdata *d = &x->ds->q[x->qi];
    for (size_t r = 0; r < x->ds->rows; r++) {
        double w = tally__ds_weight(x->ds, r);
        if (d->texts[r])
            it->base += w;
        else
            it->no_answer += w;
    }
    it->responses = it->n_eff = it->base;
}

/* --- the result ----------------------------------------------------------- */

static tally_status compute_item(ctx *x, size_t item, tally_freq_item *it)
{
    switch (x->q->type) {
    case TALLY_QTYPE_MULTI:
        return multi_item(x, it);
    case TALLY_QTYPE_NUMERIC:
        return numeric_item(x, it);
    case TALLY_QTYPE_TEXT:
        text_item(x, it);
        return TALLY_OK;
    default:
        return categorical_item(x, item, it);
    }
}

static tally_status check_request(const tally_dataset *ds, size_t question,
                                  size_t item, const tally_freq_opts *o,
                                  tally_error *err)
{
    TALLY_TRY(tally__ds_check_question(ds, question, item, err));
    return o ? tally__ci_check_request(o->ci, o->level, err) : TALLY_OK;
}

/* The options in force, with their defaults. */
static void setup_options(tally_freq *f, const tally_dataset *ds,
                          const tally_freq_opts *o)
{
    f->ci = o ? o->ci : TALLY_CI_WILSON;
    f->level = o && o->level > 0 ? o->level : 0.95;
    f->population = o && o->population ? o->population : ds->cb->population;
    f->population = f->population > 0 ? f->population : 0;
    f->weight_kind = ds->weight_kind;
}

/* Ids and texts of the tables: the matrix's items, the one item asked
   for, or the question itself. */
static tally_status setup_items(tally_freq *f, const tally_question *q,
                                size_t item)
{
    int of_matrix = q->type == TALLY_QTYPE_MATRIX;
    for (size_t i = 0; i < f->n_items; i++) {
        size_t k = f->is_matrix ? i : item;
        const char *id = of_matrix ? q->items[k].id : f->id;
        const char *text = of_matrix ? q->items[k].text : f->text;
        f->items[i].id = tally__arena_strdup(f->arena, id);
        f->items[i].text = tally__arena_strdup(f->arena, text);
        if (!f->items[i].id || !f->items[i].text)
            return TALLY_ERR_NOMEM;
    }
    return TALLY_OK;
}

static tally_status setup(tally_freq *f, const tally_dataset *ds,
                          const tally_question *q, size_t item,
                          const tally_freq_opts *o)
{
    setup_options(f, ds, o);
    f->filter = tally__arena_strdup(f->arena, ds->filter);
    f->type = q->type;
    f->is_matrix = q->type == TALLY_QTYPE_MATRIX && item == TALLY_ALL_ITEMS;
    f->item_type = q->ordered ? TALLY_QTYPE_SCALE : TALLY_QTYPE_SINGLE;
    f->n_items = f->is_matrix ? q->n_items : 1;
    f->items = tally__arena_calloc(f->arena, f->n_items, sizeof *f->items);
    const char *id = q->id;
    if (q->type == TALLY_QTYPE_MATRIX && !f->is_matrix) {
        f->type = f->item_type;
        id = q->items[item].id;
    }
    f->id = tally__arena_strdup(f->arena, id);
    f->text = tally__arena_strdup(f->arena, q->text);
    if (!f->items || !f->id || !f->text || (ds->filter && !f->filter))
        return TALLY_ERR_NOMEM;
    return setup_items(f, q, item);
}

tally_status tally_freq_compute(const tally_dataset *ds, size_t question,
                                size_t item, const tally_freq_opts *opts,
                                tally_freq **out, tally_error *err)
{
    if (!out)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "no output pointer");
    *out = NULL;
    TALLY_TRY(check_request(ds, question, item, opts, err));
    const tally_question *q = ds->cb->questions[question];
    tally_freq *f = tally__calloc(1, sizeof *f);
    if (f)
        f->arena = tally__arena_new();
    if (!f || !f->arena || setup(f, ds, q, item, opts) != TALLY_OK) {
        tally_freq_free(f);
        return tally__nomem(err);
    }
    ctx x = {ds, q, question, f, err};
    double respondents = (double)ds->rows;
    if (ds->weights) {
        respondents = 0;
        for (size_t r = 0; r < ds->rows; r++)
            respondents += ds->weights[r];
    }
    tally_status st = TALLY_OK;
    for (size_t i = 0; i < f->n_items && st == TALLY_OK; i++) {
        /* Code array: the i-th item, the one item asked for, or the
           question's only array. */
        size_t codes = f->is_matrix ? i : item == TALLY_ALL_ITEMS ? 0 : item;
        f->items[i].respondents = respondents;
        st = compute_item(&x, codes, &f->items[i]);
        if (st == TALLY_OK)
            st = tally__check_freq_item(&f->items[i], err);
    }
    if (st != TALLY_OK) {
        tally_freq_free(f);
        return st;
    }
    *out = f;
    return TALLY_OK;
}

void tally_freq_free(tally_freq *f)
{
    if (!f)
        return;
    tally__arena_free(f->arena);
    tally__free(f);
}

const char *tally_freq_id(const tally_freq *f)
{
    return f->id;
}

const char *tally_freq_text(const tally_freq *f)
{
    return f->text;
}

tally_qtype tally_freq_type(const tally_freq *f)
{
    return f->type;
}

int tally_freq_is_matrix(const tally_freq *f)
{
    return f->is_matrix;
}

tally_weight_kind tally_freq_weight_kind(const tally_freq *f)
{
    return f->weight_kind;
}

tally_ci_method tally_freq_ci_method(const tally_freq *f)
{
    return f->ci;
}

double tally_freq_ci_level(const tally_freq *f)
{
    return f->level;
}

double tally_freq_population(const tally_freq *f)
{
    return f->population;
}

size_t tally_freq_item_count(const tally_freq *f)
{
    return f->n_items;
}

const tally_freq_item *tally_freq_get_item(const tally_freq *f, size_t i)
{
    return i < f->n_items ? &f->items[i] : NULL;
}
