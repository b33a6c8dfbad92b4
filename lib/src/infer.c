/*
 * infer.c: tally_codebook_infer(): which columns form one question, and
 * the codebook that says so.
 *
 * Columns are grouped by the dialect's question key ("Question [Row]"
 * headers) or by a shared prefix ("Q4_1", "Q4_2"): a group whose columns
 * each hold one option, ticked or not, is a multi-select question; a group
 * whose answers share one set of labels is a matrix. Everything else is a
 * question of its own, typed by infer_column.c.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdatomic.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "infer.h"
#include "parallel.h"
#include "strdict.h"
#include "utf8.h"

#define DEFAULT_MAX_OPTIONS 30

typedef struct infer_ctx {
    const tally_raw *raw;
    tally_codebook *cb;
    tally__arena *tmp;       /* column descriptions, freed at the end */
    tally__arena *tmp2;      /* those described by the second thread  */
    tally__colinfo *cols;
    size_t max_options;
    const char *weight;      /* a weight column: not a question        */
    const tally_xlsform *xlsform; /* NULL: none                       */
    size_t next_number;      /* for "Q<n>" ids                        */
    tally__strdict ids;      /* ids in use                            */
    tally__strdict names;    /* column names: ids of their own columns */
} infer_ctx;

/* --- ids ------------------------------------------------------------------ */

static int id_like(const char *s)
{
    size_t n = strlen(s);
    if (!n || n > 32 || !isalpha((unsigned char)s[0]))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '_' && s[i] != '.')
            return 0;
    return s[n - 1] != '.';
}

/* 1 when s is the name of a column other than own (NULL: of any column):
   that column's id, which no other question or item may take. */
static int others_name(const infer_ctx *x, const char *s, const char *own)
{
    return (!own || strcmp(s, own) != 0) &&
           tally__strdict_find(&x->names, s, strlen(s)) >= 0;
}

/* Reserve base (or base_2, base_3, ...) as an id for the column own (or
   NULL); NULL out of memory. */
static const char *unique_id(infer_ctx *x, const char *base, const char *own)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.50s", base);
    for (int k = 2;; k++) {
        int added = 0;
        if (!others_name(x, buf, own) &&
            tally__strdict_intern(&x->ids, x->tmp, buf, strlen(buf),
                                  &added) < 0)
            return NULL;
        if (added)
            return tally__cb_str(x->cb, buf);
        snprintf(buf, sizeof buf, "%.50s_%d", base, k);
    }
}

/* The id of a question: its column's name (own) or its group key (own
   NULL) when that is id-like and no other column's name, else the next
   free "Q<n>". */
static const char *question_id(infer_ctx *x, const char *name,
                               const char *own)
{
    char base[32];
    x->next_number++;
    if (name && id_like(name) && !others_name(x, name, own) &&
        tally__strdict_find(&x->ids, name, strlen(name)) < 0)
        return unique_id(x, name, own);
    for (size_t n = x->next_number;; n++) {
        snprintf(base, sizeof base, "Q%zu", n);
        if (!others_name(x, base, NULL) &&
            tally__strdict_find(&x->ids, base, strlen(base)) < 0)
            return unique_id(x, base, NULL);
    }
}

/* "IP Address" -> "ip_address" (metadata keeps a readable id). */
static const char *meta_id(infer_ctx *x, const char *name)
{
    char slug[33];
    size_t n = 0;
    for (const char *s = name; *s && n < sizeof slug - 1; s++) {
        if (isalnum((unsigned char)*s))
            slug[n++] = (char)tolower((unsigned char)*s);
        else if (n && slug[n - 1] != '_')
            slug[n++] = '_';
    }
    while (n && slug[n - 1] == '_')
        n--;
    slug[n] = '\0';
    if (!n || !isalpha((unsigned char)slug[0]))
        snprintf(slug, sizeof slug, "meta");
    return unique_id(x, slug, name);
}

/* --- options -------------------------------------------------------------- */

/* The options of a described column: its scale points or its valid
   answers, then its missing codes. */
static const tally_option *column_options(infer_ctx *x,
                                          const tally__colinfo *ci,
                                          size_t *n)
{
    size_t valid = ci->kind == TALLY__COL_SCALE   ? ci->n_points
                   : ci->kind == TALLY__COL_JOINED ? ci->n_options
                   : ci->kind == TALLY__COL_NUMERIC ? 0
                                                    : ci->n_valid;
    *n = valid + ci->n_missing;
    if (!*n)
        return NULL;
    tally_option *o = tally__arena_calloc(x->tmp, *n, sizeof *o);
    if (!o)
        return NULL;
    for (size_t i = 0; i < valid; i++) {
        o[i].value = (double)(i + 1);
        if (ci->kind == TALLY__COL_SCALE) {
            o[i].label = ci->points[i];
            o[i].value = ci->point_values[i];
        } else if (ci->kind == TALLY__COL_JOINED) {
            o[i].label = ci->options[i].text;
        } else {
            o[i].label = ci->valid[i].text;
        }
    }
    for (size_t i = 0; i < ci->n_missing; i++) {
        o[valid + i].label = ci->missing[i].text;
        o[valid + i].value = NAN;
        o[valid + i].missing = 1;
    }
    return tally__cb_options(x->cb, o, *n);
}

static tally_qtype question_type(tally__colkind kind)
{
    switch (kind) {
    case TALLY__COL_META:
        return TALLY_QTYPE_META;
    case TALLY__COL_SCALE:
        return TALLY_QTYPE_SCALE;
    case TALLY__COL_SINGLE:
        return TALLY_QTYPE_SINGLE;
    case TALLY__COL_NUMERIC:
        return TALLY_QTYPE_NUMERIC;
    case TALLY__COL_JOINED:
        return TALLY_QTYPE_MULTI;
    default:
        return TALLY_QTYPE_TEXT;
    }
}

/* --- one column, one question --------------------------------------------- */

/* Does the dialect group columns itself (so that a shared prefix of
   their names means nothing)? Plain tables and Google Forms do not. */
static int dialect_groups(const tally_raw *raw)
{
    tally_dialect d = tally_raw_source(raw)->dialect;
    return d != TALLY_DIALECT_PLAIN && d != TALLY_DIALECT_GOOGLE_FORMS &&
           d != TALLY_DIALECT_AUTO;
}

/* A question of one column: its question text, with the item or
   option label of a column a platform's group left alone ("Other,
   please specify" text, a slider's item). NULL out of memory. */
static const char *single_text(infer_ctx *x, const tally_column *col)
{
    if (!dialect_groups(x->raw))
        return col->name;
    if (!col->sub || !col->text)
        return col->text ? col->text : col->name;
    size_t n = strlen(col->text) + strlen(col->sub) + 4;
    char *t = tally__arena_alloc(x->tmp, n);
    if (t)
        snprintf(t, n, "%s - %s", col->text, col->sub);
    return t;
}

static tally_status add_single(infer_ctx *x, size_t c)
{
    const tally__colinfo *ci = &x->cols[c];
    const tally_column *col = tally_raw_column(x->raw, c);
    tally_question *q = tally__codebook_add(x->cb);
    if (!q)
        return TALLY_ERR_NOMEM;
    q->type = question_type(ci->kind);
    q->id = q->type == TALLY_QTYPE_META ? meta_id(x, col->name)
                                        : question_id(x, col->name,
                                                      col->name);
    q->text = tally__cb_str(x->cb, single_text(x, col));
    q->column = tally__cb_str(x->cb, col->name);
    q->ordered = ci->kind == TALLY__COL_SCALE;
    q->reason = tally__cb_str(x->cb, ci->reason);
    if (ci->kind == TALLY__COL_JOINED)
        q->separator = tally__cb_str(x->cb, col->separator ? col->separator
                                                           : ", ");
    if (q->type != TALLY_QTYPE_META && q->type != TALLY_QTYPE_TEXT) {
        q->options = column_options(x, ci, &q->n_options);
        if (q->n_options && !q->options)
            return TALLY_ERR_NOMEM;
    }
    if (!q->id || !q->text || !q->column)
        return TALLY_ERR_NOMEM;
    return TALLY_OK;
}

/* --- groups of columns --------------------------------------------------- */

/* The key that groups column c with its neighbours: the dialect's group,
   else (plain tables) the header before its last '_', '.' or '/' ("Q4_1"
   -> "Q4"). Text, joined and metadata columns are questions of their
   own. */
static int group_key(const tally_raw *raw, size_t c, char *key, size_t cap)
{
    const tally_column *col = tally_raw_column(raw, c);
    if (col->role != TALLY_ROLE_ANSWER && col->role != TALLY_ROLE_OPTION)
        return 0;
    if (col->group) {
        snprintf(key, cap, "[%s", col->group);
        return 1;
    }
    if (dialect_groups(raw))
        return 0;
    const char *sep = strrchr(col->name, '_');
    const char *dot = strrchr(col->name, '.');
    const char *slash = strrchr(col->name, '/');
    sep = dot > sep ? dot : sep;
    sep = slash > sep ? slash : sep;
    if (!sep || sep == col->name || !sep[1] ||
        (size_t)(sep - col->name) >= cap)
        return 0;
    snprintf(key, cap, "%.*s", (int)(sep - col->name), col->name);
    return 1;
}

/* Is column c the weight column (not a question)? */
static int is_weight(const infer_ctx *x, size_t c)
{
    return x->weight && !strcmp(tally_raw_column(x->raw, c)->name, x->weight);
}

/* End of the run of columns from c that share c's group key (metadata
   and the weight column end it). */
static size_t run_end(const infer_ctx *x, size_t c)
{
    char first[256], key[256];
    size_t e = c + 1;
    if (!group_key(x->raw, c, first, sizeof first))
        return e;
    while (e < x->raw->ncols && x->cols[e].kind != TALLY__COL_META &&
           !is_weight(x, e) && group_key(x->raw, e, key, sizeof key) &&
           !strcmp(key, first))
        e++;
    return e;
}

/* What a column of one option, ticked or not, holds. */
enum { NOT_DICHOTOMY, TICK_LABEL, TICK_MARKS, NOTHING_TICKED };

/* Does column ci hold one option, ticked or not? Its answers are one
   label (SurveyMonkey's option text: TICK_LABEL, *label gets it) or tick
   marks (1, Y, TRUE, x: TICK_MARKS), with blanks or 0/False for "not
   ticked"; NOTHING_TICKED when they are all blanks and unticks. An
   answer "N" or "No" makes a yes/no item (LimeSurvey's Y/N arrays): a
   respondent said no, which is not the same as skipping it. */
static int dichotomy(const tally__colinfo *ci, const char **label)
{
    const char *lab = NULL;
    int ticks = 0;
    for (size_t i = 0; i < ci->n_valid + ci->n_missing; i++) {
        const char *v = i < ci->n_valid ? ci->valid[i].text
                                        : ci->missing[i - ci->n_valid].text;
        if (!strcasecmp(v, "n") || !strcasecmp(v, "no"))
            return NOT_DICHOTOMY;
        if (tally__is_untick(v))
            continue;
        if (tally__is_tick(v))
            ticks = 1;
        else if (lab && strcmp(lab, v) != 0)
            return NOT_DICHOTOMY;
        else
            lab = v;
    }
    if (lab && ticks)
        return NOT_DICHOTOMY;
    *label = lab ? lab : "";
    return lab ? TICK_LABEL : ticks ? TICK_MARKS : NOTHING_TICKED;
}

/*
 * Number of dichotomy columns from c (within [c, e)); 0 unless they form
 * a multi-select question: two or more, with tick marks or different
 * labels. The same label in every column that has one ("Yes", the others
 * "No" or blank) is a yes/no matrix, even when nobody said "Yes" to some
 * of its items.
 */
static size_t multi_run(const infer_ctx *x, size_t c, size_t e)
{
    size_t m = 0;
    int differ = 0;
    const char *first = NULL, *lab;
    for (; c + m < e; m++) {
        int kind = dichotomy(&x->cols[c + m], &lab);
        if (kind == NOT_DICHOTOMY)
            break;
        if (kind == TICK_MARKS)
            differ = 1;
        if (kind != TICK_LABEL)
            continue;
        if (!first)
            first = lab;
        differ |= strcmp(first, lab) != 0;
    }
    return m >= 2 && differ ? m : 0;
}

/* The question's text and id base for a group of columns. */
static void group_names(const infer_ctx *x, size_t c, char *key, size_t cap,
                        const char **text)
{
    const tally_column *col = tally_raw_column(x->raw, c);
    group_key(x->raw, c, key, cap);
    *text = col->group ? (col->text ? col->text : col->group) : key;
}

/* The id base of a group the dialect formed: the names' shared prefix
   before a '_' or '/' when id-like ("Q2_1", "Q2_2" -> "Q2"), else NULL
   (a "Q<n>" id). */
static const char *group_id(const infer_ctx *x, size_t c, size_t e,
                            char *buf, size_t cap)
{
    const char *first = tally_raw_column(x->raw, c)->name;
    const char *sep = strrchr(first, '_'), *slash = strrchr(first, '/');
    sep = slash > sep ? slash : sep;
    if (!sep || (size_t)(sep - first) >= cap)
        return NULL;
    snprintf(buf, cap, "%.*s", (int)(sep - first), first);
    size_t n = strlen(buf);
    for (size_t i = c + 1; i < e; i++) {
        const char *name = tally_raw_column(x->raw, i)->name;
        if (strncmp(name, buf, n) != 0 || (name[n] != '_' && name[n] != '/'))
            return NULL;
    }
    return id_like(buf) ? buf : NULL;
}

static const char *option_label(const infer_ctx *x, size_t c)
{
    const char *lab;
    const tally_column *col = tally_raw_column(x->raw, c);
    /* An empty sub-header (a SurveyMonkey option column without its
       second header cell) is no label: the column name is. */
    int sub = col->sub && *col->sub;
    if (col->role == TALLY_ROLE_OPTION && sub)
        return col->sub;
    dichotomy(&x->cols[c], &lab);
    if (*lab)
        return lab;
    return sub ? col->sub : col->name;
}

/* An option with the label of an earlier option, or with another
   option's column name as label, is labelled with its own column name
   instead. Then all labels differ: kept ones by the first rule and from
   column names by the second, column names among themselves. Labels
   are compared as found (want), before any is replaced. */
static int unique_labels(tally_option *o, size_t n)
{
    const char **want = (const char **)tally__calloc(n + 1, sizeof *want);
    if (!want)
        return -1;
    for (size_t i = 0; i < n; i++)
        want[i] = o[i].label;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n && o[i].label != o[i].column; j++)
            if ((j < i && !strcmp(want[i], want[j])) ||
                (j != i && !strcmp(want[i], o[j].column)))
                o[i].label = o[i].column; /* repeated label: say which */
    tally__free(want);
    return 0;
}

static tally_status add_multi(infer_ctx *x, size_t c, size_t e)
{
    char key[256], base[64];
    const char *text;
    group_names(x, c, key, sizeof key, &text);
    const char *id = key[0] == '[' ? group_id(x, c, e, base, sizeof base)
                                   : key;
    tally_option *o = tally__arena_calloc(x->tmp, e - c, sizeof *o);
    tally_question *q = tally__codebook_add(x->cb);
    if (!o || !q)
        return TALLY_ERR_NOMEM;
    for (size_t i = 0; i < e - c; i++) {
        o[i].label = option_label(x, c + i);
        o[i].column = tally_raw_column(x->raw, c + i)->name;
        o[i].value = (double)(i + 1);
    }
    if (unique_labels(o, e - c) != 0)
        return TALLY_ERR_NOMEM;
    q->type = TALLY_QTYPE_MULTI;
    q->id = question_id(x, id, NULL);
    q->text = tally__cb_str(x->cb, text);
    q->options = tally__cb_options(x->cb, o, e - c);
    q->n_options = e - c;
    return q->id && q->text && q->options ? TALLY_OK : TALLY_ERR_NOMEM;
}

/* Add v (count included) to the values of u, merging equal texts. */
static void merge_values(tally__value *u, size_t *n, const tally__value *v,
                         size_t nv)
{
    for (size_t i = 0; i < nv; i++) {
        size_t k = 0;
        while (k < *n && strcmp(u[k].text, v[i].text) != 0)
            k++;
        if (k == *n)
            u[(*n)++] = (tally__value){v[i].text, 0, 0};
        u[k].count += v[i].count;
    }
}

/* Can a column of this kind be an item of a matrix? */
static int item_kind(tally__colkind k)
{
    return k == TALLY__COL_SCALE || k == TALLY__COL_SINGLE ||
           k == TALLY__COL_NUMERIC || k == TALLY__COL_EMPTY;
}

/* Is s an answer of a column of [c, e) other than i? */
static int answered_elsewhere(const infer_ctx *x, size_t c, size_t e,
                              size_t i, const char *s)
{
    for (size_t j = c; j < e; j++)
        for (size_t v = 0; j != i && v < x->cols[j].n_valid; v++)
            if (tally__label_eq(x->cols[j].valid[v].text, s))
                return 1;
    return 0;
}

/* Does every column of [c, e) give at least half of its (distinct) valid
   answers in another column too? "D_gender" and "D_region" share a
   prefix, not a set of answers. */
static int share_answers(const infer_ctx *x, size_t c, size_t e)
{
    for (size_t i = c; i < e; i++) {
        const tally__colinfo *ci = &x->cols[i];
        size_t shared = 0;
        for (size_t v = 0; v < ci->n_valid; v++)
            shared += (size_t)answered_elsewhere(x, c, e, i,
                                                 ci->valid[v].text);
        if (shared * 2 < ci->n_valid)
            return 0;
    }
    return 1;
}

/* Does the dialect's group say "matrix" by itself? A Qualtrics,
   SurveyMonkey or LimeSurvey block is one question; a Kobo group path is
   a section of the form, whose questions share their answers only when
   they are a Likert table. */
static int declared_matrix(const infer_ctx *x)
{
    return dialect_groups(x->raw) &&
           tally_raw_source(x->raw)->dialect != TALLY_DIALECT_KOBO;
}

/*
 * Do columns [c, e) share one set of answer labels? Their answers are
 * pooled and classified as one column; a scale, or a few categories that
 * the columns share, make a matrix. *u receives the pooled description.
 */
static int matrix_union(infer_ctx *x, size_t c, size_t e, tally__colinfo *u)
{
    size_t nv = 0, nm = 0;
    double bytes = 0;
    memset(u, 0, sizeof *u);
    for (size_t i = c; i < e; i++) {
        if (!item_kind(x->cols[i].kind))
            return 0;
        nv += x->cols[i].n_valid;
        nm += x->cols[i].n_missing;
    }
    u->valid = tally__arena_calloc(x->tmp, nv + 1, sizeof *u->valid);
    u->missing = tally__arena_calloc(x->tmp, nm + 1, sizeof *u->missing);
    if (!u->valid || !u->missing)
        return -1;
    for (size_t i = c; i < e; i++) {
        const tally__colinfo *ci = &x->cols[i];
        merge_values(u->valid, &u->n_valid, ci->valid, ci->n_valid);
        merge_values(u->missing, &u->n_missing, ci->missing, ci->n_missing);
        u->answered += ci->answered;
        bytes += ci->mean_len * (double)ci->answered;
    }
    u->mean_len = u->answered ? bytes / (double)u->answered : 0;
    u->no_joined = dialect_groups(x->raw);
    if (tally__classify(u, x->max_options, x->tmp) != 0)
        return -1;
    return u->n_valid > 0 &&
           (u->kind == TALLY__COL_SCALE ||
            (u->kind == TALLY__COL_SINGLE &&
             (declared_matrix(x) || share_answers(x, c, e))));
}

static tally_status add_matrix(infer_ctx *x, size_t c, size_t e,
                               const tally__colinfo *u)
{
    char key[256], base[64];
    const char *text;
    group_names(x, c, key, sizeof key, &text);
    tally_item *items = tally__arena_calloc(x->tmp, e - c, sizeof *items);
    tally_question *q = tally__codebook_add(x->cb);
    if (!items || !q)
        return TALLY_ERR_NOMEM;
    q->type = TALLY_QTYPE_MATRIX;
    q->id = question_id(x, key[0] == '[' ? group_id(x, c, e, base,
                                                    sizeof base)
                                         : key,
                        NULL);
    if (!q->id)
        return TALLY_ERR_NOMEM;
    for (size_t i = 0; i < e - c; i++) {
        const tally_column *col = tally_raw_column(x->raw, c + i);
        char item_id[80];
        snprintf(item_id, sizeof item_id, "%s_%zu", q->id, i + 1);
        items[i].id = id_like(col->name)
                          ? unique_id(x, col->name, col->name)
                          : unique_id(x, item_id, NULL);
        items[i].text = col->sub ? col->sub : col->name;
        items[i].column = col->name;
        if (!items[i].id)
            return TALLY_ERR_NOMEM;
    }
    q->text = tally__cb_str(x->cb, text);
    q->ordered = u->kind == TALLY__COL_SCALE;
    q->items = tally__cb_items(x->cb, items, e - c);
    q->n_items = e - c;
    q->options = column_options(x, u, &q->n_options);
    return q->text && q->items && q->options ? TALLY_OK : TALLY_ERR_NOMEM;
}

/* Columns [c, e) share a group key: a multi-select question or a matrix
   from c on (*used columns; the rest, such as a "Q4_other" text column
   after the items, are questions of their own), or (*used = 0) separate
   questions after all. */
static tally_status add_group(infer_ctx *x, size_t c, size_t e, size_t *used)
{
    size_t m = 0;
    *used = 0;
    /* The dialect knows the options of a multi-select question. */
    while (c + m < e &&
           tally_raw_column(x->raw, c + m)->role == TALLY_ROLE_OPTION)
        m++;
    if (!m && !dialect_groups(x->raw))
        m = multi_run(x, c, e);
    if (m) {
        *used = m;
        return add_multi(x, c, c + m);
    }
    while (c + m < e && item_kind(x->cols[c + m].kind))
        m++;
    if (m < 2)
        return TALLY_OK;
    tally__colinfo u;
    int rc = matrix_union(x, c, c + m, &u);
    if (rc < 0)
        return TALLY_ERR_NOMEM;
    if (!rc)
        return TALLY_OK;
    *used = m;
    return add_matrix(x, c, c + m, &u);
}

static tally_status infer_all(infer_ctx *x)
{
    size_t c = 0;
    while (c < x->raw->ncols) {
        if (is_weight(x, c)) {
            c++;
            continue;
        }
        size_t e = x->cols[c].kind == TALLY__COL_META ? c + 1
                                                       : run_end(x, c);
        size_t used = 0;
        if (e - c >= 2 ||
            tally_raw_column(x->raw, c)->role == TALLY_ROLE_OPTION)
            TALLY_TRY(add_group(x, c, e, &used));
        if (!used) {
            TALLY_TRY(add_single(x, c));
            used = 1;
        }
        c += used;
    }
    return TALLY_OK;
}

/* Describing the columns is independent per column: two threads, each
   with its own arena. */
typedef struct column_jobs {
    infer_ctx *x;
    tally__arena *arena[TALLY__MAX_THREADS];
    atomic_int failed;
} column_jobs;

static void describe_column(void *ctx, size_t c, int thread)
{
    column_jobs *j = ctx;
    if (tally__infer_column(j->x->raw, c, j->x->max_options,
                            j->arena[thread], &j->x->cols[c]) != 0)
        atomic_store(&j->failed, 1);
}

static tally_status describe_columns(infer_ctx *x, tally_error *err)
{
    column_jobs j = {.x = x, .arena = {x->tmp, tally__arena_new()}};
    atomic_init(&j.failed, 0);
    int threads = j.arena[1] ? tally__default_threads() : 1;
    tally__parallel_for(x->raw->ncols, threads, describe_column, &j);
    /* The second arena's descriptions live as long as the first's. */
    x->tmp2 = j.arena[1];
    return atomic_load(&j.failed) ? tally__nomem(err) : TALLY_OK;
}

static tally_status infer(infer_ctx *x, tally_error *err)
{
    for (size_t c = 0; c < x->raw->ncols; c++) {
        const char *name = tally_raw_column(x->raw, c)->name;
        if (id_like(name) && tally__strdict_intern(&x->names, x->tmp, name,
                                                   strlen(name), NULL) < 0)
            return tally__nomem(err);
    }
    x->cols = tally__arena_calloc(x->tmp, x->raw->ncols ? x->raw->ncols : 1,
                                  sizeof *x->cols);
    if (!x->cols)
        return tally__nomem(err);
    TALLY_TRY(describe_columns(x, err));
    tally_status st = infer_all(x);
    if (st != TALLY_OK)
        return tally__fail(err, st, "cannot infer the codebook: %s",
                           tally_strerror(st));
    TALLY_TRY(tally__infer_declared(x->raw, x->cb, err));
    TALLY_TRY(tally__infer_xlsform(x->raw, x->xlsform, x->cb, err));
    return tally__codebook_validate(x->cb, err);
}

tally_status tally_codebook_infer(const tally_raw *raw,
                                  const tally_infer_opts *opts,
                                  tally_codebook **out, tally_error *err)
{
    if (!out)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "no output pointer");
    *out = NULL;
    if (!raw)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "no raw table");
    infer_ctx x = {.raw = raw};
    x.max_options = opts && opts->max_options ? opts->max_options
                                              : DEFAULT_MAX_OPTIONS;
    x.weight = opts ? opts->weight : NULL;
    x.xlsform = opts ? opts->xlsform : NULL;
    x.cb = tally__codebook_new();
    x.tmp = tally__arena_new();
    tally_status st = TALLY_ERR_NOMEM;
    if (x.cb && x.tmp && tally__strdict_init(&x.ids) == 0 &&
        tally__strdict_init(&x.names) == 0)
        st = infer(&x, err);
    else
        tally__nomem(err);
    tally__strdict_destroy(&x.ids);
    tally__strdict_destroy(&x.names);
    tally__arena_free(x.tmp);
    tally__arena_free(x.tmp2);
    if (st != TALLY_OK) {
        tally_codebook_free(x.cb);
        return st;
    }
    *out = x.cb;
    return TALLY_OK;
}
