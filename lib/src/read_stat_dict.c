/*
 * read_stat_dict.c: an SPSS or Stata dictionary into the columns of the
 * raw table: each variable's tally__declared (label, measure, value
 * labels and missing codes in code order), and the label text in the
 * cells of labelled values, so the rest of tally reads them as answers.
 *
 * SPSS user-missing values are discrete codes (up to three) or a range
 * with at most one code (formats.md 7.2): codes are declared as they
 * are; values seen in a range are declared missing codes as found.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "read_stat.h"
#include "xlsx.h"

/* The codes of one variable while they are collected. */
typedef struct codes {
    tally__declared_code *c;
    size_t n, cap;
} codes;

static tally__declared_code *find(const codes *k, const char *code)
{
    for (size_t i = 0; i < k->n; i++)
        if (!strcmp(k->c[i].code, code))
            return &k->c[i];
    return NULL;
}

static int add(codes *k, const char *code, double value, const char *label,
               int missing)
{
    tally__declared_code *e = find(k, code);
    if (e) {
        e->missing |= missing;
        e->label = e->label ? e->label : label;
        return 0;
    }
    if (TALLY__GROW(k->c, k->cap, k->n + 1) != 0)
        return -1;
    k->c[k->n++] = (tally__declared_code){code, value, label, missing};
    return 0;
}

static int in_missing_range(const tally__stat_var *v, double x)
{
    for (size_t i = 0; v->numeric && i < v->n_missing; i++)
        if (x >= v->missing[i].lo && x <= v->missing[i].hi)
            return 1;
    return 0;
}

/* The value labels of v's set and its discrete missing codes. */
static int collect(const tally__stat *s, const tally__stat_var *v, codes *k)
{
    char text[64];
    for (size_t i = 0; v->set && i < s->n_labels; i++) {
        const tally__stat_label *l = &s->labels[i];
        if (!strcmp(l->set, v->set) &&
            add(k, l->code, l->value, l->label,
                v->numeric ? in_missing_range(v, l->value)
                           : 0) != 0)
            return -1;
    }
    for (size_t i = 0; i < v->n_missing; i++) {
        const tally__stat_range *r = &v->missing[i];
        const char *code = r->text;
        if (v->numeric && r->lo != r->hi)
            continue; /* a range: its values are declared as seen */
        if (v->numeric) {
            tally__xlsx_number(r->lo, text, sizeof text);
            code = tally__arena_strdup(s->raw->arena, text);
        }
        if (!code || add(k, code, v->numeric ? r->lo : NAN, NULL, 1) != 0)
            return -1;
    }
    for (size_t i = 0; !v->numeric && i < k->n; i++)
        for (size_t j = 0; j < v->n_missing; j++)
            if (v->missing[j].text && !strcmp(v->missing[j].text,
                                              k->c[i].code))
                k->c[i].missing = 1;
    return 0;
}

static int by_code(const void *a, const void *b)
{
    const tally__declared_code *x = a, *y = b;
    if (!isnan(x->value) && !isnan(y->value))
        return (x->value > y->value) - (x->value < y->value);
    return strcmp(x->code, y->code);
}

/* Two codes with one label ("Other" twice) would be one answer: the
   later ones get their code after the label. */
static int distinct_labels(tally__arena *a, codes *k)
{
    for (size_t i = 1; i < k->n; i++)
        for (size_t j = 0; j < i; j++) {
            if (!k->c[i].label || !k->c[j].label ||
                strcmp(k->c[i].label, k->c[j].label) != 0)
                continue;
            size_t n = strlen(k->c[i].label) + strlen(k->c[i].code) + 4;
            char *l = tally__arena_alloc(a, n);
            if (!l)
                return -1;
            snprintf(l, n, "%s (%s)", k->c[i].label, k->c[i].code);
            k->c[i].label = l;
            break;
        }
    return 0;
}

/* The text a cell shows for the value text (its label, or itself); a
   value in a missing range is added to the codes. */
static const char *shown(tally__arena *a, const tally__stat_var *v, codes *k,
                         const char *text, int *fail)
{
    tally__declared_code *e = find(k, text);
    if (e)
        return e->label ? e->label : e->code;
    if (v->numeric && v->time == TALLY__STAT_NUMBER && *text) {
        double x = strtod(text, NULL);
        if (in_missing_range(v, x)) {
            const char *code = tally__arena_strdup(a, text);
            *fail = !code || add(k, code, x, NULL, 1) != 0;
        }
    }
    return text;
}

/* Rebuild column c's dictionary with the texts shown: each distinct
   value is looked at once, then the ids of the records are mapped. */
static int relabel(tally_raw *raw, size_t c, const tally__stat_var *v,
                   codes *k)
{
    tally__rawcol *col = &raw->cols[c];
    tally__strdict nd;
    uint32_t *map = tally__malloc(col->dict.count * sizeof *map);
    int fail = !map || tally__strdict_init(&nd) != 0 ||
               tally__strdict_intern(&nd, raw->arena, "", 0, NULL) != 0;
    for (size_t i = 0; !fail && i < col->dict.count; i++)
        map[i] = UINT32_MAX;
    for (size_t r = 0; !fail && r < raw->nrec; r++) {
        uint32_t id = tally__rawcol_id(col, r);
        if (map[id] == UINT32_MAX) {
            const char *t = tally__strdict_str(&col->dict, id);
            if (r > 0) /* record 0 is the header: the variable name */
                t = shown(raw->arena, v, k, t, &fail);
            long nid = tally__strdict_intern(&nd, raw->arena, t, strlen(t),
                                             NULL);
            fail |= nid < 0;
            map[id] = (uint32_t)nid;
        }
        fail = fail || tally__rawcol_set(col, r, map[id]) != 0;
    }
    tally__free(map);
    if (fail) {
        tally__strdict_destroy(&nd);
        return -1;
    }
    tally__strdict_destroy(&col->dict);
    col->dict = nd;
    return 0;
}

static int declare(tally__stat *s, size_t c)
{
    const tally__stat_var *v = &s->vars[c];
    tally_raw *raw = s->raw;
    codes k = {0};
    tally__declared *d = tally__arena_calloc(raw->arena, 1, sizeof *d);
    int fail = !d || collect(s, v, &k) != 0 ||
               distinct_labels(raw->arena, &k) != 0;
    if (!fail && (k.n || v->n_missing))
        fail = relabel(raw, c, v, &k) != 0;
    if (!fail) {
        if (k.n)
            qsort(k.c, k.n, sizeof *k.c, by_code);
        d->label = tally__arena_strdup(raw->arena, v->label);
        d->measure = (tally__measure)v->measure;
        d->numeric = v->numeric;
        d->n_codes = k.n;
        d->codes = tally__arena_memdup(raw->arena, k.c, k.n, sizeof *k.c);
        fail = (v->label && !d->label) || (k.n && !d->codes);
        raw->cols[c].decl = d;
    }
    tally__free(k.c);
    return fail ? -1 : 0;
}

tally_status tally__stat_dictionary(tally__stat *s)
{
    for (size_t c = 0; c < s->n_vars && c < s->raw->ncols; c++)
        if (declare(s, c) != 0)
            return tally__nomem(s->err);
    return TALLY_OK;
}
