/* codebook.c: the question model (see tally/codebook.h and
   codebook_internal.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "codebook_internal.h"
#include "strdict.h"
#include "utf8.h"

static const char *const qtype_keys[] = {
#define TALLY_X_(e, k, n) k,
    TALLY_QTYPE_LIST(TALLY_X_)
#undef TALLY_X_
};

const char *tally_qtype_name(tally_qtype t)
{
    return (unsigned)t < TALLY_QTYPE_COUNT ? qtype_keys[t] : "?";
}

tally_status tally_qtype_parse(const char *name, tally_qtype *out)
{
    if (!name || !out)
        return TALLY_ERR_INVALID_ARG;
    for (int t = 0; t < TALLY_QTYPE_COUNT; t++)
        if (strcmp(name, qtype_keys[t]) == 0) {
            *out = (tally_qtype)t;
            return TALLY_OK;
        }
    return TALLY_ERR_INVALID_ARG;
}

/* --- building ------------------------------------------------------------ */

tally_codebook *tally__codebook_new(void)
{
    tally_codebook *cb = tally__calloc(1, sizeof *cb);
    if (!cb)
        return NULL;
    cb->arena = tally__arena_new();
    if (!cb->arena) {
        tally__free(cb);
        return NULL;
    }
    return cb;
}

void tally_codebook_free(tally_codebook *cb)
{
    if (!cb)
        return;
    tally__free(cb->questions);
    tally__free(cb->scales);
    tally__arena_free(cb->arena);
    tally__free(cb);
}

const char *tally__cb_str(tally_codebook *cb, const char *s)
{
    return tally__arena_strdup(cb->arena, s);
}

tally_question *tally__codebook_add(tally_codebook *cb)
{
    if (TALLY__GROW(cb->questions, cb->questions_cap, cb->n_questions + 1))
        return NULL;
    tally_question *q = tally__arena_calloc(cb->arena, 1, sizeof *q);
    if (!q)
        return NULL;
    cb->questions[cb->n_questions++] = q;
    return q;
}

/* Copy string *s into the arena; 0 on success (NULL stays NULL). */
static int copy_str(tally_codebook *cb, const char **s)
{
    if (!*s)
        return 0;
    *s = tally__cb_str(cb, *s);
    return *s ? 0 : -1;
}

const tally_option *tally__cb_options(tally_codebook *cb,
                                      const tally_option *src, size_t n)
{
    if (!n)
        return NULL;
    tally_option *o = tally__arena_memdup(cb->arena, src, n, sizeof *o);
    if (!o)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (copy_str(cb, &o[i].label) || copy_str(cb, &o[i].code) ||
            copy_str(cb, &o[i].column))
            return NULL;
    return o;
}

const tally_item *tally__cb_items(tally_codebook *cb, const tally_item *src,
                                  size_t n)
{
    if (!n)
        return NULL;
    tally_item *it = tally__arena_memdup(cb->arena, src, n, sizeof *it);
    if (!it)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (copy_str(cb, &it[i].id) || copy_str(cb, &it[i].text) ||
            copy_str(cb, &it[i].column))
            return NULL;
    return it;
}

int tally__codebook_add_scale(tally_codebook *cb, const char *name,
                              const tally_option *options, size_t n)
{
    if (TALLY__GROW(cb->scales, cb->scales_cap, cb->n_scales + 1))
        return -1;
    tally__scale *s = &cb->scales[cb->n_scales];
    s->name = tally__cb_str(cb, name);
    s->options = tally__cb_options(cb, options, n);
    s->n_options = n;
    if (!s->name || (n && !s->options))
        return -1;
    cb->n_scales++;
    return 0;
}

const tally__scale *tally__codebook_scale(const tally_codebook *cb,
                                          const char *name)
{
    for (size_t i = 0; name && i < cb->n_scales; i++)
        if (strcmp(cb->scales[i].name, name) == 0)
            return &cb->scales[i];
    return NULL;
}

size_t tally__question_valid_options(const tally_question *q)
{
    size_t n = 0;
    for (size_t i = 0; i < q->n_options; i++)
        n += !q->options[i].missing;
    return n;
}

static tally_status copy_question(tally_codebook *dst,
                                  const tally_question *q)
{
    tally_question *c = tally__codebook_add(dst);
    if (!c)
        return TALLY_ERR_NOMEM;
    *c = *q;
    c->options = tally__cb_options(dst, q->options, q->n_options);
    c->items = tally__cb_items(dst, q->items, q->n_items);
    if ((q->n_options && !c->options) || (q->n_items && !c->items) ||
        copy_str(dst, &c->id) || copy_str(dst, &c->text) ||
        copy_str(dst, &c->column) || copy_str(dst, &c->separator) ||
        copy_str(dst, &c->scale) || copy_str(dst, &c->section) ||
        copy_str(dst, &c->reason))
        return TALLY_ERR_NOMEM;
    return TALLY_OK;
}

tally_codebook *tally__codebook_copy(const tally_codebook *cb)
{
    tally_codebook *c = tally__codebook_new();
    if (!c)
        return NULL;
    c->title = tally__cb_str(c, cb->title);
    c->weight = tally__cb_str(c, cb->weight);
    c->count = tally__cb_str(c, cb->count);
    c->population = cb->population;
    int bad = (cb->title && !c->title) || (cb->weight && !c->weight) ||
              (cb->count && !c->count);
    for (size_t i = 0; !bad && i < cb->n_scales; i++)
        bad = tally__codebook_add_scale(c, cb->scales[i].name,
                                        cb->scales[i].options,
                                        cb->scales[i].n_options) != 0;
    for (size_t i = 0; !bad && i < cb->n_questions; i++)
        bad = copy_question(c, cb->questions[i]) != TALLY_OK;
    if (bad) {
        tally_codebook_free(c);
        return NULL;
    }
    return c;
}

/* --- validation ---------------------------------------------------------- */

static tally_status invalid(tally_error *err, const tally_question *q,
                            const char *what)
{
    return tally__fail(err, TALLY_ERR_CODEBOOK, "question %s: %s",
                       q->id ? q->id : "(no id)", what);
}

/* Sets of the strings or values seen so far, so that duplicates are
   found in linear time (a codebook read from a hostile file may hold
   100,000 questions or options). */
typedef struct seen_set {
    tally__arena *arena;
    tally__strdict ids, labels, values;
} seen_set;

/* 1 when the len bytes at p were added to d before, 0 when new, -1 when
   out of memory. */
static int seen_before(tally__strdict *d, tally__arena *arena, const void *p,
                       size_t len)
{
    int added;
    if (tally__strdict_intern(d, arena, p, len, &added) < 0)
        return -1;
    return !added;
}

static tally_status duplicate_value(const tally_question *q, size_t i,
                                    tally_error *err)
{
    const tally_option *o = &q->options[i];
    size_t j = 0;
    while (q->options[j].missing || q->options[j].value != o->value)
        j++;
    return tally__fail(err, TALLY_ERR_CODEBOOK,
                       "question %s: options \"%s\" and \"%s\" have the "
                       "same value",
                       q->id, q->options[j].label, o->label);
}

static tally_status check_options(const tally_question *q, seen_set *seen,
                                  tally_error *err)
{
    tally__strdict_destroy(&seen->labels);
    tally__strdict_destroy(&seen->values);
    if (tally__strdict_init(&seen->labels) ||
        tally__strdict_init(&seen->values))
        return tally__nomem(err);
    for (size_t i = 0; i < q->n_options; i++) {
        const tally_option *o = &q->options[i];
        if (!o->label || !*o->label)
            return invalid(err, q, "an option has no label");
        if (o->missing && !isnan(o->value))
            return invalid(err, q, "a missing code cannot have a value");
        if (!o->missing && q->ordered && !isfinite(o->value))
            return invalid(err, q, "every scale point needs a value");
        int dup = seen_before(&seen->labels, seen->arena, o->label,
                              strlen(o->label));
        if (dup > 0)
            return tally__fail(err, TALLY_ERR_CODEBOOK,
                               "question %s: option \"%s\" is listed "
                               "twice",
                               q->id, o->label);
        double v = o->value == 0 ? 0.0 : o->value; /* -0 is 0 */
        if (!dup && q->ordered && !o->missing)
            dup = seen_before(&seen->values, seen->arena, &v, sizeof v);
        if (dup > 0)
            return duplicate_value(q, i, err);
        if (dup < 0)
            return tally__nomem(err);
    }
    return TALLY_OK;
}

static tally_status check_columns(const tally_question *q, tally_error *err)
{
    switch (q->type) {
    case TALLY_QTYPE_MATRIX:
        if (!q->n_items)
            return invalid(err, q, "a matrix needs items");
        for (size_t i = 0; i < q->n_items; i++)
            if (!q->items[i].id || !q->items[i].column)
                return invalid(err, q, "every item needs an id and a "
                                       "column");
        if (!tally__question_valid_options(q))
            return invalid(err, q, "a matrix needs options or a scale");
        return TALLY_OK;
    case TALLY_QTYPE_MULTI:
        if (q->column && !q->separator)
            return invalid(err, q, "a multi question with one column needs "
                                   "a separator");
        for (size_t i = 0; !q->column && i < q->n_options; i++)
            if (!q->options[i].column && !q->options[i].missing)
                return invalid(err, q, "every option of a multi question "
                                       "needs a column (or give the "
                                       "question a column and separator)");
        if (!q->n_options)
            return invalid(err, q, "a multi question needs options");
        return TALLY_OK;
    default:
        if (!q->column)
            return invalid(err, q, "no column");
        return TALLY_OK;
    }
}

static tally_status check_question(const tally_codebook *cb, size_t i,
                                   seen_set *seen, tally_error *err)
{
    const tally_question *q = cb->questions[i];
    if (!q->id || !*q->id)
        return tally__fail(err, TALLY_ERR_CODEBOOK, "question %zu has no id",
                           i + 1);
    if ((unsigned)q->type >= TALLY_QTYPE_COUNT)
        return invalid(err, q, "unknown type");
    int dup = seen_before(&seen->ids, seen->arena, q->id, strlen(q->id));
    if (dup < 0)
        return tally__nomem(err);
    if (dup)
        return invalid(err, q, "the id is used twice");
    TALLY_TRY(check_columns(q, err));
    return check_options(q, seen, err);
}

tally_status tally__codebook_validate(const tally_codebook *cb,
                                      tally_error *err)
{
    seen_set seen = {0};
    tally_status st = TALLY_OK;
    seen.arena = tally__arena_new();
    if (!seen.arena || tally__strdict_init(&seen.ids))
        st = tally__nomem(err);
    for (size_t i = 0; st == TALLY_OK && i < cb->n_questions; i++)
        st = check_question(cb, i, &seen, err);
    tally__strdict_destroy(&seen.ids);
    tally__strdict_destroy(&seen.labels);
    tally__strdict_destroy(&seen.values);
    tally__arena_free(seen.arena);
    return st;
}

/* --- reading ------------------------------------------------------------- */

const char *tally_codebook_title(const tally_codebook *cb)
{
    return cb->title;
}

double tally_codebook_population(const tally_codebook *cb)
{
    return cb->population;
}

const char *tally_codebook_weight(const tally_codebook *cb)
{
    return cb->weight;
}

const char *tally_codebook_count(const tally_codebook *cb)
{
    return cb->count;
}

size_t tally_codebook_question_count(const tally_codebook *cb)
{
    return cb->n_questions;
}

const tally_question *tally_codebook_question(const tally_codebook *cb,
                                              size_t i)
{
    return i < cb->n_questions ? cb->questions[i] : NULL;
}

/* --- finding a question by what the user typed --------------------------- */

static int find_id(const tally_codebook *cb, const char *spec, int nocase,
                   size_t *question, size_t *item)
{
    int found = 0;
    for (size_t i = 0; i < cb->n_questions; i++) {
        const tally_question *q = cb->questions[i];
        if (nocase ? !strcasecmp(q->id, spec) : !strcmp(q->id, spec)) {
            *question = i;
            *item = TALLY_ALL_ITEMS;
            found++;
        }
        for (size_t k = 0; k < q->n_items; k++) {
            const char *id = q->items[k].id;
            if (nocase ? !strcasecmp(id, spec) : !strcmp(id, spec)) {
                *question = i;
                *item = k;
                found++;
            }
        }
    }
    return found;
}

static int is_text_prefix(const char *text, const char *spec)
{
    char kt[1024], ks[1024];
    size_t nt = tally__label_key(text ? text : "", kt, sizeof kt);
    size_t ns = tally__label_key(spec, ks, sizeof ks);
    if (nt == (size_t)-1 || ns == (size_t)-1 || ns == 0)
        return 0;
    return ns <= nt && memcmp(kt, ks, ns) == 0;
}

static tally_status not_found(const tally_codebook *cb, const char *spec,
                              size_t matches, tally_error *err)
{
    char list[300] = "";
    size_t n = 0, shown = 0;
    for (size_t i = 0; i < cb->n_questions && n < sizeof list - 40; i++) {
        const tally_question *q = cb->questions[i];
        if (matches && !is_text_prefix(q->text, spec))
            continue;
        n += (size_t)snprintf(list + n, sizeof list - n, "%s%s",
                              shown++ ? ", " : "", q->id);
    }
    if (matches)
        return tally__fail(err, TALLY_ERR_NO_SUCH_VAR,
                           "\"%s\" matches %zu questions (%s): give an id",
                           spec, matches, list);
    return tally__fail(err, TALLY_ERR_NO_SUCH_VAR,
                       "no question \"%s\" (questions: %s%s)", spec, list,
                       shown < cb->n_questions ? ", ..." : "");
}

tally_status tally_codebook_find(const tally_codebook *cb, const char *spec,
                                 size_t *question, size_t *item,
                                 tally_error *err)
{
    if (!cb || !spec || !question || !item)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "no question given");
    if (find_id(cb, spec, 0, question, item) == 1 ||
        find_id(cb, spec, 1, question, item) == 1)
        return TALLY_OK;
    size_t matches = 0;
    for (size_t i = 0; i < cb->n_questions; i++)
        if (is_text_prefix(cb->questions[i]->text, spec)) {
            *question = i;
            *item = TALLY_ALL_ITEMS;
            matches++;
        }
    if (matches == 1)
        return TALLY_OK;
    return not_found(cb, spec, matches, err);
}
