/**
 * @file tally/read.h
 * @brief Readers: from bytes to a raw table of text cells.
 *
 * A reader turns an export file into a ::tally_raw: its header rows and
 * its data rows, every cell as UTF-8 text, plus what was detected on the
 * way (format, encoding, delimiter, platform dialect) and any warnings.
 * Nothing is interpreted yet; the codebook (codebook.h) says what the
 * columns mean and the dataset (dataset.h) codes the answers.
 *
 * The platform dialect decides how many header rows there are and how
 * columns group into questions, so it is detected here.
 */
#ifndef TALLY_READ_H
#define TALLY_READ_H

#include <stddef.h>

#include "api.h"
#include "error.h"
#include "io.h"

#ifdef __cplusplus
extern "C" {
#endif

/* X-macro: enum value, keyword (CLI/JSON), display name. */
#define TALLY_ENCODING_LIST(X)                                                 \
    X(TALLY_ENCODING_AUTO, "auto", "detect")                                   \
    X(TALLY_ENCODING_UTF8, "utf-8", "UTF-8")                                   \
    X(TALLY_ENCODING_UTF16LE, "utf-16le", "UTF-16LE")                          \
    X(TALLY_ENCODING_UTF16BE, "utf-16be", "UTF-16BE")                          \
    X(TALLY_ENCODING_WINDOWS_1252, "windows-1252", "Windows-1252")

/** Text encoding of an input file. */
typedef enum tally_encoding {
#define TALLY_X_(e, k, n) e,
    TALLY_ENCODING_LIST(TALLY_X_)
#undef TALLY_X_
        TALLY_ENCODING_COUNT
} tally_encoding;

#define TALLY_DIALECT_LIST(X)                                                  \
    X(TALLY_DIALECT_AUTO, "auto", "detect")                                    \
    X(TALLY_DIALECT_PLAIN, "plain", "plain table (one header row)")            \
    X(TALLY_DIALECT_SURVEYMONKEY, "surveymonkey", "SurveyMonkey")              \
    X(TALLY_DIALECT_QUALTRICS, "qualtrics", "Qualtrics")                       \
    X(TALLY_DIALECT_GOOGLE_FORMS, "google-forms", "Google Forms")              \
    X(TALLY_DIALECT_KOBO, "kobo", "KoboToolbox/ODK")                           \
    X(TALLY_DIALECT_LIMESURVEY, "limesurvey", "LimeSurvey")

/** The survey platform whose layout an export follows. */
typedef enum tally_dialect {
#define TALLY_X_(e, k, n) e,
    TALLY_DIALECT_LIST(TALLY_X_)
#undef TALLY_X_
        TALLY_DIALECT_COUNT
} tally_dialect;

/** @brief Keyword of an encoding ("utf-8"); "?" when out of range. */
TALLY_API const char *tally_encoding_name(tally_encoding e);
/** @brief Parse an encoding keyword (case-insensitive; also "utf8",
 *  "cp1252", "latin1" meaning Windows-1252).
 *  @return TALLY_OK or TALLY_ERR_INVALID_ARG. */
TALLY_API tally_status tally_encoding_parse(const char *name,
                                            tally_encoding *out);
/** @brief Keyword of a dialect ("surveymonkey"); "?" when out of range. */
TALLY_API const char *tally_dialect_name(tally_dialect d);
/** @brief Parse a dialect keyword. @return TALLY_OK or
 *  TALLY_ERR_INVALID_ARG. */
TALLY_API tally_status tally_dialect_parse(const char *name,
                                           tally_dialect *out);

/**
 * @brief Progress callback: @p fraction of the input read so far (0-1).
 *        Called from the reading thread every few megabytes.
 */
typedef void (*tally_progress_fn)(void *ctx, double fraction);

/**
 * @brief Options for reading. Zero-initialised means "detect everything,
 *        default limits"; NULL means the same.
 */
typedef struct tally_read_opts {
    tally_encoding encoding; /**< 0: BOM, else UTF-8, else Windows-1252 */
    char delimiter;          /**< 0: sniff among ',' ';' and tab        */
    tally_dialect dialect;   /**< 0: detect from the header rows        */
    size_t max_field_bytes;  /**< 0: 16 MiB; longer fields are an error */
    size_t max_columns;      /**< 0: 65536                              */
    size_t max_rows;         /**< 0: 100 million; a .sav/.dta header
                                  declaring more is refused at once  */
    int threads;             /**< 0: up to 2; 1 disables parallel parse */
    tally_progress_fn progress; /**< NULL: none                         */
    void *progress_ctx;      /**< passed to progress; borrowed          */
    /** XLSX: the sheet to read, by name (NULL: the first); borrowed. */
    const char *sheet;
    /** ZIP containers (XLSX, a .zip download): the most bytes any entry,
        and all entries together, may unpack to; 0: 1 GiB. Checked before
        anything is inflated: TALLY_ERR_LIMIT. */
    unsigned long long max_unzip_bytes;
    /** ZIP containers: the highest compression ratio accepted for entries
        above 1 MiB (deflate cannot exceed about 1032:1; zip bombs come
        close); 0: 200. */
    unsigned max_unzip_ratio;
    /** 0: leave out the platform's preview, test, spam and imported
        responses (Qualtrics `Status`), with a note saying how many;
        1: keep every row. */
    int all_responses;
    /** The most memory the raw table may take (cells, their
        dictionaries and the per-row arrays), checked as it grows, before
        each larger allocation: TALLY_ERR_LIMIT naming the limit. 0: 8 GiB
        or three quarters of the physical memory, whichever is less. */
    size_t max_memory;
} tally_read_opts;

/** A raw table: header rows and text cells. Opaque. */
typedef struct tally_raw tally_raw;

/** What a column is for, as far as the dialect can tell. */
typedef enum tally_column_role {
    TALLY_ROLE_ANSWER = 0,  /**< an answer (or part of one); the data
                                 decide its type                        */
    TALLY_ROLE_META,        /**< platform metadata or personal data     */
    TALLY_ROLE_OTHER_TEXT,  /**< "Other (please specify)" free text: a
                                 text question of its own (verbatims)   */
    TALLY_ROLE_OPTION,      /**< one option of a multi-select question,
                                 ticked or not; its group holds the
                                 other options                          */
    TALLY_ROLE_TEXT,        /**< an open answer (comment box)           */
    TALLY_ROLE_JOINED       /**< the options chosen, joined with
                                 tally_column.separator                 */
} tally_column_role;

/** A column of the raw table as the dialect understood it. Read-only. */
typedef struct tally_column {
    const char *name;  /**< unique key (header text, made unique)        */
    const char *text;  /**< question text of its block, or the header   */
    const char *sub;   /**< item or option label within the block, or NULL */
    const char *group; /**< dialect's question key shared by a block, or
                            NULL when the dialect does not group         */
    tally_column_role role;
    const char *separator; /**< TALLY_ROLE_JOINED: the joiner;
                                TALLY_ROLE_ANSWER: the joiner of a
                                multi-select answer, should the data
                                show one (Qualtrics' ","); else NULL   */
    const char *reason;    /**< TALLY_ROLE_META: why ("response status"),
                                or NULL                                  */
} tally_column;

/** Where the data came from and how it was read. Read-only. */
typedef struct tally_source {
    const char *file;       /**< name of the input                      */
    const char *format;     /**< "csv", "xlsx", "sav", "zsav", "por",
                                 "dta"                                  */
    tally_encoding encoding;
    char delimiter;         /**< ',' ';' or '\t'                        */
    int bom;                /**< 1 when the file began with a BOM       */
    tally_dialect dialect;
    size_t header_rows;     /**< rows before the first respondent       */
    const char *sheet;      /**< XLSX: the sheet read, else NULL        */
    const char *member;     /**< the entry read from a .zip download
                                 that wraps the export, else NULL       */
    const char *layout;     /**< the platform's export generation when
                                 it has several ("current", "2016",
                                 "legacy" for Qualtrics), or NULL       */
} tally_source;

/**
 * @brief Read an export, recognising its container from its first bytes.
 *
 * CSV/TSV text (tally_read_csv()); XLSX workbooks (the first sheet, or
 * opts->sheet); a .zip that wraps exactly one CSV, XLSX or SPSS/Stata
 * export (SurveyMonkey and Qualtrics downloads); SPSS .sav, .zsav and
 * .por and Stata .dta files. Other containers (legacy .xls, PDF, ...)
 * give TALLY_ERR_UNSUPPORTED naming what was found. Errors name the
 * file; for XLSX, the line of an error or note is the sheet row.
 *
 * @param io    the input; borrowed for the call.
 * @param opts  NULL or options (zero means defaults).
 * @param out   receives the table, free with tally_raw_free(); NULL on
 *              failure.
 * @param err   optional detail (file, line, column, message).
 * @return TALLY_OK, TALLY_ERR_PARSE, TALLY_ERR_ENCODING, TALLY_ERR_IO,
 *         TALLY_ERR_LIMIT, TALLY_ERR_NOMEM, TALLY_ERR_UNSUPPORTED.
 *
 * @code
 * tally_raw *raw;
 * if (tally_read(io, NULL, &raw, &err) != TALLY_OK) ...
 * printf("%zu respondents\n", tally_raw_rows(raw));
 * tally_raw_free(raw);
 * @endcode
 */
TALLY_API tally_status tally_read(tally_io *io, const tally_read_opts *opts,
                                  tally_raw **out, tally_error *err);

/**
 * @brief Read delimited text (CSV, TSV, "Unicode text") per RFC 4180 and
 *        what Excel and the survey platforms really write.
 *
 * Encoding: a UTF-8/UTF-16LE/UTF-16BE BOM decides; without one, valid
 * UTF-8 is UTF-8 and anything else is read as Windows-1252 with a
 * warning (or as opts->encoding says). The delimiter is sniffed from the
 * first records. CRLF, LF and CR line ends; quoted fields with embedded
 * line breaks and doubled quotes. Short rows are padded; extra fields
 * beyond the header are accepted only when empty. Blank lines are
 * skipped with a warning naming them. NUL bytes, other control bytes,
 * unterminated quotes and an empty file are errors with line and column.
 *
 * Same parameters and return values as tally_read().
 */
TALLY_API tally_status tally_read_csv(tally_io *io,
                                      const tally_read_opts *opts,
                                      tally_raw **out, tally_error *err);

/** @brief Free a raw table. NULL is a no-op. */
TALLY_API void tally_raw_free(tally_raw *raw);

/** @brief Number of data rows (respondents), header rows excluded. */
TALLY_API size_t tally_raw_rows(const tally_raw *raw);

/** @brief Number of columns. */
TALLY_API size_t tally_raw_columns(const tally_raw *raw);

/**
 * @brief A data cell as UTF-8 text ("" when empty).
 * @return Borrowed, valid until the table is freed; NULL when @p row or
 *         @p col is out of range.
 */
TALLY_API const char *tally_raw_cell(const tally_raw *raw, size_t row,
                                     size_t col);

/**
 * @brief A header cell; @p row counts from 0 up to
 *        tally_raw_source()->header_rows - 1.
 * @return Borrowed; NULL when out of range.
 */
TALLY_API const char *tally_raw_header(const tally_raw *raw, size_t row,
                                       size_t col);

/** @brief The 1-based line of the input where data row @p row starts. */
TALLY_API long tally_raw_line(const tally_raw *raw, size_t row);

/** @brief Column @p col as the dialect saw it. Borrowed; NULL if out of
 *         range. */
TALLY_API const tally_column *tally_raw_column(const tally_raw *raw,
                                               size_t col);

/**
 * @brief Index of the column named @p name (its unique key).
 * @return TALLY_OK or TALLY_ERR_NO_SUCH_VAR.
 */
TALLY_API tally_status tally_raw_find_column(const tally_raw *raw,
                                             const char *name, size_t *col);

/** @brief How the input was read. Borrowed. */
TALLY_API const tally_source *tally_raw_source(const tally_raw *raw);

/** @brief Number of warnings raised while reading. */
TALLY_API size_t tally_raw_note_count(const tally_raw *raw);

/** @brief Warning @p i as text ("skipped 2 blank lines: 17, 40").
 *  Borrowed; NULL when out of range. */
TALLY_API const char *tally_raw_note(const tally_raw *raw, size_t i);

#ifdef __cplusplus
}
#endif

#endif /* TALLY_READ_H */
