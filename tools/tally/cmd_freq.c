/* cmd_freq.c: `tally freq FILE [QUESTION...]`: frequency tables. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "commands.h"
#include "render.h"

typedef struct request {
    size_t question, item;
} request;

/* The questions asked for, or every question that can be tabulated. */
static int resolve(const cli_opts *o, const tally_dataset *ds, request **r,
                   size_t *n)
{
    const tally_codebook *cb = tally_dataset_codebook(ds);
    size_t total = tally_codebook_question_count(cb);
    *r = calloc(total + o->n_args, sizeof **r);
    if (!*r)
        return cli_error(EXIT_DATA, "out of memory");
    *n = 0;
    for (size_t i = 1; i < o->n_args; i++) {
        tally_error err = {0};
        request *q = &(*r)[(*n)++];
        tally_status st = tally_codebook_find(cb, o->args[i], &q->question,
                                              &q->item, &err);
        if (st != TALLY_OK)
            return cli_fail(st, &err);
    }
    for (size_t i = 0; o->n_args == 1 && i < total; i++)
        if (tally_codebook_question(cb, i)->type != TALLY_QTYPE_META)
            (*r)[(*n)++] = (request){i, TALLY_ALL_ITEMS};
    return 0;
}

/* Adapters from the library's typed calls to render_results(). */
static tally_status json_of(const void *const *r, size_t n, tally_buf *out,
                            tally_error *err)
{
    return tally_freq_write_json((const tally_freq *const *)r, n, out, err);
}

static tally_status tables_of(const void *r, const tally_table_opts *o,
                              tally_tables *ts, tally_error *err)
{
    return tally_freq_add_tables(r, o, ts, err);
}

static int output(const cli_opts *o, out_format fmt, tally_freq **r,
                  size_t n)
{
    return render_results(o, fmt, (const void *const *)r, n, json_of,
                          tables_of);
}

/* The tables are independent: two threads take them in turn (a results
   never shares state with another, and the dataset is only read). */
typedef struct jobs {
    const cli_opts *o;
    const tally_dataset *ds;
    const request *req;
    size_t n;
    atomic_size_t next;
    tally_freq **f;
    tally_status *status;
    tally_error *err;
} jobs;

static void *compute(void *arg)
{
    jobs *j = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&j->next, 1);
        if (i >= j->n)
            return NULL;
        j->status[i] = tally_freq_compute(j->ds, j->req[i].question,
                                          j->req[i].item, &j->o->freq,
                                          &j->f[i], &j->err[i]);
    }
}

static int compute_all(const cli_opts *o, const tally_dataset *ds,
                       const request *req, size_t n, tally_freq **f)
{
    jobs j = {o, ds, req, n, 0, f, calloc(n + 1, sizeof(tally_status)),
              calloc(n + 1, sizeof(tally_error))};
    int rc = j.status && j.err ? 0 : cli_error(EXIT_DATA, "out of memory");
    pthread_t helper;
    int two = !rc && n > 1 && pthread_create(&helper, NULL, compute, &j) == 0;
    if (!rc)
        compute(&j);
    if (two)
        pthread_join(helper, NULL);
    for (size_t i = 0; !rc && i < n; i++)
        if (j.status[i] != TALLY_OK)
            rc = cli_fail(j.status[i], &j.err[i]);
    free(j.status);
    free(j.err);
    return rc;
}

static int run(const cli_opts *o, out_format fmt)
{
    tally_dataset *ds = NULL;
    request *req = NULL;
    tally_freq **f = NULL;
    size_t n = 0;
    int rc = cli_load(o, o->args[0], NULL, NULL, &ds);
    if (!rc)
        rc = resolve(o, ds, &req, &n);
    if (!rc) {
        f = calloc(n + 1, sizeof *f);
        rc = f ? 0 : cli_error(EXIT_DATA, "out of memory");
    }
    if (!rc)
        rc = compute_all(o, ds, req, n, f);
    if (!rc)
        rc = output(o, fmt, f, n);
    for (size_t i = 0; f && i < n; i++)
        tally_freq_free(f[i]);
    free(f);
    free(req);
    tally_dataset_free(ds);
    return rc;
}

static const char *usage(const cli_opts *o)
{
    return o->n_args < 1 ? "freq: no input file (tally freq FILE "
                           "[QUESTION...])"
                         : NULL;
}

int cmd_freq(int argc, char **argv)
{
    static const command_spec c = {
        "freq", "FILE [QUESTION...] [options]",
        "Frequency tables: counts, percentages of the base, confidence "
        "intervals,\nscale summaries. QUESTION is an id (Q4), a matrix item "
        "(Q4_2) or the\nbeginning of a question's text; all questions when "
        "none is given.",
        usage, NULL, run};
    return command_main(argc, argv, &c);
}
