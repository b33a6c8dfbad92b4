/* utf8.c: see utf8.h. */
#include <string.h>

#include "utf8.h"
#include "wcwidth_table.h"

/* Length of the sequence led by byte c, 0 for a byte that cannot lead. */
static int lead_len(unsigned char c)
{
    if (c < 0x80)
        return 1;
    if (c < 0xC2)
        return 0;
    if (c < 0xE0)
        return 2;
    if (c < 0xF0)
        return 3;
    if (c < 0xF5)
        return 4;
    return 0;
}

/* Decode a sequence of length len at s; -1 when invalid (RFC 3629). */
static long decode(const unsigned char *s, int len)
{
    static const uint32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
    uint32_t cp = len == 1 ? s[0] : s[0] & (0x7F >> len);
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return -1;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return -1;
    return (long)cp;
}

int tally__utf8_valid(const char *s, size_t n, size_t *bad)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        /* ASCII runs are the common case: skip 8 bytes at a time. */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, u + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        int len = lead_len(u[i]);
        if (!len || i + (size_t)len > n || decode(u + i, len) < 0) {
            if (bad)
                *bad = i;
            return 0;
        }
        i += (size_t)len;
    }
    return 1;
}

uint32_t tally__utf8_next(const char **p, const char *end)
{
    const unsigned char *u = (const unsigned char *)*p;
    int len = lead_len(u[0]);
    long cp = -1;
    if (len && (size_t)(end - *p) >= (size_t)len)
        cp = decode(u, len);
    if (cp < 0) {
        *p += 1;
        return 0xFFFD;
    }
    *p += len;
    return (uint32_t)cp;
}

size_t tally__utf8_put(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

static int in_ranges(uint32_t cp, const struct tally__urange *r, size_t n)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < r[mid].first)
            hi = mid;
        else if (cp > r[mid].last)
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

int tally__codepoint_width(uint32_t cp)
{
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
        return 0;
    if (cp < 0x300)
        return 1;
    if (in_ranges(cp, tally__zero_width,
                  sizeof tally__zero_width / sizeof tally__zero_width[0]))
        return 0;
    if (in_ranges(cp, tally__double_width,
                  sizeof tally__double_width / sizeof tally__double_width[0]))
        return 2;
    return 1;
}

size_t tally__utf8_width(const char *s, size_t n)
{
    const char *p = s, *end = s + n;
    size_t w = 0;
    while (p < end) {
        if ((unsigned char)*p < 0x80) {
            w += (unsigned char)*p >= 0x20 && *p != 0x7F;
            p++;
            continue;
        }
        w += (size_t)tally__codepoint_width(tally__utf8_next(&p, end));
    }
    return w;
}

size_t tally__utf8_count(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        count += ((unsigned char)s[i] & 0xC0) != 0x80;
    return count;
}

/* Typographic characters that people and platforms use for ', ", - and
   blanks, and the ASCII they stand for in a label. */
static char ascii_fold(uint32_t cp)
{
    static const struct {
        uint32_t cp;
        char ascii;
    } folds[] = {
        {0x2018, '\''}, {0x2019, '\''}, {0x201B, '\''}, {0x2032, '\''},
        {0x00B4, '\''}, {0x0060, '\''}, {0x201C, '"'},  {0x201D, '"'},
        {0x201F, '"'},  {0x2033, '"'},  {0x2010, '-'},  {0x2011, '-'},
        {0x2012, '-'},  {0x2013, '-'},  {0x2014, '-'},  {0x2212, '-'},
        {0x00A0, ' '},  {0x2007, ' '},  {0x202F, ' '},  {0x3000, ' '},
        {'\t', ' '},   {'\n', ' '},   {'\r', ' '},
    };
    for (size_t i = 0; i < sizeof folds / sizeof folds[0]; i++)
        if (folds[i].cp == cp)
            return folds[i].ascii;
    return 0;
}

size_t tally__label_key(const char *s, char *out, size_t cap)
{
    const char *p = s, *end = s + strlen(s);
    size_t n = 0;
    int pending_space = 0;
    while (p < end) {
        const char *start = p;
        uint32_t cp = tally__utf8_next(&p, end);
        char folded = ascii_fold(cp);
        if (folded == ' ' || cp == ' ') {
            pending_space = n > 0;
            continue;
        }
        size_t len = folded ? 1 : (size_t)(p - start);
        if (n + len + (size_t)pending_space + 1 > cap)
            return (size_t)-1;
        if (pending_space)
            out[n++] = ' ';
        pending_space = 0;
        if (folded)
            out[n++] = folded;
        else if (len == 1)
            out[n++] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        else {
            memcpy(out + n, start, len);
            n += len;
        }
    }
    out[n] = '\0';
    return n;
}

/* The first character of a label ignoring blanks and ASCII case; 0 for a
   non-ASCII one (typographic quotes fold, so no quick verdict). */
static int first_letter(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    unsigned char c = (unsigned char)*s;
    return c >= 0x80 ? 0 : (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

int tally__label_eq(const char *a, const char *b)
{
    char ka[256], kb[256];
    int fa = first_letter(a), fb = first_letter(b);
    if (fa && fb && fa != fb)
        return 0;
    size_t na = tally__label_key(a, ka, sizeof ka);
    size_t nb = tally__label_key(b, kb, sizeof kb);
    if (na == (size_t)-1 || nb == (size_t)-1)
        return strcmp(a, b) == 0;
    return na == nb && memcmp(ka, kb, na) == 0;
}

int tally__is_blank(const char *s)
{
    const char *p = s, *end = s + strlen(s);
    while (p < end) {
        uint32_t cp = tally__utf8_next(&p, end);
        if (cp != ' ' && ascii_fold(cp) != ' ')
            return 0;
    }
    return 1;
}
