/* cli.c: options and help for every subcommand. */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef enum opt_id {
#define TALLY_OPT(id, name, letter, arg, cmds, help) id,
#include "options.def"
#undef TALLY_OPT
    OPT_N
} opt_id;

typedef struct opt_def {
    const char *name;
    int letter;
    const char *arg;
    const char *commands;
    const char *help;
} opt_def;

static const opt_def options[] = {
#define TALLY_OPT(id, name, letter, arg, cmds, help)                           \
    {name, letter, arg, cmds, help},
#include "options.def"
#undef TALLY_OPT
};

/* The letter of a command in options.def. */
static char command_letter(const char *command)
{
    return command[0];
}

static int applies(const opt_def *d, const char *command)
{
    return strchr(d->commands, command_letter(command)) != NULL;
}

/* --- help ----------------------------------------------------------------- */

void cli_help(const char *command, const char *synopsis, const char *about)
{
    printf("Usage: tally %s %s\n%s\n\nOptions:\n", command, synopsis, about);
    for (size_t i = 0; i < OPT_N; i++) {
        const opt_def *d = &options[i];
        char left[64];
        if (!applies(d, command))
            continue;
        int n = d->letter ? snprintf(left, sizeof left, "-%c, --%s",
                                     d->letter, d->name)
                          : snprintf(left, sizeof left, "    --%s", d->name);
        if (d->arg)
            snprintf(left + n, sizeof left - (size_t)n, " %s", d->arg);
        printf("  %-28s %s\n", left, d->help);
    }
}

/* --- values --------------------------------------------------------------- */

static int parse_double(const char *name, const char *s, double lo,
                        double hi, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (!*s || *end || errno || !isfinite(v) || v < lo || v > hi)
        return cli_error(EXIT_USAGE, "--%s: \"%s\" is not a number from %g "
                                     "to %g",
                         name, s, lo, hi);
    *out = v;
    return 0;
}

static int parse_size(const char *name, const char *s, size_t *out)
{
    double v = 0;
    int rc = parse_double(name, s, 1, 1e15, &v);
    if (!rc && v != floor(v))
        rc = cli_error(EXIT_USAGE, "--%s: \"%s\" is not a whole number",
                       name, s);
    *out = (size_t)v;
    return rc;
}

static int parse_delimiter(const char *s, char *out)
{
    if (!strcmp(s, "tab") || !strcmp(s, "\\t") || !strcmp(s, "\t"))
        *out = '\t';
    else if (strlen(s) == 1 && strchr(",;|", s[0]))
        *out = s[0];
    else
        return cli_error(EXIT_USAGE, "--delimiter: use ',', ';', '|' or tab");
    return 0;
}

static int parse_keyword(opt_id id, const char *s, cli_opts *o)
{
    tally_status st = TALLY_OK;
    if (id == OPT_CI)
        st = tally_ci_method_parse(s, &o->freq.ci);
    else if (id == OPT_DIALECT)
        st = tally_dialect_parse(s, &o->read.dialect);
    else if (id == OPT_ENCODING)
        st = tally_encoding_parse(s, &o->read.encoding);
    if (st != TALLY_OK)
        return cli_error(EXIT_USAGE, "--%s: unknown value \"%s\" (see tally "
                                     "%s --help)",
                         options[id].name, s, o->command);
    return 0;
}

/* The annex's keyword options: --layout and --sort. */
static int parse_annex_keyword(opt_id id, const char *s, cli_opts *o)
{
    if (id == OPT_LAYOUT && !strcmp(s, "questions"))
        o->annex.layout = TALLY_ANNEX_BY_QUESTION;
    else if (id == OPT_LAYOUT && !strcmp(s, "sections"))
        o->annex.layout = TALLY_ANNEX_BY_SECTION;
    else if (id == OPT_SORT && !strcmp(s, "codebook"))
        o->annex.sort = TALLY_ANNEX_SORT_CODEBOOK;
    else if (id == OPT_SORT && !strcmp(s, "count"))
        o->annex.sort = TALLY_ANNEX_SORT_COUNT;
    else
        return cli_error(EXIT_USAGE, "--%s: unknown value \"%s\" (%s)",
                         options[id].name, s,
                         id == OPT_LAYOUT ? "questions or sections"
                                          : "codebook or count");
    return 0;
}

/* Append v to a repeatable option's list. */
static int add_value(const char ***list, size_t *n, const char *v)
{
    const char **w = realloc(*list, (*n + 1) * sizeof *w);
    if (!w)
        return cli_error(EXIT_DATA, "out of memory");
    *list = w;
    w[(*n)++] = v;
    return 0;
}

/* --percent col,row,total (repeatable). */
static int parse_percents(const char *v, unsigned *bits)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s", v);
    for (char *save = NULL, *w = strtok_r(buf, ",", &save); w;
         w = strtok_r(NULL, ",", &save)) {
        if (!strcmp(w, "col") || !strcmp(w, "column"))
            *bits |= TALLY_PERCENT_COL;
        else if (!strcmp(w, "row"))
            *bits |= TALLY_PERCENT_ROW;
        else if (!strcmp(w, "total"))
            *bits |= TALLY_PERCENT_TOTAL;
        else
            return cli_error(EXIT_USAGE, "--percent: \"%s\" is not col, row "
                                         "or total",
                             w);
    }
    return 0;
}

static int parse_fisher(const char *v, tally_fisher_when *out)
{
    static const char *const names[] = {"auto", "always", "never"};
    static const tally_fisher_when values[] = {
        TALLY_FISHER_AUTO, TALLY_FISHER_ALWAYS, TALLY_FISHER_NEVER};
    for (size_t i = 0; i < 3; i++)
        if (!strcmp(v, names[i])) {
            *out = values[i];
            return 0;
        }
    return cli_error(EXIT_USAGE, "--fisher: use auto, always or never");
}

/* Options of `tally xtab` that take numbers. */
static int apply_xtab(opt_id id, const char *v, cli_opts *o)
{
    double d = 0;
    int rc = 0;
    switch (id) {
    case OPT_ALPHA:
        return parse_double("alpha", v, 1e-6, 0.5, &o->xtab.alpha);
    case OPT_MIN_BASE:
        rc = parse_double("min-base", v, 0, 1e15, &o->xtab.min_base);
        if (!rc && o->xtab.min_base == 0)
            o->xtab.min_base = -1; /* 0 asked for: no minimum */
        return rc;
    case OPT_MIN_CELL:
        return parse_double("min-cell", v, 1, 1e9, &o->xtab.min_cell);
    default:
        rc = parse_double("seed", v, 1, 9007199254740992.0, &d);
        o->xtab.seed = (uint64_t)d;
        return rc;
    }
}

/* The limits of reading: whole numbers of at least 1. */
static int apply_limit(opt_id id, const char *v, cli_opts *o)
{
    size_t n = 0;
    int rc = parse_size(options[id].name, v, &n);
    tally_read_opts *r = &o->read;
    switch (id) {
    case OPT_MAX_FIELD: r->max_field_bytes = n; break;
    case OPT_MAX_COLUMNS: r->max_columns = n; break;
    case OPT_MAX_ROWS: r->max_rows = n; break;
    case OPT_MAX_MEMORY: r->max_memory = n; break;
    case OPT_MAX_UNZIP_SIZE: r->max_unzip_bytes = n; break;
    default: r->max_unzip_ratio = n > UINT_MAX ? UINT_MAX : (unsigned)n;
    }
    return rc;
}

static int apply_number(opt_id id, const char *v, cli_opts *o)
{
    double d = 0;
    int rc = 0;
    switch (id) {
    case OPT_LEVEL:
        rc = parse_double("level", v, 0.5, 0.9999, &o->freq.level);
        break;
    case OPT_POPULATION:
        rc = parse_double("population", v, 1, 1e15, &o->freq.population);
        break;
    case OPT_DECIMALS:
        rc = parse_double("decimals", v, 0, 6, &d);
        o->write.decimals = d == 0 ? TALLY_DECIMALS_ZERO : (int)d;
        break;
    case OPT_THREADS:
        rc = parse_double("threads", v, 1, 64, &d);
        o->read.threads = (int)d;
        break;
    case OPT_ALPHA:
    case OPT_MIN_BASE:
    case OPT_MIN_CELL:
    case OPT_SEED:
        return apply_xtab(id, v, o);
    default:
        return apply_limit(id, v, o);
    }
    return rc;
}

/* Options that are switches or parsed words. */
static int apply_other(opt_id id, const char *v, cli_opts *o)
{
    switch (id) {
    case OPT_WHERE: return add_value(&o->where, &o->n_where, v);
    case OPT_BY: return add_value(&o->by, &o->n_by, v);
    case OPT_PERCENT: return parse_percents(v, &o->table.percents);
    case OPT_STACK: o->table.stack = 1; return 0;
    case OPT_FISHER: return parse_fisher(v, &o->xtab.fisher);
    case OPT_NO_CI: o->table.no_ci = 1; return 0;
    case OPT_RAW_CSV: o->write.raw_csv = 1; return 0;
    case OPT_QUIET: o->quiet = 1; return 0;
    case OPT_ALL_RESPONSES: o->read.all_responses = 1; return 0;
    case OPT_NO_CHARTS: o->annex.no_charts = 1; return 0;
    case OPT_REDACT: o->annex.redact = 1; return 0;
    case OPT_LAYOUT:
    case OPT_SORT: return parse_annex_keyword(id, v, o);
    case OPT_HELP: o->help = 1; return 0;
    case OPT_DELIMITER: return parse_delimiter(v, &o->read.delimiter);
    case OPT_CI:
    case OPT_DIALECT:
    case OPT_ENCODING: return parse_keyword(id, v, o);
    default: return apply_number(id, v, o);
    }
}

static int apply(opt_id id, const char *v, cli_opts *o)
{
    switch (id) {
    case OPT_CODEBOOK: o->codebook = v; return 0;
    case OPT_XLSFORM: o->xlsform = v; return 0;
    case OPT_OUTPUT: o->output = v; return 0;
    case OPT_FORMAT: o->format = v; return 0;
    case OPT_WEIGHT: o->weight = v; return 0;
    case OPT_SHEET: o->read.sheet = v; return 0;
    case OPT_COUNT: o->count = v; return 0;
    default: return apply_other(id, v, o);
    }
}

/* --- parsing -------------------------------------------------------------- */

static void build_table(const char *command, struct option *longs,
                        char *shorts)
{
    size_t n = 0, s = 0;
    shorts[s++] = ':';
    for (size_t i = 0; i < OPT_N; i++) {
        const opt_def *d = &options[i];
        if (!applies(d, command))
            continue;
        longs[n++] = (struct option){d->name, d->arg ? required_argument
                                                     : no_argument,
                                     NULL, 256 + (int)i};
        if (d->letter) {
            shorts[s++] = (char)d->letter;
            if (d->arg)
                shorts[s++] = ':';
        }
    }
    longs[n] = (struct option){0};
    shorts[s] = '\0';
}

static opt_id by_letter(int letter)
{
    for (size_t i = 0; i < OPT_N; i++)
        if (options[i].letter == letter)
            return (opt_id)i;
    return OPT_N;
}

int cli_parse(int argc, char **argv, const char *command, cli_opts *o)
{
    struct option longs[OPT_N + 1];
    char shorts[2 * OPT_N + 2];
    memset(o, 0, sizeof *o);
    o->command = command;
    build_table(command, longs, shorts);
    optind = 1;
    opterr = 0;
    for (;;) {
        int c = getopt_long(argc, argv, shorts, longs, NULL);
        if (c == -1)
            break;
        if (c == '?' || c == ':')
            return cli_error(EXIT_USAGE, "%s: %s option %s (see tally %s "
                                         "--help)",
                             command,
                             c == ':' ? "missing a value for the"
                                      : "unknown",
                             argv[optind - 1], command);
        opt_id id = c >= 256 ? (opt_id)(c - 256) : by_letter(c);
        int rc = apply(id, optarg, o);
        if (rc)
            return rc;
    }
    o->args = argv + optind;
    o->n_args = (size_t)(argc - optind);
    return 0;
}

void cli_free(cli_opts *o)
{
    free(o->where);
    free(o->by);
    o->where = o->by = NULL;
}
