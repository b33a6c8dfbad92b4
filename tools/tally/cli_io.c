/*
 * cli_io.c: loading the data and writing the output for every
 * subcommand. Output files are written to a temporary file in the same
 * directory and renamed when complete, so a failed run never leaves a
 * half-written file and never replaces an earlier good one; tally refuses
 * to write over its own input.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* --- loading -------------------------------------------------------------- */

typedef struct progress {
    const char *file;
} progress;

static void show_progress(void *ctx, double fraction)
{
    const progress *p = ctx;
    fprintf(stderr, "\rtally: reading %s %3.0f%%", p->file, fraction * 100);
}

static int read_codebook(const char *path, tally_codebook **cb)
{
    tally_error err = {0};
    tally_io *io = NULL;
    tally_status st = tally_io_open_file(path, &io, &err);
    if (st == TALLY_OK)
        st = tally_codebook_read_yaml(io, cb, &err);
    tally_io_free(io);
    return st == TALLY_OK ? 0 : cli_fail(st, &err);
}

static int read_xlsform(const char *path, tally_xlsform **form)
{
    tally_error err = {0};
    tally_io *io = NULL;
    tally_status st = tally_io_open_file(path, &io, &err);
    if (st == TALLY_OK)
        st = tally_xlsform_read(io, form, &err);
    tally_io_free(io);
    return st == TALLY_OK ? 0 : cli_fail(st, &err);
}

/* The codebook of raw: the -c file, else inferred (with the XLSForm). */
static int codebook(const cli_opts *o, const tally_raw *raw,
                    tally_codebook **cb)
{
    tally_error err = {0};
    tally_xlsform *form = NULL;
    if (o->codebook && o->xlsform)
        return cli_error(EXIT_USAGE, "--xlsform and -c: the codebook "
                         "already says what the form would (write it "
                         "with tally codebook --xlsform)");
    if (o->codebook)
        return read_codebook(o->codebook, cb);
    int rc = o->xlsform ? read_xlsform(o->xlsform, &form) : 0;
    tally_infer_opts io = {.weight = o->weight ? o->weight : o->count,
                           .xlsform = form};
    if (!rc) {
        tally_status st = tally_codebook_infer(raw, &io, cb, &err);
        rc = st == TALLY_OK ? 0 : cli_fail(st, &err);
    }
    tally_xlsform_free(form);
    return rc;
}

static int read_raw(const cli_opts *o, const char *file, tally_raw **raw)
{
    tally_error err = {0};
    tally_io *io = NULL;
    tally_read_opts ro = o->read;
    progress p = {file};
    int show = !o->quiet && isatty(STDERR_FILENO);
    if (show) {
        ro.progress = show_progress;
        ro.progress_ctx = &p;
    }
    tally_status st = tally_io_open_file(file, &io, &err);
    if (st == TALLY_OK)
        st = tally_read(io, &ro, raw, &err);
    if (show)
        fputs("\r\033[K", stderr);
    tally_io_free(io);
    return st == TALLY_OK ? 0 : cli_fail(st, &err);
}

static int apply_filters(const cli_opts *o, tally_dataset **ds)
{
    for (size_t i = 0; i < o->n_where; i++) {
        tally_error err = {0};
        tally_dataset *sub = NULL;
        tally_status st = tally_dataset_filter(*ds, o->where[i], &sub, &err);
        if (st != TALLY_OK) { /* the expression, not the data, is wrong */
            cli_fail(st, &err);
            return st == TALLY_ERR_NOMEM ? EXIT_DATA : EXIT_USAGE;
        }
        tally_dataset_free(*ds);
        *ds = sub;
    }
    return 0;
}

static int build(const cli_opts *o, const tally_raw *raw, tally_codebook *cb,
                 tally_dataset **ds)
{
    tally_error err = {0};
    tally_dataset_opts dso = {.weight = o->weight, .count = o->count};
    tally_status st = tally_dataset_build(raw, cb, &dso, ds, &err);
    if (st != TALLY_OK)
        return cli_fail(st, &err);
    for (size_t i = 0; i < tally_dataset_note_count(*ds); i++)
        cli_warn(o, tally_dataset_source(*ds)->file,
                 tally_dataset_note(*ds, i));
    return apply_filters(o, ds);
}

int cli_load(const cli_opts *o, const char *file, tally_raw **raw_out,
             tally_codebook **cb_out, tally_dataset **ds_out)
{
    tally_raw *raw = NULL;
    tally_codebook *cb = NULL;
    tally_dataset *ds = NULL;
    int rc = read_raw(o, file, &raw);
    if (!rc)
        rc = codebook(o, raw, &cb);
    if (!rc && ds_out)
        rc = build(o, raw, cb, &ds);
    if (!rc && raw_out) {
        *raw_out = raw;
        raw = NULL;
    }
    tally_raw_free(raw);
    if (rc || !cb_out)
        tally_codebook_free(cb);
    else
        *cb_out = cb;
    if (rc)
        tally_dataset_free(ds);
    else if (ds_out)
        *ds_out = ds;
    return rc;
}

/* --- formats -------------------------------------------------------------- */

static int format_named(const char *name, out_format *fmt)
{
    static const struct {
        const char *name;
        out_format fmt;
    } names[] = {{"text", FORMAT_TEXT}, {"txt", FORMAT_TEXT},
                 {"csv", FORMAT_CSV},   {"json", FORMAT_JSON},
                 {"md", FORMAT_MD},     {"markdown", FORMAT_MD},
                 {"xlsx", FORMAT_XLSX}, {"yaml", FORMAT_YAML},
                 {"yml", FORMAT_YAML}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcasecmp(name, names[i].name)) {
            *fmt = names[i].fmt;
            return 1;
        }
    return 0;
}

int cli_format(const cli_opts *o, out_format fallback, out_format *fmt)
{
    *fmt = fallback;
    if (o->format && !format_named(o->format, fmt))
        return cli_error(EXIT_USAGE, "--format: unknown format \"%s\" (text, "
                                     "csv, json, md, xlsx)",
                         o->format);
    const char *dot = o->output ? strrchr(o->output, '.') : NULL;
    if (!o->format && dot && !strchr(dot, '/') && !format_named(dot + 1, fmt))
        *fmt = fallback;
    if (*fmt == FORMAT_XLSX && (!o->output || !strcmp(o->output, "-")))
        return cli_error(EXIT_USAGE, "an .xlsx workbook needs -o FILE.xlsx");
    return 0;
}

/* --- writing -------------------------------------------------------------- */

static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return a && b && stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
           sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int cli_check_output(const cli_opts *o)
{
    for (size_t i = 0; i < o->n_args; i++)
        if (same_file(o->output, o->args[i]))
            return cli_error(EXIT_USAGE, "refusing to write %s over the "
                                         "input %s",
                             o->output, o->args[i]);
    if (same_file(o->output, o->codebook))
        return cli_error(EXIT_USAGE, "refusing to write %s over the "
                                     "codebook",
                         o->output);
    if (same_file(o->output, o->xlsform))
        return cli_error(EXIT_USAGE, "refusing to write %s over the "
                                     "XLSForm",
                         o->output);
    return 0;
}

/* A new empty temporary file next to path; its name in tmp. */
static int temp_beside(const char *path, char *tmp, size_t cap)
{
    char *dir = strdup(path), *base = strdup(path);
    if (dir && base)
        snprintf(tmp, cap, "%s/.%s.XXXXXX", dirname(dir), basename(base));
    free(dir);
    free(base);
    if (!dir || !base)
        return -1;
    int fd = mkstemp(tmp);
    if (fd >= 0) {
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, 0666 & ~mask);
    }
    return fd;
}

static int io_error(const char *what, const char *path, const char *tmp)
{
    int e = errno;
    if (tmp)
        unlink(tmp);
    return cli_error(EXIT_IO, "%s: %s: %s", path, what, strerror(e));
}

static int write_all(int fd, const char *data, size_t size)
{
    while (size) {
        ssize_t n = write(fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        data += n;
        size -= (size_t)n;
    }
    return 0;
}

int cli_write(const cli_opts *o, const tally_buf *buf)
{
    if (!o->output || !strcmp(o->output, "-")) {
        if (fwrite(tally_buf_data(buf), 1, tally_buf_size(buf), stdout) !=
                tally_buf_size(buf) ||
            fflush(stdout) != 0)
            return io_error("cannot write", "standard output", NULL);
        return 0;
    }
    int rc = cli_check_output(o);
    char tmp[4096];
    int fd = rc ? -1 : temp_beside(o->output, tmp, sizeof tmp);
    if (rc)
        return rc;
    if (fd < 0)
        return io_error("cannot create", o->output, NULL);
    if (write_all(fd, tally_buf_data(buf), tally_buf_size(buf)) != 0 ||
        fsync(fd) != 0) {
        close(fd);
        return io_error("cannot write", o->output, tmp);
    }
    if (close(fd) != 0 || rename(tmp, o->output) != 0)
        return io_error("cannot write", o->output, tmp);
    return 0;
}

int cli_write_file(const cli_opts *o, cli_file_writer write,
                   const void *ctx)
{
    char tmp[4096];
    int rc = cli_check_output(o);
    if (rc)
        return rc;
    int fd = temp_beside(o->output, tmp, sizeof tmp);
    if (fd < 0)
        return io_error("cannot create", o->output, NULL);
    close(fd);
    tally_error err = {0};
    tally_write_opts wo = o->write;
    if (cli_created())
        wo.created = cli_created();
    tally_status st = write(ctx, tmp, &wo, &err);
    if (st != TALLY_OK) {
        unlink(tmp);
        if (!strcmp(err.file, tmp)) /* name the output, not its draft */
            snprintf(err.file, sizeof err.file, "%s", o->output);
        return cli_fail(st, &err);
    }
    if (rename(tmp, o->output) != 0)
        return io_error("cannot write", o->output, tmp);
    return 0;
}

static tally_status write_tables(const void *ctx, const char *path,
                                 const tally_write_opts *wo,
                                 tally_error *err)
{
    return tally_tables_write_xlsx(ctx, path, wo, err);
}

int cli_write_xlsx(const cli_opts *o, const tally_tables *ts)
{
    return cli_write_file(o, write_tables, ts);
}

long long cli_created(void)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    return epoch && *epoch ? strtoll(epoch, NULL, 10) : 0;
}
