/*
 * infer_multi.c: multi-select answers, joined in one column ("Excel,
 * Python"; Qualtrics: "Red,Blue" or "1,3") or one column per option
 * (ticked / not ticked).
 *
 * Joined answers are split by matching the known options longest first,
 * never by naive splitting (formats.md 4: Google Forms joins checkbox
 * options with ", ", and an option may itself contain ", ", as in
 * "Hispanic, Latino, or Spanish origin"). Options are learned from the
 * answers that hold one option only, and from answers with separators
 * but without a known option that recur within other answers (that
 * option, chosen alone); the rest of the text is split at the separator
 * unless the next piece goes on in lower case. Free text that merely
 * contains commas is told apart by its pieces: options recur, free-text
 * pieces mostly do not.
 *
 * Qualtrics' current exporter joins a checkbox question's choices with
 * "," in one column by default (formats.md 2.4), in a column that may
 * as well hold a single choice or text: there the reading is strict
 * (clear_options()), and a blank after the comma keeps it inside an
 * option ("Training, coaching"), as Qualtrics joins without one.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "infer.h"
#include "likert.h"
#include "utf8.h"

typedef struct learner {
    const char *sep;       /* the joiner: ", " (Google Forms), ","     */
    size_t seplen;
    tally__value *opt;     /* options found, with tick counts          */
    size_t n, cap;
    long *before;          /* before[a * cap + b]: a listed before b    */
    size_t several;        /* answers holding two or more options       */
    int strict;            /* options must be codes or chosen alone     */
} learner;

/* Answers with the separator, and answers with two or more options,
   must be at least one in share(strict) of the answers: one in twenty
   for Google Forms, whose checkbox answers are known to be joined; one
   in ten where a platform's single-choice answers could be meant
   (strict). */
static size_t share(int strict)
{
    return strict ? 10 : 20;
}

static long find_option(const learner *l, const char *s, size_t len)
{
    for (size_t i = 0; i < l->n; i++)
        if (strlen(l->opt[i].text) == len &&
            memcmp(l->opt[i].text, s, len) == 0)
            return (long)i;
    return -1;
}

/* Longest known option at s that ends at a separator or the end. */
static long longest_at(const learner *l, const char *s)
{
    long best = -1;
    size_t best_len = 0;
    for (size_t i = 0; i < l->n; i++) {
        size_t len = strlen(l->opt[i].text);
        if (len > best_len && strncmp(s, l->opt[i].text, len) == 0 &&
            (s[len] == '\0' || strncmp(s + len, l->sep, l->seplen) == 0)) {
            best = (long)i;
            best_len = len;
        }
    }
    return best;
}

static long add_option(learner *l, const char *s, size_t len,
                       tally__arena *arena)
{
    long known = find_option(l, s, len);
    if (known >= 0)
        return known;
    if (l->n == l->cap)
        return -2; /* more pieces than any option list: free text */
    l->opt[l->n].text = tally__arena_strndup(arena, s, len);
    l->opt[l->n].count = 0;
    return l->opt[l->n].text ? (long)l->n++ : -1;
}

/* Is a parenthesis opened in [s, end) and not closed? */
static int open_paren(const char *s, const char *end)
{
    int depth = 0;
    for (; s < end; s++)
        depth += (*s == '(') - (*s == ')');
    return depth > 0;
}

/*
 * Does the unknown option at s go on past the separator at next? It
 * does inside parentheses ("Master (e.g. MA, MS)"), and where the text
 * goes on in lower case after ", " ("Visibility, profile and
 * outreach"); after a joiner without a blank (Qualtrics' ","), where a
 * blank follows ("Training, coaching"): options are joined without one,
 * so that comma is the option's own. Lower case says nothing there
 * ("email,phone" are two options).
 */
static int continues(const learner *l, const char *s, const char *next)
{
    unsigned char after = (unsigned char)next[l->seplen];
    if (open_paren(s, next))
        return 1;
    if (l->sep[l->seplen - 1] != ' ')
        return after == ' ';
    return islower(after);
}

/* Split one answer; count ticks and which option came first. */
static int split_answer(learner *l, const tally__value *v,
                        tally__arena *arena)
{
    long seen[64];
    size_t n_seen = 0;
    for (const char *s = v->text; *s;) {
        const char *sep = strstr(s, l->sep);
        size_t piece = sep ? (size_t)(sep - s) : strlen(s);
        if (strspn(s, " ") >= piece) { /* ", , R", ", R": no option */
            s += piece + (sep ? l->seplen : 0);
            continue;
        }
        long o = longest_at(l, s);
        size_t len = o >= 0 ? strlen(l->opt[o].text) : 0;
        if (o < 0) {
            const char *next = strstr(s, l->sep);
            while (next && continues(l, s, next))
                next = strstr(next + l->seplen, l->sep);
            len = next ? (size_t)(next - s) : strlen(s);
            o = add_option(l, s, len, arena);
            if (o < 0)
                return (int)o;
        }
        l->opt[o].count += v->count;
        for (size_t k = 0; k < n_seen; k++)
            l->before[(size_t)seen[k] * l->cap + (size_t)o] +=
                (long)v->count;
        if (n_seen < 64)
            seen[n_seen++] = o;
        s += len;
        if (strncmp(s, l->sep, l->seplen) == 0)
            s += l->seplen;
    }
    if (n_seen >= 2)
        l->several += v->count;
    return 0;
}

/* Net number of times option a was listed before the others: platforms
   list ticked options in the form's order, which is the order to show. */
static long precedence(const learner *l, size_t a)
{
    long net = 0;
    for (size_t b = 0; b < l->n; b++)
        net += l->before[a * l->cap + b] - l->before[b * l->cap + a];
    return net;
}

/* Does option a come before option b: listed earlier by more
   respondents, then more often ticked, then alphabetically. */
static int comes_before(const learner *l, const long *score, size_t a,
                        size_t b)
{
    if (score[a] != score[b])
        return score[a] > score[b];
    if (l->opt[a].count != l->opt[b].count)
        return l->opt[a].count > l->opt[b].count;
    return strcmp(l->opt[a].text, l->opt[b].text) < 0;
}

/* Is a listed after b more often than before it? */
static int follows(const learner *l, size_t a, size_t b)
{
    return l->before[b * l->cap + a] > l->before[a * l->cap + b];
}

/*
 * The next option in form order, among those not placed yet: one that
 * follows none of the others, as few as possible when answers disagree
 * (a form that shuffles its options). Options never ticked together
 * come by comes_before(). A net score alone put a rarely ticked "Other",
 * always listed last, before options ticked often that it follows.
 */
static size_t next_option(const learner *l, const long *score,
                          unsigned char *placed)
{
    size_t best = 0, best_after = (size_t)-1;
    for (size_t a = 0; a < l->n; a++) {
        size_t after = 0;
        for (size_t b = 0; !placed[a] && b < l->n; b++)
            after += !placed[b] && follows(l, a, b);
        if (placed[a] || after > best_after ||
            (after == best_after && !comes_before(l, score, a, best)))
            continue;
        best = a;
        best_after = after;
    }
    placed[best] = 1;
    return best;
}

/* Options recur; free-text pieces do not: 90 % of the ticks must fall on
   options chosen at least twice. */
static int recurring(const learner *l)
{
    size_t all = 0, repeated = 0;
    for (size_t i = 0; i < l->n; i++) {
        all += l->opt[i].count;
        if (l->opt[i].count >= 2)
            repeated += l->opt[i].count;
    }
    return l->n >= 2 && repeated * 10 >= all * 9;
}

/* Is s digits only? */
static int digits(const char *s)
{
    return *s && strspn(s, "0123456789") == strlen(s);
}

/* Is s a numeric recode as a platform writes it: 1 to max, without
   leading zeros ("1,500" and "2,000" are amounts, not codes)? */
static int code(const char *s, size_t max)
{
    if (!digits(s) || *s == '0' || strlen(s) > 3)
        return 0;
    return (size_t)atoi(s) <= max;
}

/* Is the option a whole answer of its own somewhere? */
static int alone(const tally__colinfo *info, const char *s)
{
    for (size_t i = 0; i < info->n_valid; i++)
        if (!strcmp(info->valid[i].text, s))
            return 1;
    for (size_t i = 0; i < info->n_missing; i++)
        if (!strcmp(info->missing[i].text, s))
            return 1;
    return 0;
}

/*
 * Strict reading (a platform's column that may be single choice, or
 * free text with commas): every option is a numeric recode (Qualtrics
 * "Use numeric values": "1,3"; other digits are an amount, "1,500")
 * or a text that some respondent chose alone ("Red,Blue" next to
 * "Red"). Pieces of prose ("Lorem, ipsum") are neither.
 */
static int clear_options(const learner *l, const tally__colinfo *info)
{
    for (size_t i = 0; i < l->n; i++) {
        const char *s = l->opt[i].text;
        if (digits(s) ? !code(s, l->cap)
                      : !alone(info, s) && !tally__is_missing_label(s))
            return 0;
    }
    return 1;
}

/* Options of the answers that hold one option only. 0, -2 when there
   are more than any option list (free text), -1 out of memory. */
static int learn_singles(learner *l, const tally__colinfo *info,
                         tally__arena *arena)
{
    for (size_t i = 0; i < info->n_valid; i++)
        if (!strstr(info->valid[i].text, l->sep) &&
            add_option(l, info->valid[i].text, strlen(info->valid[i].text),
                       arena) < 0)
            return l->n == l->cap ? -2 : -1;
    return 0;
}

static int split_all(learner *l, const tally__colinfo *info,
                     tally__arena *arena)
{
    for (size_t i = 0; i < info->n_valid; i++) {
        int rc = split_answer(l, &info->valid[i], arena);
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* Is any piece of s, split at every separator, a known option? */
static int has_known_piece(const learner *l, const char *s)
{
    for (;;) {
        const char *next = strstr(s, l->sep);
        size_t len = next ? (size_t)(next - s) : strlen(s);
        if (find_option(l, s, len) >= 0)
            return 1;
        if (!next)
            return 0;
        s = next + l->seplen;
    }
}

/*
 * An answer with the separator none of whose pieces is a known option
 * may be one option chosen alone ("Hispanic, Latino, or Spanish
 * origin"). It is, when splitting the answers with it among the options
 * finds it within other answers too; else it is left to split_answer().
 * cand[i] is set for the confirmed ones among info->valid[i].
 */
static int confirm_candidates(learner *l, const tally__colinfo *info,
                              unsigned char *cand, tally__arena *arena)
{
    size_t n = 0;
    for (size_t i = 0; i < info->n_valid; i++) {
        cand[i] = strstr(info->valid[i].text, l->sep) &&
                  !has_known_piece(l, info->valid[i].text);
        n += cand[i];
    }
    if (!n || l->n + n >= l->cap) {
        memset(cand, 0, info->n_valid);
        return 0;
    }
    for (size_t i = 0; i < info->n_valid; i++)
        if (cand[i] && add_option(l, info->valid[i].text,
                                  strlen(info->valid[i].text), arena) < 0)
            return -1;
    int rc = split_all(l, info, arena);
    if (rc == -2) { /* too many pieces with them: split them as well */
        memset(cand, 0, info->n_valid);
        rc = 0;
    }
    for (size_t i = 0; rc == 0 && i < info->n_valid; i++) {
        const char *t = info->valid[i].text;
        cand[i] = cand[i] &&
                  l->opt[find_option(l, t, strlen(t))].count >
                      info->valid[i].count;
    }
    /* Start again from the answers that hold one option. */
    l->n = 0;
    l->several = 0;
    memset(l->before, 0, l->cap * l->cap * sizeof *l->before);
    return rc == 0 ? learn_singles(l, info, arena) : rc;
}

/* Can s be read as two or more known options other than skip, longest
   first? Then the option skip is a combination of them. */
static int composite(const learner *l, const char *s, size_t skip)
{
    size_t parts = 0;
    while (*s) {
        size_t best = 0;
        for (size_t i = 0; i < l->n; i++) {
            size_t len = strlen(l->opt[i].text);
            if (i != skip && len > best &&
                !strncmp(s, l->opt[i].text, len) &&
                (!s[len] || !strncmp(s + len, l->sep, l->seplen)))
                best = len;
        }
        if (!best)
            return 0;
        parts++;
        s += best;
        if (!strncmp(s, l->sep, l->seplen))
            s += l->seplen;
    }
    return parts >= 2;
}

/* Drop the options that are combinations of others (a whole answer
   learned as an option before its parts were known) and split the
   answers again. */
static int drop_composites(learner *l, const tally__colinfo *info,
                           tally__arena *arena)
{
    size_t kept = 0, n = l->n;
    for (size_t i = 0; i < n; i++)
        if (!strstr(l->opt[i].text, l->sep) ||
            !composite(l, l->opt[i].text, i))
            l->opt[kept++] = l->opt[i];
    if (kept == n)
        return 0;
    l->n = kept;
    l->several = 0;
    for (size_t i = 0; i < l->n; i++)
        l->opt[i].count = 0;
    memset(l->before, 0, l->cap * l->cap * sizeof *l->before);
    return split_all(l, info, arena);
}

static int learn(learner *l, const tally__colinfo *info, tally__arena *arena)
{
    unsigned char *cand = tally__calloc(info->n_valid + 1, 1);
    if (!cand)
        return -1;
    int rc = learn_singles(l, info, arena);
    if (rc == 0)
        rc = confirm_candidates(l, info, cand, arena);
    for (size_t i = 0; rc == 0 && i < info->n_valid; i++)
        if (cand[i] && add_option(l, info->valid[i].text,
                                  strlen(info->valid[i].text), arena) < 0)
            rc = -1;
    if (rc == 0)
        rc = split_all(l, info, arena);
    if (rc == 0)
        rc = drop_composites(l, info, arena);
    tally__free(cand);
    if (rc == -2)
        return 0;
    /* Hardly anybody chose two options (one in twenty, strict: ten): a
       single-choice
       question whose options or "Other" answers contain the separator,
       not a multi-select one. */
    return rc < 0 ? -1
                  : recurring(l) &&
                        l->several * share(l->strict) >= info->answered &&
                        (!l->strict || clear_options(l, info));
}

/* A missing code ticked together with options ("Excel, Don't know") is
   the column's missing code, not an option; info->missing has room. */
static void add_missing(tally__colinfo *info, const tally__value *v)
{
    for (size_t i = 0; i < info->n_missing; i++)
        if (!strcmp(info->missing[i].text, v->text)) {
            info->missing[i].count += v->count;
            return;
        }
    info->missing[info->n_missing++] = *v;
}

/* Copy the options into info in form order (at most 64 of them), and
   the missing codes among them into info->missing. */
static int keep_options(const learner *l, tally__colinfo *info,
                        tally__arena *arena)
{
    long score[64];
    size_t order[64];
    unsigned char placed[64] = {0};
    for (size_t i = 0; i < l->n; i++)
        score[i] = precedence(l, i);
    for (size_t i = 0; i < l->n; i++)
        order[i] = next_option(l, score, placed);
    info->options = tally__arena_calloc(arena, l->n, sizeof *info->options);
    tally__value *missing = tally__arena_calloc(arena, info->n_missing + l->n,
                                                sizeof *missing);
    if (!info->options || !missing)
        return -1;
    memcpy(missing, info->missing, info->n_missing * sizeof *missing);
    info->missing = missing;
    for (size_t i = 0; i < l->n; i++)
        if (!tally__is_missing_label(l->opt[order[i]].text))
            info->options[info->n_options++] = l->opt[order[i]];
        else
            add_missing(info, &l->opt[order[i]]);
    info->kind = TALLY__COL_JOINED;
    return 0;
}

int tally__infer_joined(tally__colinfo *info, const char *sep, int strict,
                        size_t max_options, tally__arena *arena)
{
    size_t joined = 0;
    if (!*sep || info->n_valid > TALLY__MAX_COMBINATIONS)
        return 0;
    for (size_t i = 0; i < info->n_valid; i++)
        if (strstr(info->valid[i].text, sep))
            joined += info->valid[i].count;
    if (!joined || joined * share(strict) < info->answered)
        return 0;
    learner l = {.sep = sep, .seplen = strlen(sep), .strict = strict};
    l.cap = max_options < 64 ? max_options : 64;
    l.opt = tally__calloc(l.cap, sizeof *l.opt);
    l.before = tally__calloc(l.cap * l.cap, sizeof *l.before);
    int rc = -1;
    if (l.opt && l.before) {
        rc = learn(&l, info, arena);
        if (rc == 1)
            rc = keep_options(&l, info, arena) == 0 ? 1 : -1;
    }
    tally__free(l.opt);
    tally__free(l.before);
    return rc;
}

/* Add count ticks of the piece s (len bytes) to the options of info. */
static int count_piece(tally__colinfo *info, size_t cap, const char *s,
                       size_t len, size_t count, tally__arena *arena)
{
    for (size_t i = 0; i < info->n_options; i++)
        if (strlen(info->options[i].text) == len &&
            !memcmp(info->options[i].text, s, len)) {
            info->options[i].count += count;
            return 0;
        }
    if (info->n_options == cap)
        return 1;
    tally__value *v = &info->options[info->n_options++];
    v->text = tally__arena_strndup(arena, s, len);
    v->count = count;
    return v->text ? 0 : -1;
}

static int by_ticks(const void *a, const void *b)
{
    const tally__value *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return strcmp(x->text, y->text);
}

int tally__infer_split(tally__colinfo *info, const char *sep,
                       size_t max_options, tally__arena *arena)
{
    size_t seplen = strlen(sep);
    if (!seplen || info->n_valid > TALLY__MAX_COMBINATIONS)
        return 0;
    info->options = tally__arena_calloc(arena, max_options + 1,
                                        sizeof *info->options);
    if (!info->options)
        return -1;
    info->n_options = 0;
    for (size_t i = 0; i < info->n_valid; i++)
        for (const char *s = info->valid[i].text; *s;) {
            const char *end = strstr(s, sep);
            size_t len = end ? (size_t)(end - s) : strlen(s);
            int rc = len ? count_piece(info, max_options, s, len,
                                       info->valid[i].count, arena)
                         : 0;
            if (rc != 0) {
                info->n_options = 0;
                return rc < 0 ? -1 : 0;
            }
            s += len + (end ? seplen : 0);
        }
    qsort(info->options, info->n_options, sizeof *info->options, by_ticks);
    info->kind = TALLY__COL_JOINED;
    return 1;
}

int tally__is_tick(const char *s)
{
    static const char *const ticks[] = {"1", "y", "x", "true", "selected",
                                        "checked", "ticked"};
    for (size_t i = 0; i < TALLY_ARRAY_SIZE(ticks); i++)
        if (strcasecmp(s, ticks[i]) == 0)
            return 1;
    return 0;
}

int tally__is_untick(const char *s)
{
    if (tally__is_blank(s))
        return 1;
    /* "n/a": Kobo's choice column of a question not asked. */
    static const char *const unticks[] = {"", "0", "n", "no", "false",
                                          "not selected", "unchecked",
                                          "n/a"};
    for (size_t i = 0; i < TALLY_ARRAY_SIZE(unticks); i++)
        if (strcasecmp(s, unticks[i]) == 0)
            return 1;
    return 0;
}
