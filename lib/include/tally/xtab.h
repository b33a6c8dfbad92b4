/**
 * @file tally/xtab.h
 * @brief Crosstabs: a question broken down by the groups of another,
 *        with percentages, column CIs, tests and column letters.
 *
 * Definitions (DESIGN.md sections 3-4):
 * - the table counts the respondents who gave a valid answer to both
 *   questions; those who did not are not in it, and are reported by
 *   reason so that respondents = base + row_no_answer + row_missing +
 *   col_no_answer + col_missing for every table;
 * - rows are the row question's options (missing codes left out), all
 *   shown even when empty; columns the by-question's options likewise;
 *   empty rows and columns are left out of the tests (tally/assoc.h);
 * - a multi-select row question: a row per option, the count of its
 *   ticks in each column group; column percentages are of the group's
 *   respondents who answered the question (they may add up to more than
 *   100); every option gets its own test (ticked or not, by group);
 * - weights: frequency weights (--count) are counts, and the tests
 *   treat them as frequencies (PSPP's WEIGHT); sampling weights
 *   (--weight) give weighted counts and percentages, and the tests are
 *   computed on the table rescaled to Kish's effective n of the table,
 *   (sum w)^2 / sum w^2: the first-order design-effect adjustment
 *   (Kish 1965, 8.2; Rao & Scott 1981 use the same deflation of the
 *   Pearson statistic by a mean design effect).
 *
 * Results never point into the dataset; they may outlive it.
 */
#ifndef TALLY_XTAB_H
#define TALLY_XTAB_H

#include <stddef.h>
#include <stdint.h>

#include "api.h"
#include "assoc.h"
#include "buf.h"
#include "ci.h"
#include "codebook.h"
#include "dataset.h"
#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Options. Zero means defaults. */
typedef struct tally_xtab_opts {
    tally_ci_method ci;  /**< CIs of column percentages; 0: Wilson      */
    double level;        /**< 0: 0.95                                   */
    double population;   /**< N for the fpc; 0: the codebook's; < 0: none */
    double alpha;        /**< column letters; 0: 0.05                   */
    double min_base;     /**< columns with a smaller base get no letters;
                              0: 10; < 0: no minimum                    */
    double min_cell;     /**< counts below it are suppressed in the
                              display (not in the tests); 0: none       */
    uint64_t seed;       /**< Fisher Monte Carlo; 0: the default        */
    tally_fisher_when fisher; /**< 0: TALLY_FISHER_AUTO                 */
} tally_xtab_opts;

/** One crosstab: one row item by one column question. Read-only. */
typedef struct tally_xtab_table {
    const char *row_id, *row_text;  /**< row question or matrix item     */
    const char *question_id;        /**< the row question (a matrix's id
                                         when the row is one of its items) */
    const char *question_text;
    const char *col_id, *col_text;
    tally_qtype row_type;           /**< single, scale or multi           */
    int row_ordered, col_ordered;

    double respondents;             /**< rows of the dataset (weighted)  */
    double base;                    /**< in the table                    */
    double row_no_answer;           /**< no answer to the row question   */
    double row_missing;             /**< a missing code ("Don't know")   */
    double col_no_answer;           /**< valid row answer, none to col   */
    double col_missing;             /**< valid row answer, col missing   */

    size_t n_rows, n_cols;
    const char *const *row_labels;
    const char *const *col_labels;
    const double *counts;        /**< n_rows * n_cols, row-major         */
    const double *row_totals;    /**< n_rows                             */
    const double *col_bases;     /**< n_cols: respondents of each group
                                      in the table (for multi, who
                                      answered the question)              */
    const double *row_percent;   /**< of the row total; NaN if 0         */
    const double *col_percent;   /**< of the column base; NaN if 0       */
    const double *total_percent; /**< of the base                        */
    const double *ci_low;        /**< column percent CIs, 0-100; NaN     */
    const double *ci_high;
    const uint64_t *greater;     /**< column letters: bit k of cell (i, j)
                                      set when column j is greater than
                                      column k (tally_assoc.h)           */
    double n_eff;                /**< Kish's effective n of the table    */

    const tally_assoc *tests;    /**< whole table; NULL for multi         */
    const tally_assoc *option_tests; /**< multi: one per row option     */
    size_t n_notes;
    const char *const *notes;
} tally_xtab_table;

/** A crosstab result (one table, or one per matrix item). Opaque. */
typedef struct tally_xtab tally_xtab;

/**
 * @brief Crosstab question @p row (all its items, or only @p row_item
 *        when it is not TALLY_ALL_ITEMS) by question @p col (item
 *        @p col_item of a matrix, else TALLY_ALL_ITEMS).
 *
 * @return TALLY_OK; TALLY_ERR_TYPE_MISMATCH when the row is not single,
 *         scale, multi or matrix, or the column not single or scale (or
 *         one matrix item); TALLY_ERR_INVALID_ARG (indexes, level,
 *         alpha); TALLY_ERR_NOMEM.
 */
TALLY_API tally_status tally_xtab_compute(const tally_dataset *ds,
                                          size_t row, size_t row_item,
                                          size_t col, size_t col_item,
                                          const tally_xtab_opts *opts,
                                          tally_xtab **out,
                                          tally_error *err);

/** @brief Free a result. NULL is a no-op. */
TALLY_API void tally_xtab_free(tally_xtab *x);

/** @brief Number of tables (1, or the row matrix's items). */
TALLY_API size_t tally_xtab_table_count(const tally_xtab *x);

/** @brief Table @p i. Borrowed; NULL when out of range. */
TALLY_API const tally_xtab_table *tally_xtab_get(const tally_xtab *x,
                                                 size_t i);

/** @brief How counts are weighted. */
TALLY_API tally_weight_kind tally_xtab_weight_kind(const tally_xtab *x);

/** @brief The options used, defaults filled in. Borrowed. */
TALLY_API const tally_xtab_opts *tally_xtab_options(const tally_xtab *x);

/**
 * @brief Letter of column @p j as in SPSS Custom Tables: A..Z, then
 *        AA, AB, ... Writes at most @p size bytes, NUL included.
 */
TALLY_API void tally_xtab_column_letter(size_t j, char *buf, size_t size);

/**
 * @brief Append crosstabs as the JSON of DESIGN.md section 3: one
 *        object per table; an array when there are several tables in
 *        all. Numbers unrounded; undefined values null.
 * @return TALLY_OK, TALLY_ERR_NOMEM.
 */
TALLY_API tally_status tally_xtab_write_json(const tally_xtab *const *x,
                                             size_t n, tally_buf *out,
                                             tally_error *err);

#ifdef __cplusplus
}
#endif

#endif /* TALLY_XTAB_H */
