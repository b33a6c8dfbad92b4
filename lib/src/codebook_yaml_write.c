/*
 * codebook_yaml_write.c: tally_codebook_write_yaml(), the codebook file of
 * docs/codebook-format.md ("Writing").
 *
 * The libyaml emitter writes the events, so quoting and escaping are its
 * business: we only say which strings must not be plain because a YAML
 * reader would take them for something else (null, true, 123, 1e3, an
 * empty string), and which must be double-quoted because they hold line
 * breaks or control characters. Numbers are written in the shortest form
 * that reads back to the same double. Keys come in the order of the
 * format's tables, and only keys the reader accepts for the question's
 * type are written (codebook_yaml.h).
 */
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "alloc.h"
#include "buf_internal.h"
#include "codebook_internal.h"
#include "codebook_yaml.h"
#include "strdict.h"
#include "utf8.h"

/* Flow lists and maps are used when they fit in this many columns. */
#define LINE_WIDTH 80

static const char header[] =
    "# tally codebook: what the columns of the export mean.\n"
    "# Correct it and give it back with -c FILE; every key is described in\n"
    "# docs/codebook-format.md.\n";

typedef struct writer {
    yaml_emitter_t em;
    const tally_codebook *cb;
    tally__arena *arena;        /* the copies held by scale_names    */
    tally__strdict scale_names; /* the names of the scales ...       */
    size_t *scale_at;           /* ... and the index of each in cb   */
    const char *question;       /* id of the question being written  */
    int bad_text;               /* a string was not valid UTF-8      */
} writer;

/* --- scalars -------------------------------------------------------------- */

/* A plain scalar with this text would not read back as a string. */
static int looks_typed(const char *s)
{
    static const char *const words[] = {
        "~",    "null", "Null", "NULL",  "y",     "Y",     "yes",
        "Yes",  "YES",  "n",    "N",     "no",    "No",    "NO",
        "true", "True", "TRUE", "false", "False", "FALSE", "on",
        "On",   "ON",   "off",  "Off",   "OFF",   "<<",    "=",
        ".inf", ".Inf", ".INF", ".nan",  ".NaN",  ".NAN"};
    const char *t = (*s == '+' || *s == '-') ? s + 1 : s;
    if (!*s)
        return 1;
    for (size_t i = 0; i < TALLY_ARRAY_SIZE(words); i++)
        if (strcmp(s, words[i]) == 0 || strcmp(t, words[i]) == 0)
            return 1;
    /* Numbers of YAML 1.1 and 1.2 (0x1F, 0o17, 1_000, 1:30, 1e3, 2020-01-01
       and the like), generously. */
    return *t && strchr("0123456789.", *t) &&
           strspn(s, "0123456789abcdefABCDEFoOxX+-._:tTzZ") == strlen(s);
}

/* Line breaks and control characters are written escaped, in double
   quotes. */
static int needs_escapes(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f || (p[0] == 0xc2 && p[1] == 0x85) ||
            (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)))
            return 1;
    return 0;
}

/* libyaml takes yaml_char_t * but copies the text. */
static yaml_char_t *ytext(const char *s)
{
    return (yaml_char_t *)(uintptr_t)s;
}

static int scalar(writer *w, const char *s, int plain)
{
    yaml_event_t e;
    size_t len = strlen(s);
    yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;
    if (!tally__utf8_valid(s, len, NULL)) {
        w->bad_text = 1;
        return 0;
    }
    if (needs_escapes(s))
        style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
    if (len > INT32_MAX ||
        !yaml_scalar_event_initialize(&e, NULL, NULL, ytext(s), (int)len, plain,
                                      1, style))
        return 0;
    return yaml_emitter_emit(&w->em, &e);
}

/* A string, plain when YAML reads it back as the same string. NULL is
   written as an empty string (which the reader refuses where a value is
   required, so a broken codebook cannot read back as a valid one). */
static int str(writer *w, const char *s)
{
    if (!s)
        s = "";
    return scalar(w, s, !looks_typed(s));
}

/* The shortest text that reads back as v (the C locale is in use). */
static void format_number(double v, char *out, size_t cap)
{
    if (isnan(v) || isinf(v)) {
        snprintf(out, cap, "%s", isnan(v) ? ".nan" : v < 0 ? "-.inf" : ".inf");
        return;
    }
    if (v == floor(v) && fabs(v) < 1e15) {
        snprintf(out, cap, "%.0f", v == 0 ? 0.0 : v); /* 480, not 4.8e+02 */
        return;
    }
    for (int digits = 1; digits <= 17; digits++) {
        snprintf(out, cap, "%.*g", digits, v);
        if (strtod(out, NULL) == v)
            break;
    }
}

static int number(writer *w, double v)
{
    char text[40];
    format_number(v, text, sizeof text);
    return scalar(w, text, 1);
}

/* --- structure ------------------------------------------------------------ */

enum { LIST, MAP };

/* The start of a map or list, in flow or block style. */
static int start(writer *w, int map, int flow)
{
    yaml_event_t e;
    if (map)
        yaml_mapping_start_event_initialize(&e, NULL, NULL, 1,
                                            flow ? YAML_FLOW_MAPPING_STYLE
                                                 : YAML_BLOCK_MAPPING_STYLE);
    else
        yaml_sequence_start_event_initialize(&e, NULL, NULL, 1,
                                             flow ? YAML_FLOW_SEQUENCE_STYLE
                                                  : YAML_BLOCK_SEQUENCE_STYLE);
    return yaml_emitter_emit(&w->em, &e);
}

static int end(writer *w, int map)
{
    yaml_event_t e;
    if (map)
        yaml_mapping_end_event_initialize(&e);
    else
        yaml_sequence_end_event_initialize(&e);
    return yaml_emitter_emit(&w->em, &e);
}

/* key: value, when value is given. */
static int key_str(writer *w, const char *key, const char *value)
{
    return !value || (str(w, key) && str(w, value));
}

static int key_true(writer *w, const char *key, int flag)
{
    return !flag || (str(w, key) && scalar(w, "true", 1));
}

/* Columns that s takes in a flow list, overestimated: quoted, with a
   separator, and escapes (libyaml escapes characters beyond U+FFFF). */
static size_t text_width(const char *s)
{
    size_t len = s ? strlen(s) : 0;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0xf0)
            return 10 * len;
    return (len && needs_escapes(s) ? 4 * len : tally__utf8_count(s, len)) + 4;
}

/* Whether the strings would fit on one line after `used` columns. */
static int fits(size_t used, const char *const *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        used += text_width(s[i]);
    return used <= LINE_WIDTH;
}

/* --- options -------------------------------------------------------------- */

/* The options of o[0..n) that are missing codes (missing = 1) or that
   are not (missing = 0). */
typedef struct optsel {
    const tally_option *o;
    size_t n;
    int missing;
    int columns; /* write option columns */
} optsel;

static size_t sel_count(const optsel *s, int *plain, size_t *width)
{
    size_t k = 0;
    *plain = 1;
    *width = 0;
    for (size_t i = 0; i < s->n; i++)
        if (!s->o[i].missing == !s->missing) {
            k++;
            *plain &= !s->o[i].code && (!s->columns || !s->o[i].column);
            *width += text_width(s->o[i].label);
        }
    return k;
}

static int option_map(writer *w, const tally_option *o, int columns)
{
    return start(w, MAP, 0) && key_str(w, "label", o->label) &&
           key_str(w, "code", o->code) &&
           key_str(w, "column", columns ? o->column : NULL) && end(w, MAP);
}

/* key: [labels] in flow style when plain and short, else a block list. */
static int option_list(writer *w, const char *key, const optsel *s,
                       size_t indent)
{
    int plain;
    size_t width, k = sel_count(s, &plain, &width);
    int flow = plain && indent + strlen(key) + 2 + width <= LINE_WIDTH;
    if (!k)
        return 1;
    if (!str(w, key) || !start(w, LIST, flow))
        return 0;
    for (size_t i = 0; i < s->n; i++) {
        const tally_option *o = &s->o[i];
        if (!o->missing != !s->missing)
            continue;
        if (!(plain ? str(w, o->label) : option_map(w, o, s->columns)))
            return 0;
    }
    return end(w, LIST);
}

/* values: [...] unless the valid options are valued 1..k. */
static int values_list(writer *w, const tally_option *o, size_t n)
{
    size_t k = 0;
    int plain = 1;
    for (size_t i = 0; i < n; i++)
        if (!o[i].missing)
            plain &= o[i].value == (double)++k;
    if (plain)
        return 1;
    if (!str(w, "values") || !start(w, LIST, 1))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!o[i].missing && !number(w, o[i].value))
            return 0;
    return end(w, LIST);
}

/* options, values (when ordered) and missing. */
static int option_keys(writer *w, const tally_option *o, size_t n, int ordered,
                       int columns, size_t indent)
{
    optsel valid = {o, n, 0, columns}, missing = {o, n, 1, columns};
    return option_list(w, "options", &valid, indent) &&
           (!ordered || values_list(w, o, n)) &&
           option_list(w, "missing", &missing, indent);
}

/* --- scales --------------------------------------------------------------- */

static int write_scales(writer *w)
{
    const tally_codebook *cb = w->cb;
    if (!cb->n_scales)
        return 1;
    if (!str(w, "scales") || !start(w, MAP, 0))
        return 0;
    for (size_t i = 0; i < cb->n_scales; i++) {
        const tally__scale *s = &cb->scales[i];
        if (!str(w, s->name) || !start(w, MAP, 0) ||
            !option_keys(w, s->options, s->n_options, 1, 0, 4) || !end(w, MAP))
            return 0;
    }
    return end(w, MAP);
}

static int same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static int same_option(const tally_option *a, const tally_option *b)
{
    return same_text(a->label, b->label) && same_text(a->code, b->code) &&
           same_text(a->column, b->column) && !a->missing == !b->missing &&
           (a->missing || a->value == b->value);
}

/* q's scale when q is ordered and its options are the scale's followed
   by missing codes only (so `scale: name` and `missing:` say it all),
   else NULL. */
static const tally__scale *
usable_scale(const writer *w, const tally_question *q, tally_qtype type)
{
    long id = q->scale ? tally__strdict_find(&w->scale_names, q->scale,
                                             strlen(q->scale))
                       : -1;
    const tally__scale *s = id < 0 ? NULL : &w->cb->scales[w->scale_at[id]];
    if (!s || !tally__qkey_applies(TALLY__QKEY_SCALE, type) ||
        (!q->ordered && type != TALLY_QTYPE_SCALE) ||
        s->n_options > q->n_options)
        return NULL;
    for (size_t i = 0; i < q->n_options; i++)
        if (i < s->n_options ? !same_option(&s->options[i], &q->options[i])
                             : !q->options[i].missing)
            return NULL;
    return s;
}

/* --- questions ------------------------------------------------------------ */

/* The type as the reader will see it. */
static tally_qtype type_of(const tally_question *q)
{
    if (q->type == TALLY_QTYPE_SINGLE && q->ordered)
        return TALLY_QTYPE_SCALE;
    return q->type;
}

static int write_item(writer *w, const tally_item *it)
{
    const char *text = same_text(it->text, it->id) ? NULL : it->text;
    const char *parts[] = {it->id, it->column ? it->column : "",
                           text ? text : "", "id: column: text:"};
    int flow = fits(4, parts, TALLY_ARRAY_SIZE(parts));
    return start(w, MAP, flow) && key_str(w, "id", it->id) &&
           key_str(w, "column", it->column) && key_str(w, "text", text) &&
           end(w, MAP);
}

static int write_items(writer *w, const tally_question *q)
{
    if (!q->n_items || !tally__qkey_applies(TALLY__QKEY_ITEMS, q->type))
        return 1;
    if (!str(w, "items") || !start(w, LIST, 0))
        return 0;
    for (size_t i = 0; i < q->n_items; i++)
        if (!write_item(w, &q->items[i]))
            return 0;
    return end(w, LIST);
}

/* options, values, missing, scale and ordered of q. */
static int write_choices(writer *w, const tally_question *q, tally_qtype t)
{
    const tally__scale *s = usable_scale(w, q, t);
    int multi = t == TALLY_QTYPE_MULTI;
    size_t skip = s ? s->n_options : 0;
    if (tally__qkey_applies(TALLY__QKEY_OPTIONS, t) && !s &&
        !option_keys(w, q->options, q->n_options,
                     q->ordered && tally__qkey_applies(TALLY__QKEY_VALUES, t),
                     multi && !q->column, 2))
        return 0;
    if ((s || !tally__qkey_applies(TALLY__QKEY_OPTIONS, t)) &&
        tally__qkey_applies(TALLY__QKEY_MISSING, t)) {
        /* No options at all: NULL + 0 is undefined behaviour (C11
           6.5.6p8), so do not form it. */
        optsel missing = {q->options ? q->options + skip : NULL,
                          q->n_options - skip, 1, 0};
        if (!option_list(w, "missing", &missing, 2))
            return 0;
    }
    return (!s || key_str(w, "scale", s->name)) &&
           key_true(w, "ordered", t == TALLY_QTYPE_MATRIX && q->ordered && !s);
}

static int write_question(writer *w, const tally_question *q)
{
    tally_qtype t = type_of(q);
    w->question = q->id;
    int joined = t == TALLY_QTYPE_MULTI && q->column;
    return start(w, MAP, 0) && key_str(w, "id", q->id) &&
           key_str(w, "text", same_text(q->text, q->id) ? NULL : q->text) &&
           key_str(w, "type", tally_qtype_name(t)) &&
           key_str(w, "column", t == TALLY_QTYPE_MATRIX ? NULL : q->column) &&
           write_choices(w, q, t) && write_items(w, q) &&
           key_str(w, "separator", joined ? q->separator : NULL) &&
           key_true(w, "other",
                    q->other && tally__qkey_applies(TALLY__QKEY_OTHER, t)) &&
           key_str(w, "section", q->section) && end(w, MAP);
}

static int write_document(writer *w)
{
    const tally_codebook *cb = w->cb;
    yaml_event_t e;
    yaml_stream_start_event_initialize(&e, YAML_UTF8_ENCODING);
    if (!yaml_emitter_emit(&w->em, &e))
        return 0;
    yaml_document_start_event_initialize(&e, NULL, NULL, NULL, 1);
    if (!yaml_emitter_emit(&w->em, &e) || !start(w, MAP, 0) ||
        !key_str(w, "title", cb->title) ||
        (cb->population != 0 &&
         !(str(w, "population") && number(w, cb->population))) ||
        !key_str(w, "weight", cb->weight) || !key_str(w, "count", cb->count) ||
        !write_scales(w) || !str(w, "questions") || !start(w, LIST, 0))
        return 0;
    for (size_t i = 0; i < cb->n_questions; i++)
        if (!write_question(w, cb->questions[i]))
            return 0;
    if (!end(w, LIST) || !end(w, MAP))
        return 0;
    yaml_document_end_event_initialize(&e, 1);
    if (!yaml_emitter_emit(&w->em, &e))
        return 0;
    yaml_stream_end_event_initialize(&e);
    return yaml_emitter_emit(&w->em, &e) && yaml_emitter_flush(&w->em);
}

/* --- entry point ---------------------------------------------------------- */

static int put_bytes(void *data, unsigned char *bytes, size_t size)
{
    return tally_buf_append(data, bytes, size) == TALLY_OK;
}

/* Index the scales by name (the first of a name wins, as in
   tally__codebook_scale()). */
static int index_scales(writer *w)
{
    const tally_codebook *cb = w->cb;
    int added;
    w->arena = tally__arena_new();
    w->scale_at = tally__calloc(cb->n_scales + 1, sizeof *w->scale_at);
    if (!w->arena || !w->scale_at || tally__strdict_init(&w->scale_names))
        return 0;
    for (size_t i = 0; i < cb->n_scales; i++) {
        const char *name = cb->scales[i].name;
        long id = tally__strdict_intern(&w->scale_names, w->arena, name,
                                        strlen(name), &added);
        if (id < 0)
            return 0;
        if (added)
            w->scale_at[id] = i;
    }
    return 1;
}

/* The status of a failed write. */
static tally_status write_error(const writer *w, tally_error *err)
{
    if (w->bad_text)
        return tally__fail(err, TALLY_ERR_ENCODING, "%s%.60s: a text is not "
                           "valid UTF-8", w->question ? "question " : "",
                           w->question ? w->question : "the codebook");
    if (w->em.error == YAML_EMITTER_ERROR)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "cannot write YAML: "
                           "%s", w->em.problem ? w->em.problem : "?");
    return tally__nomem(err);
}

tally_status tally_codebook_write_yaml(const tally_codebook *cb, tally_buf *out,
                                       tally_error *err)
{
    writer w = {.cb = cb};
    tally_status st = TALLY_OK;
    if (!cb || !out)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "no codebook or "
                           "buffer");
    size_t before = tally_buf_size(out);
    locale_t c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    if (!c || !yaml_emitter_initialize(&w.em)) {
        if (c)
            freelocale(c);
        return tally__nomem(err);
    }
    locale_t old = uselocale(c);
    yaml_emitter_set_output(&w.em, put_bytes, out);
    yaml_emitter_set_unicode(&w.em, 1);
    yaml_emitter_set_width(&w.em, -1);
    if (!index_scales(&w) || tally__buf_puts(out, header) != TALLY_OK ||
        !write_document(&w)) {
        st = write_error(&w, err);
        tally__buf_trim(out, tally_buf_size(out) - before);
    }
    uselocale(old);
    freelocale(c);
    yaml_emitter_delete(&w.em);
    tally__strdict_destroy(&w.scale_names);
    tally__free(w.scale_at);
    tally__arena_free(w.arena);
    return st;
}
