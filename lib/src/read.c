/*
 * read.c: tally_read(): recognise the container by its first bytes, never
 * by the file name (formats.md 1.1), and the keyword tables of read.h.
 */
#include <string.h>
#include <strings.h>

#include "common.h"
#include "io_internal.h"

static const char *const encoding_keys[] = {
#define TALLY_X_(e, k, n) k,
    TALLY_ENCODING_LIST(TALLY_X_)
#undef TALLY_X_
};

static const char *const dialect_keys[] = {
#define TALLY_X_(e, k, n) k,
    TALLY_DIALECT_LIST(TALLY_X_)
#undef TALLY_X_
};

const char *tally_encoding_name(tally_encoding e)
{
    return (unsigned)e < TALLY_ENCODING_COUNT ? encoding_keys[e] : "?";
}

tally_status tally_encoding_parse(const char *name, tally_encoding *out)
{
    static const struct {
        const char *alias;
        tally_encoding enc;
    } aliases[] = {{"utf8", TALLY_ENCODING_UTF8},
                   {"cp1252", TALLY_ENCODING_WINDOWS_1252},
                   {"windows1252", TALLY_ENCODING_WINDOWS_1252},
                   {"latin1", TALLY_ENCODING_WINDOWS_1252},
                   {"iso-8859-1", TALLY_ENCODING_WINDOWS_1252},
                   {"utf16le", TALLY_ENCODING_UTF16LE},
                   {"utf16be", TALLY_ENCODING_UTF16BE}};
    if (!name || !out)
        return TALLY_ERR_INVALID_ARG;
    for (int e = 0; e < TALLY_ENCODING_COUNT; e++)
        if (strcasecmp(name, encoding_keys[e]) == 0) {
            *out = (tally_encoding)e;
            return TALLY_OK;
        }
    for (size_t i = 0; i < TALLY_ARRAY_SIZE(aliases); i++)
        if (strcasecmp(name, aliases[i].alias) == 0) {
            *out = aliases[i].enc;
            return TALLY_OK;
        }
    return TALLY_ERR_INVALID_ARG;
}

const char *tally_dialect_name(tally_dialect d)
{
    return (unsigned)d < TALLY_DIALECT_COUNT ? dialect_keys[d] : "?";
}

tally_status tally_dialect_parse(const char *name, tally_dialect *out)
{
    if (!name || !out)
        return TALLY_ERR_INVALID_ARG;
    for (int d = 0; d < TALLY_DIALECT_COUNT; d++)
        if (strcasecmp(name, dialect_keys[d]) == 0) {
            *out = (tally_dialect)d;
            return TALLY_OK;
        }
    return TALLY_ERR_INVALID_ARG;
}

/* Containers this version does not read, by magic bytes. */
static const char *other_container(const unsigned char *p, size_t n)
{
    static const struct {
        const char *magic;
        size_t len;
        const char *what;
    } known[] = {
        {"PK\x03\x04", 4, "a ZIP archive or XLSX workbook"},
        {"$FL2", 4, "an SPSS .sav file"},
        {"$FL3", 4, "an SPSS .zsav file"},
        {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, "a legacy Excel .xls file"},
        {"%PDF", 4, "a PDF document"},
        {"\x1F\x8B", 2, "a gzip file"},
    };
    for (size_t i = 0; i < TALLY_ARRAY_SIZE(known); i++)
        if (n >= known[i].len && memcmp(p, known[i].magic, known[i].len) == 0)
            return known[i].what;
    return NULL;
}

tally_status tally_read(tally_io *io, const tally_read_opts *opts,
                        tally_raw **out, tally_error *err)
{
    if (!out)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "no output pointer");
    *out = NULL;
    if (!io)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "no input");
    const unsigned char *data;
    size_t size;
    TALLY_TRY(tally__io_contents(io, &data, &size, err));
    const char *what = other_container(data, size);
    if (what)
        return tally__fail_at(err, TALLY_ERR_UNSUPPORTED, tally_io_name(io),
                              0, 0,
                              "this is %s; this version of tally reads CSV "
                              "and TSV text exports (save the sheet as "
                              "CSV UTF-8)",
                              what);
    return tally_read_csv(io, opts, out, err);
}
