/*
 * dataset_code.c: code the answers of one question (see
 * dataset_internal.h for the representation).
 *
 * Each column's distinct answers are matched to the question's options
 * once; the rows are then coded through that lookup table, one pass per
 * column. An answer that fits no option is an error naming the question,
 * the answer and its line (or counted as "Other" when the codebook says
 * other: true), so no answer is ever dropped silently.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "dataset_internal.h"
#include "infer.h"
#include "raw.h"
#include "utf8.h"

/* Every comma is followed by exactly three digits: "55,000". */
static int thousands_commas(const char *s)
{
    const char *p = strchr(s, ',');
    if (!p)
        return 0;
    for (; p; p = strchr(p + 1, ',')) {
        for (int i = 1; i <= 3; i++)
            if (p[i] < '0' || p[i] > '9')
                return 0;
        if (p[4] && !strchr(",. ", p[4]))
            return 0;
    }
    return 1;
}

/*
 * A number as respondents type it: "3", "-2.5", "55,000" (commas before
 * groups of three digits separate thousands, so "3,500" is 3500), "3,5"
 * (any other single comma is a decimal comma).
 */
int tally__parse_answer_number(const char *s, double *out)
{
    char buf[64];
    size_t n = 0;
    int drop_commas = thousands_commas(s);
    const char *comma = strchr(s, ',');
    if (!drop_commas && comma && strchr(comma + 1, ','))
        return 0;
    for (; *s && n + 1 < sizeof buf; s++) {
        if (*s == ',' && drop_commas)
            continue;
        buf[n++] = *s == ',' ? '.' : *s;
    }
    buf[n] = '\0';
    if (*s || strpbrk(buf, "nNiIxXpP"))
        return 0; /* too long, or nan/inf/hex */
    char *end;
    double v = strtod(buf, &end);
    while (*end == ' ')
        end++;
    if (end == buf || *end || !isfinite(v))
        return 0;
    *out = v;
    return 1;
}

long tally__match_option(const tally_question *q, const char *text)
{
    for (size_t i = 0; i < q->n_options; i++) {
        const tally_option *o = &q->options[i];
        if (!strcmp(o->label, text) || (o->code && !strcmp(o->code, text)))
            return (long)i;
    }
    for (size_t i = 0; i < q->n_options; i++) {
        const tally_option *o = &q->options[i];
        if (tally__label_eq(o->label, text) ||
            (o->code && tally__label_eq(o->code, text)))
            return (long)i;
    }
    double v, w;
    if (!tally__parse_answer_number(text, &v))
        return -1;
    for (size_t i = 0; i < q->n_options; i++)
        if (tally__parse_answer_number(q->options[i].label, &w) &&
            w == v)
            return (long)i;
    for (size_t i = 0; q->ordered && i < q->n_options; i++)
        if (!q->options[i].missing && q->options[i].value == v)
            return (long)i;
    return -1;
}

/* --- errors --------------------------------------------------------------- */

static tally_status bad_answer(const tally_raw *raw, size_t c,
                               const tally_question *q, const char *answer,
                               long line, const char *expected,
                               tally_error *err)
{
    return tally__fail_at(err, TALLY_ERR_CODEBOOK, raw->source.file, line, 0,
                          "question %s (column \"%s\"): the answer "
                          "\"%.80s\" is not %s; add it to the codebook%s",
                          q->id, raw->cols[c].info.name, answer, expected,
                          q->type == TALLY_QTYPE_NUMERIC
                              ? " as a missing code"
                              : " or set other: true");
}

static long other_option(const tally_question *q)
{
    for (size_t i = q->n_options; q->other && i-- > 0;)
        if (tally__label_eq(q->options[i].label, "Other"))
            return (long)i;
    return -1;
}

static tally_status find_column(const tally_raw *raw, const tally_question *q,
                                const char *name, size_t *c,
                                tally_error *err)
{
    if (tally_raw_find_column(raw, name, c) == TALLY_OK)
        return TALLY_OK;
    return tally__fail(err, TALLY_ERR_CODEBOOK,
                       "question %s: the codebook names column \"%s\", "
                       "which %s does not have",
                       q->id, name, raw->source.file);
}

/* --- single, scale, matrix items ----------------------------------------- */

/* Code of an answer that fits no option: an error if any data row holds
   it (values seen only in the header rows are not answers). */
#define UNMATCHED 0xFFFEu /* above TALLY__MAX_OPTIONS, below TALLY__NUMBER */

/* How many different answers (outside[id] set) data rows hold: the
   column's dictionary has the header rows' texts too. */
static int count_others(const tally_raw *raw, size_t c,
                        const unsigned char *outside, size_t *others)
{
    const tally__rawcol *rc = &raw->cols[c];
    size_t *counts = tally__calloc(rc->dict.count, sizeof *counts);
    if (!counts)
        return -1;
    tally__rawcol_count(raw, c, counts);
    for (size_t id = 1; id < rc->dict.count; id++)
        *others += outside[id] && counts[id];
    tally__free(counts);
    return 0;
}

/* The option code of each distinct answer of column c (UNMATCHED for
   those that fit no option and may not be counted as Other); *others
   grows by the answers counted as Other (noted after coding, in question
   order, since questions are coded in parallel). */
static tally_status option_map(const tally_raw *raw, size_t c,
                               const tally_question *q, uint16_t *map,
                               size_t *others, tally_error *err)
{
    const tally__rawcol *rc = &raw->cols[c];
    long other = other_option(q);
    unsigned char *outside = tally__calloc(rc->dict.count, 1);
    if (!outside)
        return tally__nomem(err);
    for (size_t id = 1; id < rc->dict.count; id++) {
        const char *text = tally__strdict_str(&rc->dict, id);
        if (tally__is_blank(text))
            continue; /* no answer: code 0 */
        long k = tally__match_option(q, text);
        outside[id] = k < 0 && other >= 0;
        map[id] = (uint16_t)(k >= 0 ? k + 1 : other >= 0 ? other + 1
                                                         : UNMATCHED);
    }
    int rc_count = other >= 0 ? count_others(raw, c, outside, others) : 0;
    tally__free(outside);
    return rc_count == 0 ? TALLY_OK : tally__nomem(err);
}

/* codes[r] = map[id of row r], one pass; the first row whose answer is
   UNMATCHED is an error with its line. */
static tally_status map_rows(tally_dataset *ds, const tally_raw *raw,
                             size_t c, const tally_question *q,
                             const uint16_t *map, uint16_t *codes,
                             tally_error *err)
{
    const tally__rawcol *rc = &raw->cols[c];
    size_t first = raw->source.header_rows;
    uint16_t bad = 0;
    if (rc->width == 1) {
        const unsigned char *ids = rc->ids + first;
        for (size_t r = 0; r < ds->rows; r++) {
            codes[r] = map[ids[r]];
            bad |= codes[r] == UNMATCHED;
        }
    } else {
        for (size_t r = 0; r < ds->rows; r++) {
            codes[r] = map[tally__rawcol_id(rc, first + r)];
            bad |= codes[r] == UNMATCHED;
        }
    }
    for (size_t r = 0; bad && r < ds->rows; r++)
        if (codes[r] == UNMATCHED)
            return bad_answer(raw, c, q, tally__raw_text(raw, c, first + r),
                              tally_raw_line(raw, r), "one of its options",
                              err);
    return TALLY_OK;
}

static tally_status code_categorical(tally_dataset *ds, tally__arena *arena,
                                     const tally_raw *raw,
                                     const tally_question *q,
                                     const char *column, uint16_t **out,
                                     size_t *others, tally_error *err)
{
    size_t c;
    TALLY_TRY(find_column(raw, q, column, &c, err));
    const tally__rawcol *rc = &raw->cols[c];
    uint16_t *map = tally__calloc(rc->dict.count, sizeof *map);
    uint16_t *codes = tally__arena_alloc(arena,
                                         (ds->rows + 1) * sizeof *codes);
    if (!map || !codes) {
        tally__free(map);
        return tally__nomem(err);
    }
    tally_status st = option_map(raw, c, q, map, others, err);
    if (st == TALLY_OK)
        st = map_rows(ds, raw, c, q, map, codes, err);
    tally__free(map);
    *out = codes;
    return st;
}

/* --- numeric ------------------------------------------------------------- */

/* Code (missing code, TALLY__NUMBER or 0) and value of each distinct
   answer of column c. */
static tally_status number_map(const tally_raw *raw, size_t c,
                               const tally_question *q, uint16_t *map,
                               double *num)
{
    const tally__strdict *d = &raw->cols[c].dict;
    num[0] = NAN;
    for (size_t id = 1; id < d->count; id++) {
        const char *text = tally__strdict_str(d, id);
        long k = tally__match_option(q, text);
        num[id] = NAN;
        if (tally__is_blank(text)) {
            map[id] = 0;
            continue;
        }
        if (k >= 0 && q->options[k].missing) {
            map[id] = (uint16_t)(k + 1);
            continue;
        }
        map[id] = tally__parse_answer_number(text, &num[id])
                      ? TALLY__NUMBER
                      : UNMATCHED;
    }
    return TALLY_OK;
}

static tally_status code_numeric(tally_dataset *ds, tally__arena *arena,
                                 const tally_raw *raw,
                                 const tally_question *q, tally__qdata *qd,
                                 tally_error *err)
{
    size_t c;
    TALLY_TRY(find_column(raw, q, q->column, &c, err));
    const tally__rawcol *rc = &raw->cols[c];
    size_t first = raw->source.header_rows;
    uint16_t *map = tally__calloc(rc->dict.count, sizeof *map);
    double *num = tally__calloc(rc->dict.count, sizeof *num);
    uint16_t *codes = tally__arena_calloc(arena, ds->rows + 1, 2);
    double *values = tally__arena_calloc(arena, ds->rows + 1, 8);
    tally_status st = TALLY_ERR_NOMEM;
    if (map && num && codes && values)
        st = number_map(raw, c, q, map, num);
    else
        tally__nomem(err);
    for (size_t r = 0; st == TALLY_OK && r < ds->rows; r++) {
        uint32_t id = tally__rawcol_id(rc, first + r);
        codes[r] = map[id];
        values[r] = num[id];
        if (codes[r] == UNMATCHED)
            st = bad_answer(raw, c, q, tally__raw_text(raw, c, first + r),
                            tally_raw_line(raw, r), "a number", err);
    }
    qd->codes[0] = codes;
    qd->values = values;
    tally__free(map);
    tally__free(num);
    return st;
}

/* --- multi ---------------------------------------------------------------- */

static void set_bit(uint64_t *mask, size_t k)
{
    mask[k / 64] |= (uint64_t)1 << (k % 64);
}

/* Length of the longest option (label or code) at s that ends at the
   separator or the end of the answer; its index in *k. */
static size_t longest_option_at(const tally_question *q, const char *s,
                                long *k)
{
    size_t best = 0, seplen = strlen(q->separator);
    *k = -1;
    for (size_t i = 0; i < q->n_options; i++) {
        const char *cand[2] = {q->options[i].label, q->options[i].code};
        for (int j = 0; j < 2 && cand[j]; j++) {
            size_t len = strlen(cand[j]);
            if (len > best && !strncmp(s, cand[j], len) &&
                (!s[len] || !strncmp(s + len, q->separator, seplen))) {
                best = len;
                *k = (long)i;
            }
        }
    }
    return best;
}

/* Split a joined answer into option bits, longest option first (options
   may contain the separator). An unknown piece counts as Other (and the
   result is 1), or returns -1 with the piece in bad. */
static int split_joined(const tally_question *q, const char *text,
                        uint64_t *mask, long other, char *bad, size_t cap)
{
    long k = tally__match_option(q, text);
    int outside = 0;
    if (k >= 0) {
        set_bit(mask, (size_t)k);
        return 0;
    }
    size_t seplen = strlen(q->separator);
    for (const char *s = text; *s;) {
        const char *sep = strstr(s, q->separator);
        size_t piece = sep ? (size_t)(sep - s) : strlen(s);
        if (strspn(s, " ") >= piece) { /* ", , R", ", R": no option */
            s += piece + (sep ? seplen : 0);
            continue;
        }
        size_t len = longest_option_at(q, s, &k);
        if (k < 0) {
            const char *next = strstr(s, q->separator);
            len = next ? (size_t)(next - s) : strlen(s);
            snprintf(bad, cap, "%.*s", (int)len, s);
            k = tally__match_option(q, bad);
            outside |= k < 0;
            k = k >= 0 ? k : other;
            if (k < 0)
                return -1;
        }
        set_bit(mask, (size_t)k);
        s += len;
        if (!strncmp(s, q->separator, seplen))
            s += seplen;
    }
    return outside;
}

/* Option bits of each distinct answer; unmatched[id] set for answers
   with a piece that fits no option, outside[id] for those with a piece
   counted as Other. */
static void joined_masks(const tally_raw *raw, size_t c,
                         const tally_question *q, size_t nwords,
                         uint64_t *masks, unsigned char *unmatched,
                         unsigned char *outside)
{
    const tally__strdict *d = &raw->cols[c].dict;
    long other = other_option(q);
    char bad[256];
    for (size_t id = 1; id < d->count; id++) {
        const char *text = tally__strdict_str(d, id);
        if (tally__is_blank(text))
            continue; /* no answer: no bits */
        int rc = split_joined(q, text, masks + id * nwords, other, bad,
                              sizeof bad);
        unmatched[id] = rc < 0;
        outside[id] = rc > 0;
    }
}

/* The error for an answer with a piece that fits no option. */
static tally_status joined_error(const tally_raw *raw, size_t c,
                                 const tally_question *q, size_t rec,
                                 tally_error *err)
{
    char bad[256];
    uint64_t mask[TALLY__MAX_OPTIONS / 64 + 1] = {0};
    split_joined(q, tally__raw_text(raw, c, rec), mask, -1, bad, sizeof bad);
    return bad_answer(raw, c, q, bad, raw->lines[rec], "one of its options",
                      err);
}

static tally_status code_joined(tally_dataset *ds, const tally_raw *raw,
                                const tally_question *q, tally__qdata *qd,
                                tally_error *err)
{
    size_t c;
    TALLY_TRY(find_column(raw, q, q->column, &c, err));
    const tally__rawcol *rc = &raw->cols[c];
    size_t nw = qd->nwords, first = raw->source.header_rows;
    uint64_t *masks = tally__calloc(rc->dict.count * nw, sizeof *masks);
    unsigned char *unmatched = tally__calloc(rc->dict.count, 1);
    unsigned char *outside = tally__calloc(rc->dict.count, 1);
    tally_status st = masks && unmatched && outside ? TALLY_OK
                                                    : tally__nomem(err);
    if (st == TALLY_OK)
        joined_masks(raw, c, q, nw, masks, unmatched, outside);
    for (size_t r = 0; st == TALLY_OK && r < ds->rows; r++) {
        uint32_t id = tally__rawcol_id(rc, first + r);
        if (unmatched[id])
            st = joined_error(raw, c, q, first + r, err);
        memcpy(qd->bits + r * nw, masks + id * nw, nw * sizeof *masks);
    }
    if (st == TALLY_OK && q->other &&
        count_others(raw, c, outside, &qd->others) != 0)
        st = tally__nomem(err);
    tally__free(masks);
    tally__free(unmatched);
    tally__free(outside);
    return st;
}

/* One column per option: ticked when not blank, 0, N, No, False or
   "Not selected". */
static tally_status code_dichotomies(tally_dataset *ds, const tally_raw *raw,
                                     const tally_question *q,
                                     tally__qdata *qd, tally_error *err)
{
    size_t first = raw->source.header_rows;
    for (size_t k = 0; k < q->n_options; k++) {
        size_t c;
        if (!q->options[k].column)
            continue;
        TALLY_TRY(find_column(raw, q, q->options[k].column, &c, err));
        const tally__rawcol *rc = &raw->cols[c];
        unsigned char *ticked = tally__calloc(rc->dict.count, 1);
        if (!ticked)
            return tally__nomem(err);
        for (size_t id = 1; id < rc->dict.count; id++)
            ticked[id] = !tally__is_untick(tally__strdict_str(&rc->dict, id));
        for (size_t r = 0; r < ds->rows; r++)
            if (ticked[tally__rawcol_id(rc, first + r)])
                set_bit(qd->bits + r * qd->nwords, k);
        tally__free(ticked);
    }
    return TALLY_OK;
}

static tally_status code_multi(tally_dataset *ds, tally__arena *arena,
                                 const tally_raw *raw,
                               const tally_question *q, tally__qdata *qd,
                               tally_error *err)
{
    qd->nwords = (q->n_options + 63) / 64;
    qd->bits = tally__arena_calloc(arena, (ds->rows + 1) * qd->nwords,
                                   sizeof *qd->bits);
    if (!qd->bits)
        return tally__nomem(err);
    return q->column ? code_joined(ds, raw, q, qd, err)
                     : code_dichotomies(ds, raw, q, qd, err);
}

/* --- text ----------------------------------------------------------------- */

/* Open answers are not copied: the dataset shares the raw table's string
   arena (reference counted), which keeps them alive after the raw table
   is freed. A million open answers would otherwise be copied once more. */
static tally_status code_text(tally_dataset *ds, tally__arena *arena,
                                 const tally_raw *raw,
                              const tally_question *q, tally__qdata *qd,
                              tally_error *err)
{
    size_t c;
    TALLY_TRY(find_column(raw, q, q->column, &c, err));
    const tally__rawcol *rc = &raw->cols[c];
    qd->texts = tally__arena_calloc(arena, ds->rows + 1,
                                    sizeof *qd->texts);
    if (!qd->texts)
        return tally__nomem(err);
    size_t first = raw->source.header_rows;
    for (size_t r = 0; r < ds->rows; r++) {
        uint32_t id = tally__rawcol_id(rc, first + r);
        const char *text = id ? tally__strdict_str(&rc->dict, id) : NULL;
        qd->texts[r] = text && !tally__is_blank(text) ? text : NULL;
    }
    return TALLY_OK;
}

/* --- dispatch ------------------------------------------------------------- */

tally_status tally__code_question(tally_dataset *ds, tally__arena *arena,
                                  const tally_raw *raw, size_t qi,
                                  tally_error *err)
{
    const tally_question *q = ds->cb->questions[qi];
    tally__qdata *qd = &ds->q[qi];
    if (q->n_options > TALLY__MAX_OPTIONS)
        return tally__fail(err, TALLY_ERR_LIMIT,
                           "question %s has %zu options, more than the "
                           "fixed limit of %u (a question with that many "
                           "different answers is open text: type: text)",
                           q->id, q->n_options, TALLY__MAX_OPTIONS);
    size_t arrays = tally__q_arrays(q);
    qd->codes = tally__arena_calloc(arena, arrays, sizeof *qd->codes);
    if (!qd->codes)
        return tally__nomem(err);
    switch (q->type) {
    case TALLY_QTYPE_META: /* only the respondent id is kept */
        return qi == ds->id_question ? code_text(ds, arena, raw, q, qd, err)
                                     : TALLY_OK;
    case TALLY_QTYPE_TEXT:
        return code_text(ds, arena, raw, q, qd, err);
    case TALLY_QTYPE_NUMERIC:
        return code_numeric(ds, arena, raw, q, qd, err);
    case TALLY_QTYPE_MULTI:
        return code_multi(ds, arena, raw, q, qd, err);
    case TALLY_QTYPE_MATRIX:
        for (size_t i = 0; i < q->n_items; i++)
            TALLY_TRY(code_categorical(ds, arena, raw, q, q->items[i].column,
                                       &qd->codes[i], &qd->others, err));
        return TALLY_OK;
    default:
        return code_categorical(ds, arena, raw, q, q->column, &qd->codes[0],
                                &qd->others, err);
    }
}
