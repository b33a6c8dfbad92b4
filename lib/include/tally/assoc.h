/**
 * @file tally/assoc.h
 * @brief Tests and measures of association on an r x c table of counts.
 *
 * Pure functions on a dense table: no dataset, no files. `tally xtab`
 * builds the table from the coded data (xtab.h) and calls these; a caller
 * with an aggregated table may call them directly.
 *
 * Counts may be non-integer (frequency weights, as PSPP's WEIGHT): every
 * statistic treats them as frequencies, except Fisher's exact test, which
 * needs integers and is then undefined.
 *
 * A statistic that cannot be computed is NaN (JSON null), never a made-up
 * 0; the `notes` of the result say why. Rows or columns whose total is 0
 * are dropped before testing, and a note says so (DESIGN.md section 4).
 *
 * Sources (each cited again beside its formula in assoc*.c):
 * - chi-square, G^2, Yates: Agresti (2013), Categorical Data Analysis,
 *   3rd ed., 3.2; R chisq.test().
 * - Fisher: Mehta & Patel (1983); enumeration as R fisher.test(); Monte
 *   Carlo with Patefield's (1981) AS 159 as R r2dtable().
 * - gamma, tau-b, tau-c, Somers' d and their asymptotic standard errors
 *   (ASE1, the non-null standard errors): PSPP crosstabs.c and the SPSS
 *   CROSSTABS algorithms document.
 * - Kruskal-Wallis H with tie correction, Mann-Whitney U with normal
 *   approximation and tie correction, no continuity correction: R
 *   kruskal.test(), wilcox.test(correct = FALSE, exact = FALSE).
 * - column proportions: SPSS Custom Tables "Compare column proportions"
 *   (pooled z-test, Bonferroni within a row).
 */
#ifndef TALLY_ASSOC_H
#define TALLY_ASSOC_H

#include <stddef.h>
#include <stdint.h>

#include "api.h"
#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

/** How Fisher's p-value was obtained. */
typedef enum tally_fisher_method {
    TALLY_FISHER_NONE = 0,   /**< not computed (non-integer counts, ...) */
    TALLY_FISHER_EXACT,      /**< full enumeration                       */
    TALLY_FISHER_MONTE_CARLO /**< simulated, fixed seed                  */
} tally_fisher_method;

/** When to run Fisher's exact test. */
typedef enum tally_fisher_when {
    TALLY_FISHER_DEFAULT = 0, /**< tally_assoc_compute(): always;
                                   tally_xtab_compute(): auto          */
    TALLY_FISHER_ALWAYS,      /**< every table                          */
    TALLY_FISHER_AUTO,        /**< 2 x 2 tables, tables with an expected
                                   count below 5 and tables of n <= 1000;
                                   not large tables where the chi-square
                                   test is accurate (a note says so)    */
    TALLY_FISHER_NEVER        /**< no table (a note says so)            */
} tally_fisher_when;

/** A measure with its asymptotic standard error. */
typedef struct tally_measure {
    double value;
    double ase;
} tally_measure;

/** Options. Zero means defaults. */
typedef struct tally_assoc_opts {
    int row_ordered;        /**< the row categories are ordered          */
    int col_ordered;        /**< the column categories are ordered       */
    uint64_t seed;          /**< Monte Carlo seed; 0: 20240101           */
    size_t replicates;      /**< Monte Carlo tables; 0: 100000           */
    double exact_limit;     /**< work limit of the exact r x c Fisher
                                 enumeration (node entries times column
                                 vectors) before switching to Monte
                                 Carlo; 0: 5e6. Tables with more than
                                 about 1e11 possible tables, or more than
                                 400 cells, are simulated at once.       */
    tally_fisher_when fisher; /**< 0: always                             */
} tally_assoc_opts;

/** Everything computed for one table. NaN where undefined. */
typedef struct tally_assoc {
    size_t rows_used, cols_used; /**< after dropping empty rows/columns  */
    double n;                    /**< table total                        */

    double chisq, chisq_df, chisq_p;
    double min_expected;
    size_t cells_below_5;        /**< expected counts below 5            */
    size_t cells;                /**< rows_used * cols_used              */

    double lr, lr_df, lr_p;      /**< likelihood ratio G^2               */

    int has_yates;               /**< 2 x 2 after dropping               */
    double yates, yates_p;

    double fisher_p;
    tally_fisher_method fisher_method;
    size_t fisher_replicates;    /**< Monte Carlo tables drawn           */

    double cramers_v;
    int has_phi;                 /**< 2 x 2                              */
    double phi;                  /**< signed: (ad - bc) / sqrt(margins)  */

    int has_ordinal;             /**< both ordered                       */
    tally_measure gamma, tau_b, tau_c;
    tally_measure somers_row;    /**< row variable dependent             */
    tally_measure somers_col;    /**< column variable dependent          */
    tally_measure somers_sym;

    int has_kruskal;             /**< row ordered, >= 2 column groups    */
    double kruskal_h, kruskal_df, kruskal_p;
    int has_mann_whitney;        /**< row ordered, exactly 2 groups      */
    double mw_u, mw_z, mw_p;     /**< U of the first column group: pairs
                                      (first above second) + ties / 2, R
                                      wilcox.test(first, second)'s W;
                                      z > 0 when the first group ranks
                                      higher                             */

    size_t n_notes;
    char notes[8][160];          /**< why something is NaN; dropped rows
                                      and columns by 1-based index       */
} tally_assoc;

/**
 * @brief Compute every test and measure that applies to the r x c table
 *        @p counts (row-major, r * c values, each >= 0 and finite).
 *
 * Rows are the row question's categories in their order, columns the
 * column groups. Ordinal measures need both opts->row_ordered and
 * opts->col_ordered; Kruskal-Wallis and Mann-Whitney need only
 * opts->row_ordered (the row's categories are the ranked values, the
 * columns the groups).
 *
 * @return TALLY_OK; TALLY_ERR_INVALID_ARG for a negative or non-finite
 *         count or r or c of 0; TALLY_ERR_NOMEM.
 */
TALLY_API tally_status tally_assoc_compute(const double *counts, size_t r,
                                           size_t c,
                                           const tally_assoc_opts *opts,
                                           tally_assoc *out,
                                           tally_error *err);

/**
 * @brief Column proportions tests (SPSS Custom Tables): for each row i
 *        and pair of columns j, k, a two-sided z-test of
 *        p_ij = counts[i][j] / bases[j] against p_ik with the pooled
 *        standard error, the p-value multiplied by the number of pairs
 *        compared in that row (Bonferroni, capped at 1).
 *
 * @p bases are the column bases (for a multi-select row, the respondents
 * of each column group; else the column totals). Columns with a base
 * below @p min_base are left out of the comparisons; rows where every
 * column has proportion 0 or 1 have no test.
 *
 * @p greater receives r * c bit masks: bit k of greater[i * c + j] is set
 * when column j's proportion in row i is significantly greater than
 * column k's at @p alpha. At most 64 columns.
 *
 * @return TALLY_OK; TALLY_ERR_INVALID_ARG for c > 64, alpha outside
 *         (0, 1), or a bad count; TALLY_ERR_NOMEM.
 */
TALLY_API tally_status tally_assoc_column_letters(const double *counts,
                                                  const double *bases,
                                                  size_t r, size_t c,
                                                  double alpha,
                                                  double min_base,
                                                  uint64_t *greater,
                                                  tally_error *err);

#ifdef __cplusplus
}
#endif

#endif /* TALLY_ASSOC_H */
