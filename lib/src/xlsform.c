/*
 * xlsform.c: tally_xlsform_read(): the `survey` and `choices` sheets of
 * an XLSForm (formats.md 5.4; the XLSForm specification,
 * https://xlsform.org/en/), read with the XLSX reader as plain tables.
 *
 * survey: `type`, `name`, and the label: the column `label`, else the
 * first `label::English...`, else the first `label::<language>`. Group
 * rows (begin_group / begin_repeat, also written "begin group") give the
 * path of the rows inside them ("grp/sub/q"), as Kobo's and ODK's
 * exports name their columns. choices: `list_name`, `name`, label as
 * above.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "xlsform.h"

#define MAX_DEPTH 32

/* Form fields that are no questions (formats.md 5.1: metadata columns
   where the form declares them). */
static const char *const meta_types[] = {
    "calculate", "start", "end", "today", "deviceid", "username",
    "simserial", "subscriberid", "phonenumber", "audit", "imei",
    "start-geopoint", "hidden", "note", "acknowledge", NULL};

static tally__xf_kind kind_of(const char *type)
{
    static const struct {
        const char *type;
        tally__xf_kind kind;
    } kinds[] = {{"select_one", TALLY__XF_ONE},
                 {"select_multiple", TALLY__XF_MULTI},
                 {"integer", TALLY__XF_NUMERIC},
                 {"decimal", TALLY__XF_NUMERIC},
                 {"range", TALLY__XF_NUMERIC},
                 {"text", TALLY__XF_TEXT},
                 {"begin_group", TALLY__XF_GROUP},
                 {"begin_repeat", TALLY__XF_GROUP}};
    for (size_t i = 0; i < TALLY_ARRAY_SIZE(kinds); i++)
        if (!strcmp(type, kinds[i].type))
            return kinds[i].kind;
    for (size_t i = 0; meta_types[i]; i++)
        if (!strcmp(type, meta_types[i]))
            return TALLY__XF_META;
    return TALLY__XF_OTHER;
}

/* --- sheets --------------------------------------------------------------- */

typedef struct sheet {
    tally_raw *raw;
    long type, name, label, list; /* column indexes, -1: none */
} sheet;

static long column_named(const tally_raw *raw, const char *name)
{
    for (size_t c = 0; c < tally_raw_columns(raw); c++)
        if (!strcasecmp(tally_raw_header(raw, 0, c), name))
            return (long)c;
    return -1;
}

static long label_column(const tally_raw *raw)
{
    long c = column_named(raw, "label");
    for (size_t i = 0; c < 0 && i < tally_raw_columns(raw); i++)
        if (!strncasecmp(tally_raw_header(raw, 0, i), "label::english", 14))
            c = (long)i;
    for (size_t i = 0; c < 0 && i < tally_raw_columns(raw); i++)
        if (!strncasecmp(tally_raw_header(raw, 0, i), "label::", 7))
            c = (long)i;
    return c;
}

static tally_status read_sheet(tally_io *io, const char *name, sheet *s,
                               tally_error *err)
{
    tally_read_opts ro = {.sheet = name, .dialect = TALLY_DIALECT_PLAIN,
                          .threads = 1};
    tally_status st = tally_read(io, &ro, &s->raw, err);
    if (st != TALLY_OK)
        return st;
    s->type = column_named(s->raw, "type");
    s->name = column_named(s->raw, "name");
    s->list = column_named(s->raw, "list_name");
    s->label = label_column(s->raw);
    if (s->name < 0 || (strcmp(name, "survey") ? s->list : s->type) < 0)
        return tally__fail_at(err, TALLY_ERR_PARSE, tally_io_name(io), 1, 0,
                              "not an XLSForm: the sheet \"%s\" has no "
                              "\"%s\" column", name,
                              s->name < 0               ? "name"
                              : strcmp(name, "survey") ? "list_name"
                                                        : "type");
    return TALLY_OK;
}

static const char *cell(const sheet *s, size_t row, long col)
{
    return col < 0 ? "" : tally_raw_cell(s->raw, row, (size_t)col);
}

/* A trimmed copy of s in the form's arena; NULL for "" when empty_null. */
static const char *keep(tally_xlsform *f, const char *s, int empty_null,
                        int *fail)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    if (!n && empty_null)
        return NULL;
    char *r = tally__arena_strndup(f->arena, s, n);
    *fail |= !r;
    return r;
}

/* --- survey --------------------------------------------------------------- */

typedef struct groups {
    const char *path[MAX_DEPTH + 1];
    size_t depth;
} groups;

/* type "select_one list or_other" -> word 0 "select_one", word 1 "list";
   "begin group" -> "begin_group". Lower case. */
static void type_words(const char *t, char *w0, char *w1, size_t cap)
{
    w0[0] = w1[0] = '\0';
    sscanf(t, "%127s %127s", w0, w1);
    for (char *p = w0; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    if ((!strcmp(w0, "begin") || !strcmp(w0, "end")) &&
        (!strcasecmp(w1, "group") || !strcasecmp(w1, "repeat"))) {
        size_t n = strlen(w0);
        snprintf(w0 + n, cap - n, "_%s", !strcasecmp(w1, "group")
                                             ? "group" : "repeat");
        w1[0] = '\0';
    }
}

static int add_field(tally_xlsform *f, const sheet *s, size_t r,
                     groups *g)
{
    char w0[128], w1[128];
    int fail = 0;
    type_words(cell(s, r, s->type), w0, w1, sizeof w0);
    if (!strcmp(w0, "end_group") || !strcmp(w0, "end_repeat")) {
        g->depth -= g->depth > 0;
        return 0;
    }
    const char *name = keep(f, cell(s, r, s->name), 1, &fail);
    if (!w0[0] || !name)
        return fail;
    if (TALLY__GROW(f->fields, f->fields_cap, f->n_fields + 1) != 0)
        return -1;
    tally__xf_field *x = &f->fields[f->n_fields++];
    const char *parent = g->depth ? g->path[g->depth - 1] : NULL;
    size_t n = (parent ? strlen(parent) + 1 : 0) + strlen(name) + 1;
    char *path = tally__arena_alloc(f->arena, n);
    if (!path)
        return -1;
    snprintf(path, n, "%s%s%s", parent ? parent : "", parent ? "/" : "",
             name);
    *x = (tally__xf_field){keep(f, w0, 0, &fail), name, path,
                           keep(f, cell(s, r, s->label), 1, &fail),
                           keep(f, w1, 1, &fail), parent, kind_of(w0)};
    if (x->kind == TALLY__XF_GROUP && g->depth < MAX_DEPTH)
        g->path[g->depth++] = path;
    return fail;
}

static int add_choice(tally_xlsform *f, const sheet *s, size_t r)
{
    int fail = 0;
    const char *list = keep(f, cell(s, r, s->list), 1, &fail);
    const char *name = keep(f, cell(s, r, s->name), 1, &fail);
    const char *label = keep(f, cell(s, r, s->label), 1, &fail);
    if (fail || !list || !name)
        return fail;
    if (TALLY__GROW(f->choices, f->choices_cap, f->n_choices + 1) != 0)
        return -1;
    f->choices[f->n_choices++] =
        (tally__xf_choice){list, name, label ? label : name};
    return 0;
}

static tally_status read_form(tally_io *io, tally_xlsform *f,
                              tally_error *err)
{
    sheet s = {0}, c = {0};
    groups g = {0};
    tally_status st = read_sheet(io, "survey", &s, err);
    if (st == TALLY_OK)
        st = read_sheet(io, "choices", &c, err);
    for (size_t r = 0; st == TALLY_OK && r < tally_raw_rows(s.raw); r++)
        if (add_field(f, &s, r, &g) != 0)
            st = tally__nomem(err);
    for (size_t r = 0; st == TALLY_OK && r < tally_raw_rows(c.raw); r++)
        if (add_choice(f, &c, r) != 0)
            st = tally__nomem(err);
    tally_raw_free(s.raw);
    tally_raw_free(c.raw);
    return st;
}

tally_status tally_xlsform_read(tally_io *io, tally_xlsform **out,
                                tally_error *err)
{
    if (!out)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "no output pointer");
    *out = NULL;
    if (!io)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "no input");
    tally_xlsform *f = tally__calloc(1, sizeof *f);
    if (!f || !(f->arena = tally__arena_new())) {
        tally__free(f);
        return tally__nomem(err);
    }
    tally_status st = read_form(io, f, err);
    if (st != TALLY_OK) {
        tally_xlsform_free(f);
        return st;
    }
    *out = f;
    return TALLY_OK;
}

void tally_xlsform_free(tally_xlsform *f)
{
    if (!f)
        return;
    tally__free(f->fields);
    tally__free(f->choices);
    tally__arena_free(f->arena);
    tally__free(f);
}

/* --- look-ups ------------------------------------------------------------- */

static int dashed_path(const char *path, const char *column)
{
    for (; *path && *column; path++, column++)
        if (*path != *column && !(*path == '/' && *column == '-'))
            return 0;
    return !*path && !*column;
}

const tally__xf_field *tally__xf_path(const tally_xlsform *f,
                                      const char *path)
{
    for (size_t i = 0; path && i < f->n_fields; i++)
        if (!strcmp(f->fields[i].path, path))
            return &f->fields[i];
    return NULL;
}

const tally__xf_field *tally__xf_field_of(const tally_xlsform *f,
                                          const char *column)
{
    const char *slash = strrchr(column, '/');
    const tally__xf_field *x = tally__xf_path(f, column);
    for (size_t i = 0; !x && i < f->n_fields; i++)
        if (dashed_path(f->fields[i].path, column) ||
            !strcmp(f->fields[i].name, column))
            x = &f->fields[i];
    for (size_t i = 0; !x && slash && i < f->n_fields; i++)
        if (!strcmp(f->fields[i].name, slash + 1))
            x = &f->fields[i];
    for (size_t i = 0; !x && i < f->n_fields; i++)
        if (f->fields[i].label && !strcmp(f->fields[i].label, column))
            x = &f->fields[i];
    return x && x->kind != TALLY__XF_GROUP ? x : NULL;
}

const tally__xf_choice *tally__xf_choice_of(const tally_xlsform *f,
                                            const char *list,
                                            const char *name)
{
    for (size_t i = 0; list && i < f->n_choices; i++)
        if (!strcmp(f->choices[i].list, list) &&
            !strcmp(f->choices[i].name, name))
            return &f->choices[i];
    return NULL;
}
