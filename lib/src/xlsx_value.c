/*
 * xlsx_value.c: how an XLSX cell's value becomes text: numbers as the
 * shortest text that reads back as the same double, dates and times
 * (numbers whose format is a date format) as ISO 8601 text, and the
 * _xHHHH_ escapes of strings. The C locale is in use (read.c).
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "utf8.h"
#include "xlsx.h"

/* --- number formats ------------------------------------------------------- */

/* Built-in format ids (ECMA-376 Part 1, 18.8.30): 14-17 dates, 18-21
   times, 22 date and time, 45-47 times; 27-36 and 50-58 are the East
   Asian locales' dates (32, 33: times). */
static tally__numkind builtin_kind(unsigned long id)
{
    if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) ||
        (id >= 34 && id <= 36) || (id >= 50 && id <= 58))
        return TALLY__NUM_DATE;
    if ((id >= 18 && id <= 21) || id == 32 || id == 33 ||
        (id >= 45 && id <= 47))
        return TALLY__NUM_TIME;
    return id == 22 ? TALLY__NUM_DATETIME : TALLY__NUM_PLAIN;
}

/* Skip what cannot be a date or time token at code[i] (quoted text,
   escaped and fill characters, [colour] and [$-locale] brackets, AM/PM);
   returns the next index, or i when code[i] is to be looked at. Elapsed
   time brackets ([h], [mm], [ss]) set *time. */
static size_t skip_literal(const char *code, size_t i, int *time)
{
    char c = code[i];
    if (c == '"') {
        const char *q = strchr(code + i + 1, '"');
        return q ? (size_t)(q - code) + 1 : strlen(code);
    }
    if ((c == '\\' || c == '_' || c == '*') && code[i + 1])
        return i + 2;
    if (c == '[') {
        const char *q = strchr(code + i, ']');
        size_t end = q ? (size_t)(q - code) + 1 : strlen(code);
        char k = (char)tolower((unsigned char)code[i + 1]);
        if (k == 'h' || k == 'm' || k == 's')
            *time = 1;
        return end;
    }
    if (!strncasecmp(code + i, "AM/PM", 5))
        return i + 5;
    if (!strncasecmp(code + i, "A/P", 3))
        return i + 3;
    return i;
}

tally__numkind tally__xlsx_numkind(unsigned long id, const char *code)
{
    if (!code)
        return builtin_kind(id);
    int date = 0, time = 0, month = 0;
    /* Only the first section (positive numbers) matters. */
    for (size_t i = 0; code[i] && code[i] != ';';) {
        size_t next = skip_literal(code, i, &time);
        if (next != i) {
            i = next;
            continue;
        }
        char c = (char)tolower((unsigned char)code[i++]);
        if (c == 'y' || c == 'd')
            date = 1;
        else if (c == 'h' || c == 's')
            time = 1;
        else if (c == 'm')
            month = 1;
    }
    /* "m" is a month, unless the format has hours or seconds ("mm:ss"). */
    date |= month && !time;
    if (date && time)
        return TALLY__NUM_DATETIME;
    return date ? TALLY__NUM_DATE : time ? TALLY__NUM_TIME : TALLY__NUM_PLAIN;
}

/* --- numbers -------------------------------------------------------------- */

void tally__xlsx_number(double v, char *buf, size_t cap)
{
    if (v == 0) {
        snprintf(buf, cap, "0"); /* also -0 */
        return;
    }
    if (v == floor(v) && fabs(v) < 1e15) {
        snprintf(buf, cap, "%.0f", v); /* 42, not 42.0 or 4.2e+01 */
        return;
    }
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, cap, "%.*g", digits, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

/* --- dates ---------------------------------------------------------------- */

/*
 * Year, month and day of a count of days since 1970-01-01 in the
 * proleptic Gregorian calendar: Howard Hinnant's civil_from_days
 * ("chrono-Compatible Low-Level Date Algorithms", 2013).
 */
static void civil_from_days(long z, long *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

/* Days from 1970-01-01 to the day before serial 1 of each system, less
   one for the 1900 system's fictitious 1900-02-29 (serial 60), which
   Excel keeps for Lotus 1-2-3 compatibility (ECMA-376 Part 1,
   18.17.4.1). */
#define EPOCH_1900 (-25569L) /* 1899-12-30: serials from 61 on         */
#define EPOCH_1904 (-24107L) /* 1904-01-01 is serial 0                  */
#define LAST_SERIAL 2958465.0 /* 9999-12-31                             */

void tally__iso_time(double secs, char *buf, size_t cap)
{
    long t = lround(secs);
    snprintf(buf, cap, "%02ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
}

void tally__iso_date(double days, tally__numkind kind, char *buf, size_t cap)
{
    double day = floor(days);
    long secs = lround((days - day) * 86400.0);
    long y, whole = (long)day + secs / 86400; /* 23:59:59.6 rounds up */
    int m, d;
    secs %= 86400;
    civil_from_days(whole, &y, &m, &d);
    if (kind == TALLY__NUM_DATE || (secs == 0 && kind != TALLY__NUM_DATETIME))
        snprintf(buf, cap, "%04ld-%02d-%02d", y, m, d);
    else
        snprintf(buf, cap, "%04ld-%02d-%02d %02ld:%02ld:%02ld", y, m, d,
                 secs / 3600, secs / 60 % 60, secs % 60);
}

int tally__xlsx_date(double serial, tally__numkind kind, int date1904,
                     char *buf, size_t cap)
{
    if (!(serial >= 0 && serial <= LAST_SERIAL + 1))
        return 0;
    if (kind == TALLY__NUM_TIME && serial < 1) {
        tally__iso_time(serial * 86400.0, buf, cap);
        return 1;
    }
    if (!date1904 && serial >= 60 && serial < 61) {
        /* The day that never was: written as Excel shows it. */
        tally__iso_date(EPOCH_1900 + 1 + serial - 1, kind, buf, cap);
        memcpy(buf + 8, "29", 2);
        return 1;
    }
    double epoch = date1904 ? EPOCH_1904 : EPOCH_1900 + (serial < 60);
    tally__iso_date(epoch + serial, kind, buf, cap);
    return 1;
}

/* --- strings -------------------------------------------------------------- */

static int hex4(const char *p, unsigned *v)
{
    *v = 0;
    for (int i = 0; i < 4; i++) {
        if (!isxdigit((unsigned char)p[i]))
            return 0;
        int c = tolower((unsigned char)p[i]);
        *v = *v * 16 + (unsigned)(isdigit(c) ? c - '0' : c - 'a' + 10);
    }
    return 1;
}

void tally__xlsx_unescape(char *s, size_t *len)
{
    size_t r = 0, w = 0, n = *len;
    unsigned v;
    while (r < n) {
        /* _xHHHH_ stands for the character U+HHHH (a surrogate, which
           could not be one, stays as written). */
        if (s[r] == '_' && r + 7 <= n && s[r + 1] == 'x' && s[r + 6] == '_' &&
            hex4(s + r + 2, &v) && (v < 0xD800 || v > 0xDFFF)) {
            w += tally__utf8_put(v, s + w);
            r += 7;
        } else {
            s[w++] = s[r++];
        }
    }
    *len = w;
}

int tally__xlsx_ref(const char *ref, unsigned long *col, unsigned long *row)
{
    unsigned long c = 0, r = 0;
    size_t i = 0;
    for (; isalpha((unsigned char)ref[i]); i++) {
        if (i >= 3)
            return 0; /* XFD (16384) is the last column */
        c = c * 26 + (unsigned long)(toupper((unsigned char)ref[i]) - 'A' + 1);
    }
    for (size_t k = 0; isdigit((unsigned char)ref[i]); i++, k++) {
        if (k >= 9)
            return 0;
        r = r * 10 + (unsigned long)(ref[i] - '0');
    }
    if (ref[i] || !c)
        return 0;
    *col = c;
    *row = r;
    return 1;
}
