/*
 * main.c: the tally command. One binary, git-style subcommands, each a
 * thin layer over libtally (DESIGN.md section 2).
 */
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "cli.h"
#include "commands.h"

static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *about;
} commands[] = {
    {"info", cmd_info, "the format, respondents and questions of an export"},
    {"codebook", cmd_codebook, "the inferred codebook, as YAML to edit"},
    {"freq", cmd_freq, "frequency tables with confidence intervals"},
    {"xtab", cmd_xtab, "crosstabs with tests and column letters"},
    {"annex", cmd_annex, "the evaluation annex: every question, one "
                         "workbook"},
};

static int usage(FILE *to, int code)
{
    fprintf(to, "Usage: tally COMMAND FILE [options]\n\nCommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(to, "  %-10s %s\n", commands[i].name, commands[i].about);
    fprintf(to, "\n'tally COMMAND --help' lists the options of a command.\n"
                "Exit status: 0 ok, 1 bad input data, 2 usage error, "
                "3 I/O error.\n");
    return code;
}

int main(int argc, char **argv)
{
    /* GSL aborts on a domain error by default; the library checks its
       arguments first, and this is the second line of defence (PSPP's
       ui/terminal/main.c does the same). */
    gsl_set_error_handler_off();
    if (argc < 2)
        return usage(stderr, EXIT_USAGE);
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
        !strcmp(argv[1], "help"))
        return usage(stdout, 0);
    if (!strcmp(argv[1], "--version")) {
        printf("tally %s\n", tally_version());
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "tally: unknown command \"%s\"\n\n", argv[1]);
    return usage(stderr, EXIT_USAGE);
}
