/**
 * @file tally/annex.h
 * @brief The evaluation annex: every question of a survey in one
 *        workbook (or one Markdown document) an evaluator can paste from.
 *
 * tally_annex_build() computes the frequencies of every question that can
 * be tabulated (never the metadata: ids, dates, e-mail, names...) and
 * turns them into tables: per question the distribution (counts, % of the
 * base, CIs, missing codes apart), the scale summary for rating scales,
 * matrix questions as one items x scale table followed by each item's
 * distribution, multi-select options in codebook order or by count. Open
 * answers are collected as verbatims. A methodology table records the
 * input (name and SHA-256), codebook, method, weights, filters, population,
 * suppression, tally version and date.
 *
 * tally_annex_write_xlsx() writes the workbook (DESIGN.md section 5):
 * a Contents sheet linking every question, one sheet per question (or per
 * codebook section), native Excel charts, a Verbatims sheet (continued on
 * "Verbatims (2)"... beyond Excel's 1,048,576 rows) and a Methodology
 * sheet. tally_annex_write_md() writes the same tables as Markdown.
 *
 * Safety: respondents' text is always written as strings, never formulas;
 * NaN never reaches a cell (blank, with a note); metadata columns never
 * appear except the respondent id beside each verbatim (the first
 * metadata column that is a respondent id; else the row number);
 * `min_cell` suppresses small counts in every table.
 *
 * @code
 * tally_annex_opts o = {.input_path = "responses.csv",
 *                       .write = {.created = 1700000000}};
 * tally_annex *a;
 * if (tally_annex_build(ds, &o, &a, &err) == TALLY_OK) {
 *     tally_annex_write_xlsx(a, "annex.xlsx", &err);
 *     tally_annex_free(a);
 * }
 * @endcode
 */
#ifndef TALLY_ANNEX_H
#define TALLY_ANNEX_H

#include <stddef.h>

#include "api.h"
#include "buf.h"
#include "dataset.h"
#include "error.h"
#include "freq.h"
#include "table.h"
#include "xtab.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Where the tables of each question go. */
typedef enum tally_annex_layout {
    TALLY_ANNEX_BY_QUESTION = 0, /**< one sheet per question             */
    TALLY_ANNEX_BY_SECTION       /**< one sheet per codebook section
                                      (questions without one: their own) */
} tally_annex_layout;

/** Order of the options of multi-select questions. */
typedef enum tally_annex_sort {
    TALLY_ANNEX_SORT_CODEBOOK = 0, /**< the codebook's order             */
    TALLY_ANNEX_SORT_COUNT         /**< most ticked first (ties: codebook
                                        order)                           */
} tally_annex_sort;

/** Options of the annex. Zero/NULL means defaults. */
typedef struct tally_annex_opts {
    tally_freq_opts freq;     /**< CI method, level, population          */
    tally_table_opts table;   /**< no_ci                                 */
    tally_write_opts write;   /**< decimals, created (also the date on
                                   the Methodology sheet; 0: now), title
                                   (NULL: the codebook's)                */
    tally_annex_layout layout;
    tally_annex_sort sort;
    int no_charts;            /**< 1: no charts in the workbook          */
    double min_cell;          /**< > 0: counts from 1 to min_cell - 1 are
                                   suppressed in every table, with their
                                   percentages (plus one complementary
                                   count where a total would reveal it)  */
    double min_base;          /**< > 0: tables whose base is below this
                                   get a note to interpret with caution  */
    const char *input_path;   /**< the data file: its name and SHA-256
                                   go on the Methodology sheet; NULL:
                                   the dataset's source name, no hash    */
    const char *codebook_path;/**< the codebook file (name and SHA-256),
                                   or NULL: "inferred"                   */
    /** Banner questions (codebook indices) for crosstabs under every
        single, scale, multi and matrix question (--by): tally_xtab
        tables with column letters and tests, on the question's sheet
        (a matrix's items stacked in one table). Borrowed for the call. */
    const size_t *banners;
    /** The matrix item of each banner (TALLY_ALL_ITEMS for a question);
        NULL: all TALLY_ALL_ITEMS. Borrowed for the call. */
    const size_t *banner_items;
    size_t n_banners;
    /** Crosstab options (alpha, min_base of the letters, Fisher, seed);
        ci, level, population and min_cell are taken from above. */
    tally_xtab_opts xtab;
    /** 1: mask e-mail addresses ("[e-mail]") and phone numbers
        ("[phone]") inside the verbatims (docs/redaction.md has the
        patterns); 0: the answers as given. */
    int redact;
} tally_annex_opts;

/** An annex. Opaque; free with tally_annex_free(). */
typedef struct tally_annex tally_annex;

/**
 * @brief Compute and lay out the annex of @p ds.
 *
 * @param ds    borrowed, and must outlive the annex (the verbatims are
 *              read from it when writing).
 * @param opts  NULL or options; copied.
 * @param out   receives the annex; NULL on failure.
 * @return TALLY_OK, TALLY_ERR_IO (input or codebook file unreadable for
 *         its SHA-256), TALLY_ERR_INVALID_ARG (a banner that is not
 *         a single choice or scale question or matrix item), TALLY_ERR_NOMEM.
 */
TALLY_API tally_status tally_annex_build(const tally_dataset *ds,
                                         const tally_annex_opts *opts,
                                         tally_annex **out,
                                         tally_error *err);

/** @brief Free an annex. NULL is a no-op. */
TALLY_API void tally_annex_free(tally_annex *a);

/**
 * @brief The question tables of the annex, in order (borrowed; valid
 *        until tally_annex_free()). Their sheet names are the annex's.
 */
TALLY_API const tally_tables *tally_annex_tables(const tally_annex *a);

/**
 * @brief Write the workbook to @p path (directly: callers who want atomic
 *        output pass a temporary name and rename it on success).
 *
 * Uses libxlsxwriter's constant-memory mode, so a million verbatims do
 * not stay in memory. With a nonzero opts.write.created the same annex
 * gives the same bytes.
 *
 * @return TALLY_OK, TALLY_ERR_IO (path not writable), TALLY_ERR_XLSX,
 *         TALLY_ERR_LIMIT, TALLY_ERR_NOMEM.
 */
TALLY_API tally_status tally_annex_write_xlsx(const tally_annex *a,
                                              const char *path,
                                              tally_error *err);

/**
 * @brief Append the annex as Markdown (contents with links, the same
 *        tables, verbatims, methodology), for Markdown/Quarto reports.
 * @return TALLY_OK, TALLY_ERR_NOMEM.
 */
TALLY_API tally_status tally_annex_write_md(const tally_annex *a,
                                            tally_buf *out,
                                            tally_error *err);

#ifdef __cplusplus
}
#endif

#endif /* TALLY_ANNEX_H */
