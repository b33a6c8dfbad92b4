/*
 * cmd_annex.c: `tally annex FILE -o annex.xlsx`: every question in one
 * workbook (or, with -o annex.md or --format md, one Markdown document).
 */
#include <stdlib.h>
#include <time.h>

#include "commands.h"
#include "render.h"

static tally_status write_xlsx(const void *ctx, const char *path,
                               const tally_write_opts *wo, tally_error *err)
{
    (void)wo; /* the annex keeps the options it was built with */
    return tally_annex_write_xlsx(ctx, path, err);
}

static int output(const cli_opts *o, out_format fmt, const tally_annex *a)
{
    if (fmt == FORMAT_XLSX)
        return cli_write_file(o, write_xlsx, a);
    tally_error err = {0};
    tally_buf *buf = tally_buf_new();
    tally_status st = buf ? tally_annex_write_md(a, buf, &err)
                          : TALLY_ERR_NOMEM;
    return render_buf(o, buf, st, &err);
}

/* The --by questions as codebook indices (and matrix items). */
static int banners(const cli_opts *o, const tally_dataset *ds, size_t *q,
                   size_t *item)
{
    const tally_codebook *cb = tally_dataset_codebook(ds);
    for (size_t i = 0; i < o->n_by; i++) {
        tally_error err = {0};
        tally_status st = tally_codebook_find(cb, o->by[i], &q[i], &item[i],
                                              &err);
        if (st != TALLY_OK)
            return cli_fail(st, &err);
    }
    return 0;
}

static int run(const cli_opts *o, out_format fmt)
{
    tally_dataset *ds = NULL;
    tally_annex *a = NULL;
    tally_error err = {0};
    size_t *by = calloc(2 * o->n_by + 1, sizeof *by);
    if (!by)
        return cli_error(EXIT_DATA, "out of memory");
    tally_annex_opts ao = o->annex;
    ao.freq = o->freq;
    ao.table = o->table;
    ao.write = o->write;
    ao.write.created = cli_created();
    ao.min_cell = o->xtab.min_cell;
    ao.min_base = o->xtab.min_base > 0 ? o->xtab.min_base : 0;
    ao.input_path = o->args[0];
    ao.codebook_path = o->codebook;
    ao.xtab = o->xtab;
    ao.banners = by;
    ao.banner_items = by + o->n_by;
    ao.n_banners = o->n_by;
    int rc = cli_load(o, o->args[0], NULL, NULL, &ds);
    if (!rc)
        rc = banners(o, ds, by, by + o->n_by);
    if (!rc) {
        tally_status st = tally_annex_build(ds, &ao, &a, &err);
        rc = st == TALLY_OK ? 0 : cli_fail(st, &err);
    }
    if (!rc)
        rc = output(o, fmt, a);
    tally_annex_free(a);
    tally_dataset_free(ds);
    free(by);
    return rc;
}

/* The annex is a workbook or a Markdown document, nothing else. */
static int annex_format(const cli_opts *o, out_format *fmt)
{
    int rc = cli_format(o, FORMAT_XLSX, fmt);
    if (rc)
        return rc;
    if (*fmt != FORMAT_XLSX && *fmt != FORMAT_MD)
        return cli_error(EXIT_USAGE, "annex: the annex is a workbook "
                                     "(-o FILE.xlsx) or Markdown (-o "
                                     "FILE.md, or --format md)");
    if (*fmt == FORMAT_XLSX && !o->output)
        return cli_error(EXIT_USAGE, "annex: no output file (tally annex "
                                     "FILE -o annex.xlsx)");
    return 0;
}

static const char *usage(const cli_opts *o)
{
    if (o->n_args == 1)
        return NULL;
    return o->n_args ? "annex: one input file only (tally annex FILE -o "
                       "annex.xlsx)"
                     : "annex: no input file (tally annex FILE -o "
                       "annex.xlsx)";
}

int cmd_annex(int argc, char **argv)
{
    static const command_spec c = {
        "annex", "FILE -o annex.xlsx [options]",
        "The evaluation annex: a Contents sheet, every question's tables "
        "and chart\non a sheet of its own (or of its section), the open "
        "answers on a Verbatims\nsheet and a Methodology sheet. -o "
        "annex.md writes the same tables as Markdown.",
        usage, annex_format, run};
    return command_main(argc, argv, &c);
}
