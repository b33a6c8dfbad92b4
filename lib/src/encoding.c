/* encoding.c: see encoding.h. */
#include <string.h>

#include "alloc.h"
#include "encoding.h"
#include "utf8.h"

/* Windows-1252 bytes 0x80-0x9F (WHATWG Encoding Standard index; the five
   unassigned bytes map to the C1 controls of the same value). */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

tally_encoding tally__bom_encoding(const unsigned char *p, size_t n,
                                   size_t *bom_len)
{
    *bom_len = 0;
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        *bom_len = 3;
        return TALLY_ENCODING_UTF8;
    }
    if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
        *bom_len = 2;
        return TALLY_ENCODING_UTF16LE;
    }
    if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
        *bom_len = 2;
        return TALLY_ENCODING_UTF16BE;
    }
    return TALLY_ENCODING_AUTO;
}

/* Line and column of output offset `at` in the UTF-8 converted so far. */
static tally_status utf16_error(const unsigned char *utf8, size_t at,
                                const char *file, const char *what,
                                tally_error *err)
{
    long line = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < at; i++) {
        if (utf8[i] == '\n' || (utf8[i] == '\r' && (i + 1 >= at ||
                                                    utf8[i + 1] != '\n'))) {
            line++;
            line_start = i + 1;
        }
    }
    long col = (long)tally__utf8_count((const char *)utf8 + line_start,
                                       at - line_start) + 1;
    return tally__fail_at(err, TALLY_ERR_ENCODING, file, line, col,
                          "invalid UTF-16: %s", what);
}

static tally_status from_utf16(const unsigned char *p, size_t n, int be,
                               const char *file, unsigned char *out,
                               size_t *out_n, tally_error *err)
{
    size_t o = 0;
    for (size_t i = 0; i + 1 < n; i += 2) {
        uint32_t u = be ? (uint32_t)(p[i] << 8 | p[i + 1])
                        : (uint32_t)(p[i + 1] << 8 | p[i]);
        if (u >= 0xD800 && u <= 0xDBFF) {
            uint32_t lo = 0;
            if (i + 3 < n)
                lo = be ? (uint32_t)(p[i + 2] << 8 | p[i + 3])
                        : (uint32_t)(p[i + 3] << 8 | p[i + 2]);
            if (lo < 0xDC00 || lo > 0xDFFF)
                return utf16_error(out, o, file, "unpaired high surrogate",
                                   err);
            u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
            i += 2;
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            return utf16_error(out, o, file, "unpaired low surrogate", err);
        }
        o += tally__utf8_put(u, (char *)out + o);
    }
    if (n % 2)
        return utf16_error(out, o, file, "odd number of bytes", err);
    *out_n = o;
    return TALLY_OK;
}

static void from_cp1252(const unsigned char *p, size_t n, unsigned char *out,
                        size_t *out_n)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t u = p[i];
        if (u >= 0x80 && u < 0xA0)
            u = cp1252_high[u - 0x80];
        o += tally__utf8_put(u, (char *)out + o);
    }
    *out_n = o;
}

tally_status tally__to_utf8(tally_encoding enc, const unsigned char *p,
                            size_t n, const char *file, unsigned char **out,
                            size_t *out_n, tally_error *err)
{
    /* UTF-16: 2 bytes become at most 3 (a surrogate pair, 4 bytes, 4);
       Windows-1252: 1 byte becomes at most 3. */
    if (n > (size_t)-1 / 3 - 3)
        return tally__fail(err, TALLY_ERR_LIMIT, "input too large");
    size_t cap = enc == TALLY_ENCODING_WINDOWS_1252 ? n * 3 : n / 2 * 3 + 3;
    unsigned char *buf = tally__malloc(cap + 1);
    if (!buf)
        return tally__fail_at(err, TALLY_ERR_NOMEM, file, 0, 0,
                              "input too large to convert to UTF-8");
    tally_status st = TALLY_OK;
    if (enc == TALLY_ENCODING_WINDOWS_1252)
        from_cp1252(p, n, buf, out_n);
    else
        st = from_utf16(p, n, enc == TALLY_ENCODING_UTF16BE, file, buf,
                        out_n, err);
    if (st != TALLY_OK) {
        tally__free(buf);
        return st;
    }
    *out = buf;
    return TALLY_OK;
}
