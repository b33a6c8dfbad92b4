/**
 * @file tally/freq.h
 * @brief Frequency tables: counts, percentages of the base, CIs, and the
 *        summary of rating scales.
 *
 * Definitions (DESIGN.md sections 3-4):
 * - respondents: rows in the (filtered) dataset, weighted if weights are
 *   on; base: respondents who gave a valid answer; missing codes ("Don't
 *   know") and no answers are counted and shown but are not in the base,
 *   so respondents = base + missing + no_answer for every item.
 * - percent: count / base * 100 (0-100 scale); for a multi question, of
 *   the respondents who ticked at least one option (they may add up to
 *   more than 100).
 * - CIs: ci.h; sampling weights use Kish's effective n = (sum w)^2 /
 *   sum w^2 over the base; a population size applies the finite
 *   population correction fpc = sqrt((N - n) / (N - 1)).
 *
 * The result does not point into the dataset; it may outlive it.
 */
#ifndef TALLY_FREQ_H
#define TALLY_FREQ_H

#include <stddef.h>

#include "api.h"
#include "buf.h"
#include "ci.h"
#include "codebook.h"
#include "dataset.h"
#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Options for frequencies. Zero/NULL means defaults. */
typedef struct tally_freq_opts {
    tally_ci_method ci; /**< 0: Wilson                                   */
    double level;       /**< 0: 0.95                                     */
    double population;  /**< N for the finite population correction;
                             0: the codebook's, if any; < 0: none       */
} tally_freq_opts;

/** One row of a frequency table. */
typedef struct tally_category {
    const char *label;
    double value;   /**< scale value; NaN for missing codes             */
    int missing;    /**< a missing code: counted, not in the base       */
    double count;   /**< weighted count                                 */
    double percent; /**< of the base, 0-100; NaN for missing codes      */
    double ci_low;  /**< percent, 0-100; NaN when undefined             */
    double ci_high;
} tally_category;

/** Summary of an ordered scale or numeric item (over the base). */
typedef struct tally_summary {
    double mean;
    double sd;           /**< sample SD (n - 1), frequency weights as
                              repeated rows                           */
    double median;       /**< R's median() for unweighted data          */
    double mean_ci_low;  /**< Student t interval at the chosen level    */
    double mean_ci_high;
    double top2;         /**< % of the base in the two highest points    */
    double bottom2;      /**< % of the base in the two lowest points (the
                              lowest only on a three-point scale, so the
                              boxes never overlap); both NaN below three
                              points                                     */
    double min, max;
} tally_summary;

/** The table of one question item. */
typedef struct tally_freq_item {
    const char *id;          /**< question or matrix item id             */
    const char *text;        /**< question or item text                  */
    double respondents;
    double base;
    double no_answer;
    double missing;          /**< answered with a missing code           */
    double responses;        /**< multi: total ticks; else = base        */
    double n_eff;            /**< effective base used for the CIs        */
    size_t n_categories;
    const tally_category *categories;
    int has_summary;         /**< 1 when summary is filled               */
    tally_summary summary;
    size_t n_notes;          /**< e.g. "base is 0: no percentages"       */
    const char *const *notes;
} tally_freq_item;

/** A frequency result. Opaque; free with tally_freq_free(). */
typedef struct tally_freq tally_freq;

/**
 * @brief Frequencies of question @p question (all its items, or only
 *        @p item when it is not TALLY_ALL_ITEMS).
 *
 * @return TALLY_OK, TALLY_ERR_INVALID_ARG (index or level out of range),
 *         TALLY_ERR_TYPE_MISMATCH (a meta question: personal data is never
 *         tabulated), TALLY_ERR_NOMEM.
 *
 * @code
 * tally_freq *f;
 * tally_freq_opts o = {.ci = TALLY_CI_WILSON, .level = 0.95};
 * if (tally_freq_compute(ds, q, TALLY_ALL_ITEMS, &o, &f, &err) == TALLY_OK) {
 *     const tally_freq_item *it = tally_freq_get_item(f, 0);
 *     ...
 *     tally_freq_free(f);
 * }
 * @endcode
 */
TALLY_API tally_status tally_freq_compute(const tally_dataset *ds,
                                          size_t question, size_t item,
                                          const tally_freq_opts *opts,
                                          tally_freq **out,
                                          tally_error *err);

/** @brief Free a result. NULL is a no-op. */
TALLY_API void tally_freq_free(tally_freq *f);

/** @brief Id of the question (or item) tabulated. Borrowed. */
TALLY_API const char *tally_freq_id(const tally_freq *f);
/** @brief Question text. Borrowed. */
TALLY_API const char *tally_freq_text(const tally_freq *f);
/** @brief Type: the question's, or the item's (single/scale) for one
 *  matrix item. */
TALLY_API tally_qtype tally_freq_type(const tally_freq *f);
/** @brief 1 when the question is a matrix tabulated item by item. */
TALLY_API int tally_freq_is_matrix(const tally_freq *f);
/** @brief How counts are weighted (TALLY_WEIGHT_NONE: not at all). */
TALLY_API tally_weight_kind tally_freq_weight_kind(const tally_freq *f);
/** @brief CI method used. */
TALLY_API tally_ci_method tally_freq_ci_method(const tally_freq *f);
/** @brief CI level used. */
TALLY_API double tally_freq_ci_level(const tally_freq *f);
/** @brief Population size used for the fpc, or 0. */
TALLY_API double tally_freq_population(const tally_freq *f);
/** @brief Number of tables (1, or the matrix items). */
TALLY_API size_t tally_freq_item_count(const tally_freq *f);
/** @brief Table @p i. Borrowed; NULL when out of range. */
TALLY_API const tally_freq_item *tally_freq_get_item(const tally_freq *f,
                                                     size_t i);

/**
 * @brief Append frequency results as the JSON of DESIGN.md section 3:
 *        one object for n = 1, an array otherwise. Numbers unrounded;
 *        undefined values are null.
 * @return TALLY_OK, TALLY_ERR_NOMEM.
 */
TALLY_API tally_status tally_freq_write_json(const tally_freq *const *f,
                                             size_t n, tally_buf *out,
                                             tally_error *err);

#ifdef __cplusplus
}
#endif

#endif /* TALLY_FREQ_H */
