/*
 * read.c: tally_read(): recognise the container by its first bytes, never
 * by the file name (formats.md 1.1), and the keyword tables of read.h.
 */
#include <locale.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "common.h"
#include "io_internal.h"
#include "read_internal.h"

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

/* --- options -------------------------------------------------------------- */

#define DEFAULT_MAX_FIELD ((size_t)16 << 20)
#define DEFAULT_MAX_COLUMNS ((size_t)65536)
#define DEFAULT_MAX_ROWS ((size_t)100000000)

#define DEFAULT_MAX_MEMORY ((size_t)8 << 30)

/* 8 GiB (a national census-size survey of a few million respondents
   takes a few GiB; the 1,000,000-row benchmark 0.8 GiB), or three
   quarters of the physical memory on a smaller machine, so that the
   limit is reached before the system starts swapping or killing. */
static size_t default_max_memory(void)
{
    long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
    if (pages <= 0 || size <= 0)
        return DEFAULT_MAX_MEMORY;
    double phys = (double)pages * (double)size * 0.75;
    return phys < (double)DEFAULT_MAX_MEMORY ? (size_t)phys
                                             : DEFAULT_MAX_MEMORY;
}

tally_read_opts tally__read_defaults(const tally_read_opts *opts)
{
    tally_read_opts o = {0};
    if (opts)
        o = *opts;
    if (!o.max_field_bytes)
        o.max_field_bytes = DEFAULT_MAX_FIELD;
    if (!o.max_columns)
        o.max_columns = DEFAULT_MAX_COLUMNS;
    if (!o.max_rows)
        o.max_rows = DEFAULT_MAX_ROWS;
    if (!o.max_memory)
        o.max_memory = default_max_memory();
    return o;
}

/* --- containers ----------------------------------------------------------- */

typedef enum container {
    C_TEXT,
    C_ZIP,
    C_SAV,
    C_POR,
    C_DTA,
    C_OTHER
} container;

/* Containers tally does not read, by magic bytes. */
static const char *other_container(const unsigned char *p, size_t n)
{
    static const struct {
        const char *magic;
        size_t len;
        const char *what;
    } known[] = {
        {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8,
         "a legacy Excel .xls file (save it as .xlsx or CSV)"},
        {"%PDF", 4, "a PDF document"},
        {"\x1F\x8B", 2, "a gzip file (unpack it first)"},
        {"Rar!", 4, "a RAR archive (unpack it first)"},
        {"7z\xBC\xAF", 4, "a 7-Zip archive (unpack it first)"},
        {"\xFD" "7zXZ\x00", 6, "an xz file (unpack it first)"},
        {"\x89PNG\r\n\x1A\n", 8, "a PNG image"},
        {"\xFF\xD8\xFF", 3, "a JPEG image"},
    };
    for (size_t i = 0; i < TALLY_ARRAY_SIZE(known); i++)
        if (n >= known[i].len && memcmp(p, known[i].magic, known[i].len) == 0)
            return known[i].what;
    return NULL;
}

static int starts(const unsigned char *p, size_t n, const char *magic)
{
    size_t k = strlen(magic);
    return n >= k && memcmp(p, magic, k) == 0;
}

/*
 * The container, from the first bytes (formats.md 1.1): ZIP local or
 * end-of-directory header; SPSS "$FL2"/"$FL3"; an SPSS portable file
 * has "SPSSPORT" after its 200-byte header and 256-byte character table
 * (at 464, later when the lines are broken); Stata 117+ starts with
 * "<stata_dta>", older Stata with its version byte (102-115), byte
 * order (1, 2), file type 1 and a zero byte.
 */
static container recognise(const unsigned char *p, size_t n)
{
    if (starts(p, n, "PK\x03\x04") || starts(p, n, "PK\x05\x06"))
        return C_ZIP;
    if (starts(p, n, "$FL2") || starts(p, n, "$FL3"))
        return C_SAV;
    if (starts(p, n, "<stata_dta>") ||
        (n >= 4 && p[0] >= 102 && p[0] <= 115 && (p[1] == 1 || p[1] == 2) &&
         p[2] == 1 && p[3] == 0))
        return C_DTA;
    if (n > 464 && memmem(p + 400, (n < 700 ? n : 700) - 400, "SPSSPORT", 8))
        return C_POR;
    return other_container(p, n) ? C_OTHER : C_TEXT;
}

static tally_status read_zip(const unsigned char *data, size_t size,
                             const char *file, const tally_read_opts *opts,
                             tally_raw **out, tally_error *err)
{
    tally__zip *z = NULL;
    TALLY_TRY(tally__zip_open(data, size, file, opts, &z, err));
    tally_status st = tally__zip_find(z, "xl/workbook.xml") >= 0
                          ? tally__read_xlsx(z, file, opts, out, err)
                          : tally__read_zip(z, file, opts, out, err);
    tally__zip_close(z);
    return st;
}

/* The binary containers, read in the C locale: numbers are parsed and
   printed with '.', whatever LC_NUMERIC the program chose. */
static tally_status read_binary(container c, const unsigned char *data,
                                size_t size, const char *file,
                                const tally_read_opts *opts, tally_raw **out,
                                tally_error *err)
{
    locale_t cl = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    if (!cl)
        return tally__nomem(err);
    locale_t old = uselocale(cl);
    tally_status st;
    if (c == C_ZIP)
        st = read_zip(data, size, file, opts, out, err);
    else
        st = tally__read_stat(data, size, file,
                              c == C_SAV   ? TALLY__STAT_SAV
                              : c == C_POR ? TALLY__STAT_POR
                                           : TALLY__STAT_DTA,
                              opts, out, err);
    uselocale(old);
    freelocale(cl);
    return st;
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
    container c = recognise(data, size);
    if (c == C_OTHER)
        return tally__fail_at(err, TALLY_ERR_UNSUPPORTED, tally_io_name(io),
                              0, 0,
                              "this is %s; tally reads CSV and TSV text, "
                              "XLSX workbooks, SPSS .sav/.por and Stata "
                              ".dta files",
                              other_container(data, size));
    if (c == C_TEXT)
        return tally_read_csv(io, opts, out, err);
    return read_binary(c, data, size, tally_io_name(io), opts, out, err);
}
