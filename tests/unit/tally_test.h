/*
 * tally_test.h: what every cmocka unit test includes.
 *
 * GSL's default error handler is left on in unit tests: a domain error we
 * failed to guard must crash the test, not become a silent NaN.
 */
#ifndef TALLY_TEST_H
#define TALLY_TEST_H

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "tally.h"

/* |got - want| <= tol * max(1, |want|); NaN only equals NaN. */
#define tally_assert_rel(got, want, tol)                                      \
    tally_assert_rel_((got), (want), (tol), #got, __FILE__, __LINE__)

static inline void tally_assert_rel_(double got, double want, double tol,
                                     const char *expr, const char *file,
                                     int line)
{
    if (isnan(want) && isnan(got))
        return;
    double scale = fabs(want) > 1 ? fabs(want) : 1;
    if (!(fabs(got - want) <= tol * scale)) {
        print_error("%s = %.17g, expected %.17g (tolerance %g)\n", expr, got,
                    want, tol);
        _fail(file, line);
    }
}

/* Parse CSV text held in memory; fails the test on error. */
static inline tally_raw *tally_test_csv(const char *text,
                                        const tally_read_opts *opts)
{
    tally_io *io = NULL;
    tally_raw *raw = NULL;
    tally_error err = {0};
    assert_int_equal(tally_io_from_memory(text, strlen(text), "test.csv",
                                          &io, &err),
                     TALLY_OK);
    tally_status st = tally_read(io, opts, &raw, &err);
    if (st != TALLY_OK)
        print_error("read failed: %s:%ld:%ld: %s\n", err.file, err.line,
                    err.column, err.message);
    assert_int_equal(st, TALLY_OK);
    tally_io_free(io);
    return raw;
}

/* Expect reading text to fail with status, at line:column, with a message
   containing `part`. */
static inline void tally_test_csv_error(const char *text, size_t len,
                                        tally_status status, long line,
                                        long column, const char *part)
{
    tally_io *io = NULL;
    tally_raw *raw = NULL;
    tally_error err = {0};
    assert_int_equal(tally_io_from_memory(text, len, "bad.csv", &io, &err),
                     TALLY_OK);
    assert_int_equal(tally_read(io, NULL, &raw, &err), status);
    assert_null(raw);
    assert_int_equal(err.line, line);
    assert_int_equal(err.column, column);
    assert_string_equal(err.file, "bad.csv");
    if (!strstr(err.message, part)) {
        print_error("message \"%s\" lacks \"%s\"\n", err.message, part);
        fail();
    }
    tally_io_free(io);
}

#endif /* TALLY_TEST_H */
