/**
 * @file tally/codebook.h
 * @brief The question model: what the columns of an export mean.
 *
 * A codebook lists the questions of a survey: their id, text and type,
 * the column(s) holding their answers, their options in display order
 * (with scale values for ordered scales, and the "Don't know"-style
 * missing codes that are shown but left out of every base), and matrix
 * items. It is inferred from the data (tally_codebook_infer()), or read
 * from the YAML file format of DESIGN.md section 6
 * (tally_codebook_read_yaml()), and can be written back as YAML for the
 * evaluator to correct (tally_codebook_write_yaml()).
 *
 * The structs below are read-only views owned by their codebook: they
 * stay valid until tally_codebook_free(). Fields may be appended in later
 * versions, never reordered.
 */
#ifndef TALLY_CODEBOOK_H
#define TALLY_CODEBOOK_H

#include <stddef.h>

#include "api.h"
#include "buf.h"
#include "error.h"
#include "io.h"
#include "read.h"

#ifdef __cplusplus
extern "C" {
#endif

#define TALLY_QTYPE_LIST(X)                                                    \
    X(TALLY_QTYPE_SINGLE, "single", "single choice")                           \
    X(TALLY_QTYPE_SCALE, "scale", "rating scale")                              \
    X(TALLY_QTYPE_MULTI, "multi", "multiple response")                         \
    X(TALLY_QTYPE_MATRIX, "matrix", "matrix")                                  \
    X(TALLY_QTYPE_NUMERIC, "numeric", "numeric")                               \
    X(TALLY_QTYPE_TEXT, "text", "open text")                                   \
    X(TALLY_QTYPE_META, "meta", "metadata")

/** Question types (DESIGN.md section 1). */
typedef enum tally_qtype {
#define TALLY_X_(e, k, n) e,
    TALLY_QTYPE_LIST(TALLY_X_)
#undef TALLY_X_
        TALLY_QTYPE_COUNT
} tally_qtype;

/** @brief Keyword of a type ("scale"); "?" when out of range. */
TALLY_API const char *tally_qtype_name(tally_qtype t);
/** @brief Parse a type keyword. @return TALLY_OK or TALLY_ERR_INVALID_ARG */
TALLY_API tally_status tally_qtype_parse(const char *name, tally_qtype *out);

/** One answer option (or a missing code) of a question. */
typedef struct tally_option {
    const char *label;  /**< as shown in tables                          */
    const char *code;   /**< value in the data when it is not the label
                             (numeric recodes, platform codes), or NULL  */
    const char *column; /**< multi with one column per option: its column,
                             else NULL                                    */
    double value;       /**< scale value (ordered questions); position
                             1..k otherwise; NaN for missing codes        */
    int missing;        /**< 1: a missing code such as "Don't know":
                             shown, but out of the base                   */
} tally_option;

/** One item (row) of a matrix question. */
typedef struct tally_item {
    const char *id;     /**< "Q4_1"                                      */
    const char *text;   /**< "Enhance coordinated actions"               */
    const char *column; /**< column holding its answers                  */
} tally_item;

/** A question. */
typedef struct tally_question {
    const char *id;        /**< short id: "Q4"                           */
    const char *text;      /**< question text                            */
    tally_qtype type;
    int ordered;           /**< options form an ordered scale            */
    const char *column;    /**< the answer column (single, scale, numeric,
                                text, meta, joined multi); NULL for
                                matrix and for multi with option columns */
    const char *separator; /**< joined multi: the joiner (", "); or NULL */
    const char *scale;     /**< name of a shared scale, or NULL          */
    size_t n_items;        /**< matrix items                             */
    const tally_item *items;
    size_t n_options;      /**< options in display order, missing codes
                                flagged (they come last when inferred)   */
    const tally_option *options;
    int other;             /**< answers outside the options count as
                                "Other" instead of being an error        */
    const char *section;   /**< section heading for the annex, or NULL   */
    const char *reason;    /**< why a meta question was recognised as
                                metadata ("e-mail address"), or NULL     */
} tally_question;

/** A codebook. Opaque; free with tally_codebook_free(). */
typedef struct tally_codebook tally_codebook;

/**
 * An XLSForm: the form definition of a KoboToolbox or ODK survey (the
 * workbook with the sheets `survey` and `choices`). Opaque; read with
 * tally_xlsform_read(), give it to inference (tally_infer_opts.xlsform)
 * and free it with tally_xlsform_free().
 */
typedef struct tally_xlsform tally_xlsform;

/**
 * @brief Read an XLSForm workbook.
 * From the `survey` sheet: each row's type, name and label (the column
 * `label`, else the first `label::English...`, else the first
 * `label::<language>`), and the group path of begin_group/begin_repeat
 * rows; from the `choices` sheet: list_name, name and label.
 * @param io   the workbook; borrowed for the call.
 * @param out  receives the form; NULL on failure.
 * @return TALLY_OK, TALLY_ERR_PARSE (a sheet or its type/name/list_name
 *         column is missing), the errors of tally_read(),
 *         TALLY_ERR_INVALID_ARG, TALLY_ERR_NOMEM.
 */
TALLY_API tally_status tally_xlsform_read(tally_io *io, tally_xlsform **out,
                                          tally_error *err);

/** @brief Free an XLSForm. NULL is a no-op. */
TALLY_API void tally_xlsform_free(tally_xlsform *form);

/** Options for inference. Zero/NULL means defaults. */
typedef struct tally_infer_opts {
    /** A column with more distinct answers than this is open text rather
        than a single-choice question. 0: 30. */
    size_t max_options;
    /** A column of weights (sampling or frequency weights): not a
        question. NULL: none. */
    const char *weight;
    /** The XLSForm of a Kobo/ODK export, borrowed for the call, or NULL.
        Export columns are matched to its fields by group path ("grp/q",
        ODK Central "grp-q"), name or label; the form then gives question
        and item texts (labels, not XML names), the options of select_one
        and select_multiple fields (choice labels in the form's order,
        with the XML names the data holds as codes; a select_multiple's
        space-joined column is a multi-select question), and types
        (integer/decimal numeric, text open text, calculate/start/end/
        deviceid/note metadata). */
    const tally_xlsform *xlsform;
} tally_infer_opts;

/**
 * @brief Infer the codebook of a raw table.
 *
 * Types from the data; matrix items and multi-select option columns from
 * shared prefixes ("Q4_1", "Q4_2", and "Question [Item]"); ordered
 * scales from known Likert label sets in any letter case (agree,
 * satisfied, effective, extent, expectations, frequency, quality,
 * importance, likelihood; 3 to 7 points) and from numeric 0-10, 1-5 and
 * 1-7 answers; "Don't know", "N/A", "Not applicable", "Prefer not to
 * say", "No opinion" as missing codes; open text; respondent ids, dates,
 * IP addresses, e-mails and names as metadata.
 *
 * @param raw   borrowed for the call; the codebook does not point into it.
 * @param opts  NULL or options.
 * @param out   receives the codebook; free with tally_codebook_free().
 * @return TALLY_OK, TALLY_ERR_NOMEM, TALLY_ERR_INVALID_ARG.
 */
TALLY_API tally_status tally_codebook_infer(const tally_raw *raw,
                                            const tally_infer_opts *opts,
                                            tally_codebook **out,
                                            tally_error *err);

/**
 * @brief Read a codebook in the YAML format of DESIGN.md section 6.
 *
 * Unknown keys, wrong types and inconsistent declarations are errors
 * with the line and column of the offending node (docs/codebook-format.md
 * has every rule).
 *
 * @param out  receives the codebook; NULL on failure.
 * @return TALLY_OK, TALLY_ERR_PARSE, TALLY_ERR_IO, TALLY_ERR_NOMEM,
 *         TALLY_ERR_INVALID_ARG (NULL io or out).
 */
TALLY_API tally_status tally_codebook_read_yaml(tally_io *io,
                                                tally_codebook **out,
                                                tally_error *err);

/**
 * @brief Append the codebook as YAML (readable by
 *        tally_codebook_read_yaml(), giving the same codebook).
 *
 * On failure the buffer is left as it was.
 * @return TALLY_OK, TALLY_ERR_NOMEM, TALLY_ERR_ENCODING (a text is not
 *         valid UTF-8), TALLY_ERR_INVALID_ARG.
 */
TALLY_API tally_status tally_codebook_write_yaml(const tally_codebook *cb,
                                                 tally_buf *out,
                                                 tally_error *err);

/** @brief Free a codebook. NULL is a no-op. */
TALLY_API void tally_codebook_free(tally_codebook *cb);

/** @brief Survey title, or NULL. Borrowed. */
TALLY_API const char *tally_codebook_title(const tally_codebook *cb);

/** @brief Population size for the finite population correction, or 0. */
TALLY_API double tally_codebook_population(const tally_codebook *cb);

/** @brief Sampling-weight column named by the codebook, or NULL. */
TALLY_API const char *tally_codebook_weight(const tally_codebook *cb);

/** @brief Frequency-weight (count) column named by the codebook, or NULL. */
TALLY_API const char *tally_codebook_count(const tally_codebook *cb);

/** @brief Number of questions (metadata included). */
TALLY_API size_t tally_codebook_question_count(const tally_codebook *cb);

/** @brief Question @p i. Borrowed; NULL when out of range. */
TALLY_API const tally_question *
tally_codebook_question(const tally_codebook *cb, size_t i);

/** Sentinel for "the whole question" in tally_codebook_find(). */
#define TALLY_ALL_ITEMS ((size_t)-1)

/**
 * @brief Resolve a question reference as the CLI accepts it.
 *
 * @p spec is a question id ("Q4"), a matrix item id ("Q4_2"), or a
 * prefix of a question's text that only one question has (case-
 * insensitive). Ids are matched exactly first.
 *
 * @param question  receives the question index.
 * @param item      receives the item index, or TALLY_ALL_ITEMS.
 * @return TALLY_OK, TALLY_ERR_NO_SUCH_VAR (message lists near matches or
 *         the ambiguous candidates).
 */
TALLY_API tally_status tally_codebook_find(const tally_codebook *cb,
                                           const char *spec,
                                           size_t *question, size_t *item,
                                           tally_error *err);

#ifdef __cplusplus
}
#endif

#endif /* TALLY_CODEBOOK_H */
