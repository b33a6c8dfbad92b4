/* error.c: status texts and the error detail buffer. */
#include <stdio.h>
#include <string.h>

#include "common.h"

const char *tally_strerror(tally_status status)
{
    static const char *const text[] = {
        [TALLY_OK] = "success",
        [TALLY_ERR_NOMEM] = "out of memory",
        [TALLY_ERR_INVALID_ARG] = "invalid argument",
        [TALLY_ERR_IO] = "input/output error",
        [TALLY_ERR_PARSE] = "malformed input",
        [TALLY_ERR_ENCODING] = "invalid text encoding",
        [TALLY_ERR_NO_SUCH_VAR] = "no such question",
        [TALLY_ERR_TYPE_MISMATCH] = "wrong question type",
        [TALLY_ERR_BAD_WEIGHT] = "bad weight",
        [TALLY_ERR_LIMIT] = "limit exceeded",
        [TALLY_ERR_XLSX] = "cannot write workbook",
        [TALLY_ERR_UNSUPPORTED] = "unsupported",
        [TALLY_ERR_CODEBOOK] = "codebook does not fit the data",
        [TALLY_ERR_INTERNAL] = "internal error (a bug in tally)",
    };
    if ((unsigned)status >= TALLY_ARRAY_SIZE(text) || !text[status])
        return "unknown status";
    return text[status];
}

void tally__error_clear(tally_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

static void vset(tally_error *err, tally_status code, const char *fmt,
                 va_list ap)
{
    err->code = code;
    vsnprintf(err->message, sizeof err->message, fmt, ap);
}

tally_status tally__fail(tally_error *err, tally_status code,
                         const char *fmt, ...)
{
    if (!err)
        return code;
    tally__error_clear(err);
    va_list ap;
    va_start(ap, fmt);
    vset(err, code, fmt, ap);
    va_end(ap);
    return code;
}

tally_status tally__fail_at(tally_error *err, tally_status code,
                            const char *file, long line, long column,
                            const char *fmt, ...)
{
    if (!err)
        return code;
    tally__error_clear(err);
    va_list ap;
    va_start(ap, fmt);
    vset(err, code, fmt, ap);
    va_end(ap);
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->column = column;
    return code;
}

tally_status tally__nomem(tally_error *err)
{
    return tally__fail(err, TALLY_ERR_NOMEM, "out of memory");
}
