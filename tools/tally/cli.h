/*
 * cli.h: what the subcommands share: options, loading the data, writing
 * the output, and reporting errors with the exit codes of DESIGN.md 2:
 * 0 ok, 1 bad input data, 2 usage error, 3 I/O error.
 */
#ifndef TALLY_CLI_H
#define TALLY_CLI_H

#include <stddef.h>

#include <tally.h>

enum { EXIT_DATA = 1, EXIT_USAGE = 2, EXIT_IO = 3 };

typedef enum out_format {
    FORMAT_TEXT,
    FORMAT_CSV,
    FORMAT_JSON,
    FORMAT_MD,
    FORMAT_XLSX,
    FORMAT_YAML
} out_format;

typedef struct cli_opts {
    const char *command;
    const char *codebook, *output, *format, *weight, *count;
    const char *xlsform; /* --xlsform FORM.xlsx (Kobo/ODK), or NULL */
    tally_read_opts read;
    tally_freq_opts freq;
    tally_table_opts table;
    tally_write_opts write;
    tally_xtab_opts xtab;
    tally_annex_opts annex; /* annex: layout, sort, charts, min-cell... */
    const char **where, **by;
    size_t n_where, n_by;
    int quiet;
    int help;
    char **args; /* positional arguments */
    size_t n_args;
} cli_opts;

/* Parse argv (after the subcommand) into o. Returns 0, or an exit code
   after printing the problem. */
int cli_parse(int argc, char **argv, const char *command, cli_opts *o);
void cli_free(cli_opts *o);

/* Print "Usage: tally COMMAND ..." and the command's options. */
void cli_help(const char *command, const char *synopsis, const char *about);

/* Report a library failure: "tally: FILE:LINE:COL: message"; returns the
   exit code for the status. */
int cli_fail(tally_status st, const tally_error *err);
/* Report a usage or other problem; returns code. */
int cli_error(int code, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void cli_warn(const cli_opts *o, const char *file, const char *text);

/* Read FILE, take or infer its codebook, build the dataset and apply the
   --where filters. The raw table is kept in *raw when raw is not NULL
   (for `tally codebook`). Returns 0 or an exit code (reported). */
int cli_load(const cli_opts *o, const char *file, tally_raw **raw,
             tally_codebook **cb, tally_dataset **ds);

/* The output format: --format, else from -o's extension, else text.
   Returns 0 or an exit code (reported). */
int cli_format(const cli_opts *o, out_format fallback, out_format *fmt);

/* Refuse an -o that is one of the inputs (the data, the codebook, the
   XLSForm): checked before the work starts and again before writing.
   Returns 0 or EXIT_USAGE (reported). */
int cli_check_output(const cli_opts *o);

/* Write buf to -o (atomically: a temporary file renamed when complete,
   never over an input) or to standard output. Returns 0 or an exit code. */
int cli_write(const cli_opts *o, const tally_buf *buf);

/* Write tables as an .xlsx workbook to -o, atomically. */
int cli_write_xlsx(const cli_opts *o, const tally_tables *ts);

/* Writes a file at path (a temporary name) with the writer options of
   the command (created from SOURCE_DATE_EPOCH). */
typedef tally_status (*cli_file_writer)(const void *ctx, const char *path,
                                        const tally_write_opts *wo,
                                        tally_error *err);
/* Write -o with `write`, atomically (temporary file renamed when
   complete, never over an input). Returns 0 or an exit code. */
int cli_write_file(const cli_opts *o, cli_file_writer write,
                   const void *ctx);

/* SOURCE_DATE_EPOCH (reproducible files), or 0 when unset. */
long long cli_created(void);

#endif /* TALLY_CLI_H */
