/* json.c: see json.h. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "utf8.h"

tally_status tally__json_str(tally_buf *b, const char *s)
{
    const char *p = s ? s : "", *end = p + strlen(p);
    TALLY_TRY(tally__buf_putc(b, '"'));
    while (p < end) {
        const char *run = p;
        while (p < end && (unsigned char)*p >= 0x20 && *p != '"' &&
               *p != '\\' && (unsigned char)*p < 0x80)
            p++;
        TALLY_TRY(tally_buf_append(b, run, (size_t)(p - run)));
        if (p >= end)
            break;
        unsigned char c = (unsigned char)*p;
        if (c == '"' || c == '\\') {
            TALLY_TRY(tally__buf_printf(b, "\\%c", c));
            p++;
        } else if (c < 0x20) {
            static const char short_esc[] = "btn\0fr";
            if (c >= 8 && c <= 13 && c != 11)
                TALLY_TRY(tally__buf_printf(b, "\\%c", short_esc[c - 8]));
            else
                TALLY_TRY(tally__buf_printf(b, "\\u%04x", c));
            p++;
        } else {
            char utf8[4];
            uint32_t cp = tally__utf8_next(&p, end);
            TALLY_TRY(tally_buf_append(b, utf8, tally__utf8_put(cp, utf8)));
        }
    }
    return tally__buf_putc(b, '"');
}

tally_status tally__json_num(tally_buf *b, double v)
{
    if (!isfinite(v))
        return tally__buf_puts(b, "null");
    if (v == 0)
        return tally__buf_putc(b, '0'); /* also -0 */
    /* The shortest form that reads back as the same double: unrounded,
       but 0.95 rather than 0.94999999999999996. */
    char text[32];
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(text, sizeof text, "%.*g", digits, v);
        if (strtod(text, NULL) == v)
            break;
    }
    return tally__buf_puts(b, text);
}

tally_status tally__json_key(tally_buf *b, const char *key, int first)
{
    if (!first)
        TALLY_TRY(tally__buf_putc(b, ','));
    TALLY_TRY(tally__json_str(b, key));
    return tally__buf_putc(b, ':');
}

tally_status tally__json_num_field(tally_buf *b, const char *key, double v,
                                   int first)
{
    TALLY_TRY(tally__json_key(b, key, first));
    return tally__json_num(b, v);
}

tally_status tally__json_strings(tally_buf *b, const char *key,
                                 const char *const *s, size_t n, int first)
{
    TALLY_TRY(tally__json_key(b, key, first));
    for (size_t i = 0; i < n; i++) {
        TALLY_TRY(tally__buf_putc(b, i ? ',' : '['));
        TALLY_TRY(tally__json_str(b, s[i]));
    }
    return tally__buf_puts(b, n ? "]" : "[]");
}

tally_status tally__json_numbers(tally_buf *b, const char *key,
                                 const double *v, size_t n, int first)
{
    TALLY_TRY(tally__json_key(b, key, first));
    for (size_t i = 0; i < n; i++) {
        TALLY_TRY(tally__buf_putc(b, i ? ',' : '['));
        TALLY_TRY(tally__json_num(b, v[i]));
    }
    return tally__buf_puts(b, n ? "]" : "[]");
}
