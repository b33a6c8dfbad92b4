/**
 * @file tally/dataset.h
 * @brief The coded dataset: every answer as a small integer code.
 *
 * tally_dataset_build() applies a codebook to a raw table: each answer of
 * each question item becomes a code (0 = no answer, as is a cell of only
 * blanks; 1..k = the k-th option, missing codes included), multi-select
 * answers become one bit per option, numeric answers numbers, open
 * answers text. Answers that do not fit the codebook are errors naming
 * the line, so nothing is dropped silently. The dataset owns a copy of the
 * codebook and of the source description; the raw table may be freed
 * once it is built.
 */
#ifndef TALLY_DATASET_H
#define TALLY_DATASET_H

#include <stddef.h>

#include "api.h"
#include "buf.h"
#include "codebook.h"
#include "error.h"
#include "read.h"

#ifdef __cplusplus
extern "C" {
#endif

/** How rows are weighted. */
typedef enum tally_weight_kind {
    TALLY_WEIGHT_NONE = 0,  /**< every row is one respondent              */
    TALLY_WEIGHT_SAMPLING,  /**< --weight: sampling weights; weighted
                                 percentages, Kish effective n in CIs     */
    TALLY_WEIGHT_FREQUENCY  /**< --count: each row stands for that many
                                 respondents (PSPP's WEIGHT)              */
} tally_weight_kind;

/** Options for tally_dataset_build(). Zero/NULL means defaults. */
typedef struct tally_dataset_opts {
    const char *weight; /**< sampling-weight column; NULL: the codebook's */
    const char *count;  /**< frequency-weight column; NULL: the codebook's */
} tally_dataset_opts;

/** A coded dataset. Opaque; free with tally_dataset_free(). */
typedef struct tally_dataset tally_dataset;

/**
 * @brief Code the answers of @p raw as @p cb describes them.
 *
 * @param raw   borrowed for the call.
 * @param cb    borrowed for the call (the dataset keeps its own copy).
 * @param opts  NULL or options.
 * @param out   receives the dataset; free with tally_dataset_free().
 * @return TALLY_OK; TALLY_ERR_CODEBOOK when a codebook column is missing
 *         or an answer is not one of a question's options (message names
 *         the question, the answer and its line); TALLY_ERR_BAD_WEIGHT for
 *         a weight that is not a finite number >= 0; TALLY_ERR_INVALID_ARG
 *         when both a weight and a count column are given; TALLY_ERR_NOMEM.
 *
 * @code
 * tally_dataset *ds;
 * if (tally_dataset_build(raw, cb, NULL, &ds, &err) != TALLY_OK) ...
 * tally_raw_free(raw);   // no longer needed
 * @endcode
 */
TALLY_API tally_status tally_dataset_build(const tally_raw *raw,
                                           const tally_codebook *cb,
                                           const tally_dataset_opts *opts,
                                           tally_dataset **out,
                                           tally_error *err);

/** @brief Free a dataset. NULL is a no-op. */
TALLY_API void tally_dataset_free(tally_dataset *ds);

/** @brief Number of data rows (unweighted respondents). */
TALLY_API size_t tally_dataset_rows(const tally_dataset *ds);

/** @brief The codebook the dataset was coded with. Borrowed. */
TALLY_API const tally_codebook *
tally_dataset_codebook(const tally_dataset *ds);

/** @brief Where the data came from. Borrowed. */
TALLY_API const tally_source *tally_dataset_source(const tally_dataset *ds);

/** @brief How rows are weighted. */
TALLY_API tally_weight_kind tally_dataset_weight_kind(const tally_dataset *ds);

/** @brief Name of the weight or count column, or NULL. Borrowed. */
TALLY_API const char *tally_dataset_weight_column(const tally_dataset *ds);

/**
 * @brief Keep the rows that satisfy @p expr.
 *
 * Grammar: `COND ( "&" COND )*`, COND = `QUESTION "=" VALUES` or
 * `QUESTION "!=" VALUES`, VALUES = `VALUE ( "|" VALUE )*`. QUESTION is
 * resolved as by tally_codebook_find(); VALUE is an option label (case-
 * insensitive), a scale value, or for a multi question an option that was
 * ticked. Blanks around tokens are ignored; quote a value with "..." when
 * it contains `&`, `|` or leading blanks.
 *
 * @param out  receives the subset, free with tally_dataset_free(); its
 *             filter description is the previous one plus @p expr.
 * @return TALLY_OK, TALLY_ERR_PARSE (column of the error in err->column),
 *         TALLY_ERR_NO_SUCH_VAR, TALLY_ERR_NOMEM.
 */
TALLY_API tally_status tally_dataset_filter(const tally_dataset *ds,
                                            const char *expr,
                                            tally_dataset **out,
                                            tally_error *err);

/** @brief The filters applied so far ("Q1=Expert & Q2!=Japan"), or NULL. */
TALLY_API const char *tally_dataset_filter_text(const tally_dataset *ds);

/** @brief Number of notes (warnings) about the data, reading included. */
TALLY_API size_t tally_dataset_note_count(const tally_dataset *ds);

/** @brief Note @p i. Borrowed; NULL when out of range. */
TALLY_API const char *tally_dataset_note(const tally_dataset *ds, size_t i);

/**
 * @brief Unweighted number of respondents who answered question @p q (at
 *        least one item or option, or a missing code), for overviews.
 */
TALLY_API size_t tally_dataset_answered(const tally_dataset *ds, size_t q);

/**
 * @brief Unweighted base of question @p q: respondents who gave at least
 *        one valid (non-missing) answer to it.
 */
TALLY_API size_t tally_dataset_base(const tally_dataset *ds, size_t q);

/**
 * @brief Describe the file and its questions as the JSON of DESIGN.md
 *        section 3 (`tally info --format json`).
 * @return TALLY_OK, TALLY_ERR_NOMEM.
 */
TALLY_API tally_status tally_dataset_write_info_json(const tally_dataset *ds,
                                                     tally_buf *out,
                                                     tally_error *err);

#ifdef __cplusplus
}
#endif

#endif /* TALLY_DATASET_H */
