/*
 * annex.c: tally_annex_build() (see tally/annex.h): the frequencies of
 * every question, their tables and charts (annex_tables.c), the
 * verbatims' count and the methodology table (annex_method.c).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "alloc.h"
#include "annex_internal.h"
#include "parallel.h"

/* --- frequencies and hashes, two threads ---------------------------------- */

/* Jobs 0 and 1 hash the input and the codebook (a second for 1.5 GB,
   while the other thread counts); job 2 + i tabulates question i. */
typedef struct jobs {
    tally_annex *a;
    tally_freq **f;
    tally_status *status; /* of each job */
    tally_error *errors;
} jobs;

#define HASH_JOBS 2

static void compute_one(void *ctx, size_t job, int thread)
{
    jobs *j = ctx;
    (void)thread;
    if (job < HASH_JOBS) {
        const char *path = job ? j->a->o.codebook_path : j->a->o.input_path;
        char *hex = job ? j->a->sha_codebook : j->a->sha_input;
        if (path)
            j->status[job] = tally__sha256_file(path, hex, &j->errors[job]);
        return;
    }
    size_t i = job - HASH_JOBS;
    const tally__aq *aq = &j->a->qs[i];
    if (tally_codebook_question(tally_dataset_codebook(j->a->ds),
                                aq->question)->type == TALLY_QTYPE_TEXT)
        return; /* open answers are listed, not tabulated */
    j->status[job] = tally_freq_compute(j->a->ds, aq->question,
                                        TALLY_ALL_ITEMS, &j->a->o.freq,
                                        &j->f[i], &j->errors[job]);
}

/* --- banners (--by) ------------------------------------------------------ */

static size_t banner_item(const tally_annex *a, size_t b)
{
    return a->o.banner_items ? a->o.banner_items[b] : TALLY_ALL_ITEMS;
}

/* Whether question q gets banner tables: the kinds a crosstab takes, and
   not the banner question itself. */
static int banner_row(const tally_annex *a, size_t q)
{
    const tally_question *qq =
        tally_codebook_question(tally_dataset_codebook(a->ds), q);
    if (qq->type != TALLY_QTYPE_SINGLE && qq->type != TALLY_QTYPE_SCALE &&
        qq->type != TALLY_QTYPE_MULTI && qq->type != TALLY_QTYPE_MATRIX)
        return 0;
    for (size_t b = 0; b < a->o.n_banners; b++)
        if (a->o.banners[b] == q && banner_item(a, b) == TALLY_ALL_ITEMS)
            return 0;
    return 1;
}

/* The crosstab options: the annex's intervals and suppression. */
static tally_xtab_opts banner_opts(const tally_annex *a)
{
    tally_xtab_opts xo = a->o.xtab;
    xo.ci = a->o.freq.ci;
    xo.level = a->o.freq.level;
    xo.population = a->o.freq.population;
    xo.min_cell = a->o.min_cell;
    return xo;
}

/*
 * The crosstabs of question aq by each banner, on the question's sheet:
 * column percentages with their letters and the test lines (the
 * intervals are in the question's own table), a matrix's items stacked.
 * Small counts are suppressed by the crosstab itself (--min-cell).
 */
static tally_status add_banner_tables(tally_annex *a, tally__aq *aq,
                                      tally_error *err)
{
    if (!a->o.n_banners || !banner_row(a, aq->question))
        return TALLY_OK;
    tally_xtab_opts xo = banner_opts(a);
    tally_table_opts to = a->o.table;
    to.no_ci = 1;
    to.stack = 1;
    to.percents = TALLY_PERCENT_COL;
    for (size_t b = 0; b < a->o.n_banners; b++) {
        tally_xtab *x = NULL;
        size_t first = tally_tables_count(a->tables);
        tally_status st = tally_xtab_compute(a->ds, aq->question,
                                             TALLY_ALL_ITEMS, a->o.banners[b],
                                             banner_item(a, b), &xo, &x, err);
        if (st == TALLY_OK)
            st = tally_xtab_add_tables(x, &to, a->tables, err);
        tally_xtab_free(x);
        if (st != TALLY_OK)
            return st;
        for (size_t i = first; i < tally_tables_count(a->tables); i++) {
            tally_table *t = a->tables->tables[i];
            t->sheet = tally__arena_strdup(a->tables->arena, aq->sheet);
            if (!t->sheet)
                return tally__nomem(err);
        }
    }
    return TALLY_OK;
}

/* A banner must be a question a crosstab can group by. */
static tally_status check_banners(const tally_annex *a, tally_error *err)
{
    const tally_codebook *cb = tally_dataset_codebook(a->ds);
    for (size_t b = 0; b < a->o.n_banners; b++) {
        size_t q = a->o.banners[b], item = banner_item(a, b);
        if (q >= tally_codebook_question_count(cb))
            return tally__fail(err, TALLY_ERR_INVALID_ARG,
                               "no such banner question");
        const tally_question *qq = tally_codebook_question(cb, q);
        int ok = qq->type == TALLY_QTYPE_SINGLE ||
                 qq->type == TALLY_QTYPE_SCALE ||
                 (qq->type == TALLY_QTYPE_MATRIX && item < qq->n_items);
        if (!ok)
            return tally__fail(err, TALLY_ERR_INVALID_ARG,
                               "%s is a %s question: a banner (--by) must "
                               "be a single choice or scale question, or "
                               "one matrix item",
                               qq->id, tally_qtype_name(qq->type));
    }
    return TALLY_OK;
}

/* --- questions ------------------------------------------------------------ */

static const char *sheet_of(const tally_annex *a, const tally_question *q)
{
    if (a->o.layout == TALLY_ANNEX_BY_SECTION && q->section && q->section[0])
        return q->section;
    return q->id;
}

static size_t count_verbatims(const tally_annex *a, size_t qi)
{
    const char *const *texts = a->ds->q[qi].texts;
    size_t n = 0;
    for (size_t r = 0; texts && r < a->ds->rows; r++)
        n += texts[r] != NULL;
    return n;
}

static tally_status list_questions(tally_annex *a, tally_error *err)
{
    const tally_codebook *cb = tally_dataset_codebook(a->ds);
    size_t n = tally_codebook_question_count(cb);
    a->qs = tally__arena_calloc(a->arena, n + 1, sizeof *a->qs);
    if (!a->qs)
        return tally__nomem(err);
    for (size_t i = 0; i < n; i++) {
        const tally_question *q = tally_codebook_question(cb, i);
        if (q->type == TALLY_QTYPE_META)
            continue; /* personal data is never tabulated */
        tally__aq *aq = &a->qs[a->nq++];
        aq->question = i;
        aq->sheet = sheet_of(a, q);
        aq->base = tally_dataset_base(a->ds, i);
        if (q->type == TALLY_QTYPE_TEXT) {
            aq->n_verbatims = count_verbatims(a, i);
            a->n_verbatims += aq->n_verbatims;
        }
    }
    return TALLY_OK;
}

static tally_status tabulate(tally_annex *a, tally_freq **f,
                             tally_error *err)
{
    for (size_t i = 0; i < a->nq; i++) {
        tally__aq *aq = &a->qs[i];
        aq->first_table = tally_tables_count(a->tables);
        if (f[i])
            TALLY_TRY(tally__annex_question_tables(a, aq, f[i], err));
        TALLY_TRY(add_banner_tables(a, aq, err));
        aq->n_tables = tally_tables_count(a->tables) - aq->first_table;
    }
    return TALLY_OK;
}

static tally_status compute_all(tally_annex *a, tally_error *err)
{
    size_t n = a->nq;
    jobs j = {a, tally__calloc(n + 1, sizeof *j.f),
              tally__calloc(n + HASH_JOBS, sizeof *j.status),
              tally__calloc(n + HASH_JOBS, sizeof *j.errors)};
    tally_status st = TALLY_OK;
    if (!j.f || !j.status || !j.errors)
        st = tally__nomem(err);
    if (st == TALLY_OK)
        tally__parallel_for(n + HASH_JOBS, tally__default_threads(),
                            compute_one, &j);
    for (size_t i = 0; st == TALLY_OK && i < n + HASH_JOBS; i++) {
        st = j.status[i];
        if (st != TALLY_OK && err)
            *err = j.errors[i];
    }
    if (st == TALLY_OK)
        st = tabulate(a, j.f, err);
    for (size_t i = 0; j.f && i < n; i++)
        tally_freq_free(j.f[i]);
    tally__free(j.f);
    tally__free(j.status);
    tally__free(j.errors);
    return st;
}

/* --- options -------------------------------------------------------------- */

static int copy_str(tally_annex *a, const char **s)
{
    if (!*s)
        return 0;
    *s = tally__arena_strdup(a->arena, *s);
    return *s ? 0 : -1;
}

static int set_date(tally_annex *a)
{
    time_t t = a->o.write.created ? (time_t)a->o.write.created
                                  : time(NULL);
    struct tm tm;
    char buf[64];
    if (!gmtime_r(&t, &tm))
        snprintf(buf, sizeof buf, "%lld", (long long)t);
    else
        strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
    a->date = tally__arena_strdup(a->arena, buf);
    return a->date ? 0 : -1;
}

static tally_status setup(tally_annex *a, const tally_dataset *ds,
                          const tally_annex_opts *opts, tally_error *err)
{
    const tally_codebook *cb = tally_dataset_codebook(ds);
    a->ds = ds;
    if (opts)
        a->o = *opts;
    a->arena = tally__arena_new();
    a->tables = tally_tables_new();
    a->method = tally_tables_new();
    if (!a->arena || !a->tables || !a->method)
        return tally__nomem(err);
    a->title = a->o.write.title ? a->o.write.title
               : tally_codebook_title(cb) ? tally_codebook_title(cb)
                                          : "Survey";
    if (copy_str(a, &a->title) || copy_str(a, &a->o.input_path) ||
        copy_str(a, &a->o.codebook_path) || set_date(a))
        return tally__nomem(err);
    a->o.write.title = a->title;
    if (a->o.n_banners) { /* borrowed for the call only: keep a copy */
        a->o.banners = tally__arena_memdup(a->arena, a->o.banners,
                                           a->o.n_banners,
                                           sizeof *a->o.banners);
        if (a->o.banner_items)
            a->o.banner_items = tally__arena_memdup(
                a->arena, a->o.banner_items, a->o.n_banners,
                sizeof *a->o.banner_items);
        if (!a->o.banners || (opts->banner_items && !a->o.banner_items))
            return tally__nomem(err);
        return check_banners(a, err);
    }
    return TALLY_OK;
}

tally_status tally_annex_build(const tally_dataset *ds,
                               const tally_annex_opts *opts,
                               tally_annex **out, tally_error *err)
{
    if (!out)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "no output pointer");
    *out = NULL;
    if (!ds)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "no dataset");
    tally_annex *a = tally__calloc(1, sizeof *a);
    if (!a)
        return tally__nomem(err);
    tally_status st = setup(a, ds, opts, err);
    if (st == TALLY_OK)
        st = list_questions(a, err);
    if (st == TALLY_OK)
        st = compute_all(a, err);
    if (st == TALLY_OK)
        st = tally__annex_method(a, err);
    if (st != TALLY_OK) {
        tally_annex_free(a);
        return st;
    }
    *out = a;
    return TALLY_OK;
}

void tally_annex_free(tally_annex *a)
{
    if (!a)
        return;
    tally_tables_free(a->tables);
    tally_tables_free(a->method);
    tally__free(a->charts);
    tally__arena_free(a->arena);
    tally__free(a);
}

const tally_tables *tally_annex_tables(const tally_annex *a)
{
    return a ? a->tables : NULL;
}
