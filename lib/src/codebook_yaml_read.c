/*
 * codebook_yaml_read.c: tally_codebook_read_yaml(), the codebook file of
 * docs/codebook-format.md.
 *
 * yaml_tree.c reads the text into a checked tree of libyaml nodes (no
 * anchors, aliases, tags or deep nesting), whose nodes carry the line and
 * column every message names. The tree is checked here key by key against
 * the tables of the format and handed to the codebook builder
 * (codebook_internal.h); tally__codebook_validate() has the last word.
 *
 * Every error is TALLY_ERR_PARSE at the offending node, except running out
 * of memory and failing to read the input.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "codebook_internal.h"
#include "codebook_yaml.h"
#include "strdict.h"
#include "yaml_tree.h"

const char *const tally__qkey_names[TALLY__QKEY_COUNT] = {
#define TALLY_X_(e, k, t) k,
    TALLY__QKEY_LIST(TALLY_X_)
#undef TALLY_X_
};

static const unsigned qkey_types[TALLY__QKEY_COUNT] = {
#define TALLY_X_(e, k, t) t,
    TALLY__QKEY_LIST(TALLY_X_)
#undef TALLY_X_
};

int tally__qkey_applies(tally__qkey k, tally_qtype t)
{
    return (unsigned)k < TALLY__QKEY_COUNT && (unsigned)t < TALLY_QTYPE_COUNT &&
           (qkey_types[k] >> t & 1u);
}

static const char *const type_names[] = {
#define TALLY_X_(e, k, n) k,
    TALLY_QTYPE_LIST(TALLY_X_)
#undef TALLY_X_
};

/* Deepest nesting of lists and maps accepted; the format needs 6. */
#define MAX_DEPTH 32

/* The keys of the other maps of the format. */
enum { TOP_TITLE, TOP_POPULATION, TOP_WEIGHT, TOP_COUNT, TOP_SCALES,
       TOP_QUESTIONS, TOP_N };
static const char *const top_keys[TOP_N] = {
    "title", "population", "weight", "count", "scales", "questions"};

enum { SC_OPTIONS, SC_VALUES, SC_MISSING, SC_N };
static const char *const scale_keys[SC_N] = {"options", "values", "missing"};

enum { OPT_LABEL, OPT_CODE, OPT_COLUMN, OPT_VALUE, OPT_N };
static const char *const option_keys[OPT_N] = {"label", "code", "column",
                                               "value"};

enum { IT_ID, IT_COLUMN, IT_TEXT, IT_N };
static const char *const item_keys[IT_N] = {"id", "column", "text"};

typedef tally__yaml_field field;

/* What the options being read may carry. */
typedef struct optctx {
    int ordered;             /* scale values                         */
    int multi;               /* columns of their own                 */
} optctx;

typedef struct reader {
    tally__yaml y;           /* the input; y.where prefixes messages */
    tally_codebook *cb;
    tally__arena *scratch;   /* strings held by the dictionaries     */
    tally__strdict scales;   /* scale names; id = index in cb        */
    tally__strdict ids;      /* question and item ids                */
    size_t *id_lines;        /* line of each id's first use          */
    size_t id_lines_cap;
    tally_option *opts;      /* options of the list being read       */
    yaml_node_t **opt_nodes; /* ... and their nodes, for messages    */
    size_t n_opts, opts_cap, opt_nodes_cap;
    tally_item *items;       /* items of the matrix being read       */
    size_t items_cap;
    yaml_node_t **qnodes;    /* the node of each question            */
    size_t qnodes_cap;
} reader;

/* --- messages and values -------------------------------------------------- */

/* A parse error at node n, prefixed with r->y.where. */
static tally_status fail(reader *r, const yaml_node_t *n, const char *fmt, ...)
    TALLY__PRINTF(3, 4);
static tally_status fail(reader *r, const yaml_node_t *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tally_status st = tally__yaml_vfail(&r->y, n, fmt, ap);
    va_end(ap);
    return st;
}

static tally_status nomem(reader *r)
{
    return tally__nomem(r->y.err);
}

static tally_status text(reader *r, const yaml_node_t *n, const char *key,
                         int nonempty, const char **out)
{
    return tally__yaml_string(&r->y, n, key, nonempty, out);
}

/* text() copied into the codebook; *out untouched when n is NULL. */
static tally_status set_text(reader *r, const yaml_node_t *n, const char *key,
                             int nonempty, const char **out)
{
    const char *s;
    if (!n)
        return TALLY_OK;
    TALLY_TRY(text(r, n, key, nonempty, &s));
    *out = tally__cb_str(r->cb, s);
    return *out ? TALLY_OK : nomem(r);
}

static yaml_node_t *item(reader *r, const yaml_node_t *list, size_t i)
{
    return tally__yaml_list_item(&r->y, list, i);
}

/* Add s to the set d: 1 when it was there already, 0 when new, -1 when out
   of memory. *id gets its number in d. */
static int seen(reader *r, tally__strdict *d, const char *s, size_t len,
                long *id)
{
    int added;
    *id = tally__strdict_intern(d, r->scratch, s, len, &added);
    return *id < 0 ? -1 : !added;
}

/* --- options -------------------------------------------------------------- */

static tally_status push_option(reader *r, const tally_option *o,
                                yaml_node_t *n)
{
    if (r->n_opts >= TALLY__MAX_OPTIONS)
        return fail(r, n, "more than %u options: a question with that many "
                    "different answers is open text (type: text)",
                    TALLY__MAX_OPTIONS);
    if (TALLY__GROW(r->opts, r->opts_cap, r->n_opts + 1) ||
        TALLY__GROW(r->opt_nodes, r->opt_nodes_cap, r->n_opts + 1))
        return nomem(r);
    r->opts[r->n_opts] = *o;
    r->opt_nodes[r->n_opts++] = n;
    return TALLY_OK;
}

static tally_status read_option_map(reader *r, const yaml_node_t *n,
                                    const char *what, optctx ctx,
                                    tally_option *o)
{
    field f[OPT_N];
    TALLY_TRY(tally__yaml_map(&r->y, n, option_keys, OPT_N, f, what));
    if (!f[OPT_LABEL].val)
        return fail(r, n, "%s has no \"label\"", what);
    TALLY_TRY(text(r, f[OPT_LABEL].val, "label", 1, &o->label));
    if (f[OPT_CODE].val)
        TALLY_TRY(text(r, f[OPT_CODE].val, "code", 1, &o->code));
    if (f[OPT_COLUMN].val && !ctx.multi)
        return fail(r, f[OPT_COLUMN].key, "\"column\" is only for the "
                    "options of a multi question");
    if (f[OPT_COLUMN].val)
        TALLY_TRY(text(r, f[OPT_COLUMN].val, "column", 1, &o->column));
    if (!f[OPT_VALUE].val)
        return TALLY_OK;
    if (o->missing)
        return fail(r, f[OPT_VALUE].key, "a missing code has no \"value\"");
    if (!ctx.ordered)
        return fail(r, f[OPT_VALUE].key, "\"value\" needs an ordered "
                    "question (type scale, a scale, or ordered: true)");
    if (!tally__yaml_number(&r->y, f[OPT_VALUE].val, &o->value))
        return fail(r, f[OPT_VALUE].val, "\"value\" must be a number");
    return TALLY_OK;
}

/* Option i of a list: a label, or a map {label, code, column, value}. */
static tally_status read_option(reader *r, yaml_node_t *n, size_t i,
                                optctx ctx, int missing)
{
    tally_option o = {.value = NAN, .missing = missing};
    char what[40];
    snprintf(what, sizeof what, "%s %zu", missing ? "missing code" : "option",
             i + 1);
    if (n->type == YAML_MAPPING_NODE)
        TALLY_TRY(read_option_map(r, n, what, ctx, &o));
    else if (n->type != YAML_SCALAR_NODE || tally__yaml_is_null(n))
        return fail(r, n, "%s must be a label or a map {label, code, ...}, "
                    "not %s", what, tally__yaml_kind(n));
    else
        TALLY_TRY(text(r, n, what, 1, &o.label));
    return push_option(r, &o, n);
}

/* n is a list of *count items, empty only when that is allowed. */
static tally_status list_of(reader *r, const yaml_node_t *n, const char *key,
                            int may_be_empty, size_t *count)
{
    TALLY_TRY(tally__yaml_check_list(&r->y, n, key));
    *count = tally__yaml_list_size(n);
    if (!*count && !may_be_empty)
        return fail(r, n, "\"%s\" is empty", key);
    return TALLY_OK;
}

static tally_status read_option_list(reader *r, yaml_node_t *n,
                                     const char *key, optctx ctx, int missing)
{
    size_t count;
    TALLY_TRY(list_of(r, n, key, missing, &count));
    for (size_t i = 0; i < count; i++)
        TALLY_TRY(read_option(r, item(r, n, i), i, ctx, missing));
    return TALLY_OK;
}

/* Options r->opts[first..] take the numbers of the list `values`. */
static tally_status read_values(reader *r, const yaml_node_t *values,
                                size_t first)
{
    size_t n = r->n_opts - first, k;
    TALLY_TRY(tally__yaml_check_list(&r->y, values, "values"));
    k = tally__yaml_list_size(values);
    if (k != n)
        return fail(r, values, "\"values\" has %zu numbers but \"options\" "
                    "has %zu", k, n);
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *v = item(r, values, i);
        if (tally__yaml_number(&r->y, v, &r->opts[first + i].value))
            continue;
        if (v->type == YAML_SCALAR_NODE && !tally__yaml_is_null(v))
            return fail(r, v, "\"values\" must be numbers: \"%.40s\" is "
                        "not a number", tally__yaml_text(v));
        return fail(r, v, "\"values\" must be numbers, not %s",
                    tally__yaml_kind(v));
    }
    return TALLY_OK;
}

/* Scale values must differ (compared by their exact text). */
static tally_status check_distinct(reader *r, size_t first,
                                   const yaml_node_t *values)
{
    tally__strdict set;
    tally_status st = TALLY_OK;
    if (tally__strdict_init(&set))
        return nomem(r);
    for (size_t i = first; st == TALLY_OK && i < r->n_opts; i++) {
        double v = r->opts[i].value == 0 ? 0.0 : r->opts[i].value; /* -0 */
        char key[40];
        long id;
        int len = snprintf(key, sizeof key, "%.17g", v);
        int dup = seen(r, &set, key, (size_t)len, &id);
        if (dup < 0)
            st = nomem(r);
        else if (dup)
            st = fail(r, values ? item(r, values, i - first) : r->opt_nodes[i],
                      "options \"%s\" and \"%s\" have the same value %s",
                      r->opts[first + (size_t)id].label, r->opts[i].label,
                      key);
    }
    tally__strdict_destroy(&set);
    return st;
}

/*
 * Values of the options r->opts[first..]: the `values` list, or each
 * option's `value`, or 1..k in order (also the positions of unordered
 * options).
 */
static tally_status assign_values(reader *r, size_t first,
                                  const field *values, int ordered)
{
    size_t given = 0, n = r->n_opts - first;
    for (size_t i = first; i < r->n_opts; i++)
        given += !isnan(r->opts[i].value);
    if (values->val && given)
        return fail(r, values->key, "give \"values\" or a \"value\" in "
                    "each option, not both");
    if (values->val)
        TALLY_TRY(read_values(r, values->val, first));
    for (size_t i = first; !values->val && i < r->n_opts; i++) {
        if (given && isnan(r->opts[i].value))
            return fail(r, r->opt_nodes[i], "option \"%s\" has no "
                        "\"value\" but other options do", r->opts[i].label);
        if (!given)
            r->opts[i].value = (double)(i - first + 1);
    }
    return ordered && n ? check_distinct(r, first, values->val) : TALLY_OK;
}

/* Append valid options (with values) and missing codes to r->opts. */
static tally_status read_options(reader *r, const field *options,
                                 const field *values, const field *missing,
                                 optctx ctx)
{
    size_t first = r->n_opts;
    if (options->val)
        TALLY_TRY(read_option_list(r, options->val, "options", ctx, 0));
    else if (values->val)
        return fail(r, values->key, "\"values\" without \"options\"");
    TALLY_TRY(assign_values(r, first, values, ctx.ordered));
    if (missing->val)
        TALLY_TRY(read_option_list(r, missing->val, "missing", ctx, 1));
    return TALLY_OK;
}

/* Labels of r->opts[first..] must differ. */
static tally_status check_labels(reader *r, size_t first)
{
    tally__strdict set;
    tally_status st = TALLY_OK;
    if (tally__strdict_init(&set))
        return nomem(r);
    for (size_t i = first; st == TALLY_OK && i < r->n_opts; i++) {
        const char *label = r->opts[i].label;
        long id;
        int dup = seen(r, &set, label, strlen(label), &id);
        if (dup < 0)
            st = nomem(r);
        else if (dup)
            st = fail(r, r->opt_nodes[i], "option \"%s\" is listed twice",
                      label);
    }
    tally__strdict_destroy(&set);
    return st;
}

/* --- scales --------------------------------------------------------------- */

/* A scale map {options, values, missing} into r->opts. */
static tally_status read_scale_body(reader *r, const yaml_node_t *n,
                                    const char *what)
{
    field f[SC_N];
    optctx ctx = {.ordered = 1};
    TALLY_TRY(tally__yaml_map(&r->y, n, scale_keys, SC_N, f, what));
    if (!f[SC_OPTIONS].val)
        return fail(r, n, "%s has no \"options\"", what);
    return read_options(r, &f[SC_OPTIONS], &f[SC_VALUES], &f[SC_MISSING], ctx);
}

static tally_status read_scale(reader *r, const yaml_node_t *key,
                               const yaml_node_t *body)
{
    const char *name;
    long id;
    TALLY_TRY(text(r, key, "scale name", 1, &name));
    int dup = seen(r, &r->scales, name, strlen(name), &id);
    if (dup)
        return dup < 0 ? nomem(r)
                       : fail(r, key, "scale \"%s\" is defined twice", name);
    snprintf(r->y.where, sizeof r->y.where, "scale %.60s", name);
    r->n_opts = 0;
    TALLY_TRY(read_scale_body(r, body, "the scale"));
    TALLY_TRY(check_labels(r, 0));
    r->y.where[0] = '\0';
    if (tally__codebook_add_scale(r->cb, name, r->opts, r->n_opts))
        return nomem(r);
    return TALLY_OK;
}

static tally_status read_scales(reader *r, const yaml_node_t *n)
{
    if (n->type != YAML_MAPPING_NODE)
        return fail(r, n, "\"scales\" must be a map of scale names to "
                    "scales, not %s", tally__yaml_kind(n));
    for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
         p < n->data.mapping.pairs.top; p++)
        TALLY_TRY(read_scale(r, tally__yaml_node(&r->y, p->key),
                             tally__yaml_node(&r->y, p->value)));
    return TALLY_OK;
}

/* `scale:` of a question: a name from scales:, or an inline scale map. */
static tally_status use_scale(reader *r, tally_question *q, yaml_node_t *n)
{
    const char *name;
    if (n->type == YAML_MAPPING_NODE)
        return read_scale_body(r, n, "the inline scale");
    if (n->type != YAML_SCALAR_NODE || tally__yaml_is_null(n))
        return fail(r, n, "\"scale\" must be the name of a scale or a map "
                    "{options, values, missing}, not %s",
                    tally__yaml_kind(n));
    TALLY_TRY(text(r, n, "scale", 1, &name));
    long id = tally__strdict_find(&r->scales, name, strlen(name));
    if (id < 0)
        return fail(r, n, "scale \"%s\" is not defined under scales:", name);
    const tally__scale *s = &r->cb->scales[id];
    q->scale = s->name;
    for (size_t i = 0; i < s->n_options; i++)
        TALLY_TRY(push_option(r, &s->options[i], n));
    return TALLY_OK;
}

/* --- questions ------------------------------------------------------------ */

/* Remember where id was given; two uses are an error. */
static tally_status add_id(reader *r, const char *id, const yaml_node_t *n)
{
    long k;
    int dup = seen(r, &r->ids, id, strlen(id), &k);
    if (dup < 0)
        return nomem(r);
    if (dup)
        return fail(r, n, "id \"%s\" is used twice (first on line %zu)", id,
                    r->id_lines[k]);
    if (TALLY__GROW(r->id_lines, r->id_lines_cap, (size_t)k + 1))
        return nomem(r);
    r->id_lines[k] = n->start_mark.line + 1;
    return TALLY_OK;
}

static tally_status read_type(reader *r, const yaml_node_t *n,
                              tally_qtype *type)
{
    char list[100];
    const char *s;
    TALLY_TRY(text(r, n, "type", 1, &s));
    if (tally_qtype_parse(s, type) == TALLY_OK)
        return TALLY_OK;
    tally__yaml_join(type_names, TALLY_QTYPE_COUNT, ~0u, list, sizeof list);
    return fail(r, n, "type must be one of %s, not \"%.40s\"", list, s);
}

/* Keys given for a type that has no use for them. */
static tally_status check_applies(reader *r, tally_qtype type, const field *f)
{
    char list[100];
    for (size_t k = 0; k < TALLY__QKEY_COUNT; k++) {
        if (!f[k].key || tally__qkey_applies((tally__qkey)k, type))
            continue;
        tally__yaml_join(type_names, TALLY_QTYPE_COUNT, qkey_types[k], list,
                         sizeof list);
        return fail(r, f[k].key, "\"%s\" does not apply to a %s question "
                    "(only to: %s)", tally__qkey_names[k], type_names[type],
                    list);
    }
    return TALLY_OK;
}

/* id, type and the plain strings of a question. */
static tally_status read_head(reader *r, tally_question *q,
                              const yaml_node_t *node, const field *f)
{
    if (!f[TALLY__QKEY_ID].val)
        return fail(r, node, "missing key \"id\"");
    if (!f[TALLY__QKEY_TYPE].val)
        return fail(r, node, "missing key \"type\"");
    TALLY_TRY(set_text(r, f[TALLY__QKEY_ID].val, "id", 1, &q->id));
    TALLY_TRY(add_id(r, q->id, f[TALLY__QKEY_ID].val));
    TALLY_TRY(read_type(r, f[TALLY__QKEY_TYPE].val, &q->type));
    TALLY_TRY(check_applies(r, q->type, f));
    TALLY_TRY(set_text(r, f[TALLY__QKEY_TEXT].val, "text", 0, &q->text));
    if (!q->text)
        q->text = q->id;
    TALLY_TRY(set_text(r, f[TALLY__QKEY_COLUMN].val, "column", 1, &q->column));
    TALLY_TRY(set_text(r, f[TALLY__QKEY_SEPARATOR].val, "separator", 1,
                       &q->separator));
    TALLY_TRY(set_text(r, f[TALLY__QKEY_SECTION].val, "section", 0,
                       &q->section));
    if (f[TALLY__QKEY_OTHER].val)
        TALLY_TRY(tally__yaml_bool(&r->y, f[TALLY__QKEY_OTHER].val, "other",
                                   &q->other));
    return TALLY_OK;
}

/* ordered, and a single question with a scale becoming a scale. */
static tally_status read_order(reader *r, tally_question *q, const field *f)
{
    const field *ord = &f[TALLY__QKEY_ORDERED];
    int ordered = 0;
    int implied = q->type == TALLY_QTYPE_SCALE || f[TALLY__QKEY_SCALE].val;
    if (ord->val)
        TALLY_TRY(tally__yaml_bool(&r->y, ord->val, "ordered", &ordered));
    if (ord->val && !ordered && implied)
        return fail(r, ord->val, "\"ordered: false\" contradicts %s",
                    f[TALLY__QKEY_SCALE].val ? "\"scale\"" : "type scale");
    q->ordered = ordered || implied;
    if (q->type == TALLY_QTYPE_SINGLE && q->ordered)
        q->type = TALLY_QTYPE_SCALE;
    if (f[TALLY__QKEY_VALUES].val && !q->ordered)
        return fail(r, f[TALLY__QKEY_VALUES].key, "\"values\" needs an "
                    "ordered question (type scale, a scale, or ordered: "
                    "true)");
    return TALLY_OK;
}

static tally_status read_question_options(reader *r, tally_question *q,
                                          const field *f)
{
    const field *scale = &f[TALLY__QKEY_SCALE];
    optctx ctx = {.ordered = q->ordered, .multi = q->type == TALLY_QTYPE_MULTI};
    field none = {0};
    r->n_opts = 0;
    if (scale->val && (f[TALLY__QKEY_OPTIONS].val || f[TALLY__QKEY_VALUES].val))
        return fail(r, scale->key, "give \"scale\" or \"%s\", not both",
                    f[TALLY__QKEY_OPTIONS].val ? "options" : "values");
    if (scale->val) {
        TALLY_TRY(use_scale(r, q, scale->val));
        TALLY_TRY(read_options(r, &none, &none, &f[TALLY__QKEY_MISSING], ctx));
    } else
        TALLY_TRY(read_options(r, &f[TALLY__QKEY_OPTIONS],
                               &f[TALLY__QKEY_VALUES], &f[TALLY__QKEY_MISSING],
                               ctx));
    TALLY_TRY(check_labels(r, 0));
    q->n_options = r->n_opts;
    q->options = tally__cb_options(r->cb, r->opts, r->n_opts);
    return q->options || !r->n_opts ? TALLY_OK : nomem(r);
}

static tally_status read_item(reader *r, yaml_node_t *n, size_t i,
                              tally_item *it)
{
    field f[IT_N];
    char what[32];
    snprintf(what, sizeof what, "item %zu", i + 1);
    TALLY_TRY(tally__yaml_map(&r->y, n, item_keys, IT_N, f, what));
    if (!f[IT_ID].val || !f[IT_COLUMN].val)
        return fail(r, n, "%s has no \"%s\"", what,
                    f[IT_ID].val ? "column" : "id");
    TALLY_TRY(text(r, f[IT_ID].val, "id", 1, &it->id));
    TALLY_TRY(text(r, f[IT_COLUMN].val, "column", 1, &it->column));
    it->text = it->id;
    if (f[IT_TEXT].val)
        TALLY_TRY(text(r, f[IT_TEXT].val, "text", 0, &it->text));
    return add_id(r, it->id, f[IT_ID].val);
}

static tally_status read_items(reader *r, tally_question *q, yaml_node_t *n)
{
    size_t count;
    TALLY_TRY(list_of(r, n, "items", 0, &count));
    if (TALLY__GROW(r->items, r->items_cap, count))
        return nomem(r);
    for (size_t i = 0; i < count; i++)
        TALLY_TRY(read_item(r, item(r, n, i), i, &r->items[i]));
    q->items = tally__cb_items(r->cb, r->items, count);
    q->n_items = count;
    return q->items ? TALLY_OK : nomem(r);
}

/* A multi question has option columns or one joined column, not both. */
static tally_status check_multi(reader *r, const tally_question *q,
                                const field *f)
{
    if (f[TALLY__QKEY_SEPARATOR].val && !q->column)
        return fail(r, f[TALLY__QKEY_SEPARATOR].key, "\"separator\" needs "
                    "\"column\" (the one column of joined answers)");
    for (size_t i = 0; q->column && i < r->n_opts; i++)
        if (r->opts[i].column)
            return fail(r, r->opt_nodes[i], "option \"%s\" has a column of "
                        "its own, but the question has one joined column",
                        r->opts[i].label);
    return TALLY_OK;
}

/* "question Q4", or "question 3" when it has no usable id. */
static void question_name(reader *r, const yaml_node_t *n, size_t index,
                          char *out, size_t cap)
{
    snprintf(out, cap, "question %zu", index + 1);
    if (n->type != YAML_MAPPING_NODE)
        return;
    for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
         p < n->data.mapping.pairs.top; p++) {
        yaml_node_t *key = tally__yaml_node(&r->y, p->key),
                    *val = tally__yaml_node(&r->y, p->value);
        if (key->type == YAML_SCALAR_NODE &&
            strcmp(tally__yaml_text(key), "id") == 0 &&
            val->type == YAML_SCALAR_NODE && *tally__yaml_text(val))
            snprintf(out, cap, "question %.60s", tally__yaml_text(val));
    }
}

static tally_status read_question(reader *r, yaml_node_t *node, size_t index)
{
    field f[TALLY__QKEY_COUNT];
    char what[80];
    question_name(r, node, index, what, sizeof what);
    TALLY_TRY(tally__yaml_map(&r->y, node, tally__qkey_names, TALLY__QKEY_COUNT,
                              f, what));
    snprintf(r->y.where, sizeof r->y.where, "%s", what);
    tally_question *q = tally__codebook_add(r->cb);
    if (!q)
        return nomem(r);
    r->qnodes[index] = node;
    TALLY_TRY(read_head(r, q, node, f));
    TALLY_TRY(read_order(r, q, f));
    TALLY_TRY(read_question_options(r, q, f));
    if (f[TALLY__QKEY_ITEMS].val)
        TALLY_TRY(read_items(r, q, f[TALLY__QKEY_ITEMS].val));
    TALLY_TRY(check_multi(r, q, f));
    r->y.where[0] = '\0';
    return TALLY_OK;
}

/* tally__codebook_validate(), its message placed at the question. */
static tally_status validate(reader *r, const yaml_node_t *questions)
{
    tally_error e = {0};
    const yaml_node_t *at = questions;
    tally_status st = tally__codebook_validate(r->cb, &e);
    if (st != TALLY_ERR_CODEBOOK)
        return st == TALLY_OK ? st : nomem(r);
    for (size_t i = 0; i < r->cb->n_questions; i++) {
        tally_codebook one = *r->cb;
        one.questions = &r->cb->questions[i];
        one.n_questions = 1;
        if (tally__codebook_validate(&one, NULL) != TALLY_OK) {
            at = r->qnodes[i];
            break;
        }
    }
    return fail(r, at, "%s", e.message);
}

static tally_status read_questions(reader *r, const yaml_node_t *n)
{
    size_t count;
    TALLY_TRY(list_of(r, n, "questions", 0, &count));
    if (TALLY__GROW(r->qnodes, r->qnodes_cap, count))
        return nomem(r);
    for (size_t i = 0; i < count; i++)
        TALLY_TRY(read_question(r, item(r, n, i), i));
    return validate(r, n);
}

static tally_status read_top(reader *r, const yaml_node_t *root)
{
    field f[TOP_N];
    tally_codebook *cb = r->cb;
    if (!root)
        return fail(r, NULL, "the codebook is empty (it needs at least "
                    "\"questions\")");
    TALLY_TRY(tally__yaml_map(&r->y, root, top_keys, TOP_N, f, "the codebook"));
    TALLY_TRY(set_text(r, f[TOP_TITLE].val, "title", 0, &cb->title));
    TALLY_TRY(set_text(r, f[TOP_WEIGHT].val, "weight", 1, &cb->weight));
    TALLY_TRY(set_text(r, f[TOP_COUNT].val, "count", 1, &cb->count));
    if (f[TOP_POPULATION].val &&
        (!tally__yaml_number(&r->y, f[TOP_POPULATION].val, &cb->population) ||
         cb->population <= 0))
        return fail(r, f[TOP_POPULATION].val, "\"population\" must be a "
                    "number greater than 0");
    if (f[TOP_SCALES].val)
        TALLY_TRY(read_scales(r, f[TOP_SCALES].val));
    if (!f[TOP_QUESTIONS].val)
        return fail(r, root, "missing key \"questions\"");
    return read_questions(r, f[TOP_QUESTIONS].val);
}

/* --- entry point ---------------------------------------------------------- */

static tally_status reader_init(reader *r)
{
    r->cb = tally__codebook_new();
    r->scratch = tally__arena_new();
    if (!r->cb || !r->scratch || tally__strdict_init(&r->scales) ||
        tally__strdict_init(&r->ids))
        return nomem(r);
    return TALLY_OK;
}

static void reader_free(reader *r)
{
    tally__yaml_free(&r->y);
    tally__strdict_destroy(&r->scales);
    tally__strdict_destroy(&r->ids);
    tally__arena_free(r->scratch);
    tally__free(r->id_lines);
    tally__free(r->opts);
    tally__free(r->opt_nodes);
    tally__free(r->items);
    tally__free(r->qnodes);
    tally_codebook_free(r->cb);
}

tally_status tally_codebook_read_yaml(tally_io *io, tally_codebook **out,
                                      tally_error *err)
{
    reader r = {0};
    tally_status st;
    if (!out)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "no output pointer");
    *out = NULL;
    if (!io)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "no input");
    TALLY_CHECK(tally__yaml_load(&r.y, io, MAX_DEPTH, err));
    TALLY_CHECK(reader_init(&r));
    TALLY_CHECK(read_top(&r, tally__yaml_root(&r.y)));
    *out = r.cb;
    r.cb = NULL;
done:
    reader_free(&r);
    return st;
}
