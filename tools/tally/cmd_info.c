/* cmd_info.c: `tally info FILE`: how the export was read and what its
   questions are. */
#include "commands.h"
#include "render.h"

static int run(const cli_opts *o, out_format fmt)
{
    tally_dataset *ds = NULL;
    int rc = cli_load(o, o->args[0], NULL, NULL, &ds);
    if (rc)
        return rc;
    tally_error err = {0};
    if (fmt == FORMAT_JSON) {
        tally_buf *buf = tally_buf_new();
        tally_status st = buf ? tally_dataset_write_info_json(ds, buf, &err)
                              : TALLY_ERR_NOMEM;
        rc = render_buf(o, buf, st, &err);
    } else {
        tally_tables *ts = tally_tables_new();
        tally_status st = ts ? tally_dataset_add_info_tables(ds, ts, &err)
                             : TALLY_ERR_NOMEM;
        rc = st == TALLY_OK ? render_tables(o, fmt, ts) : cli_fail(st, &err);
        tally_tables_free(ts);
    }
    tally_dataset_free(ds);
    return rc;
}

static const char *usage(const cli_opts *o)
{
    return o->n_args != 1 ? "info: give one input file (tally info FILE)"
                          : NULL;
}

int cmd_info(int argc, char **argv)
{
    static const command_spec c = {
        "info", "FILE [options]",
        "Describe an export: format, encoding, dialect, respondents,\nevery "
        "question with its type, base and items, and the columns\nleft out "
        "(metadata and personal data).",
        usage, NULL, run};
    return command_main(argc, argv, &c);
}
