/* commands.h: the subcommands, one file each (cmd_*.c). */
#ifndef TALLY_COMMANDS_H
#define TALLY_COMMANDS_H

#include "cli.h"

/* A subcommand: its help, its checks and its work (command.c runs it). */
typedef struct command_spec {
    const char *name, *synopsis, *about;
    /* The problem with the arguments ("info: give one input file ..."),
       or NULL when they are fine. */
    const char *(*usage)(const cli_opts *o);
    /* The output format; NULL: --format or -o's extension, else text. */
    int (*format)(const cli_opts *o, out_format *fmt);
    int (*run)(const cli_opts *o, out_format fmt);
} command_spec;

/* Parse argv, print --help or check, choose the format and run c.
   Returns the exit code. */
int command_main(int argc, char **argv, const command_spec *c);

int cmd_info(int argc, char **argv);
int cmd_codebook(int argc, char **argv);
int cmd_freq(int argc, char **argv);
int cmd_xtab(int argc, char **argv);
int cmd_annex(int argc, char **argv);

#endif /* TALLY_COMMANDS_H */
