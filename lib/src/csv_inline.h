/*
 * csv_inline.h: the scanner's hot path, inlined into the record loop: an
 * unquoted field is found sixteen bytes at a time (SSE2, which every
 * x86-64 has; eight at a time elsewhere) and ended without a call.
 * Included by csv.h only.
 */
#ifndef TALLY_CSV_INLINE_H
#define TALLY_CSV_INLINE_H

#include <stdint.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>

/*
 * First byte at or after p (and before end) that is `special` or a
 * control byte, sixteen bytes at a time; a position within 16 bytes of
 * end when there is none. A tab that is not special stops the scan too:
 * callers check their stop table and go on.
 */
static inline const unsigned char *tally__csv_find16(const unsigned char *p,
                                                     const unsigned char *end,
                                                     unsigned char special)
{
    const __m128i sp = _mm_set1_epi8((char)special);
    const __m128i below = _mm_set1_epi8(0x1F);
    while (end - p >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)p);
        /* x <= 0x1F (unsigned): min(x, 0x1F) == x. */
        __m128i ctl = _mm_cmpeq_epi8(_mm_min_epu8(x, below), x);
        __m128i hit = _mm_or_si128(ctl, _mm_cmpeq_epi8(x, sp));
        int mask = _mm_movemask_epi8(hit);
        if (mask)
            return p + __builtin_ctz((unsigned)mask);
        p += 16;
    }
    return p;
}
#else
#define TALLY__ONES 0x0101010101010101ull
#define TALLY__HIGHS 0x8080808080808080ull

/* Eight bytes at a time while none is below 0x20 or `special`
   (Hacker's Delight 6-1). */
static inline const unsigned char *tally__csv_find8(const unsigned char *p,
                                                    const unsigned char *end,
                                                    unsigned char special)
{
    while (end - p >= 8) {
        uint64_t w, x;
        memcpy(&w, p, 8);
        x = w ^ (TALLY__ONES * special);
        if (((w - TALLY__ONES * 0x20) & ~w & TALLY__HIGHS) |
            ((x - TALLY__ONES) & ~x & TALLY__HIGHS))
            break;
        p += 8;
    }
    return p;
}
#endif

/* First byte at or after p that ends an unquoted field. */
static inline const unsigned char *tally__csv_scan(const tally__csv *c,
                                                   const unsigned char *p)
{
    const unsigned char *end = c->end;
#if defined(__SSE2__)
    for (;;) {
        p = tally__csv_find16(p, end, c->delim);
        if (end - p < 16 || c->stop[*p])
            break;
        p++; /* a tab inside the field */
    }
#else
    p = tally__csv_find8(p, end, c->delim);
#endif
    while (p < end && !c->stop[*p])
        p++;
    return p;
}

/* Consume what ended a field at q and say what it was. */
static inline tally_status tally__csv_finish(tally__csv *c,
                                             const unsigned char *q,
                                             int *term)
{
    if (q >= c->end) {
        c->p = c->end;
        *term = TALLY__CSV_EOF;
        return TALLY_OK;
    }
    if (*q == c->delim) {
        c->p = q + 1;
        *term = TALLY__CSV_DELIM;
        return TALLY_OK;
    }
    if (*q == '\n' || *q == '\r') {
        q += (*q == '\r' && q + 1 < c->end && q[1] == '\n') ? 2 : 1;
        c->p = q;
        c->line++;
        c->line_start = q;
        *term = TALLY__CSV_EOL;
        return TALLY_OK;
    }
    return tally__csv_control_error(c, q);
}

/*
 * The next field: s and len point at its text (in the input, or in
 * c->scratch until the next call), *term says what ended it.
 */
static inline tally_status tally__csv_field(tally__csv *c,
                                            const unsigned char **s,
                                            size_t *len, int *term)
{
    const unsigned char *p = c->p;
    if (p < c->end && *p == '"')
        return tally__csv_quoted(c, s, len, term);
    const unsigned char *q = tally__csv_scan(c, p);
    *s = p;
    *len = (size_t)(q - p);
    if (*len > c->max_field)
        return tally__csv_too_long(c, p);
    return tally__csv_finish(c, q, term);
}

#endif /* TALLY_CSV_INLINE_H */
