/* utf8.h: UTF-8 validation, decoding, display width and label matching. */
#ifndef TALLY_UTF8_H
#define TALLY_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* 1 when s[0..n) is valid UTF-8 (no overlongs, no surrogates); else 0 and
   *bad (may be NULL) gets the offset of the first invalid byte. */
int tally__utf8_valid(const char *s, size_t n, size_t *bad);

/* Decode one code point at *p (< end) and advance *p; invalid bytes decode
   as U+FFFD one byte at a time. */
uint32_t tally__utf8_next(const char **p, const char *end);

/* Append code point cp as UTF-8 to out (4 bytes of room); returns bytes. */
size_t tally__utf8_put(uint32_t cp, char *out);

/* Terminal columns of one code point: 0, 1 or 2 (controls count 0). */
int tally__codepoint_width(uint32_t cp);

/* Terminal columns of a UTF-8 string. */
size_t tally__utf8_width(const char *s, size_t n);

/* Number of code points in s[0..n): a 1-based column is this plus 1. */
size_t tally__utf8_count(const char *s, size_t n);

/*
 * Normalise a label for matching: trim, collapse runs of blanks into one
 * space, ASCII lower case, typographic apostrophes and quotes to ASCII.
 * Writes at most cap - 1 bytes plus NUL into out and returns the length,
 * or (size_t)-1 when it does not fit.
 */
size_t tally__label_key(const char *s, char *out, size_t cap);

/* 1 when a and b are the same label by tally__label_key(). */
int tally__label_eq(const char *a, const char *b);

/* 1 when s is empty or only blanks (spaces, tabs, line breaks, no-break
   spaces): a cell that holds no answer. */
int tally__is_blank(const char *s);

#endif /* TALLY_UTF8_H */
