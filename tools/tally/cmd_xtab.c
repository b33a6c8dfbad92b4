/* cmd_xtab.c: `tally xtab FILE QUESTION... --by QUESTION...`: crosstabs
   with tests and column letters, one per row question and banner. */
#include <stdlib.h>

#include "commands.h"
#include "render.h"

typedef struct ref {
    size_t question, item;
} ref;

static int find(const tally_codebook *cb, const char *name, ref *r)
{
    tally_error err = {0};
    tally_status st = tally_codebook_find(cb, name, &r->question, &r->item,
                                          &err);
    return st == TALLY_OK ? 0 : cli_fail(st, &err);
}

/* Adapters from the library's typed calls to render_results(). */
static tally_status json_of(const void *const *r, size_t n, tally_buf *out,
                            tally_error *err)
{
    return tally_xtab_write_json((const tally_xtab *const *)r, n, out, err);
}

static tally_status tables_of(const void *r, const tally_table_opts *o,
                              tally_tables *ts, tally_error *err)
{
    return tally_xtab_add_tables(r, o, ts, err);
}

static int output(const cli_opts *o, out_format fmt, tally_xtab **r,
                  size_t n)
{
    return render_results(o, fmt, (const void *const *)r, n, json_of,
                          tables_of);
}

/* Every row question by every banner, grouped by row question. */
static int compute(const cli_opts *o, const tally_dataset *ds,
                   const ref *rows, size_t nr, const ref *by, size_t nb,
                   tally_xtab **x)
{
    tally_xtab_opts xo = o->xtab;
    xo.ci = o->freq.ci;
    xo.level = o->freq.level;
    xo.population = o->freq.population;
    for (size_t i = 0; i < nr; i++)
        for (size_t j = 0; j < nb; j++) {
            tally_error err = {0};
            tally_status st = tally_xtab_compute(
                ds, rows[i].question, rows[i].item, by[j].question,
                by[j].item, &xo, &x[i * nb + j], &err);
            if (st != TALLY_OK)
                return cli_fail(st, &err);
        }
    return 0;
}

static int run(const cli_opts *o, out_format fmt)
{
    tally_dataset *ds = NULL;
    size_t nr = o->n_args - 1, nb = o->n_by;
    ref *refs = calloc(nr + nb, sizeof *refs);
    tally_xtab **x = calloc(nr * nb + 1, sizeof *x);
    int rc = refs && x ? 0 : cli_error(EXIT_DATA, "out of memory");
    if (!rc)
        rc = cli_load(o, o->args[0], NULL, NULL, &ds);
    const tally_codebook *cb = ds ? tally_dataset_codebook(ds) : NULL;
    for (size_t i = 0; !rc && i < nr; i++)
        rc = find(cb, o->args[i + 1], &refs[i]);
    for (size_t j = 0; !rc && j < nb; j++)
        rc = find(cb, o->by[j], &refs[nr + j]);
    if (!rc)
        rc = compute(o, ds, refs, nr, refs + nr, nb, x);
    if (!rc)
        rc = output(o, fmt, x, nr * nb);
    for (size_t i = 0; x && i < nr * nb; i++)
        tally_xtab_free(x[i]);
    free(x);
    free(refs);
    tally_dataset_free(ds);
    return rc;
}

static const char *usage(const cli_opts *o)
{
    if (o->n_args < 2)
        return "xtab: give a file and a question (tally xtab FILE QUESTION "
               "--by QUESTION)";
    return o->n_by == 0 ? "xtab: no groups: add --by QUESTION" : NULL;
}

int cmd_xtab(int argc, char **argv)
{
    static const command_spec c = {
        "xtab", "FILE QUESTION... --by QUESTION [options]",
        "Crosstabs: each QUESTION broken down by the groups of each --by "
        "question,\nwith column percentages and their intervals, "
        "chi-square, likelihood ratio,\nFisher's exact test, Cramer's V, "
        "ordinal measures and rank tests when the\nanswers are ordered, "
        "and column letters (pairwise z-tests, Bonferroni).",
        usage, NULL, run};
    return command_main(argc, argv, &c);
}
