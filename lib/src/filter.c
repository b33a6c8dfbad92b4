/*
 * filter.c: tally_dataset_filter(): keep the rows that satisfy a --where
 * expression (grammar in tally/dataset.h).
 *
 * A condition on a question is true for a row whose answer is among the
 * values (=) or is an answer not among them (!=); a row that did not
 * answer the question satisfies neither, as in SQL and SPSS's SELECT IF,
 * so "Q1!=Expert" does not quietly add the people who skipped Q1.
 */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "dataset_internal.h"
#include "utf8.h"

#define MAX_VALUES 64

typedef struct cond {
    size_t q, item;          /* question; item or TALLY_ALL_ITEMS      */
    int negate;
    size_t n;                /* option indexes, or numbers             */
    long option[MAX_VALUES];
    double number[MAX_VALUES];
    int is_number[MAX_VALUES];
} cond;

typedef struct parser {
    const char *expr, *p;
    const tally_dataset *ds;
    tally_error *err;
} parser;

/* The 1-based column (in characters) of at in the expression. */
static long column_of(const parser *ps, const char *at)
{
    return (long)tally__utf8_count(ps->expr, (size_t)(at - ps->expr)) + 1;
}

static tally_status syntax(parser *ps, const char *at, const char *what)
{
    return tally__fail_at(ps->err, TALLY_ERR_PARSE, "--where", 1,
                          column_of(ps, at), "%s in \"%s\"", what,
                          ps->expr);
}

/* Copy the text [s, e) trimmed of blanks and of one pair of quotes. */
static void token(const char *s, const char *e, char *out, size_t cap)
{
    while (s < e && *s == ' ')
        s++;
    while (e > s && e[-1] == ' ')
        e--;
    if (e - s >= 2 && *s == '"' && e[-1] == '"') {
        s++;
        e--;
    }
    snprintf(out, cap, "%.*s", (int)(e - s), s);
}

/* End of a value or condition: the next stop character outside quotes. */
static const char *scan_to(const char *p, const char *stops)
{
    int quoted = 0;
    for (; *p; p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (!quoted && strchr(stops, *p))
            return p;
    }
    return p;
}

static tally_status add_value(parser *ps, cond *c, const char *text,
                              const char *at)
{
    const tally_question *q = ps->ds->cb->questions[c->q];
    if (c->n == MAX_VALUES)
        return syntax(ps, at, "too many values");
    long k = tally__match_option(q, text);
    c->option[c->n] = k;
    c->is_number[c->n] = 0;
    if (k < 0 && q->type == TALLY_QTYPE_NUMERIC)
        c->is_number[c->n] =
            tally__parse_answer_number(text, &c->number[c->n]);
    if (k < 0 && !c->is_number[c->n])
        return tally__fail_at(ps->err, TALLY_ERR_PARSE, "--where", 1,
                              column_of(ps, at),
                              "\"%s\" is not an answer of question %s",
                              text, q->id);
    c->n++;
    return TALLY_OK;
}

static tally_status check_question(parser *ps, const cond *c,
                                   const char *at)
{
    const tally_question *q = ps->ds->cb->questions[c->q];
    if (q->type == TALLY_QTYPE_TEXT || q->type == TALLY_QTYPE_META)
        return syntax(ps, at, "a filter needs a question with options");
    if (q->type == TALLY_QTYPE_MATRIX && c->item == TALLY_ALL_ITEMS)
        return syntax(ps, at, "name one item of the matrix (e.g. Q4_1)");
    return TALLY_OK;
}

/* One condition from ps->p, which is left at the '&' after it or at the
   end. Error columns point at the token, past blanks. */
static tally_status parse_cond(parser *ps, cond *c)
{
    memset(c, 0, sizeof *c); /* grown, not zeroed: no values yet */
    const char *start = ps->p + strspn(ps->p, " ");
    const char *end = scan_to(start, "&");
    const char *op = scan_to(start, "=");
    if (op >= end || op == start)
        return syntax(ps, start, "expected QUESTION=VALUE");
    c->negate = op > start && op[-1] == '!';
    char name[512], value[512];
    token(start, op - c->negate, name, sizeof name);
    tally_error sub = {0};
    if (tally_codebook_find(ps->ds->cb, name, &c->q, &c->item, &sub) !=
        TALLY_OK)
        return tally__fail_at(ps->err, TALLY_ERR_NO_SUCH_VAR, "--where", 1,
                              column_of(ps, start), "%s",
                              sub.message);
    TALLY_TRY(check_question(ps, c, start));
    for (const char *v = op + 1; v <= end;) {
        const char *bar = scan_to(v, "|&");
        v += strspn(v, " ");
        token(v, bar, value, sizeof value);
        if (!*value)
            return syntax(ps, v, "expected a value");
        TALLY_TRY(add_value(ps, c, value, v));
        v = bar + 1;
        if (bar >= end)
            break;
    }
    ps->p = end;
    return TALLY_OK;
}

/* --- evaluation ----------------------------------------------------------- */

static int value_in(const cond *c, const tally_question *q,
                    const tally__qdata *d, size_t item, size_t r)
{
    if (q->type == TALLY_QTYPE_MULTI) {
        for (size_t i = 0; i < c->n; i++)
            if (tally__ds_ticked(d, r, (size_t)c->option[i]))
                return 1;
        return 0;
    }
    uint16_t code = d->codes[item][r];
    for (size_t i = 0; i < c->n; i++) {
        if (c->is_number[i] && code == TALLY__NUMBER &&
            d->values[r] == c->number[i])
            return 1;
        if (!c->is_number[i] && code == c->option[i] + 1)
            return 1;
    }
    return 0;
}

static int answered(const tally_question *q, const tally__qdata *d,
                    size_t item, size_t r)
{
    if (q->type != TALLY_QTYPE_MULTI)
        return d->codes[item][r] != 0;
    for (size_t w = 0; w < d->nwords; w++)
        if (d->bits[r * d->nwords + w])
            return 1;
    return 0;
}

static int row_matches(const tally_dataset *ds, const cond *c, size_t r)
{
    const tally_question *q = ds->cb->questions[c->q];
    const tally__qdata *d = &ds->q[c->q];
    size_t item = c->item == TALLY_ALL_ITEMS ? 0 : c->item;
    if (!answered(q, d, item, r))
        return 0;
    return value_in(c, q, d, item, r) != c->negate;
}

/* Conditions joined by '&'; one is expected after every '&' (and in an
   empty expression). */
static tally_status parse(parser *ps, cond **conds, size_t *n)
{
    size_t cap = 0;
    for (;;) {
        if (TALLY__GROW(*conds, cap, *n + 1) != 0)
            return tally__nomem(ps->err);
        memset(&(*conds)[*n], 0, sizeof **conds);
        TALLY_TRY(parse_cond(ps, &(*conds)[*n]));
        (*n)++;
        if (!*ps->p)
            return TALLY_OK;
        ps->p++; /* the '&' */
    }
}

static char *filter_text(const tally_dataset *ds, const char *expr)
{
    size_t n = strlen(expr) + (ds->filter ? strlen(ds->filter) + 3 : 0);
    char *text = tally__malloc(n + 1);
    if (text)
        snprintf(text, n + 1, "%s%s%s", ds->filter ? ds->filter : "",
                 ds->filter ? " & " : "", expr);
    return text;
}

tally_status tally_dataset_filter(const tally_dataset *ds, const char *expr,
                                  tally_dataset **out, tally_error *err)
{
    if (!out)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "no output pointer");
    *out = NULL;
    if (!ds || !expr)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "no filter");
    parser ps = {expr, expr, ds, err};
    cond *conds = NULL;
    size_t n = 0;
    unsigned char *keep = NULL;
    char *text = NULL;
    tally_status st = parse(&ps, &conds, &n);
    if (st == TALLY_OK) {
        keep = tally__malloc(ds->rows + 1);
        text = filter_text(ds, expr);
        st = keep && text ? TALLY_OK : tally__nomem(err);
    }
    for (size_t r = 0; st == TALLY_OK && r < ds->rows; r++) {
        keep[r] = 1;
        for (size_t i = 0; i < n && keep[r]; i++)
            keep[r] = (unsigned char)row_matches(ds, &conds[i], r);
    }
    if (st == TALLY_OK)
        st = tally__dataset_subset(ds, keep, text, out, err);
    tally__free(conds);
    tally__free(keep);
    tally__free(text);
    return st;
}
