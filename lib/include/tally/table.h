/**
 * @file tally/table.h
 * @brief Renderable tables and the writers that format them.
 *
 * Analyses produce results (freq.h); results are turned into tables
 * (title, header, typed cells, notes); writers render a list of tables as
 * aligned text, CSV, Markdown or an Excel workbook. (PSPP: procedures
 * emit pivot tables; output drivers render them.) JSON is not a table
 * rendering: it is written from the results (tally_freq_write_json()).
 *
 * Cells keep numbers as numbers: a percentage is 0-100 in the table,
 * written as a number with a % format in Excel, never as text.
 */
#ifndef TALLY_TABLE_H
#define TALLY_TABLE_H

#include <stddef.h>

#include "api.h"
#include "buf.h"
#include "dataset.h"
#include "error.h"
#include "freq.h"
#include "xtab.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a cell holds. */
typedef enum tally_cell_kind {
    TALLY_CELL_EMPTY = 0, /**< nothing                                   */
    TALLY_CELL_TEXT,      /**< text (labels, respondents' text)          */
    TALLY_CELL_COUNT,     /**< a count: integer unless weighted          */
    TALLY_CELL_PERCENT,   /**< a percentage on the 0-100 scale           */
    TALLY_CELL_NUMBER     /**< a statistic (mean, SD) with decimals      */
} tally_cell_kind;

/** One cell. NaN numbers are shown blank. */
typedef struct tally_cell {
    tally_cell_kind kind;
    const char *text; /**< TEXT cells; NULL otherwise                   */
    double value;     /**< numeric cells                                */
    int decimals;     /**< NUMBER cells: digits after the point; COUNT:
                           digits when weighted (else 0)                */
} tally_cell;

/** The role of a row, for styling. */
typedef enum tally_row_kind {
    TALLY_ROW_BODY = 0, /**< a category or statistic                     */
    TALLY_ROW_TOTAL,    /**< the base / total line                       */
    TALLY_ROW_MISSING   /**< missing codes, no answer: outside the base  */
} tally_row_kind;

/** A table. Opaque; owned by its ::tally_tables list. */
typedef struct tally_table tally_table;

/** An ordered list of tables (a document). Opaque. */
typedef struct tally_tables tally_tables;

/** @brief A new empty list, or NULL when out of memory. */
TALLY_API tally_tables *tally_tables_new(void);
/** @brief Free the list and all its tables. NULL is a no-op. */
TALLY_API void tally_tables_free(tally_tables *ts);
/** @brief Number of tables. */
TALLY_API size_t tally_tables_count(const tally_tables *ts);
/** @brief Table @p i. Borrowed from the list; NULL when out of range. */
TALLY_API const tally_table *tally_tables_get(const tally_tables *ts,
                                              size_t i);

/** @brief Title ("Q4_1. Enhance coordinated actions"). Borrowed. */
TALLY_API const char *tally_table_title(const tally_table *t);
/** @brief Sheet this table belongs on (tables of one question share a
 *  sheet in a workbook). Borrowed. */
TALLY_API const char *tally_table_sheet(const tally_table *t);
/** @brief Number of lines under the title ("Base: 74 of 163 ..."). */
TALLY_API size_t tally_table_subtitle_count(const tally_table *t);
/** @brief Subtitle line @p i. Borrowed. */
TALLY_API const char *tally_table_subtitle(const tally_table *t, size_t i);
/** @brief Number of columns. */
TALLY_API size_t tally_table_columns(const tally_table *t);
/** @brief Number of body rows. */
TALLY_API size_t tally_table_rows(const tally_table *t);
/** @brief Header text of column @p c. Borrowed. */
TALLY_API const char *tally_table_header(const tally_table *t, size_t c);
/** @brief Cell (@p r, @p c). Borrowed; NULL when out of range. */
TALLY_API const tally_cell *tally_table_cell(const tally_table *t, size_t r,
                                             size_t c);
/** @brief Role of row @p r. */
TALLY_API tally_row_kind tally_table_row_kind(const tally_table *t,
                                              size_t r);
/** @brief Number of footnotes (base definition, method, warnings). */
TALLY_API size_t tally_table_footnote_count(const tally_table *t);
/** @brief Footnote @p i. Borrowed. */
TALLY_API const char *tally_table_footnote(const tally_table *t, size_t i);

/** Options for turning results into tables. Zero/NULL: defaults. */
typedef struct tally_table_opts {
    int no_ci;         /**< 1: leave the CI columns out                  */
    unsigned percents; /**< crosstabs: TALLY_PERCENT_* bits; 0: column   */
    int stack;         /**< crosstabs of a matrix: one stacked table of
                            items x groups instead of one per item       */
} tally_table_opts;

/** Crosstab percentages to show (tally_table_opts.percents). */
#define TALLY_PERCENT_COL 1u   /**< of the column base                  */
#define TALLY_PERCENT_ROW 2u   /**< of the row total                    */
#define TALLY_PERCENT_TOTAL 4u /**< of the table's base                 */

/**
 * @brief Append the tables of a frequency result to @p ts: one per item
 *        (a matrix gives one per item), with a summary table for scales.
 * @return TALLY_OK, TALLY_ERR_NOMEM.
 */
TALLY_API tally_status tally_freq_add_tables(const tally_freq *f,
                                             const tally_table_opts *opts,
                                             tally_tables *ts,
                                             tally_error *err);

/**
 * @brief Append the tables of a crosstab result to @p ts: per table,
 *        for each row category its count, the percentages asked for,
 *        the column-percentage CI and the column letters, by column
 *        group and in total; the base and the excluded respondents;
 *        the tests and notes as footnotes. Counts below the result's
 *        min_cell show as "<N" with their percentages blank.
 * @return TALLY_OK, TALLY_ERR_NOMEM.
 */
TALLY_API tally_status tally_xtab_add_tables(const tally_xtab *x,
                                             const tally_table_opts *opts,
                                             tally_tables *ts,
                                             tally_error *err);

/**
 * @brief Append the overview of `tally info` (source, then one row per
 *        question with type, base and items; then ignored columns).
 */
TALLY_API tally_status tally_dataset_add_info_tables(const tally_dataset *ds,
                                                     tally_tables *ts,
                                                     tally_error *err);

/** Digits for percentages: 0 in tally_write_opts.decimals means 1. */
#define TALLY_DECIMALS_ZERO (-1)

/** Options for the writers. Zero/NULL means defaults. */
typedef struct tally_write_opts {
    int decimals;       /**< digits after the point for percentages:
                             0 means 1, TALLY_DECIMALS_ZERO means 0       */
    long long created;  /**< xlsx: document time (seconds since 1970);
                             0: now. Fixed for reproducible files.       */
    int raw_csv;        /**< csv: 1 writes cells that look like formulas
                             (=, +, -, @) as they are                    */
    const char *title;  /**< xlsx: document title, or NULL               */
} tally_write_opts;

/** @brief Aligned plain text, UTF-8 width aware. */
TALLY_API tally_status tally_tables_write_text(const tally_tables *ts,
                                               const tally_write_opts *opts,
                                               tally_buf *out,
                                               tally_error *err);

/**
 * @brief CSV (RFC 4180, CRLF): each table as a block of rows separated by
 *        a blank line; numbers unrounded. Text cells beginning with
 *        = + - @ tab or CR get a leading apostrophe (OWASP CSV injection)
 *        unless opts->raw_csv.
 */
TALLY_API tally_status tally_tables_write_csv(const tally_tables *ts,
                                              const tally_write_opts *opts,
                                              tally_buf *out,
                                              tally_error *err);

/** @brief GitHub-flavoured Markdown tables, one per table. */
TALLY_API tally_status tally_tables_write_md(const tally_tables *ts,
                                             const tally_write_opts *opts,
                                             tally_buf *out,
                                             tally_error *err);

/**
 * @brief An Excel workbook, one formatted sheet per question (tables with
 *        the same sheet name share a sheet).
 *
 * Percentages are numbers with a % format, counts numbers; text cells are
 * always strings, never formulas; NaN and infinite values are left blank.
 * Text longer than Excel's 32,767 characters is cut and ends with "…".
 * Writes @p path directly: callers who want atomic output pass a
 * temporary name and rename it on success (after a failure the file may
 * be empty or partial). With a nonzero opts->created, the same tables give
 * the same bytes.
 *
 * @return TALLY_OK, TALLY_ERR_XLSX (libxlsxwriter's message), TALLY_ERR_IO
 *         (path not writable; errno in err), TALLY_ERR_LIMIT (more columns
 *         than Excel has), TALLY_ERR_INVALID_ARG, TALLY_ERR_NOMEM.
 */
TALLY_API tally_status tally_tables_write_xlsx(const tally_tables *ts,
                                               const char *path,
                                               const tally_write_opts *opts,
                                               tally_error *err);

#ifdef __cplusplus
}
#endif

#endif /* TALLY_TABLE_H */
