/*
 * infer_column.c: what one column holds (see infer.h).
 *
 * The column's distinct answers come from its dictionary with their
 * counts, so a million-row column costs one pass over its ids and the
 * rest works on a handful of distinct values.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "dataset_internal.h"
#include "infer.h"
#include "likert.h"
#include "utf8.h"

#define SORT_LIMIT 4096

/* A finite number, blanks around allowed ("3", " 4.5 ", "-1e3"), that
   the dataset will read as one too (tally__parse_answer_number: not
   longer than 63 bytes), so that an inferred numeric question codes
   every answer that made it numeric. */
static int parse_number(const char *s, double *out)
{
    char *end;
    double coded;
    if (!tally__parse_answer_number(s, &coded))
        return 0;
    while (*s == ' ')
        s++;
    if (!*s || strpbrk(s, "nNiIxX"))
        return 0; /* no "nan", "inf", hex */
    double v = strtod(s, &end);
    while (*end == ' ')
        end++;
    if (*end || !isfinite(v))
        return 0;
    *out = v;
    return 1;
}

static int by_count_desc(const void *a, const void *b)
{
    const tally__value *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return strcmp(x->text, y->text);
}

static int by_number(const void *a, const void *b)
{
    double x = strtod(((const tally__value *)a)->text, NULL);
    double y = strtod(((const tally__value *)b)->text, NULL);
    return (x > y) - (x < y);
}

static int by_scale_pos(const void *a, const void *b)
{
    const tally__value *x = a, *y = b;
    return (x->scale_pos > y->scale_pos) - (x->scale_pos < y->scale_pos);
}

/* Split the column's distinct answers into valid ones and missing codes,
   most frequent first. */
static int collect_values(const tally_raw *raw, size_t c,
                          tally__arena *arena, tally__colinfo *info)
{
    const tally__strdict *d = &raw->cols[c].dict;
    size_t *counts = tally__calloc(d->count, sizeof *counts);
    info->valid = tally__arena_alloc(arena, d->count * sizeof *info->valid);
    info->missing = tally__arena_alloc(arena,
                                       d->count * sizeof *info->missing);
    if (!counts || !info->valid || !info->missing) {
        tally__free(counts);
        return -1;
    }
    tally__rawcol_count(raw, c, counts);
    double bytes = 0;
    /* In a column of thousands of different answers (open text, or
       numbers) a missing code such as "Don't know" still recurs: answers
       given once are not worth checking. */
    size_t check_from = d->count > TALLY__MAX_COMBINATIONS ? 2 : 1;
    for (size_t id = 1; id < d->count; id++) {
        if (!counts[id] || tally__is_blank(tally__strdict_str(d, id)))
            continue; /* blanks are no answer */
        tally__value v = {tally__strdict_str(d, id), counts[id], 0};
        info->answered += counts[id];
        bytes += (double)counts[id] * (double)tally__strdict_len(d, id);
        if (counts[id] >= check_from && tally__is_missing_label(v.text))
            info->missing[info->n_missing++] = v;
        else
            info->valid[info->n_valid++] = v;
    }
    tally__free(counts);
    info->mean_len = info->answered ? bytes / (double)info->answered : 0;
    /* Most frequent first names the options of a single question; a
       column with thousands of distinct answers is open text or joined
       options, for which the order does not matter. */
    if (info->n_valid <= SORT_LIMIT)
        qsort(info->valid, info->n_valid, sizeof *info->valid,
              by_count_desc);
    qsort(info->missing, info->n_missing, sizeof *info->missing,
          by_count_desc);
    return 0;
}

/* Declare the points lo..hi of a numeric rating scale. */
static int numeric_points(tally__colinfo *info, int lo, int hi,
                          tally__arena *arena)
{
    size_t n = (size_t)(hi - lo + 1);
    info->points = tally__arena_calloc(arena, n, sizeof *info->points);
    info->point_values = tally__arena_calloc(arena, n,
                                             sizeof *info->point_values);
    if (!info->points || !info->point_values)
        return -1;
    for (int v = lo; v <= hi; v++) {
        char text[8];
        snprintf(text, sizeof text, "%d", v);
        info->points[v - lo] = tally__arena_strdup(arena, text);
        info->point_values[v - lo] = v;
        if (!info->points[v - lo])
            return -1;
    }
    info->n_points = n;
    info->kind = TALLY__COL_SCALE;
    return 0;
}

/* A platform's numeric recodes (Qualtrics "Use numeric values",
   LimeSurvey answer codes): small whole numbers that are no rating
   scale are the codes of categories, in their numeric order. */
static void recodes(tally__colinfo *info, double lo, double hi)
{
    if (!info->no_joined || lo < 0 || hi > 10)
        return;
    qsort(info->valid, info->n_valid, sizeof *info->valid, by_number);
    info->kind = TALLY__COL_SINGLE;
}

/*
 * Numbers: a rating scale when they are whole numbers inside 1-5 (three
 * or more distinct), 1-7 (reaching 6 or 7) or 0-10 (reaching 6 or more,
 * four or more distinct: the 0-10 "likelihood to recommend"); any other
 * numbers are a numeric question. Returns 1 when the values are numbers.
 */
static int classify_numbers(tally__colinfo *info, tally__arena *arena,
                            int *rc)
{
    double lo = INFINITY, hi = -INFINITY;
    int whole = 1;
    for (size_t i = 0; i < info->n_valid; i++) {
        double v;
        if (!parse_number(info->valid[i].text, &v))
            return 0;
        whole &= v == floor(v);
        lo = v < lo ? v : lo;
        hi = v > hi ? v : hi;
    }
    size_t k = info->n_valid;
    *rc = 0;
    info->kind = TALLY__COL_NUMERIC;
    if (!whole)
        return 1;

    if (lo >= 1 && hi <= 5 && k >= 3)
        *rc = numeric_points(info, 1, 5, arena);
    else if (lo >= 1 && hi <= 7 && hi >= 6 && k >= 3)
        *rc = numeric_points(info, 1, 7, arena);
    else if (lo >= 0 && hi <= 10 && hi >= 6 && k >= 4)
        *rc = numeric_points(info, 0, 10, arena);
    else
        recodes(info, lo, hi);
    return 1;
}

/* "neither agree nor disagree" -> "Neither agree nor disagree". */
static const char *display_label(const char *key, tally__arena *arena)
{
    char *s = tally__arena_strdup(arena, key);
    if (s && s[0] >= 'a' && s[0] <= 'z')
        s[0] = (char)(s[0] - 'a' + 'A');
    return s;
}

/* Do the answers at each scale point differ at most in letter case,
   blanks and quotes? "Meets expectations" and "Meets expectations
   (Good)" are one point of the scale, but an option can only have one
   label, and the dataset would find no option for the other answer. */
static int same_spellings(const tally__colinfo *info, const size_t *pos)
{
    for (size_t i = 1; i < info->n_valid; i++)
        for (size_t j = 0; j < i; j++)
            if (pos[j] == pos[i] &&
                !tally__label_eq(info->valid[j].text, info->valid[i].text))
                return 0;
    return 1;
}

/* Known Likert labels: the points of the smallest matching variant, in
   the data's own spelling where observed. Returns 1 when matched. */
static int classify_likert(tally__colinfo *info, tally__arena *arena,
                           int *rc)
{
    const char *labels[TALLY__LIKERT_MAX_LABELS];
    size_t pos[TALLY__LIKERT_MAX_LABELS];
    if (info->n_valid > TALLY__LIKERT_MAX_LABELS)
        return 0;
    for (size_t i = 0; i < info->n_valid; i++)
        labels[i] = info->valid[i].text;
    const tally__likert_variant *v =
        tally__likert_match(labels, info->n_valid, pos);
    if (!v || !same_spellings(info, pos))
        return 0;
    *rc = -1;
    info->points = tally__arena_calloc(arena, v->points, sizeof(char *));
    info->point_values = tally__arena_calloc(arena, v->points,
                                             sizeof(double));
    if (!info->points || !info->point_values)
        return 1;
    /* Most frequent spelling first: it names the point. */
    for (size_t i = 0; i < info->n_valid; i++) {
        info->valid[i].scale_pos = pos[i];
        if (!info->points[pos[i]])
            info->points[pos[i]] = info->valid[i].text;
    }
    for (size_t p = 0; p < v->points; p++) {
        info->point_values[p] = (double)(p + 1);
        if (!info->points[p])
            info->points[p] = display_label(v->labels[p], arena);
        if (!info->points[p])
            return 1;
    }
    qsort(info->valid, info->n_valid, sizeof *info->valid, by_scale_pos);
    info->n_points = v->points;
    info->kind = TALLY__COL_SCALE;
    *rc = 0;
    return 1;
}

/* Open answers: many distinct ones (more than max_options, or most
   answers different and long), or answers with line breaks. */
static int looks_like_text(const tally__colinfo *info, size_t max_options)
{
    size_t valid_answers = 0;
    for (size_t i = 0; i < info->n_valid; i++) {
        if (strchr(info->valid[i].text, '\n'))
            return 1;
        valid_answers += info->valid[i].count;
    }
    if (info->n_valid > max_options)
        return 1;
    return info->n_valid >= 4 && info->n_valid * 2 >= valid_answers &&
           info->mean_len >= 20;
}

int tally__classify(tally__colinfo *info, size_t max_options,
                    tally__arena *arena)
{
    int rc = 0;
    if (!info->n_valid) {
        info->kind = info->n_missing ? TALLY__COL_SINGLE : TALLY__COL_EMPTY;
        return 0;
    }
    if (classify_numbers(info, arena, &rc))
        return rc;
    /* More different answers than combinations of twelve options: open
       text, without looking at every one of them. */
    if (info->n_valid > TALLY__MAX_COMBINATIONS) {
        info->kind = TALLY__COL_TEXT;
        return 0;
    }
    if (classify_likert(info, arena, &rc))
        return rc;
    if (info->joiner)
        rc = tally__infer_joined(info, info->joiner, 1, max_options, arena);
    else if (!info->no_joined)
        rc = tally__infer_joined(info, ", ", 0, max_options, arena);
    if (rc != 0)
        return rc < 0 ? -1 : 0;
    info->kind = looks_like_text(info, max_options) ? TALLY__COL_TEXT
                                                    : TALLY__COL_SINGLE;
    return 0;
}

int tally__infer_column(const tally_raw *raw, size_t c, size_t max_options,
                        tally__arena *arena, tally__colinfo *info)
{
    memset(info, 0, sizeof *info);
    info->col = c;
    if (collect_values(raw, c, arena, info) != 0)
        return -1;
    info->reason = tally__meta_reason(raw, c, info);
    if (info->reason) {
        info->kind = TALLY__COL_META;
        return 0;
    }
    const tally_column *col = &raw->cols[c].info;
    tally_dialect d = raw->source.dialect;
    info->no_joined = d != TALLY_DIALECT_PLAIN &&
                      d != TALLY_DIALECT_GOOGLE_FORMS &&
                      d != TALLY_DIALECT_AUTO;
    if (col->role == TALLY_ROLE_TEXT || col->role == TALLY_ROLE_OTHER_TEXT) {
        info->kind = TALLY__COL_TEXT;
        return 0;
    }
    /* An answer column with a separator may hold one choice or several
       (Qualtrics); the data decide. */
    if (col->role == TALLY_ROLE_ANSWER)
        info->joiner = col->separator;
    if (col->role == TALLY_ROLE_JOINED && col->separator &&
        strcmp(col->separator, ", ") != 0) {
        int rc = tally__infer_split(info, col->separator, max_options,
                                    arena);
        if (rc != 0)
            return rc < 0 ? -1 : 0;
    }
    return tally__classify(info, max_options, arena);
}
