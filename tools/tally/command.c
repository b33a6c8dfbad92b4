/* command.c: what every subcommand does around its own work: parse the
   options, print --help, check the arguments, choose the output format,
   refuse an output that is an input, run, and free the options. */
#include "commands.h"

int command_main(int argc, char **argv, const command_spec *c)
{
    cli_opts o;
    out_format fmt = FORMAT_TEXT;
    int rc = cli_parse(argc, argv, c->name, &o);
    const char *problem = NULL;
    if (!rc && o.help)
        cli_help(c->name, c->synopsis, c->about);
    else if (!rc && (problem = c->usage(&o)) != NULL)
        rc = cli_error(EXIT_USAGE, "%s", problem);
    else if (!rc) {
        rc = c->format ? c->format(&o, &fmt)
                       : cli_format(&o, FORMAT_TEXT, &fmt);
        if (!rc)
            rc = cli_check_output(&o);
        if (!rc)
            rc = c->run(&o, fmt);
    }
    cli_free(&o);
    return rc;
}
