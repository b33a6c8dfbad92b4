/*
 * infer_xlsform.c: what an XLSForm says about a Kobo/ODK export wins over
 * what inference guessed from the cells (tally_infer_opts.xlsform;
 * formats.md 5.4: column "grp/q" is the survey row q in group grp, a
 * choice column "q/choice" the choice of q's list). After the questions
 * are inferred:
 *   - a question's (or matrix item's) text is the field's label; a
 *     matrix whose items lie in one group takes the group's label;
 *   - select_one: single choice with the list's choices as options, in
 *     the form's order, each with its XML name as code (the data holds
 *     names, the tables show labels); a scale when the labels are a
 *     known Likert scale in rising order; values in the data that are no
 *     choice are kept as options of their own;
 *   - select_multiple: the summary column ("a b") is a multi-select
 *     question joined with " " whose options are the choices; one
 *     column per choice gets the choice's label;
 *   - integer/decimal: numeric (when every answer is a number); text:
 *     open text; calculate, start, end, deviceid, note...: metadata.
 * Questions the dialect made metadata (a select_multiple's summary
 * column beside its choice columns) stay so.
 */
#include <math.h>
#include <string.h>

#include "alloc.h"
#include "dataset_internal.h"
#include "infer.h"
#include "likert.h"
#include "xlsform.h"

typedef struct opts {
    tally_option *o;
    size_t n, cap;
} opts;

typedef struct apply {
    const tally_raw *raw;
    const tally_xlsform *form;
    tally_codebook *cb;
} apply;

static int add(opts *l, const char *label, const char *code)
{
    for (size_t i = 0; i < l->n; i++)
        if (!strcmp(l->o[i].label, label))
            return 0;
    if (TALLY__GROW(l->o, l->cap, l->n + 1) != 0)
        return -1;
    l->o[l->n++] = (tally_option){label, code, NULL, NAN,
                                  tally__is_missing_label(label)};
    return 0;
}

static int known(const opts *l, const char *s, size_t len)
{
    for (size_t i = 0; i < l->n; i++) {
        const tally_option *o = &l->o[i];
        if ((strlen(o->label) == len && !memcmp(o->label, s, len)) ||
            (o->code && strlen(o->code) == len && !memcmp(o->code, s, len)))
            return 1;
    }
    return 0;
}

/* The choices of list, in the form's order. */
static int choices(const apply *a, const char *list, opts *l)
{
    for (size_t i = 0; list && i < a->form->n_choices; i++) {
        const tally__xf_choice *k = &a->form->choices[i];
        if (!strcmp(k->list, list) && add(l, k->label, k->name) != 0)
            return -1;
    }
    return 0;
}

/* Answers of column `column` that no option covers (split at sep when
   not NULL) become options of their own; *seen counts them. */
static int unlisted(const apply *a, const char *column, const char *sep,
                    opts *l, size_t *seen)
{
    size_t c;
    if (tally_raw_find_column(a->raw, column, &c) != TALLY_OK)
        return 0;
    const tally__strdict *d = &a->raw->cols[c].dict;
    size_t *counts = tally__calloc(d->count, sizeof *counts);
    if (!counts)
        return -1;
    tally__rawcol_count(a->raw, c, counts); /* data rows, not headers */
    int rc = 0;
    for (size_t id = 1; id < d->count && !rc; id++) {
        const char *s = counts[id] ? tally__strdict_str(d, id) : "";
        while (*s) {
            size_t len = sep ? strcspn(s, sep) : strlen(s);
            if (len && !known(l, s, len)) {
                char *t = tally__arena_strndup(a->cb->arena, s, len);
                rc = !t || add(l, t, NULL) != 0;
                ++*seen;
            }
            s += len;
            s += sep && *s ? strspn(s, sep) : 0;
        }
    }
    tally__free(counts);
    return rc ? -1 : 0;
}

/* Are the valid options a known Likert scale, lowest first? */
static int rising_scale(const opts *l)
{
    const char *labels[TALLY__LIKERT_MAX_LABELS];
    size_t pos[TALLY__LIKERT_MAX_LABELS], n = 0;
    for (size_t i = 0; i < l->n && n < TALLY__LIKERT_MAX_LABELS; i++)
        if (!l->o[i].missing)
            labels[n++] = l->o[i].label;
    if (n < 2 || n == TALLY__LIKERT_MAX_LABELS ||
        !tally__likert_match(labels, n, pos))
        return 0;
    for (size_t i = 1; i < n; i++)
        if (pos[i] <= pos[i - 1])
            return 0;
    return 1;
}

/* q's options: the valid ones valued 1..k, then the missing codes. */
static int install(apply *a, tally_question *q, opts *l, int ordered)
{
    tally_option *o = tally__calloc(l->n ? l->n : 1, sizeof *o);
    if (!o)
        return -1;
    size_t n = 0, k = 0;
    for (int missing = 0; missing < 2; missing++)
        for (size_t i = 0; i < l->n; i++)
            if (!l->o[i].missing == !missing) {
                o[n] = l->o[i];
                o[n++].value = missing ? NAN : (double)++k;
            }
    q->options = tally__cb_options(a->cb, o, n);
    q->n_options = n;
    q->ordered = ordered;
    q->scale = NULL;
    tally__free(o);
    return n && !q->options ? -1 : 0;
}

static int select_one(apply *a, tally_question *q, const tally__xf_field *x,
                      const char *const *columns, size_t n)
{
    opts l = {0};
    size_t extra = 0;
    int rc = choices(a, x->list, &l);
    for (size_t i = 0; i < n && !rc; i++)
        rc = unlisted(a, columns[i], NULL, &l, &extra);
    int ordered = !extra && rising_scale(&l);
    if (!rc)
        rc = install(a, q, &l, ordered);
    if (q->type != TALLY_QTYPE_MATRIX)
        q->type = ordered ? TALLY_QTYPE_SCALE : TALLY_QTYPE_SINGLE;
    q->separator = NULL;
    tally__free(l.o);
    return rc;
}

static int select_multiple(apply *a, tally_question *q,
                           const tally__xf_field *x)
{
    opts l = {0};
    size_t extra = 0;
    int rc = choices(a, x->list, &l) || unlisted(a, q->column, " ", &l,
                                                 &extra);
    if (!rc)
        rc = install(a, q, &l, 0);
    q->type = TALLY_QTYPE_MULTI;
    q->separator = tally__cb_str(a->cb, " ");
    tally__free(l.o);
    return rc || !q->separator;
}

/* q as a question of type t without options. */
static void retype(tally_question *q, tally_qtype t)
{
    q->type = t;
    q->n_options = 0;
    q->options = NULL;
    q->ordered = 0;
    q->separator = NULL;
    q->scale = NULL;
}

/* integer/decimal: numeric unless some answer is not a number (or is a
   missing code such as "N/A", which the inferred question keeps). */
static void numeric(tally_question *q)
{
    double v;
    for (size_t i = 0; i < q->n_options; i++)
        if (q->options[i].missing ||
            !tally__parse_answer_number(q->options[i].label, &v))
            return;
    retype(q, TALLY_QTYPE_NUMERIC);
}

static int one_column(apply *a, tally_question *q)
{
    const tally__xf_field *x = tally__xf_field_of(a->form, q->column);
    if (!x)
        return 0;
    if (x->label && !(q->text = tally__cb_str(a->cb, x->label)))
        return -1;
    switch (x->kind) {
    case TALLY__XF_ONE:
        return select_one(a, q, x, &q->column, 1);
    case TALLY__XF_MULTI:
        return select_multiple(a, q, x);
    case TALLY__XF_NUMERIC:
        if (q->type != TALLY_QTYPE_TEXT)
            numeric(q);
        return 0;
    case TALLY__XF_TEXT:
        retype(q, TALLY_QTYPE_TEXT);
        return 0;
    case TALLY__XF_META:
        q->type = TALLY_QTYPE_META;
        q->reason = tally__cb_str(a->cb, "form metadata (XLSForm)");
        return !q->reason;
    default:
        return 0;
    }
}

/* A multi-select question of choice columns "q/choice": the choices'
   labels. */
static int choice_columns(apply *a, tally_question *q)
{
    const char *col = q->n_options ? q->options[0].column : NULL;
    const char *slash = col ? strrchr(col, '/') : NULL;
    if (!slash)
        return 0;
    char *parent = tally__strndup(col, (size_t)(slash - col));
    const tally__xf_field *x = parent
                                   ? tally__xf_field_of(a->form, parent)
                                   : NULL;
    tally__free(parent);
    if (!x || x->kind != TALLY__XF_MULTI)
        return 0;
    tally_option *o = tally__calloc(q->n_options, sizeof *o);
    if (!o)
        return -1;
    for (size_t i = 0; i < q->n_options; i++) {
        const char *c = q->options[i].column;
        const char *s = c ? strrchr(c, '/') : NULL;
        const tally__xf_choice *k =
            s ? tally__xf_choice_of(a->form, x->list, s + 1) : NULL;
        o[i] = q->options[i];
        o[i].label = k ? k->label : o[i].label;
    }
    q->options = tally__cb_options(a->cb, o, q->n_options);
    tally__free(o);
    if (x->label)
        q->text = tally__cb_str(a->cb, x->label);
    return !q->options || (x->label && !q->text);
}

static int same_str(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

/* Is x a select_one of first's list in first's group? */
static int alike(const tally__xf_field *x, const tally__xf_field *first)
{
    return x && first && x->kind == TALLY__XF_ONE &&
           same_str(x->list, first->list) && same_str(x->group, first->group);
}

/* Matrix items: their labels; the choices of the one list they share;
   the label of the one group they lie in. */
static int matrix(apply *a, tally_question *q)
{
    tally_item *items = tally__calloc(q->n_items, sizeof *items);
    const char **cols = tally__calloc(q->n_items, sizeof *cols);
    const tally__xf_field *first = NULL;
    int same = 1, rc = !items || !cols;
    for (size_t i = 0; i < q->n_items && !rc; i++) {
        const tally__xf_field *x = tally__xf_field_of(a->form,
                                                      q->items[i].column);
        items[i] = q->items[i];
        cols[i] = q->items[i].column;
        if (x && x->label)
            items[i].text = x->label;
        first = i ? first : x;
        same &= alike(x, first);
    }
    if (!rc && !(q->items = tally__cb_items(a->cb, items, q->n_items)))
        rc = -1;
    const tally__xf_field *g = same ? tally__xf_path(a->form, first->group)
                                    : NULL;
    if (!rc && g && g->label && !(q->text = tally__cb_str(a->cb, g->label)))
        rc = -1;
    if (!rc && same)
        rc = select_one(a, q, first, cols, q->n_items);
    tally__free(items);
    tally__free(cols);
    return rc;
}

tally_status tally__infer_xlsform(const tally_raw *raw,
                                  const tally_xlsform *form,
                                  tally_codebook *cb, tally_error *err)
{
    apply a = {raw, form, cb};
    for (size_t i = 0; form && i < cb->n_questions; i++) {
        tally_question *q = cb->questions[i];
        int rc = 0;
        if (q->type == TALLY_QTYPE_META)
            continue;
        if (q->type == TALLY_QTYPE_MATRIX && q->n_items)
            rc = matrix(&a, q);
        else if (q->column)
            rc = one_column(&a, q);
        else if (q->type == TALLY_QTYPE_MULTI)
            rc = choice_columns(&a, q);
        if (rc)
            return tally__nomem(err);
    }
    return TALLY_OK;
}
