/* cmd_codebook.c: `tally codebook FILE`: the codebook tally infers (or
   the one given with -c, checked against the data) as YAML to edit. */
#include "commands.h"
#include "render.h"

static int run(const cli_opts *o, out_format fmt)
{
    (void)fmt; /* always YAML */
    tally_codebook *cb = NULL;
    tally_dataset *ds = NULL;
    /* Building the dataset checks that the codebook reads the data. */
    int rc = cli_load(o, o->args[0], NULL, &cb, &ds);
    if (rc)
        return rc;
    tally_error err = {0};
    tally_buf *buf = tally_buf_new();
    tally_status st = buf ? tally_codebook_write_yaml(cb, buf, &err)
                          : TALLY_ERR_NOMEM;
    rc = render_buf(o, buf, st, &err);
    tally_codebook_free(cb);
    tally_dataset_free(ds);
    return rc;
}

static const char *usage(const cli_opts *o)
{
    return o->n_args != 1 ? "codebook: give one input file (tally codebook "
                            "FILE)"
                          : NULL;
}

/* A codebook is YAML whatever -o is called. */
static int yaml_format(const cli_opts *o, out_format *fmt)
{
    (void)o;
    *fmt = FORMAT_YAML;
    return 0;
}

int cmd_codebook(int argc, char **argv)
{
    static const command_spec c = {
        "codebook", "FILE [-o codebook.yaml] [options]",
        "Write the codebook inferred from an export (question types, "
        "scales,\nmissing codes, matrix items, multi-select options) as "
        "YAML, ready\nto correct and pass back with -c.",
        usage, yaml_format, run};
    return command_main(argc, argv, &c);
}
