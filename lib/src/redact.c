/*
 * redact.c: find e-mail addresses and phone numbers in free text
 * (redact.h). The patterns are conservative: a date, an amount or a
 * plain number is never taken for a phone number, and only a complete
 * local@domain.tld for an e-mail address (docs/redaction.md).
 */
#include <string.h>

#include "alloc.h"
#include "redact.h"

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static int is_alnum(unsigned char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* RFC 5322 atext (section 3.2.3) plus the dot of a dot-atom, and UTF-8
   beyond ASCII (RFC 6531: rené@exämple.com). */
static int is_local(unsigned char c)
{
    return is_alnum(c) || c >= 0x80 ||
           (c && strchr("!#$%&'*+/=?^_`{|}~.-", c));
}

static int is_domain(unsigned char c)
{
    return is_alnum(c) || c >= 0x80 || c == '-' || c == '.';
}

/* The e-mail address around the '@' at s[at]: [*b, *e). 0 when none. */
static int email_at(const char *s, size_t at, size_t *b, size_t *e)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = at, j = at + 1, dot = 0;
    while (i > 0 && is_local(u[i - 1]))
        i--;
    while (i < at && u[i] == '.')
        i++; /* a sentence's full stop before the address */
    while (is_domain(u[j]))
        j++;
    while (j > at + 1 && (u[j - 1] == '.' || u[j - 1] == '-'))
        j--; /* a full stop or dash after it */
    for (size_t k = at + 1; k < j; k++)
        if (u[k] == '.')
            dot = k;
    if (i == at || !dot || dot == at + 1 || j - dot < 3)
        return 0;
    for (size_t k = dot + 1; k < j; k++)
        if (is_digit(u[k]) || u[k] == '-')
            return 0; /* the top-level domain is letters */
    *b = i;
    *e = j;
    return 1;
}

/* --- phone numbers -------------------------------------------------------- */

typedef struct run {
    size_t end;          /* one past the last digit or ')'              */
    int digits, groups;  /* digits; digit groups                        */
    int seps;            /* separator characters between groups         */
    char sep;            /* the separator, when only one kind is used   */
    int mixed;           /* more than one kind of separator             */
    int first, rest3;    /* first group's length; all others are 3 long */
    int dots;            /* '.' separators                              */
} run;

static int is_sep(unsigned char c)
{
    return c == ' ' || c == '.' || c == '-' || c == '(' || c == ')';
}

/* Separators seen since the last digit count once a digit follows. */
static void separated(run *r, char sep, int n)
{
    if (sep) {
        r->mixed |= r->sep && r->sep != sep;
        r->sep = sep;
        r->dots += sep == '.';
    }
    r->seps += n;
}

/* Scan the digits and separators from s[i] (a '+', '(' or digit). */
static run scan(const unsigned char *u, size_t i)
{
    run r = {.rest3 = 1};
    int len = 0, between = 0;
    char sep = 0;
    if (u[i] == '+')
        i++;
    for (;; i++) {
        if (is_digit(u[i])) {
            if (!len++) {
                r.groups++;
                separated(&r, sep, between);
            }
            r.digits++;
            r.end = i + 1;
            between = 0;
            sep = 0;
            continue;
        }
        if (len && r.groups == 1)
            r.first = len;
        else if (len && len != 3)
            r.rest3 = 0;
        len = 0;
        if (!is_sep(u[i]) || ++between > 2)
            break;
        if (u[i] == ')')
            r.end = i + 1;
        else if (u[i] != '(')
            sep = (char)u[i];
    }
    return r;
}

/* 4-2-2 or 2-2-4 (1-2 digits allowed) with '-', '.' or '/' between. */
static int looks_like_date(const unsigned char *u, size_t b, size_t e)
{
    int g[4] = {0}, n = 0;
    for (size_t i = b; i < e; i++) {
        if (is_digit(u[i])) {
            if (n == 0 || (i > b && !is_digit(u[i - 1]))) {
                if (n == 3)
                    return 0;
                n++;
            }
            g[n - 1]++;
        } else if (!strchr("-./", u[i])) {
            return 0;
        }
    }
    return n == 3 && ((g[0] == 4 && g[1] <= 2 && g[2] <= 2) ||
                      (g[0] <= 2 && g[1] <= 2 && g[2] == 4));
}

static int is_year(const unsigned char *u)
{
    return ((u[0] == '1' && u[1] == '9') || (u[0] == '2' && u[1] == '0')) &&
           is_digit(u[2]) && is_digit(u[3]);
}

/* A range of years, 2019-2023 or 2019 2023. */
static int year_range(const unsigned char *u, size_t b, size_t e)
{
    return e - b == 9 && is_year(u + b) && is_sep(u[b + 4]) &&
           is_year(u + b + 5);
}

/* Digits that read as something else: a plain number, a date, a range
   of years, an amount, a decimal number. */
static int other_number(const unsigned char *u, size_t i, const run *r)
{
    int plus = u[i] == '+';
    if (r->groups == 1)
        return !plus; /* 1500, 20240304, an id */
    if (looks_like_date(u, i, r->end) || year_range(u, i, r->end))
        return 1;
    if (plus || u[i] == '0')
        return 0;
    if (!r->mixed && r->first <= 3 && r->rest3 &&
        (r->sep == '.' || r->sep == ' '))
        return 1; /* an amount: 1.500.000, 2 000 000 */
    return r->groups == 2 && r->dots == 1 && r->seps == 1; /* 3.14159 */
}

/* Not part of a word, a number, a date or an address. */
static int boundary(unsigned char c)
{
    return c == '\0' || (!is_alnum(c) && !strchr("+.-/@", c));
}

/* A phone number starting at s[i]: [i, *e). 0 when none. */
static int phone_at(const char *s, size_t i, size_t *e)
{
    const unsigned char *u = (const unsigned char *)s;
    if (i > 0 && !boundary(u[i - 1]))
        return 0;
    run r = scan(u, i);
    if (r.digits < 7 || r.digits > 15 || is_alnum(u[r.end]) ||
        u[r.end] == '/' || u[r.end] == '@' ||
        (u[r.end] == '.' && is_digit(u[r.end + 1])))
        return 0;
    if (other_number(u, i, &r))
        return 0;
    *e = r.end;
    return 1;
}

/* The next e-mail address or phone number at or after s[from]. */
static int next_match(const char *s, size_t from, size_t *b, size_t *e,
                      const char **with)
{
    for (size_t i = from; s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '@' && email_at(s, i, b, e) && *b >= from) {
            *with = TALLY__REDACT_EMAIL;
            return 1;
        }
        if ((c == '+' || c == '(' || is_digit(c)) && phone_at(s, i, e)) {
            *b = i;
            *with = TALLY__REDACT_PHONE;
            return 1;
        }
    }
    return 0;
}

int tally__redact(const char *s, char **out)
{
    size_t b, e, from = 0, n = 0, cap = 0;
    const char *with;
    char *o = NULL;
    *out = NULL;
    while (next_match(s, from, &b, &e, &with)) {
        size_t need = n + (b - from) + strlen(with) + strlen(s + e) + 1;
        if (need > cap) {
            char *p = tally__reallocarray(o, need * 2, 1);
            if (!p) {
                tally__free(o);
                return -1;
            }
            o = p;
            cap = need * 2;
        }
        memcpy(o + n, s + from, b - from);
        n += b - from;
        memcpy(o + n, with, strlen(with));
        n += strlen(with);
        from = e;
    }
    if (!o)
        return 0;
    strcpy(o + n, s + from);
    *out = o;
    return 0;
}
