/*
 * read_test.h: reading fixture files (tests/fixtures) in the reader
 * tests: test_read_xlsx.c, test_read_zip.c, test_read_stat.c.
 */
#ifndef TALLY_READ_TEST_H
#define TALLY_READ_TEST_H

#include <stdlib.h>

#include "tally_test.h"

/* TALLY_SOURCE_DIR/tests/fixtures/<rel>. */
static inline const char *fixture(const char *rel)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s/tests/fixtures/%s", TALLY_SOURCE_DIR,
             rel);
    return path;
}

/* Read fixture rel; returns the status, *raw on success. */
static inline tally_status read_fixture(const char *rel,
                                        const tally_read_opts *opts,
                                        tally_raw **raw, tally_error *err)
{
    tally_io *io = NULL;
    *raw = NULL;
    memset(err, 0, sizeof *err);
    tally_status st = tally_io_open_file(fixture(rel), &io, err);
    if (st == TALLY_OK)
        st = tally_read(io, opts, raw, err);
    tally_io_free(io);
    return st;
}

/* Read fixture rel, which must succeed. */
static inline tally_raw *must_read(const char *rel,
                                   const tally_read_opts *opts)
{
    tally_raw *raw;
    tally_error err;
    tally_status st = read_fixture(rel, opts, &raw, &err);
    if (st != TALLY_OK)
        print_error("%s: %s:%ld:%ld: %s\n", rel, err.file, err.line,
                    err.column, err.message);
    assert_int_equal(st, TALLY_OK);
    return raw;
}

/* Read bytes held in memory as a file called name. */
static inline tally_status read_bytes(const void *data, size_t n,
                                      const char *name,
                                      const tally_read_opts *opts,
                                      tally_raw **raw, tally_error *err)
{
    tally_io *io = NULL;
    *raw = NULL;
    memset(err, 0, sizeof *err);
    assert_int_equal(tally_io_from_memory(data, n, name, &io, err), TALLY_OK);
    tally_status st = tally_read(io, opts, raw, err);
    tally_io_free(io);
    return st;
}

/* The whole of fixture rel (free it). */
static inline unsigned char *slurp(const char *rel, size_t *n)
{
    FILE *f = fopen(fixture(rel), "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *p = malloc((size_t)len + 1);
    assert_non_null(p);
    assert_int_equal(fread(p, 1, (size_t)len, f), (size_t)len);
    fclose(f);
    *n = (size_t)len;
    return p;
}

/* A message must contain part. */
static inline void assert_mentions(const char *message, const char *part)
{
    if (!strstr(message, part)) {
        print_error("message \"%s\" lacks \"%s\"\n", message, part);
        fail();
    }
}

/* Cell (row, col) of the data must be want. */
#define assert_cell(raw, row, col, want)                                       \
    assert_string_equal(tally_raw_cell((raw), (row), (col)), (want))

#endif /* TALLY_READ_TEST_H */
