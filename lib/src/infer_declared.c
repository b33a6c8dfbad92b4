/*
 * infer_declared.c: what an SPSS or Stata file declares wins over what
 * inference guessed from the cells (raw.h, tally__declared). After the
 * questions are inferred:
 *   - a question's text is its variable label (a matrix item's too);
 *   - a labelled variable's options are its value labels in code order,
 *     each with its code, and the unlabelled values seen in the data in
 *     the same order; user-missing codes are missing codes;
 *   - an ordinal variable with labels is a scale valued by its codes; a
 *     nominal one is a single-choice question;
 *   - a variable without value labels keeps its inferred options, and
 *     its user-missing codes become missing codes.
 * A matrix takes the declared options when all its items share them.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "infer.h"

typedef struct optlist {
    tally_option *o;
    size_t n, cap;
} optlist;

static const tally__declared *decl_of(const tally_raw *raw, const char *col)
{
    size_t c;
    if (!col || tally_raw_find_column(raw, col, &c) != TALLY_OK)
        return NULL;
    return raw->cols[c].decl;
}

static int has_labels(const tally__declared *d)
{
    for (size_t i = 0; d && i < d->n_codes; i++)
        if (d->codes[i].label)
            return 1;
    return 0;
}

static const char *shown(const tally__declared_code *k)
{
    return k->label ? k->label : k->code;
}

static int push(optlist *l, tally_option o)
{
    if (TALLY__GROW(l->o, l->cap, l->n + 1) != 0)
        return -1;
    l->o[l->n++] = o;
    return 0;
}

static int listed(const optlist *l, const char *label)
{
    for (size_t i = 0; i < l->n; i++)
        if (!strcmp(l->o[i].label, label))
            return 1;
    return 0;
}

static int push_codes(optlist *l, const tally__declared *d)
{
    for (size_t i = 0; i < d->n_codes; i++) {
        const tally__declared_code *k = &d->codes[i];
        if (push(l, (tally_option){shown(k), k->code, NULL, k->value,
                                   k->missing}) != 0)
            return -1;
    }
    return 0;
}

/* Add the values of column c that no option covers yet (sorted into code
   order later: numbers by value, the rest after them by text). */
static int unlisted_values(const tally_raw *raw, size_t c, optlist *l)
{
    const tally__declared *d = raw->cols[c].decl;
    const tally__rawcol *col = &raw->cols[c];
    size_t *counts = tally__calloc(col->dict.count, sizeof *counts);
    if (!counts)
        return -1;
    tally__rawcol_count(raw, c, counts);
    int rc = 0;
    for (size_t id = 1; id < col->dict.count && !rc; id++) {
        const char *s = tally__strdict_str(&col->dict, id);
        if (!counts[id] || listed(l, s))
            continue;
        char *end;
        double v = d->numeric ? strtod(s, &end) : NAN;
        if (d->numeric && *end)
            v = NAN;
        rc = push(l, (tally_option){s, NULL, NULL, v, 0});
    }
    tally__free(counts);
    return rc;
}

static int by_value(const void *a, const void *b)
{
    const tally_option *x = a, *y = b;
    if (isnan(x->value) != isnan(y->value))
        return isnan(x->value) ? 1 : -1;
    if (!isnan(x->value) && x->value != y->value)
        return (x->value > y->value) - (x->value < y->value);
    return strcmp(x->code ? x->code : x->label, y->code ? y->code : y->label);
}

/* Values: scale points valued by their codes when ordered and every
   valid code is a number, else positions; missing codes NaN. */
static void set_values(optlist *l, int ordered)
{
    int numeric = 1;
    qsort(l->o, l->n, sizeof *l->o, by_value);
    for (size_t i = 0; i < l->n; i++)
        numeric &= l->o[i].missing || !isnan(l->o[i].value);
    size_t k = 0;
    for (size_t i = 0; i < l->n; i++) {
        if (l->o[i].missing)
            l->o[i].value = NAN;
        else if (!ordered || !numeric)
            l->o[i].value = (double)++k;
    }
}

/* q's options: valid first then missing (as inference orders them). */
static int install(tally_codebook *cb, tally_question *q, optlist *l)
{
    tally_option *o = tally__calloc(l->n ? l->n : 1, sizeof *o);
    if (!o)
        return -1;
    size_t n = 0;
    for (int missing = 0; missing < 2; missing++)
        for (size_t i = 0; i < l->n; i++)
            if (!l->o[i].missing == !missing)
                o[n++] = l->o[i];
    q->options = tally__cb_options(cb, o, n);
    q->n_options = n;
    tally__free(o);
    return n && !q->options ? -1 : 0;
}

/* Flag q's inferred options that are user-missing codes, and add the
   missing codes it lacks (a variable without value labels). */
static int add_missing(tally_codebook *cb, tally_question *q,
                       const tally__declared *d)
{
    optlist l = {0};
    int rc = 0;
    for (size_t i = 0; i < q->n_options && !rc; i++)
        rc = push(&l, q->options[i]);
    for (size_t i = 0; i < d->n_codes && !rc; i++) {
        const tally__declared_code *k = &d->codes[i];
        if (!k->missing)
            continue;
        size_t j = 0;
        while (j < l.n && strcmp(l.o[j].label, shown(k)) != 0)
            j++;
        if (j == l.n)
            rc = push(&l, (tally_option){shown(k), k->code, NULL, NAN, 1});
        else
            l.o[j].missing = 1, l.o[j].value = NAN;
    }
    if (!rc)
        rc = install(cb, q, &l);
    tally__free(l.o);
    return rc;
}

static int single(const tally_raw *raw, tally_codebook *cb, tally_question *q)
{
    size_t c;
    if (tally_raw_find_column(raw, q->column, &c) != TALLY_OK)
        return 0;
    const tally__declared *d = raw->cols[c].decl;
    if (d->label && *d->label) {
        q->text = tally__cb_str(cb, d->label);
        if (!q->text)
            return -1;
    }
    if (q->type == TALLY_QTYPE_META || q->type == TALLY_QTYPE_MULTI)
        return 0;
    if (!has_labels(d))
        return q->type == TALLY_QTYPE_TEXT ? 0 : add_missing(cb, q, d);
    optlist l = {0};
    int rc = push_codes(&l, d) || unlisted_values(raw, c, &l);
    if (!rc) {
        q->ordered = d->measure == TALLY__MEASURE_ORDINAL ||
                     (d->measure != TALLY__MEASURE_NOMINAL && q->ordered);
        q->type = q->ordered ? TALLY_QTYPE_SCALE : TALLY_QTYPE_SINGLE;
        set_values(&l, q->ordered);
        rc = install(cb, q, &l);
    }
    tally__free(l.o);
    return rc;
}

/* Same codes and labels, in the same order. */
static int same_codes(const tally__declared *a, const tally__declared *b)
{
    if (!a || !b || a->n_codes != b->n_codes || !has_labels(a))
        return 0;
    for (size_t i = 0; i < a->n_codes; i++)
        if (strcmp(a->codes[i].code, b->codes[i].code) ||
            strcmp(shown(&a->codes[i]), shown(&b->codes[i])) ||
            a->codes[i].missing != b->codes[i].missing)
            return 0;
    return 1;
}

static int matrix(const tally_raw *raw, tally_codebook *cb, tally_question *q)
{
    tally_item *items = tally__calloc(q->n_items, sizeof *items);
    if (!items)
        return -1;
    const tally__declared *first = decl_of(raw, q->items[0].column);
    int shared = first != NULL;
    for (size_t i = 0; i < q->n_items; i++) {
        const tally__declared *d = decl_of(raw, q->items[i].column);
        items[i] = q->items[i];
        if (d && d->label && *d->label)
            items[i].text = d->label;
        shared &= same_codes(first, d);
    }
    q->items = tally__cb_items(cb, items, q->n_items);
    tally__free(items);
    if (!q->items)
        return -1;
    if (!shared)
        return 0;
    optlist l = {0};
    int rc = push_codes(&l, first);
    for (size_t i = 0; i < q->n_items && !rc; i++) {
        size_t c;
        if (tally_raw_find_column(raw, q->items[i].column, &c) == TALLY_OK)
            rc = unlisted_values(raw, c, &l);
    }
    if (!rc) {
        q->ordered = first->measure == TALLY__MEASURE_ORDINAL ||
                     (first->measure != TALLY__MEASURE_NOMINAL && q->ordered);
        set_values(&l, q->ordered);
        rc = install(cb, q, &l);
    }
    tally__free(l.o);
    return rc;
}

tally_status tally__infer_declared(const tally_raw *raw, tally_codebook *cb,
                                   tally_error *err)
{
    for (size_t i = 0; i < cb->n_questions; i++) {
        tally_question *q = cb->questions[i];
        int rc = 0;
        if (q->type == TALLY_QTYPE_MATRIX && q->n_items)
            rc = matrix(raw, cb, q);
        else if (decl_of(raw, q->column))
            rc = single(raw, cb, q);
        if (rc)
            return tally__nomem(err);
    }
    return TALLY_OK;
}
