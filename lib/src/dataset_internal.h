/*
 * dataset_internal.h: the coded dataset's representation, shared by
 * dataset.c (building), dataset_code.c (coding one question), filter.c
 * (subsets), info.c (describing) and the analyses.
 *
 * Columnar, one array per question item (DESIGN.md 1):
 * - single, scale, matrix items: codes[item][row], 0 = no answer, k = the
 *   k-th option (1-based; missing codes are options too);
 * - numeric: codes[0][row] as above for missing codes, TALLY__NUMBER when
 *   values[row] holds the answer;
 * - multi: bits[row * nwords + w], bit k = option k ticked;
 * - text: texts[row], NULL = no answer.
 * Metadata questions hold nothing: personal data is never copied here;
 * the one exception is the respondent id (the first metadata question
 * that is an identifier, id_question), kept as texts so that the annex
 * can say whose verbatim an answer is.
 */
#ifndef TALLY_DATASET_INTERNAL_H
#define TALLY_DATASET_INTERNAL_H

#include <stdint.h>

#include "arena.h"
#include "codebook_internal.h"
#include "common.h"

#define TALLY__NUMBER 0xFFFFu /* numeric: a valid value in values[] */

typedef struct tally__qdata {
    size_t others;          /* distinct answers counted as "Other"    */
    uint16_t **codes;       /* [n_items or 1][rows]                   */
    double *values;         /* numeric                                */
    uint64_t *bits;         /* multi                                  */
    size_t nwords;          /* multi: words per row                   */
    const char **texts;     /* text                                   */
} tally__qdata;

typedef struct tally__ignored {
    const char *column;
    const char *reason;
} tally__ignored;

struct tally_dataset {
    tally__arena *arena;
    tally_codebook *cb;       /* own copy                              */
    tally_source source;      /* strings in the arena                  */
    size_t rows;
    double *weights;          /* NULL when unweighted                  */
    tally_weight_kind weight_kind;
    const char *weight_column;
    long *lines;              /* input line of each row                */
    tally__qdata *q;          /* one per codebook question             */
    tally__ignored *ignored;  /* columns not analysed, and why         */
    size_t n_ignored;
    const char *filter;       /* filters applied, or NULL              */
    tally__arena *texts;      /* shared: the raw table's strings that
                                 texts[] of text questions point to     */
    tally__arena *arena2;     /* arrays coded by the second thread      */
    const char *const *notes; /* in arena (notes.h)                   */
    size_t n_notes;
    size_t id_question;       /* respondent id question, or SIZE_MAX   */
};

/* The first metadata question that is a respondent id (its reason says
   "identifier", or its column header names one), or SIZE_MAX. */
size_t tally__find_id_question(const tally_codebook *cb);

/* Number of code arrays of question q (items, or 1). */
static inline size_t tally__q_arrays(const tally_question *q)
{
    return q->type == TALLY_QTYPE_MATRIX ? q->n_items : 1;
}

/* Weight of row r (1 when unweighted). */
static inline double tally__ds_weight(const tally_dataset *ds, size_t r)
{
    return ds->weights ? ds->weights[r] : 1.0;
}

/* 1 when option k (0-based) of a multi question is ticked in row r. */
static inline int tally__ds_ticked(const tally__qdata *d, size_t r,
                                   size_t k)
{
    return (int)((d->bits[r * d->nwords + k / 64] >> (k % 64)) & 1u);
}

/* TALLY_OK when question q (and item, unless TALLY_ALL_ITEMS) exists in
   ds and may be tabulated: metadata never is (TALLY_ERR_TYPE_MISMATCH). */
tally_status tally__ds_check_question(const tally_dataset *ds, size_t q,
                                      size_t item, tally_error *err);

/* An empty dataset shell for `rows` rows with its own copy of cb. */
tally_dataset *tally__dataset_new(const tally_codebook *cb, size_t rows);

/* Append a note (copied). -1 when out of memory. */
int tally__ds_note(tally_dataset *ds, const char *fmt, ...)
    TALLY__PRINTF(2, 3);

/* Copy source, notes and ignored columns of `from` into `to`. */
int tally__ds_copy_info(tally_dataset *to, const tally_dataset *from);

/* A new dataset of the rows r of ds with keep[r] != 0, described by
   filter (copied); it shares nothing with ds (subset.c). */
tally_status tally__dataset_subset(const tally_dataset *ds,
                                   const unsigned char *keep,
                                   const char *filter, tally_dataset **out,
                                   tally_error *err);

/* Code question qi of ds->cb from raw into ds->q[qi], allocating from
   arena (dataset_code.c). Questions may be coded in parallel: each call
   touches only ds->q[qi]; ds->texts must be set beforehand when the
   codebook has text questions. */
tally_status tally__code_question(tally_dataset *ds, tally__arena *arena,
                                  const tally_raw *raw, size_t qi,
                                  tally_error *err);

/* A number as respondents type it ("55,000", "3,5", " -2 "); 0 when s is
   none (nor "nan", "inf" or hex). */
int tally__parse_answer_number(const char *s, double *out);

/* Index of the option of q that answer text stands for, or -1: the label
   or code exactly, then the label ignoring case and blanks, then (scales)
   the same number. */
long tally__match_option(const tally_question *q, const char *text);

#endif /* TALLY_DATASET_INTERNAL_H */
