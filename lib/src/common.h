/*
 * common.h: internal helpers shared by every libtally source file.
 *
 * Error reporting (tally__fail and friends) fills the caller's optional
 * tally_error; TALLY_TRY forwards a failure (zstd's FORWARD_IF_ERROR).
 */
#ifndef TALLY_COMMON_H
#define TALLY_COMMON_H

#include <stdarg.h>
#include <stddef.h>

#include "tally.h"

#if defined(__GNUC__)
#define TALLY__PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define TALLY__PRINTF(f, a)
#endif

/* Set err (if any) and return code. */
tally_status tally__fail(tally_error *err, tally_status code,
                         const char *fmt, ...) TALLY__PRINTF(3, 4);

/* Same, with the input position for parse errors. */
tally_status tally__fail_at(tally_error *err, tally_status code,
                            const char *file, long line, long column,
                            const char *fmt, ...) TALLY__PRINTF(6, 7);

/* TALLY_ERR_NOMEM with a standard message. */
tally_status tally__nomem(tally_error *err);

/* Reset err to "no error" (callers may reuse one tally_error). */
void tally__error_clear(tally_error *err);

#define TALLY_TRY(expr)                                                        \
    do {                                                                       \
        tally_status tally_try_s_ = (expr);                                    \
        if (tally_try_s_ != TALLY_OK)                                          \
            return tally_try_s_;                                               \
    } while (0)

/* Inside a function with `tally_status st` and a `done:` label. */
#define TALLY_CHECK(expr)                                                      \
    do {                                                                       \
        st = (expr);                                                           \
        if (st != TALLY_OK)                                                    \
            goto done;                                                         \
    } while (0)

#define TALLY_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#endif /* TALLY_COMMON_H */
