/*
 * cli_errors.c: how every subcommand reports a problem: "tally: " and the
 * message on stderr, with the file, line and column a library error
 * names, and the exit code of DESIGN.md 2 for its status.
 */
#include <stdarg.h>
#include <stdio.h>

#include "cli.h"

int cli_error(int code, const char *fmt, ...)
{
    va_list ap;
    fputs("tally: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return code;
}

static int exit_code(tally_status st)
{
    switch (st) {
    case TALLY_OK:
        return 0;
    case TALLY_ERR_INVALID_ARG:
    case TALLY_ERR_NO_SUCH_VAR:
    case TALLY_ERR_TYPE_MISMATCH:
        return EXIT_USAGE;
    case TALLY_ERR_IO:
    case TALLY_ERR_XLSX:
        return EXIT_IO;
    default:
        return EXIT_DATA;
    }
}

int cli_fail(tally_status st, const tally_error *err)
{
    const char *msg = err && err->message[0] ? err->message
                                             : tally_strerror(st);
    if (err && err->file[0] && err->line && err->column)
        fprintf(stderr, "tally: %s:%ld:%ld: %s\n", err->file, err->line,
                err->column, msg);
    else if (err && err->file[0] && err->line)
        fprintf(stderr, "tally: %s:%ld: %s\n", err->file, err->line, msg);
    else if (err && err->file[0])
        fprintf(stderr, "tally: %s: %s\n", err->file, msg);
    else
        fprintf(stderr, "tally: %s\n", msg);
    return exit_code(st);
}

void cli_warn(const cli_opts *o, const char *file, const char *text)
{
    if (!o->quiet)
        fprintf(stderr, "tally: %s: warning: %s\n", file, text);
}
