/*
 * xtab.c: tally_xtab_compute(): counting the respondents of a crosstab
 * (definitions in tally/xtab.h). Percentages, intervals and tests of
 * the counted table are xtab_stats.c's job.
 *
 * One pass over the row and column codes of a table puts every
 * respondent in exactly one place: a cell, or one of the four reasons
 * for not being in the table (no answer or a missing code, to the row
 * question first, then to the column question), so that the table
 * accounts for every respondent.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "accounting.h"
#include "alloc.h"
#include "ci_fpc.h"
#include "dataset_internal.h"
#include "xtab_internal.h"

typedef struct build {
    const tally_dataset *ds;
    const tally_question *rq, *cq;
    const tally__qdata *rd;      /* row question's data                */
    const uint16_t *rcodes;      /* single/scale row; NULL for multi   */
    const uint16_t *ccodes;
    long *rmap, *cmap;           /* option -> row/column, -1: missing  */
    double respondents;          /* rows of the dataset, weighted      */
    tally_xtab *x;
    tally_error *err;
} build;

/* Index of every valid option among the valid ones; -1 for missing
   codes. Returns the number of valid options. */
static size_t option_map(const tally_question *q, long *map)
{
    size_t n = 0;
    for (size_t i = 0; i < q->n_options; i++)
        map[i] = q->options[i].missing ? -1 : (long)n++;
    return n;
}

static tally_status labels(tally_xtab *x, const tally_question *q,
                           const long *map, size_t n,
                           const char *const **out)
{
    const char **l = tally__arena_calloc(x->arena, n + 1, sizeof *l);
    if (!l)
        return TALLY_ERR_NOMEM;
    for (size_t i = 0; i < q->n_options; i++)
        if (map[i] >= 0 &&
            !(l[map[i]] = tally__arena_strdup(x->arena, q->options[i].label)))
            return TALLY_ERR_NOMEM;
    *out = l;
    return TALLY_OK;
}

/* The column of row r, or -1 after counting why it has none. */
static long column_of(const build *b, tally_xtab_table *t, size_t r,
                      double w)
{
    uint16_t cc = b->ccodes[r];
    if (cc == 0 || cc == TALLY__NUMBER) {
        t->col_no_answer += w;
        return -1;
    }
    long j = b->cmap[cc - 1];
    if (j < 0)
        t->col_missing += w;
    return j;
}

static void count_single(const build *b, tally_xtab_table *t, double *cnt,
                         tally__xt_sums *s)
{
    size_t nc = t->n_cols;
    for (size_t r = 0; r < b->ds->rows; r++) {
        double w = tally__ds_weight(b->ds, r);
        uint16_t rc = b->rcodes[r];
        if (rc == 0 || rc == TALLY__NUMBER) {
            t->row_no_answer += w;
            continue;
        }
        long i = b->rmap[rc - 1];
        if (i < 0) {
            t->row_missing += w;
            continue;
        }
        long j = column_of(b, t, r, w);
        if (j < 0)
            continue;
        cnt[(size_t)i * nc + (size_t)j] += w;
        s->w2_col[j] += w * w;
    }
}

/* Whether row r of a multi question ticked anything, and anything
   valid (freq.c counts the same way: only missing options = missing). */
static void ticks(const build *b, size_t r, int *any, int *valid)
{
    const tally__qdata *d = b->rd;
    *any = *valid = 0;
    for (size_t wd = 0; wd < d->nwords; wd++) {
        uint64_t bits = d->bits[r * d->nwords + wd];
        while (bits) {
            size_t k = wd * 64 + (size_t)__builtin_ctzll(bits);
            bits &= bits - 1;
            *any = 1;
            *valid |= b->rmap[k] >= 0;
        }
    }
}

static void count_multi(const build *b, tally_xtab_table *t, double *cnt,
                        double *bases, tally__xt_sums *s)
{
    const tally__qdata *d = b->rd;
    size_t nc = t->n_cols;
    for (size_t r = 0; r < b->ds->rows; r++) {
        double w = tally__ds_weight(b->ds, r);
        int any, valid;
        ticks(b, r, &any, &valid);
        if (!valid) {
            *(any ? &t->row_missing : &t->row_no_answer) += w;
            continue;
        }
        long j = column_of(b, t, r, w);
        if (j < 0)
            continue;
        bases[j] += w;
        s->w2_col[j] += w * w;
        /* The set bits only, as ticks() did: not every option. */
        for (size_t wd = 0; wd < d->nwords; wd++)
            for (uint64_t bits = d->bits[r * d->nwords + wd]; bits;
                 bits &= bits - 1) {
                long i = b->rmap[wd * 64 + (size_t)__builtin_ctzll(bits)];
                if (i >= 0)
                    cnt[(size_t)i * nc + (size_t)j] += w;
            }
    }
}

/* Totals of the counted table. */
static void totals(tally_xtab_table *t, double *rows, double *bases,
                   const double *cnt, int multi)
{
    size_t nr = t->n_rows, nc = t->n_cols;
    for (size_t i = 0; i < nr; i++)
        for (size_t j = 0; j < nc; j++) {
            rows[i] += cnt[i * nc + j];
            if (!multi)
                bases[j] += cnt[i * nc + j];
        }
    t->base = 0;
    for (size_t j = 0; j < nc; j++)
        t->base += bases[j];
}

static tally_status count_table(build *b, tally_xtab_table *t)
{
    tally_xtab *x = b->x;
    size_t nr = t->n_rows, nc = t->n_cols;
    double *cnt = tally__arena_calloc(x->arena, nr * nc + 1, sizeof *cnt);
    double *rows = tally__arena_calloc(x->arena, nr + 1, sizeof *rows);
    double *bases = tally__arena_calloc(x->arena, nc + 1, sizeof *bases);
    tally__xt_sums s = {tally__calloc(nc + 1, sizeof(double)), 0};
    if (!cnt || !rows || !bases || !s.w2_col) {
        tally__free(s.w2_col);
        return tally__nomem(b->err);
    }
    int multi = b->rq->type == TALLY_QTYPE_MULTI;
    if (multi)
        count_multi(b, t, cnt, bases, &s);
    else
        count_single(b, t, cnt, &s);
    totals(t, rows, bases, cnt, multi);
    for (size_t j = 0; j < nc; j++)
        s.w2 += s.w2_col[j];
    t->counts = cnt;
    t->row_totals = rows;
    t->col_bases = bases;
    tally_status st = tally__xtab_stats(x, t, &s, b->err);
    tally__free(s.w2_col);
    return st;
}

/* --- the request ---------------------------------------------------------- */

static int row_type_ok(tally_qtype t)
{
    return t == TALLY_QTYPE_SINGLE || t == TALLY_QTYPE_SCALE ||
           t == TALLY_QTYPE_MULTI || t == TALLY_QTYPE_MATRIX;
}

static tally_status check_request(const tally_dataset *ds, size_t row,
                                  size_t row_item, size_t col,
                                  size_t col_item, tally_error *err)
{
    if (!ds)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "no dataset");
    TALLY_TRY(tally__ds_check_question(ds, row, row_item, err));
    TALLY_TRY(tally__ds_check_question(ds, col, col_item, err));
    const tally_question *r = ds->cb->questions[row];
    const tally_question *c = ds->cb->questions[col];
    if (!row_type_ok(r->type))
        return tally__fail(err, TALLY_ERR_TYPE_MISMATCH,
                           "%s is a %s question: crosstabs need single "
                           "choice, scale, multiple response or matrix rows",
                           r->id, tally_qtype_name(r->type));
    int col_ok = c->type == TALLY_QTYPE_SINGLE ||
                 c->type == TALLY_QTYPE_SCALE ||
                 (c->type == TALLY_QTYPE_MATRIX && col_item != TALLY_ALL_ITEMS);
    if (!col_ok)
        return tally__fail(err, TALLY_ERR_TYPE_MISMATCH,
                           "%s is a %s question: the groups (--by) must be "
                           "a single choice or scale question, or one "
                           "matrix item",
                           c->id, tally_qtype_name(c->type));
    return TALLY_OK;
}

static tally_status check_options(const tally_xtab_opts *o, tally_error *err)
{
    if (!o)
        return TALLY_OK;
    TALLY_TRY(tally__ci_check_request(o->ci, o->level, err));
    if (o->alpha < 0 || o->alpha >= 1 || isnan(o->alpha))
        return tally__fail(err, TALLY_ERR_INVALID_ARG,
                           "alpha must be between 0 and 1");
    if ((unsigned)o->fisher > TALLY_FISHER_NEVER)
        return tally__fail(err, TALLY_ERR_INVALID_ARG,
                           "unknown Fisher mode");
    if (isnan(o->min_base) || isnan(o->min_cell) || o->min_cell < 0)
        return tally__fail(err, TALLY_ERR_INVALID_ARG,
                           "bad minimum base or cell size");
    return TALLY_OK;
}

static void fill_options(tally_xtab *x, const tally_dataset *ds,
                         const tally_xtab_opts *o)
{
    if (o)
        x->opts = *o;
    tally_xtab_opts *p = &x->opts;
    p->level = p->level > 0 ? p->level : 0.95;
    p->alpha = p->alpha > 0 ? p->alpha : 0.05;
    p->min_base = p->min_base == 0 ? 10 : p->min_base < 0 ? 0 : p->min_base;
    p->population = p->population ? p->population : ds->cb->population;
    p->population = p->population > 0 ? p->population : 0;
    if (p->fisher == TALLY_FISHER_DEFAULT)
        p->fisher = TALLY_FISHER_AUTO;
    x->weight_kind = ds->weight_kind;
}

/* The table's identity: ids, texts, types and labels. */
static tally_status describe(build *b, tally_xtab_table *t, size_t item,
                             size_t col_item, size_t nr, size_t nc)
{
    tally_xtab *x = b->x;
    const tally_question *r = b->rq, *c = b->cq;
    int ritem = r->type == TALLY_QTYPE_MATRIX;
    int citem = col_item != TALLY_ALL_ITEMS;
    t->row_id = tally__arena_strdup(x->arena, ritem ? r->items[item].id
                                                    : r->id);
    t->row_text = tally__arena_strdup(x->arena, ritem ? r->items[item].text
                                                      : r->text);
    t->col_id = tally__arena_strdup(x->arena, citem ? c->items[col_item].id
                                                    : c->id);
    t->col_text = tally__arena_strdup(x->arena,
                                      citem ? c->items[col_item].text
                                            : c->text);
    t->question_id = tally__arena_strdup(x->arena, r->id);
    t->question_text = tally__arena_strdup(x->arena, r->text);
    if (!t->row_id || !t->row_text || !t->col_id || !t->col_text ||
        !t->question_id || !t->question_text)
        return tally__nomem(b->err);
    t->row_type = r->type != TALLY_QTYPE_MATRIX ? r->type
                  : r->ordered                  ? TALLY_QTYPE_SCALE
                                                : TALLY_QTYPE_SINGLE;
    t->row_ordered = r->ordered && r->type != TALLY_QTYPE_MULTI;
    t->col_ordered = c->ordered;
    t->n_rows = nr;
    t->n_cols = nc;
    t->respondents = b->respondents;
    if (labels(x, r, b->rmap, nr, &t->row_labels) != TALLY_OK ||
        labels(x, c, b->cmap, nc, &t->col_labels) != TALLY_OK)
        return tally__nomem(b->err);
    return TALLY_OK;
}

static tally_status tables(build *b, size_t row, size_t row_item,
                           size_t col_item)
{
    tally_xtab *x = b->x;
    const tally_question *r = b->rq;
    size_t nr = option_map(r, b->rmap), nc = option_map(b->cq, b->cmap);
    if (nc > 64)
        return tally__fail(b->err, TALLY_ERR_INVALID_ARG,
                           "%s has %zu groups: at most 64 columns",
                           b->cq->id, nc);
    int each = r->type == TALLY_QTYPE_MATRIX && row_item == TALLY_ALL_ITEMS;
    x->n_tables = each ? r->n_items : 1;
    x->tables = tally__arena_calloc(x->arena, x->n_tables, sizeof *x->tables);
    if (!x->tables)
        return tally__nomem(b->err);
    b->rd = &b->ds->q[row];
    /* The same for every table (a matrix's items): summed once. */
    b->respondents = 0;
    for (size_t i = 0; i < b->ds->rows; i++)
        b->respondents += tally__ds_weight(b->ds, i);
    for (size_t i = 0; i < x->n_tables; i++) {
        size_t item = each ? i : row_item == TALLY_ALL_ITEMS ? 0 : row_item;
        tally_xtab_table *t = &x->tables[i];
        b->rcodes = r->type == TALLY_QTYPE_MULTI ? NULL : b->rd->codes[item];
        TALLY_TRY(describe(b, t, item, col_item, nr, nc));
        TALLY_TRY(count_table(b, t));
        TALLY_TRY(tally__check_xtab_table(t, b->err));
    }
    return TALLY_OK;
}

tally_status tally_xtab_compute(const tally_dataset *ds, size_t row,
                                size_t row_item, size_t col, size_t col_item,
                                const tally_xtab_opts *opts, tally_xtab **out,
                                tally_error *err)
{
    if (!out)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "no output pointer");
    *out = NULL;
    TALLY_TRY(check_request(ds, row, row_item, col, col_item, err));
    TALLY_TRY(check_options(opts, err));
    tally_xtab *x = tally__calloc(1, sizeof *x);
    if (x)
        x->arena = tally__arena_new();
    const tally_question *rq = ds->cb->questions[row];
    const tally_question *cq = ds->cb->questions[col];
    long *maps = tally__calloc(rq->n_options + cq->n_options + 2,
                               sizeof *maps);
    if (!x || !x->arena || !maps) {
        tally__free(maps);
        tally_xtab_free(x);
        return tally__nomem(err);
    }
    fill_options(x, ds, opts);
    x->filter = ds->filter ? tally__arena_strdup(x->arena, ds->filter) : NULL;
    build b = {.ds = ds,
               .rq = rq,
               .cq = cq,
               .ccodes = ds->q[col].codes[col_item == TALLY_ALL_ITEMS
                                              ? 0
                                              : col_item],
               .rmap = maps,
               .cmap = maps + rq->n_options + 1,
               .x = x,
               .err = err};
    tally_status st = tables(&b, row, row_item, col_item);
    tally__free(maps);
    if (st != TALLY_OK) {
        tally_xtab_free(x);
        return st;
    }
    *out = x;
    return TALLY_OK;
}

void tally_xtab_free(tally_xtab *x)
{
    if (!x)
        return;
    tally__arena_free(x->arena);
    tally__free(x);
}

size_t tally_xtab_table_count(const tally_xtab *x)
{
    return x ? x->n_tables : 0;
}

const tally_xtab_table *tally_xtab_get(const tally_xtab *x, size_t i)
{
    return x && i < x->n_tables ? &x->tables[i] : NULL;
}

tally_weight_kind tally_xtab_weight_kind(const tally_xtab *x)
{
    return x->weight_kind;
}

const tally_xtab_opts *tally_xtab_options(const tally_xtab *x)
{
    return &x->opts;
}

void tally_xtab_column_letter(size_t j, char *buf, size_t size)
{
    char tmp[16];
    size_t n = 0;
    /* Bijective base 26, as spreadsheet columns: A..Z, AA, AB, ... */
    for (size_t v = j + 1; v > 0 && n < sizeof tmp; v = (v - 1) / 26)
        tmp[n++] = (char)('A' + (v - 1) % 26);
    size_t k = 0;
    for (; k < n && k + 1 < size; k++)
        buf[k] = tmp[n - 1 - k];
    if (size)
        buf[k] = '\0';
}

void tally__xtab_cell_letters(const tally_xtab_table *t, size_t i, size_t j,
                              char *out, size_t size)
{
    size_t used = 0;
    uint64_t g = t->greater[i * t->n_cols + j];
    out[0] = '\0';
    for (size_t k = 0; k < t->n_cols && k < 64; k++) {
        if (!((g >> k) & 1u))
            continue;
        char l[16];
        tally_xtab_column_letter(k, l, sizeof l);
        size_t n = strlen(l);
        if (used + n + 1 > size)
            break;
        memcpy(out + used, l, n + 1);
        used += n;
    }
}
