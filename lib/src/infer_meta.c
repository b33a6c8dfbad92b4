/*
 * infer_meta.c: recognise metadata and personal data columns (respondent
 * ids, dates, IP addresses, e-mail addresses, names, phone numbers,
 * locations), which are never tabulated and never written to any output.
 *
 * By header first (the names platforms and people give such columns),
 * then by content: at least 90 % of the answers look like e-mail or IP
 * addresses, date-times, UUIDs, or unique long numeric ids.
 */
#include <ctype.h>
#include <string.h>

#include "infer.h"
#include "utf8.h"

/* Header key: lower-case letters and digits only ("IP Address" ->
   "ipaddress", "E-mail" -> "email"). */
static void compact_key(const char *s, char *key, size_t cap)
{
    size_t n = 0;
    for (; *s && n + 1 < cap; s++)
        if (isalnum((unsigned char)*s))
            key[n++] = (char)tolower((unsigned char)*s);
    key[n] = '\0';
}

static const char *by_header(const char *name)
{
    static const struct {
        const char *key, *reason;
    } known[] = {
        {"respondentid", "identifier"}, {"responseid", "identifier"},
        {"id", "identifier"}, {"recordid", "identifier"},
        {"uuid", "identifier"}, {"instanceid", "identifier"},
        {"metainstanceid", "identifier"}, {"collectorid", "identifier"},
        {"externalreference", "identifier"},
        {"externaldatareference", "identifier"}, {"token", "identifier"},
        {"panelid", "identifier"}, {"prolificpid", "identifier"},
        {"startdate", "date"}, {"enddate", "date"}, {"timestamp", "date"},
        {"submitted", "date"}, {"submitdate", "date"},
        {"submissiondate", "date"}, {"datesubmitted", "date"},
        {"recordeddate", "date"}, {"datestamp", "date"},
        {"submissiontime", "date"}, {"completed", "date"},
        {"ipaddress", "IP address"}, {"ip", "IP address"},
        {"ipaddr", "IP address"}, {"email", "e-mail address"},
        {"emailaddress", "e-mail address"},
        {"recipientemail", "e-mail address"},
        {"youremail", "e-mail address"},
        {"youremailaddress", "e-mail address"}, {"name", "name"},
        {"firstname", "name"}, {"lastname", "name"}, {"fullname", "name"},
        {"surname", "name"}, {"familyname", "name"}, {"givenname", "name"},
        {"yourname", "name"}, {"respondentname", "name"},
        {"contactname", "name"}, {"recipientfirstname", "name"},
        {"recipientlastname", "name"}, {"phone", "phone number"},
        {"phonenumber", "phone number"}, {"telephone", "phone number"},
        {"mobile", "phone number"}, {"mobilenumber", "phone number"},
        {"latitude", "location"}, {"longitude", "location"},
        {"locationlatitude", "location"}, {"locationlongitude", "location"},
        {"gps", "location"}, {"geolocation", "location"},
        {"useragent", "platform metadata"},
    };
    char key[64];
    compact_key(name, key, sizeof key);
    for (size_t i = 0; i < TALLY_ARRAY_SIZE(known); i++)
        if (strcmp(key, known[i].key) == 0)
            return known[i].reason;
    return NULL;
}

int tally__meta_is_identifier(const char *header)
{
    const char *reason = header ? by_header(header) : NULL;
    return reason && strcmp(reason, "identifier") == 0;
}

static int looks_like_email(const char *s)
{
    const char *at = strchr(s, '@');
    return at && at > s && !strchr(at + 1, '@') && strchr(at, '.') &&
           !strpbrk(s, " ,;<>") && at[1] != '.' && s[strlen(s) - 1] != '.';
}

static int looks_like_ipv4(const char *s)
{
    for (int part = 0; part < 4; part++) {
        int digits = 0, v = 0;
        while (isdigit((unsigned char)*s) && digits < 4) {
            v = v * 10 + (*s++ - '0');
            digits++;
        }
        if (!digits || digits > 3 || v > 255)
            return 0;
        if (part < 3 && *s++ != '.')
            return 0;
    }
    return *s == '\0';
}

static int looks_like_ipv6(const char *s)
{
    int colons = 0;
    for (; *s; s++) {
        if (*s == ':')
            colons++;
        else if (!isxdigit((unsigned char)*s) && *s != '.')
            return 0;
    }
    return colons >= 2;
}

/* Skip 1..max digits; returns how many. */
static int digits(const char **s, int max)
{
    int n = 0;
    while (n < max && isdigit((unsigned char)**s)) {
        (*s)++;
        n++;
    }
    return n;
}

/* Optional time zone at the end of a time: "Z", "+01:00", "-0500",
   " GMT+1" (Google Forms), " UTC", " +0100". */
static int zone_part(const char *s)
{
    if (*s == ' ')
        s++;
    if (*s == 'Z')
        return s[1] == '\0';
    if (strncmp(s, "GMT", 3) == 0 || strncmp(s, "UTC", 3) == 0)
        s += 3;
    if (*s == '+' || *s == '-') {
        s++;
        if (!digits(&s, 4))
            return 0;
        if (*s == ':') {
            s++;
            if (digits(&s, 2) != 2)
                return 0;
        }
    }
    return *s == '\0';
}

/* "hh:mm[:ss[.fff]]"; advances *p; 0 when it is not one. */
static int clock_part(const char **p)
{
    const char *s = *p;
    if (!digits(&s, 2) || *s++ != ':' || digits(&s, 2) != 2)
        return 0;
    if (*s == ':') {
        s++;
        if (digits(&s, 2) != 2)
            return 0;
    }
    if (*s == '.') {
        s++;
        if (!digits(&s, 9))
            return 0;
    }
    *p = s;
    return 1;
}

/* Optional " hh:mm[:ss[.fff]][ AM|PM][zone]" after a date. */
static int time_part(const char *s)
{
    if (*s == '\0')
        return 1;
    if (*s != ' ' && *s != 'T')
        return 0;
    s++;
    if (!clock_part(&s))
        return 0;
    const char *m = *s == ' ' ? s + 1 : s;
    if ((*m == 'A' || *m == 'P' || *m == 'a' || *m == 'p') &&
        (m[1] == 'M' || m[1] == 'm'))
        s = m + 2;
    return zone_part(s);
}

/* 2020-03-14, 3/14/2020, 14.03.2020, optionally with a time. */
static int looks_like_date(const char *s)
{
    int a = digits(&s, 4);
    char sep = *s;
    if (!a || (sep != '-' && sep != '/' && sep != '.'))
        return 0;
    s++;
    if (!digits(&s, 2) || *s++ != sep)
        return 0;
    int c = digits(&s, 4);
    if (!(a == 4 || c == 4 || c == 2))
        return 0;
    return time_part(s);
}

static int looks_like_uuid(const char *s)
{
    static const int groups[] = {8, 4, 4, 4, 12};
    if (strncmp(s, "uuid:", 5) == 0)
        s += 5;
    for (int g = 0; g < 5; g++) {
        for (int i = 0; i < groups[g]; i++)
            if (!isxdigit((unsigned char)*s++))
                return 0;
        if (g < 4 && *s++ != '-')
            return 0;
    }
    return *s == '\0';
}

/* Unique numeric ids of six or more digits, or Qualtrics-style "R_..."
   tokens, one per respondent. */
static int looks_like_id(const char *s)
{
    if (strncmp(s, "R_", 2) == 0 && strlen(s) >= 10)
        return 1;
    size_t n = strspn(s, "0123456789");
    return n >= 6 && s[n] == '\0';
}

/* Distinct answers looked at: enough to judge, bounded for open text. */
#define SAMPLE 2000

/* At least 90 % of the answers satisfy pred (of the first SAMPLE
   distinct answers, weighted by their counts). */
static int mostly(const tally__colinfo *info, int (*pred)(const char *))
{
    size_t hits = 0, seen = 0;
    for (size_t i = 0; i < info->n_valid && i < SAMPLE; i++) {
        seen += info->valid[i].count;
        if (pred(info->valid[i].text))
            hits += info->valid[i].count;
    }
    return seen && hits * 10 >= seen * 9;
}

static const char *by_content(const tally__colinfo *info, size_t rows)
{
    if (!info->answered)
        return NULL;
    if (mostly(info, looks_like_email))
        return "e-mail address";
    if (mostly(info, looks_like_ipv4) || mostly(info, looks_like_ipv6))
        return "IP address";
    if (mostly(info, looks_like_date))
        return "date";
    if (mostly(info, looks_like_uuid))
        return "identifier";
    if (rows >= 10 && info->n_valid == info->answered &&
        info->answered * 10 >= rows * 9 && mostly(info, looks_like_id))
        return "identifier";
    return NULL;
}

const char *tally__meta_reason(const tally_raw *raw, size_t c,
                               const tally__colinfo *info)
{
    const tally_column *col = &raw->cols[c].info;
    if (col->role == TALLY_ROLE_META)
        return col->reason ? col->reason : "platform metadata";
    if (col->role == TALLY_ROLE_OPTION)
        return NULL; /* "1"/"0" ticks are no identifiers */
    const char *reason = by_header(col->name);
    return reason ? reason : by_content(info, tally_raw_rows(raw));
}
