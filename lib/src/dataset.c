/* dataset.c: building the coded dataset (see tally/dataset.h and
   dataset_internal.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "dataset_internal.h"
#include "infer.h"
#include "notes.h"
#include "parallel.h"
#include "raw.h"
#include "utf8.h"

/* --- the shell ------------------------------------------------------------ */

/* A question that may hold answers outside its options (other: true)
   gets an "Other" option if its list lacks one, so those answers are
   counted and shown. */
static int add_other_options(tally_codebook *cb)
{
    for (size_t i = 0; i < cb->n_questions; i++) {
        tally_question *q = cb->questions[i];
        int has = 0;
        for (size_t k = 0; k < q->n_options; k++)
            has |= tally__label_eq(q->options[k].label, "Other");
        if (!q->other || has || q->type == TALLY_QTYPE_NUMERIC)
            continue;
        tally_option *o = tally__arena_calloc(cb->arena, q->n_options + 1,
                                              sizeof *o);
        if (!o)
            return -1;
        size_t valid = tally__question_valid_options(q);
        /* Keep the valid options first and the missing codes last. */
        memcpy(o, q->options, valid * sizeof *o);
        o[valid] = (tally_option){.label = "Other",
                                  .value = q->ordered ? NAN
                                                      : (double)valid + 1,
                                  .missing = q->ordered};
        memcpy(o + valid + 1, q->options + valid,
               (q->n_options - valid) * sizeof *o);
        q->options = o;
        q->n_options++;
    }
    return 0;
}

tally_dataset *tally__dataset_new(const tally_codebook *cb, size_t rows)
{
    tally_dataset *ds = tally__calloc(1, sizeof *ds);
    if (!ds)
        return NULL;
    ds->arena = tally__arena_new();
    ds->cb = tally__codebook_copy(cb);
    if (ds->arena && ds->cb)
        ds->q = tally__arena_calloc(ds->arena, cb->n_questions + 1,
                                    sizeof *ds->q);
    ds->lines = tally__calloc(rows + 1, sizeof *ds->lines);
    if (!ds->q || !ds->lines) {
        tally_dataset_free(ds);
        return NULL;
    }
    ds->rows = rows;
    ds->id_question = tally__find_id_question(cb);
    return ds;
}

void tally_dataset_free(tally_dataset *ds)
{
    if (!ds)
        return;
    tally_codebook_free(ds->cb);
    tally__free(ds->lines);
    tally__free(ds->weights);
    tally__free(ds->ignored);
    tally__arena_free(ds->texts);
    tally__arena_free(ds->arena2);
    tally__arena_free(ds->arena);
    tally__free(ds);
}

int tally__ds_note(tally_dataset *ds, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = tally__notes_vadd(ds->arena, &ds->notes, &ds->n_notes, fmt, ap);
    va_end(ap);
    return rc;
}

static int copy_source(tally_dataset *ds, const tally_source *src)
{
    ds->source = *src;
    ds->source.file = tally__arena_strdup(ds->arena, src->file);
    ds->source.format = tally__arena_strdup(ds->arena, src->format);
    /* XLSX sheet and .zip member: NULL when there is none. */
    ds->source.sheet = tally__arena_strdup(ds->arena, src->sheet);
    ds->source.member = tally__arena_strdup(ds->arena, src->member);
    return ds->source.file && ds->source.format &&
                   !src->sheet == !ds->source.sheet &&
                   !src->member == !ds->source.member
               ? 0
               : -1;
}

int tally__ds_copy_info(tally_dataset *to, const tally_dataset *from)
{
    if (copy_source(to, &from->source) != 0)
        return -1;
    for (size_t i = 0; i < from->n_notes; i++)
        if (tally__ds_note(to, "%s", from->notes[i]) != 0)
            return -1;
    to->ignored = tally__calloc(from->n_ignored + 1, sizeof *to->ignored);
    if (!to->ignored)
        return -1;
    for (size_t i = 0; i < from->n_ignored; i++) {
        to->ignored[i].column =
            tally__arena_strdup(to->arena, from->ignored[i].column);
        to->ignored[i].reason =
            tally__arena_strdup(to->arena, from->ignored[i].reason);
        if (!to->ignored[i].column || !to->ignored[i].reason)
            return -1;
    }
    to->n_ignored = from->n_ignored;
    to->weight_kind = from->weight_kind;
    to->weight_column = tally__arena_strdup(to->arena, from->weight_column);
    to->filter = tally__arena_strdup(to->arena, from->filter);
    return 0;
}

/* --- columns the analyses leave out --------------------------------------- */

/* The question using each column, first in codebook order: a dictionary
   of the column names (a scan of the codebook per column made a
   50,000-column export quadratic). qs[id] is the question of name id. */
typedef struct column_uses {
    tally__strdict names;
    tally__arena *arena;
    const tally_question **qs;
    size_t cap;
} column_uses;

static int use_column(column_uses *u, const char *name,
                      const tally_question *q)
{
    int added;
    if (!name)
        return 0;
    long id = tally__strdict_intern(&u->names, u->arena, name, strlen(name),
                                    &added);
    if (id < 0 || TALLY__GROW(u->qs, u->cap, (size_t)id + 1) != 0)
        return -1;
    if (added)
        u->qs[id] = q;
    return 0;
}

static int index_uses(column_uses *u, const tally_codebook *cb)
{
    u->arena = tally__arena_new();
    if (!u->arena || tally__strdict_init(&u->names) != 0)
        return -1;
    for (size_t i = 0; i < cb->n_questions; i++) {
        const tally_question *q = cb->questions[i];
        if (use_column(u, q->column, q) != 0)
            return -1;
        for (size_t k = 0; k < q->n_items; k++)
            if (use_column(u, q->items[k].column, q) != 0)
                return -1;
        for (size_t k = 0; k < q->n_options; k++)
            if (use_column(u, q->options[k].column, q) != 0)
                return -1;
    }
    return 0;
}

static void free_uses(column_uses *u)
{
    tally__strdict_destroy(&u->names);
    tally__arena_free(u->arena);
    tally__free(u->qs);
}

static const char *column_use(const column_uses *u, const char *name,
                              const tally_question **meta)
{
    long id = tally__strdict_find(&u->names, name, strlen(name));
    if (id < 0)
        return NULL;
    const tally_question *q = u->qs[id];
    *meta = q->type == TALLY_QTYPE_META ? q : NULL;
    return q->id;
}

/* Every column that is metadata or that no question uses, with why. */
static tally_status list_unused(tally_dataset *ds, const tally_raw *raw,
                                const char *weight, const column_uses *u,
                                tally_error *err)
{
    for (size_t c = 0; c < raw->ncols; c++) {
        const char *name = raw->cols[c].info.name, *reason = NULL;
        const tally_question *meta = NULL;
        char buf[160];
        if (weight && !strcmp(name, weight))
            reason = ds->weight_kind == TALLY_WEIGHT_FREQUENCY
                         ? "frequency weight"
                         : "sampling weight";
        else if (!column_use(u, name, &meta))
            reason = "not in the codebook";
        else if (meta) {
            snprintf(buf, sizeof buf, "metadata%s%s",
                     meta->reason ? ": " : "",
                     meta->reason ? meta->reason : "");
            reason = buf;
        }
        if (!reason)
            continue;
        tally__ignored *ig = &ds->ignored[ds->n_ignored++];
        ig->column = tally__arena_strdup(ds->arena, name);
        ig->reason = tally__arena_strdup(ds->arena, reason);
        if (!ig->column || !ig->reason)
            return tally__nomem(err);
    }
    return TALLY_OK;
}

static tally_status list_ignored(tally_dataset *ds, const tally_raw *raw,
                                 const char *weight, tally_error *err)
{
    column_uses u = {0};
    ds->ignored = tally__calloc(raw->ncols + 1, sizeof *ds->ignored);
    tally_status st = ds->ignored && index_uses(&u, ds->cb) == 0
                          ? list_unused(ds, raw, weight, &u, err)
                          : tally__nomem(err);
    free_uses(&u);
    return st;
}

/* --- weights -------------------------------------------------------------- */

static tally_status bad_weight(const tally_raw *raw, size_t c, size_t r,
                               const char *text, tally_error *err)
{
    return tally__fail_at(err, TALLY_ERR_BAD_WEIGHT, raw->source.file,
                          tally_raw_line(raw, r), 0,
                          "weight column \"%s\": \"%.40s\" is not a number "
                          ">= 0 (every row needs a weight)",
                          raw->cols[c].info.name, text);
}

static tally_status read_weights(tally_dataset *ds, const tally_raw *raw,
                                 const char *column, tally_error *err)
{
    size_t c;
    if (tally_raw_find_column(raw, column, &c) != TALLY_OK)
        return tally__fail(err, TALLY_ERR_NO_SUCH_VAR,
                           "no weight column \"%s\" in %s", column,
                           raw->source.file);
    ds->weights = tally__malloc((ds->rows + 1) * sizeof *ds->weights);
    if (!ds->weights)
        return tally__nomem(err);
    for (size_t r = 0; r < ds->rows; r++) {
        const char *text = tally_raw_cell(raw, r, c);
        char *end;
        double w = strtod(text, &end);
        while (*end == ' ')
            end++;
        if (!*text || *end || !isfinite(w) || w < 0)
            return bad_weight(raw, c, r, text, err);
        ds->weights[r] = w;
    }
    ds->weight_column = tally__arena_strdup(ds->arena, column);
    return ds->weight_column ? TALLY_OK : tally__nomem(err);
}

static tally_status choose_weight(tally_dataset *ds, const tally_raw *raw,
                                  const tally_codebook *cb,
                                  const tally_dataset_opts *o,
                                  const char **column, tally_error *err)
{
    const char *weight = o && o->weight ? o->weight : NULL;
    const char *count = o && o->count ? o->count : NULL;
    if (!weight && !count) {
        weight = cb->weight;
        count = cb->count;
    }
    if (weight && count)
        return tally__fail(err, TALLY_ERR_INVALID_ARG,
                           "give either sampling weights (--weight) or "
                           "frequency weights (--count), not both");
    *column = weight ? weight : count;
    ds->weight_kind = weight  ? TALLY_WEIGHT_SAMPLING
                      : count ? TALLY_WEIGHT_FREQUENCY
                              : TALLY_WEIGHT_NONE;
    return *column ? read_weights(ds, raw, *column, err) : TALLY_OK;
}

/* --- building ------------------------------------------------------------- */

/* Questions are coded independently: two threads, each allocating from
   its own arena; the first failure in question order is reported, so the
   error does not depend on the threads' timing. */
typedef struct coding {
    tally_dataset *ds;
    const tally_raw *raw;
    tally__arena *arena[TALLY__MAX_THREADS];
    tally_status *status;
    tally_error *errors;
} coding;

static void code_one(void *ctx, size_t qi, int thread)
{
    coding *k = ctx;
    k->status[qi] = tally__code_question(k->ds, k->arena[thread], k->raw, qi,
                                         &k->errors[qi]);
}

static tally_status code_all(tally_dataset *ds, const tally_raw *raw,
                             tally_error *err)
{
    size_t n = ds->cb->n_questions;
    coding k = {ds, raw, {ds->arena, ds->arena2}, NULL, NULL};
    k.status = tally__calloc(n + 1, sizeof *k.status);
    k.errors = tally__calloc(n + 1, sizeof *k.errors);
    tally_status st = k.status && k.errors ? TALLY_OK : tally__nomem(err);
    if (st == TALLY_OK)
        tally__parallel_for(n, tally__default_threads(), code_one, &k);
    for (size_t i = 0; st == TALLY_OK && i < n; i++) {
        st = k.status[i];
        if (st != TALLY_OK && err)
            *err = k.errors[i];
        size_t others = ds->q[i].others;
        if (st == TALLY_OK && others &&
            tally__ds_note(ds, "question %s: %zu answer%s outside the "
                               "options counted as Other",
                           ds->cb->questions[i]->id, others,
                           others == 1 ? "" : "s (different texts)") != 0)
            st = tally__nomem(err);
    }
    tally__free(k.status);
    tally__free(k.errors);
    return st;
}

size_t tally__find_id_question(const tally_codebook *cb)
{
    for (size_t i = 0; i < cb->n_questions; i++) {
        const tally_question *q = cb->questions[i];
        if (q->type != TALLY_QTYPE_META || !q->column)
            continue;
        if ((q->reason && strcmp(q->reason, "identifier") == 0) ||
            tally__meta_is_identifier(q->column))
            return i;
    }
    return SIZE_MAX;
}

static int has_text(const tally_codebook *cb)
{
    for (size_t i = 0; i < cb->n_questions; i++)
        if (cb->questions[i]->type == TALLY_QTYPE_TEXT)
            return 1;
    return 0;
}

static tally_status build(tally_dataset *ds, const tally_raw *raw,
                          const tally_dataset_opts *opts, tally_error *err)
{
    const char *weight = NULL;
    if (copy_source(ds, &raw->source) != 0 || add_other_options(ds->cb))
        return tally__nomem(err);
    for (size_t r = 0; r < ds->rows; r++)
        ds->lines[r] = tally_raw_line(raw, r);
    for (size_t i = 0; i < raw->n_notes; i++)
        if (tally__ds_note(ds, "%s", raw->notes[i]) != 0)
            return tally__nomem(err);
    TALLY_TRY(choose_weight(ds, raw, ds->cb, opts, &weight, err));
    ds->arena2 = tally__arena_new();
    if (!ds->arena2)
        return tally__nomem(err);
    if (has_text(ds->cb) || ds->id_question != SIZE_MAX)
        ds->texts = tally__arena_ref(raw->arena);
    TALLY_TRY(code_all(ds, raw, err));
    return list_ignored(ds, raw, weight, err);
}

tally_status tally_dataset_build(const tally_raw *raw,
                                 const tally_codebook *cb,
                                 const tally_dataset_opts *opts,
                                 tally_dataset **out, tally_error *err)
{
    if (!out)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "no output pointer");
    *out = NULL;
    if (!raw || !cb)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "no data or codebook");
    TALLY_TRY(tally__codebook_validate(cb, err));
    tally_dataset *ds = tally__dataset_new(cb, tally_raw_rows(raw));
    if (!ds)
        return tally__nomem(err);
    tally_status st = build(ds, raw, opts, err);
    if (st != TALLY_OK) {
        tally_dataset_free(ds);
        return st;
    }
    *out = ds;
    return TALLY_OK;
}

/* --- accessors ------------------------------------------------------------ */

size_t tally_dataset_rows(const tally_dataset *ds)
{
    return ds->rows;
}

const tally_codebook *tally_dataset_codebook(const tally_dataset *ds)
{
    return ds->cb;
}

const tally_source *tally_dataset_source(const tally_dataset *ds)
{
    return &ds->source;
}

tally_weight_kind tally_dataset_weight_kind(const tally_dataset *ds)
{
    return ds->weight_kind;
}

const char *tally_dataset_weight_column(const tally_dataset *ds)
{
    return ds->weight_column;
}

const char *tally_dataset_filter_text(const tally_dataset *ds)
{
    return ds->filter;
}

size_t tally_dataset_note_count(const tally_dataset *ds)
{
    return ds->n_notes;
}

const char *tally_dataset_note(const tally_dataset *ds, size_t i)
{
    return i < ds->n_notes ? ds->notes[i] : NULL;
}

/* 1 when row r of question q has an answer; valid_only: a non-missing
   one. */
static int row_answered(const tally_dataset *ds, size_t qi, size_t r,
                        int valid_only)
{
    const tally_question *q = ds->cb->questions[qi];
    const tally__qdata *d = &ds->q[qi];
    if (q->type == TALLY_QTYPE_META)
        return 0;
    if (q->type == TALLY_QTYPE_TEXT)
        return d->texts[r] != NULL;
    if (q->type == TALLY_QTYPE_MULTI) {
        for (size_t k = 0; k < q->n_options; k++)
            if (tally__ds_ticked(d, r, k) &&
                (!valid_only || !q->options[k].missing))
                return 1;
        return 0;
    }
    for (size_t i = 0; i < tally__q_arrays(q); i++) {
        uint16_t code = d->codes[i][r];
        if (code && (!valid_only || code == TALLY__NUMBER ||
                     !q->options[code - 1].missing))
            return 1;
    }
    return 0;
}

static size_t count_rows(const tally_dataset *ds, size_t q, int valid_only)
{
    size_t n = 0;
    if (q >= ds->cb->n_questions)
        return 0;
    for (size_t r = 0; r < ds->rows; r++)
        n += (size_t)row_answered(ds, q, r, valid_only);
    return n;
}

size_t tally_dataset_answered(const tally_dataset *ds, size_t q)
{
    return count_rows(ds, q, 0);
}

size_t tally_dataset_base(const tally_dataset *ds, size_t q)
{
    return count_rows(ds, q, 1);
}

tally_status tally__ds_check_question(const tally_dataset *ds, size_t q,
                                      size_t item, tally_error *err)
{
    if (!ds || q >= ds->cb->n_questions)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "no such question");
    const tally_question *qq = ds->cb->questions[q];
    if (qq->type == TALLY_QTYPE_META)
        return tally__fail(err, TALLY_ERR_TYPE_MISMATCH,
                           "%s is metadata (%s): personal data and platform "
                           "fields are never tabulated",
                           qq->id, qq->reason ? qq->reason : "declared meta");
    if (item != TALLY_ALL_ITEMS && item >= qq->n_items)
        return tally__fail(err, TALLY_ERR_INVALID_ARG,
                           "question %s has no item %zu", qq->id, item + 1);
    return TALLY_OK;
}
