/**
 * @file tally/error.h
 * @brief Status codes and the error detail buffer.
 *
 * Every fallible function returns a ::tally_status and takes an optional
 * ::tally_error (which may be NULL) that receives a formatted message and,
 * for malformed input, the line and column. The library never prints,
 * exits or aborts.
 *
 * "A statistic is undefined" (a CI with n = 0, a mean of nothing) is not an
 * error: it is reported as NaN in the result together with a note.
 */
#ifndef TALLY_ERROR_H
#define TALLY_ERROR_H

#include "api.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Result of a libtally call.
 *
 * Values are append-only and never renumbered (zstd's pinned error codes),
 * so they may be stored and compared across versions.
 */
typedef enum tally_status {
    TALLY_OK = 0,
    TALLY_ERR_NOMEM,         /**< allocation failed or hit the size cap   */
    TALLY_ERR_INVALID_ARG,   /**< API misuse: NULL, bad enum, bad level   */
    TALLY_ERR_IO,            /**< open/read/write failed; errno kept       */
    TALLY_ERR_PARSE,         /**< malformed input; line/column kept        */
    TALLY_ERR_ENCODING,      /**< invalid text encoding                    */
    TALLY_ERR_NO_SUCH_VAR,   /**< no question/column of that name          */
    TALLY_ERR_TYPE_MISMATCH, /**< e.g. a mean of a text question           */
    TALLY_ERR_BAD_WEIGHT,    /**< negative, non-numeric or NaN weight      */
    TALLY_ERR_LIMIT,         /**< a configured size limit was reached      */
    TALLY_ERR_XLSX,          /**< libxlsxwriter failed                     */
    TALLY_ERR_UNSUPPORTED,   /**< a valid request this build cannot do     */
    TALLY_ERR_CODEBOOK,      /**< codebook and data disagree               */
    TALLY_ERR_INTERNAL,      /**< a bug in tally: an internal invariant
                                  failed (the counts of a table do not add
                                  up); please report it                   */
    TALLY_STATUS_COUNT       /**< keep last; never returned                */
} tally_status;

/**
 * @brief A short static description of a status ("malformed input").
 * @return Static text, never NULL, for every value (also out of range).
 */
TALLY_API const char *tally_strerror(tally_status status);

/**
 * @brief Detail about the last failure (curl's CURLOPT_ERRORBUFFER idea).
 *
 * Zero-initialise it before the call; the library fills it on failure.
 */
typedef struct tally_error {
    tally_status code;    /**< same as the return value                  */
    int sys_errno;        /**< errno for TALLY_ERR_IO, else 0            */
    long line;            /**< 1-based input line, 0 when not known      */
    long column;          /**< 1-based column (characters), 0 if unknown */
    char file[256];       /**< the file it is about: an input, or the
                               workbook being written; may be empty     */
    char message[512];    /**< formatted detail, always NUL-terminated   */
} tally_error;

#ifdef __cplusplus
}
#endif

#endif /* TALLY_ERROR_H */
