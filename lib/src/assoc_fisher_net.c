/*
 * assoc_fisher_net.c: the exact r x c Fisher p-value by the network
 * algorithm of Mehta and Patel (1983, JASA 78:427-434; 1986, ACM TOMS
 * 12:154-161), in a simple form.
 *
 * The tables with the observed margins are built a column at a time.
 * After k columns, what is left is described by the remaining row totals
 * s; as every table's probability is invariant under permuting rows, the
 * sorted s is the node of stage k, and paths (partial tables) reaching
 * the same node are merged, keeping for each distinct past weight
 * lp = -sum log f! (equal to 1e-12) the number of paths with it. A node's
 * entries are settled at once when possible: the sum over the node's
 * completions of prod 1/f! is n'! / (prod s_i! prod c_k!) (n', c_k what
 * remains), and per-column bounds on the most and least probable
 * completion (water-filling, resp. greedy filling from the largest s_i:
 * the per-column optima of the concave, resp. convex, sum of -log f!)
 * tell whether all completions are at most as probable as the observed
 * table (counted whole) or all more probable (dropped). Only the rest is
 * expanded to the next stage. The work (entries times column vectors) is
 * capped; past the cap the caller simulates.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "assoc_fisher_net.h"

typedef struct entry {
    double lp, paths;
} entry;

typedef struct nnode {
    entry *e;
    size_t len, cap;
} nnode;

/* One stage: nodes keyed by their sorted remaining row totals. */
typedef struct stage {
    int32_t *keys;     /* n_nodes * r                         */
    nnode *nodes;
    size_t n_nodes, cap_nodes, cap_keys;
    size_t *slots;     /* hash slots: node index + 1, 0 empty */
    size_t n_slots;
} stage;

typedef struct net {
    size_t r, c;
    const int32_t *ct; /* ascending                          */
    const double *lf;
    double k, thr, p, work, limit;
    int32_t *x, *child; /* scratch, r each                    */
} net;

static int cmp_i32(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

static int cmp_entry(const void *a, const void *b)
{
    double x = ((const entry *)a)->lp, y = ((const entry *)b)->lp;
    return (x > y) - (x < y);
}

static uint64_t hash_key(const int32_t *key, size_t r)
{
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < r; i++)
        h = (h ^ (uint32_t)key[i]) * 1099511628211u;
    return h;
}

static void stage_free(stage *st)
{
    for (size_t i = 0; i < st->n_nodes; i++)
        tally__free(st->nodes[i].e);
    tally__free(st->keys);
    tally__free(st->nodes);
    tally__free(st->slots);
    memset(st, 0, sizeof *st);
}

static int rehash(stage *st, size_t r)
{
    size_t n = st->n_slots ? st->n_slots * 2 : 1024;
    size_t *slots = tally__calloc(n, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < st->n_nodes; i++) {
        size_t h = (size_t)hash_key(st->keys + i * r, r) & (n - 1);
        while (slots[h])
            h = (h + 1) & (n - 1);
        slots[h] = i + 1;
    }
    tally__free(st->slots);
    st->slots = slots;
    st->n_slots = n;
    return 0;
}

/* The node with this key, created if new; NULL when out of memory. */
static nnode *find_node(stage *st, const int32_t *key, size_t r)
{
    if (2 * (st->n_nodes + 1) > st->n_slots && rehash(st, r))
        return NULL;
    size_t mask = st->n_slots - 1;
    size_t h = (size_t)hash_key(key, r) & mask;
    for (; st->slots[h]; h = (h + 1) & mask) {
        size_t i = st->slots[h] - 1;
        if (!memcmp(st->keys + i * r, key, r * sizeof *key))
            return &st->nodes[i];
    }
    if (TALLY__GROW(st->nodes, st->cap_nodes, st->n_nodes + 1) ||
        TALLY__GROW(st->keys, st->cap_keys, (st->n_nodes + 1) * r))
        return NULL;
    size_t i = st->n_nodes++;
    memcpy(st->keys + i * r, key, r * sizeof *key);
    memset(&st->nodes[i], 0, sizeof st->nodes[i]);
    st->slots[h] = i + 1;
    return &st->nodes[i];
}

/* Most probable column (largest -sum log x!) with sum c, x_i <= s_i, s
   ascending: equalise (water-filling). */
static double col_max(const net *w, const int32_t *s, int32_t c)
{
    double v = 0;
    for (size_t i = 0; i < w->r; i++) {
        int32_t left = (int32_t)(w->r - i), share = c / left;
        /* s_i above the share: so are the rest, and each takes the
           share or one more */
        int32_t x = s[i] <= share ? s[i] : share + (c % left > 0);
        v -= w->lf[x];
        c -= x;
    }
    return v;
}

/* Least probable column: fill the largest s_i first (that vector
   majorises every other, and -sum log x! is Schur-concave). */
static double col_min(const net *w, const int32_t *s, int32_t c)
{
    double v = 0;
    for (size_t i = w->r; i-- > 0 && c > 0;) {
        int32_t x = s[i] < c ? s[i] : c;
        v -= w->lf[x];
        c -= x;
    }
    return v;
}

/* Settle what can be settled among a node's entries (stage j, sorted
   remaining row totals s); the rest is compacted to the front. */
static size_t settle(net *w, size_t j, const int32_t *s, nnode *nd)
{
    double maxb = 0, minb = 0, tot = 0;
    int32_t rest = 0;
    for (size_t i = 0; i < w->r; i++) {
        rest += s[i];
        tot -= w->lf[s[i]];
    }
    tot += w->lf[rest];
    for (size_t k = j; k < w->c; k++) {
        maxb += col_max(w, s, w->ct[k]);
        minb += col_min(w, s, w->ct[k]);
        tot -= w->lf[w->ct[k]];
    }
    size_t keep = 0;
    for (size_t i = 0; i < nd->len; i++) {
        entry e = nd->e[i];
        if (e.lp + minb > w->thr)
            continue;
        if (e.lp + maxb <= w->thr)
            w->p += e.paths * exp(w->k + e.lp + tot);
        else
            nd->e[keep++] = e;
    }
    return keep;
}

typedef struct expand_ctx {
    net *w;
    const int32_t *s;
    const entry *e;
    size_t n_e;
    stage *next;
} expand_ctx;

/* A column vector is complete in w->x: pass the entries to its child. */
static int add_child(expand_ctx *cx, double dlp)
{
    net *w = cx->w;
    for (size_t i = 0; i < w->r; i++)
        w->child[i] = cx->s[i] - w->x[i];
    qsort(w->child, w->r, sizeof *w->child, cmp_i32);
    nnode *nd = find_node(cx->next, w->child, w->r);
    if (!nd || TALLY__GROW(nd->e, nd->cap, nd->len + cx->n_e))
        return -1;
    for (size_t k = 0; k < cx->n_e; k++)
        nd->e[nd->len++] = (entry){cx->e[k].lp + dlp, cx->e[k].paths};
    w->work += (double)cx->n_e;
    return w->work > w->limit ? 1 : 0;
}

/* Every x_i.. with sum rem, x_i <= s_i; below = sum of s over i.. .
   Returns 0, 1 (work limit) or -1 (no memory). */
static int expand(expand_ctx *cx, size_t i, int32_t rem, int32_t below,
                  double dlp)
{
    net *w = cx->w;
    int32_t si = cx->s[i];
    if (i + 1 == w->r) {
        w->x[i] = rem;
        return add_child(cx, dlp - w->lf[rem]);
    }
    int32_t lo = rem - (below - si) > 0 ? rem - (below - si) : 0;
    int32_t hi = si < rem ? si : rem;
    for (int32_t x = lo; x <= hi; x++) {
        w->x[i] = x;
        int rc = expand(cx, i + 1, rem - x, below - si, dlp - w->lf[x]);
        if (rc)
            return rc;
    }
    return 0;
}

/* Sort a node's entries and merge equal past weights. */
static void merge(nnode *nd)
{
    if (nd->len < 2)
        return;
    qsort(nd->e, nd->len, sizeof *nd->e, cmp_entry);
    size_t out = 0;
    for (size_t i = 1; i < nd->len; i++) {
        entry *last = &nd->e[out];
        if (nd->e[i].lp - last->lp <= 1e-12 * fmax(1, fabs(last->lp)))
            last->paths += nd->e[i].paths;
        else
            nd->e[++out] = nd->e[i];
    }
    nd->len = out + 1;
}

static int run_stage(net *w, size_t j, stage *cur, stage *next)
{
    for (size_t n = 0; n < cur->n_nodes; n++) {
        nnode *nd = &cur->nodes[n];
        const int32_t *s = cur->keys + n * w->r;
        merge(nd);
        nd->len = settle(w, j, s, nd);
        if (!nd->len || j + 1 == w->c)
            continue;
        int32_t rest = 0;
        for (size_t i = 0; i < w->r; i++)
            rest += s[i];
        expand_ctx cx = {w, s, nd->e, nd->len, next};
        int rc = expand(&cx, 0, w->ct[j], rest, 0);
        if (rc)
            return rc;
    }
    return 0;
}

tally_status tally__fisher_network(const int32_t *rt, size_t r,
                                   const int32_t *ct, size_t c,
                                   const double *lf, double lp_obs,
                                   double limit, double *p, int *gave_up)
{
    int32_t *buf = tally__malloc(3 * r * sizeof *buf);
    stage a = {0}, b = {0};
    tally_status st = TALLY_OK;
    net w = {.r = r, .c = c, .ct = ct, .lf = lf, .limit = limit,
             .thr = lp_obs + log1p(1e-7)};
    *gave_up = 1;
    if (!buf)
        return TALLY_ERR_NOMEM;
    w.x = buf + r;
    w.child = buf + 2 * r;
    int32_t n = 0;
    for (size_t i = 0; i < r; i++) {
        buf[i] = rt[i];
        n += rt[i];
        w.k += lf[rt[i]];
    }
    for (size_t j = 0; j < c; j++)
        w.k += lf[ct[j]];
    w.k -= lf[n];
    qsort(buf, r, sizeof *buf, cmp_i32);
    nnode *root = find_node(&a, buf, r);
    if (!root || TALLY__GROW(root->e, root->cap, 1)) {
        st = TALLY_ERR_NOMEM;
        goto done;
    }
    root->e[root->len++] = (entry){0, 1};
    int rc = 0;
    for (size_t j = 0; j < c && !rc; j++) {
        rc = run_stage(&w, j, &a, &b);
        stage_free(&a);
        a = b;
        memset(&b, 0, sizeof b);
    }
    if (rc < 0)
        st = TALLY_ERR_NOMEM;
    *gave_up = rc != 0;
    *p = fmin(1, w.p);
done:
    stage_free(&a);
    stage_free(&b);
    tally__free(buf);
    return st;
}
