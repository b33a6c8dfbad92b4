/*
 * yaml_tree.c: YAML input as a checked tree of nodes (see yaml_tree.h).
 *
 * libyaml reads the text twice. The event parser goes first: it reports
 * syntax errors and refuses anchors, aliases, tags, further documents and
 * deep nesting, so an alias bomb ("billion laughs") is never expanded.
 * Then the document loader builds the node tree, whose nodes carry the
 * line and column that every later message names.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io_internal.h"
#include "utf8.h"
#include "yaml_tree.h"

/* --- messages ------------------------------------------------------------- */

static tally_status vfail_mark(tally__yaml *y, yaml_mark_t m, const char *fmt,
                               va_list ap)
{
    char msg[420];
    vsnprintf(msg, sizeof msg, fmt, ap);
    return tally__fail_at(y->err, TALLY_ERR_PARSE, y->file, (long)m.line + 1,
                          (long)m.column + 1, "%s%s%s", y->where,
                          *y->where ? ": " : "", msg);
}

static tally_status fail_mark(tally__yaml *y, yaml_mark_t m, const char *fmt,
                              ...) TALLY__PRINTF(3, 4);
static tally_status fail_mark(tally__yaml *y, yaml_mark_t m, const char *fmt,
                              ...)
{
    va_list ap;
    va_start(ap, fmt);
    tally_status st = vfail_mark(y, m, fmt, ap);
    va_end(ap);
    return st;
}

tally_status tally__yaml_vfail(tally__yaml *y, const yaml_node_t *n,
                               const char *fmt, va_list ap)
{
    yaml_mark_t start = {0, 0, 0};
    return vfail_mark(y, n ? n->start_mark : start, fmt, ap);
}

tally_status tally__yaml_fail(tally__yaml *y, const yaml_node_t *n,
                              const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tally_status st = tally__yaml_vfail(y, n, fmt, ap);
    va_end(ap);
    return st;
}

const char *tally__yaml_join(const char *const *names, size_t n, unsigned mask,
                             char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && len < cap; i++)
        if (mask >> i & 1u)
            len += (size_t)snprintf(out + len, cap - len, "%s%s",
                                    len ? ", " : "", names[i]);
    return out;
}

/* --- nodes ---------------------------------------------------------------- */

yaml_node_t *tally__yaml_node(tally__yaml *y, int index)
{
    return yaml_document_get_node(&y->doc, index);
}

yaml_node_t *tally__yaml_root(tally__yaml *y)
{
    return y->loaded ? yaml_document_get_root_node(&y->doc) : NULL;
}

const char *tally__yaml_text(const yaml_node_t *n)
{
    return (const char *)n->data.scalar.value;
}

static int is_plain(const yaml_node_t *n)
{
    return n->type == YAML_SCALAR_NODE &&
           n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
}

int tally__yaml_is_null(const yaml_node_t *n)
{
    static const char *const nulls[] = {"", "~", "null", "Null", "NULL"};
    for (size_t i = 0; is_plain(n) && i < TALLY_ARRAY_SIZE(nulls); i++)
        if (strcmp(tally__yaml_text(n), nulls[i]) == 0)
            return 1;
    return 0;
}

const char *tally__yaml_kind(const yaml_node_t *n)
{
    if (n->type == YAML_MAPPING_NODE)
        return "a map";
    if (n->type == YAML_SEQUENCE_NODE)
        return "a list";
    return tally__yaml_is_null(n) ? "empty (null)" : "a single value";
}

size_t tally__yaml_list_size(const yaml_node_t *n)
{
    return (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
}

yaml_node_t *tally__yaml_list_item(tally__yaml *y, const yaml_node_t *n,
                                   size_t i)
{
    return tally__yaml_node(y, n->data.sequence.items.start[i]);
}

/* --- typed values --------------------------------------------------------- */

tally_status tally__yaml_check_list(tally__yaml *y, const yaml_node_t *n,
                                    const char *key)
{
    if (n->type != YAML_SEQUENCE_NODE)
        return tally__yaml_fail(y, n, "\"%s\" must be a list, not %s", key,
                                tally__yaml_kind(n));
    return TALLY_OK;
}

tally_status tally__yaml_string(tally__yaml *y, const yaml_node_t *n,
                                const char *key, int nonempty, const char **out)
{
    if (n->type != YAML_SCALAR_NODE || tally__yaml_is_null(n))
        return tally__yaml_fail(y, n, "\"%s\" must be a string, not %s", key,
                                tally__yaml_kind(n));
    if (strlen(tally__yaml_text(n)) != n->data.scalar.length)
        return tally__yaml_fail(y, n, "\"%s\" contains a NUL character", key);
    if (nonempty && !*tally__yaml_text(n))
        return tally__yaml_fail(y, n, "\"%s\" cannot be empty", key);
    *out = tally__yaml_text(n);
    return TALLY_OK;
}

int tally__yaml_number(const tally__yaml *y, const yaml_node_t *n, double *out)
{
    if (!is_plain(n))
        return 0;
    const char *s = tally__yaml_text(n);
    size_t len = n->data.scalar.length;
    if (!len || strspn(s, "0123456789+-.eE") != len)
        return 0;
    char *end;
    double v = strtod_l(s, &end, y->c_locale);
    if (end != s + len || !isfinite(v))
        return 0;
    *out = v;
    return 1;
}

tally_status tally__yaml_bool(tally__yaml *y, const yaml_node_t *n,
                              const char *key, int *out)
{
    static const char *const words[] = {"false", "no", "true", "yes"};
    for (size_t i = 0; is_plain(n) && i < TALLY_ARRAY_SIZE(words); i++)
        if (strcasecmp(tally__yaml_text(n), words[i]) == 0) {
            *out = i >= 2;
            return TALLY_OK;
        }
    return tally__yaml_fail(y, n, "\"%s\" must be true or false", key);
}

static size_t key_index(const yaml_node_t *key, const char *const *keys,
                        size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (strcmp(tally__yaml_text(key), keys[k]) == 0 &&
            strlen(keys[k]) == key->data.scalar.length)
            return k;
    return n;
}

static tally_status unknown_key(tally__yaml *y, const yaml_node_t *key,
                                const char *const *keys, size_t n,
                                const char *what)
{
    char list[200];
    if (key->type != YAML_SCALAR_NODE)
        return tally__yaml_fail(y, key, "a key in %s is %s (keys are names)",
                                what, tally__yaml_kind(key));
    return tally__yaml_fail(y, key,
                            "unknown key \"%.60s\" in %s (expected "
                            "one of: %s)",
                            tally__yaml_text(key), what,
                            tally__yaml_join(keys, n, ~0u, list, sizeof list));
}

tally_status tally__yaml_map(tally__yaml *y, const yaml_node_t *map,
                             const char *const *keys, size_t n,
                             tally__yaml_field *f, const char *what)
{
    if (map->type != YAML_MAPPING_NODE)
        return tally__yaml_fail(y, map, "%s must be a map (key: value), not "
                                "%s", what, tally__yaml_kind(map));
    memset(f, 0, n * sizeof *f);
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
         p < map->data.mapping.pairs.top; p++) {
        yaml_node_t *key = tally__yaml_node(y, p->key);
        size_t k = key->type == YAML_SCALAR_NODE ? key_index(key, keys, n) : n;
        if (k == n)
            return unknown_key(y, key, keys, n, what);
        if (f[k].key)
            return tally__yaml_fail(y, key,
                                    "key \"%s\" is given twice in %s "
                                    "(first on line %zu)",
                                    keys[k], what,
                                    f[k].key->start_mark.line + 1);
        f[k].key = key;
        f[k].val = tally__yaml_node(y, p->value);
    }
    return TALLY_OK;
}

/* --- libyaml -------------------------------------------------------------- */

/* The start of the UTF-8 sequence whose trailing byte at `at` is bad. */
static size_t sequence_start(const unsigned char *data, size_t at)
{
    while (at > 0 && (data[at - 1] & 0xc0) == 0x80)
        at--;
    return at > 0 ? at - 1 : 0;
}

/* libyaml's reader knows only the byte offset of a bad byte. */
static tally_status reader_error(tally__yaml *y, const yaml_parser_t *p)
{
    const char *problem = p->problem ? p->problem : "unknown error";
    size_t end = p->problem_offset < y->size ? p->problem_offset : y->size;
    size_t line_start = 0;
    yaml_mark_t m = {0, 0, 0};
    if (strstr(problem, "trailing"))
        end = sequence_start(y->data, end);
    for (size_t i = 0; i < end; i++)
        if (y->data[i] == '\n') {
            m.line++;
            line_start = i + 1;
        }
    m.column =
        tally__utf8_count((const char *)y->data + line_start, end - line_start);
    return fail_mark(y, m, "cannot read the text: %s (the file must be "
                     "UTF-8 text)", problem);
}

static tally_status syntax_error(tally__yaml *y, const yaml_parser_t *p)
{
    const char *problem = p->problem ? p->problem : "unknown error";
    if (p->error == YAML_MEMORY_ERROR)
        return tally__nomem(y->err);
    if (p->error == YAML_READER_ERROR)
        return reader_error(y, p);
    if (!p->context)
        return fail_mark(y, p->problem_mark, "YAML syntax error: %s", problem);
    return fail_mark(y, p->problem_mark, "YAML syntax error: %s (%s at "
                     "line %zu, column %zu)", problem, p->context,
                     p->context_mark.line + 1, p->context_mark.column + 1);
}

/* The features a configuration file has no use for, and that let a
   small text stand for a huge tree. */
static tally_status check_event(tally__yaml *y, const yaml_event_t *e,
                                int *docs, int *depth, int max_depth)
{
    const yaml_char_t *anchor = NULL, *tag = NULL;
    *depth += e->type == YAML_SEQUENCE_START_EVENT ||
              e->type == YAML_MAPPING_START_EVENT;
    *depth -=
        e->type == YAML_SEQUENCE_END_EVENT || e->type == YAML_MAPPING_END_EVENT;
    if (*depth > max_depth)
        return fail_mark(y, e->start_mark, "lists and maps are nested more "
                         "than %d deep", max_depth);
    if (e->type == YAML_DOCUMENT_START_EVENT && ++*docs > 1)
        return fail_mark(y, e->start_mark, "the file holds one YAML "
                         "document, not several");
    if (e->type == YAML_ALIAS_EVENT)
        return fail_mark(y, e->start_mark, "aliases (*%.40s) are not "
                         "allowed: write the value out",
                         (const char *)e->data.alias.anchor);
    if (e->type == YAML_SCALAR_EVENT) {
        anchor = e->data.scalar.anchor;
        tag = e->data.scalar.tag;
    } else if (e->type == YAML_SEQUENCE_START_EVENT) {
        anchor = e->data.sequence_start.anchor;
        tag = e->data.sequence_start.tag;
    } else if (e->type == YAML_MAPPING_START_EVENT) {
        anchor = e->data.mapping_start.anchor;
        tag = e->data.mapping_start.tag;
    }
    if (anchor)
        return fail_mark(y, e->start_mark, "anchors (&%.40s) are not "
                         "allowed: write the value out", (const char *)anchor);
    if (tag)
        return fail_mark(y, e->start_mark, "tags (%.60s) are not allowed",
                         (const char *)tag);
    return TALLY_OK;
}

static void start_parser(const tally__yaml *y, yaml_parser_t *p)
{
    static const unsigned char empty[1];
    yaml_parser_set_input_string(p, y->data ? y->data : empty, y->size);
}

/*
 * First pass: syntax, and no anchors, aliases, tags, second document or
 * deep nesting. Stopping early matters: libyaml's scanner takes time
 * quadratic in the depth of nested flow collections ("[[[[...").
 */
static tally_status check_events(tally__yaml *y, int max_depth)
{
    yaml_parser_t p;
    yaml_event_t e;
    tally_status st = TALLY_OK;
    int docs = 0, depth = 0, end = 0;
    if (!yaml_parser_initialize(&p))
        return tally__nomem(y->err);
    start_parser(y, &p);
    while (st == TALLY_OK && !end) {
        if (!yaml_parser_parse(&p, &e)) {
            st = syntax_error(y, &p);
            break;
        }
        st = check_event(y, &e, &docs, &depth, max_depth);
        end = e.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&e);
    }
    yaml_parser_delete(&p);
    return st;
}

/* Second pass: the node tree. */
static tally_status load_tree(tally__yaml *y)
{
    yaml_parser_t p;
    tally_status st = TALLY_OK;
    if (!yaml_parser_initialize(&p))
        return tally__nomem(y->err);
    start_parser(y, &p);
    if (yaml_parser_load(&p, &y->doc))
        y->loaded = 1;
    else
        st = syntax_error(y, &p);
    yaml_parser_delete(&p);
    return st;
}

tally_status tally__yaml_load(tally__yaml *y, tally_io *io, int max_depth,
                              tally_error *err)
{
    memset(y, 0, sizeof *y);
    y->err = err;
    y->file = tally_io_name(io);
    TALLY_TRY(tally__io_contents(io, &y->data, &y->size, err));
    y->c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    if (!y->c_locale)
        return tally__nomem(err);
    TALLY_TRY(check_events(y, max_depth));
    return load_tree(y);
}

void tally__yaml_free(tally__yaml *y)
{
    if (y->loaded)
        yaml_document_delete(&y->doc);
    if (y->c_locale)
        freelocale(y->c_locale);
    y->loaded = 0;
    y->c_locale = (locale_t)0;
}
