/*
 * json_check.c: is a byte string one JSON text? A recursive-descent
 * recogniser of the grammar of RFC 8259 (sections 2-7): values, objects,
 * arrays, strings with their escapes (no raw control characters), and
 * numbers; nothing is built. Nesting is capped so that a hostile input
 * cannot exhaust the stack.
 */
#include "fuzz.h"

#include <string.h>

typedef struct {
    const char *p, *end;
    int depth;
} jp;

static int value(jp *j);

static void blanks(jp *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' ||
                             *j->p == '\n' || *j->p == '\r'))
        j->p++;
}

static int literal(jp *j, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(j->end - j->p) < n || memcmp(j->p, word, n) != 0)
        return 0;
    j->p += n;
    return 1;
}

static int is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
           (c >= 'A' && c <= 'F');
}

static int string(jp *j)
{
    j->p++; /* the opening quote */
    while (j->p < j->end) {
        unsigned char c = (unsigned char)*j->p++;
        if (c == '"')
            return 1;
        if (c < 0x20)
            return 0;
        if (c != '\\')
            continue;
        if (j->p >= j->end)
            return 0;
        c = (unsigned char)*j->p++;
        if (c == 'u') {
            for (int i = 0; i < 4; i++)
                if (j->p >= j->end || !is_hex(*j->p++))
                    return 0;
        } else if (!strchr("\"\\/bfnrt", c) || c == 0) {
            return 0;
        }
    }
    return 0;
}

static int digits(jp *j)
{
    const char *s = j->p;
    while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
        j->p++;
    return j->p > s;
}

/* number = [ minus ] int [ frac ] [ exp ] (RFC 8259 section 6) */
static int number(jp *j)
{
    if (*j->p == '-')
        j->p++;
    if (j->p < j->end && *j->p == '0')
        j->p++;
    else if (!digits(j))
        return 0;
    if (j->p < j->end && *j->p == '.') {
        j->p++;
        if (!digits(j))
            return 0;
    }
    if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
        j->p++;
        if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
            j->p++;
        if (!digits(j))
            return 0;
    }
    return 1;
}

/* Members of an object (is_object) or elements of an array. */
static int members(jp *j, int is_object)
{
    char close = is_object ? '}' : ']';
    if (++j->depth > 256)
        return 0;
    j->p++;
    blanks(j);
    if (j->p < j->end && *j->p == close) {
        j->p++;
        j->depth--;
        return 1;
    }
    for (;;) {
        blanks(j);
        if (is_object) {
            if (j->p >= j->end || *j->p != '"' || !string(j))
                return 0;
            blanks(j);
            if (j->p >= j->end || *j->p++ != ':')
                return 0;
        }
        if (!value(j))
            return 0;
        blanks(j);
        if (j->p >= j->end)
            return 0;
        if (*j->p == close) {
            j->p++;
            j->depth--;
            return 1;
        }
        if (*j->p++ != ',')
            return 0;
    }
}

static int value(jp *j)
{
    blanks(j);
    if (j->p >= j->end)
        return 0;
    switch (*j->p) {
    case '{':
        return members(j, 1);
    case '[':
        return members(j, 0);
    case '"':
        return string(j);
    case 't':
        return literal(j, "true");
    case 'f':
        return literal(j, "false");
    case 'n':
        return literal(j, "null");
    default:
        return number(j);
    }
}

int fuzz_json_valid(const char *s, size_t n)
{
    jp j = {s, s + n, 0};
    if (!value(&j))
        return 0;
    blanks(&j);
    return j.p == j.end;
}
