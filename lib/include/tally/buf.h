/**
 * @file tally/buf.h
 * @brief A growable byte buffer that writers append their output to.
 *
 * Writers never write to files or streams themselves; they append to a
 * ::tally_buf, and the caller decides where the bytes go (the CLI writes
 * them to a temporary file and renames it, so output is atomic).
 */
#ifndef TALLY_BUF_H
#define TALLY_BUF_H

#include <stddef.h>

#include "api.h"
#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A growable, NUL-terminated byte buffer. Opaque. */
typedef struct tally_buf tally_buf;

/** @brief A new empty buffer, or NULL when out of memory. */
TALLY_API tally_buf *tally_buf_new(void);

/** @brief Free the buffer. NULL is a no-op. */
TALLY_API void tally_buf_free(tally_buf *buf);

/**
 * @brief The contents, always NUL-terminated. Borrowed: valid until the
 *        buffer is next changed or freed.
 */
TALLY_API const char *tally_buf_data(const tally_buf *buf);

/** @brief Number of bytes in the buffer (without the terminating NUL). */
TALLY_API size_t tally_buf_size(const tally_buf *buf);

/** @brief Empty the buffer, keeping its memory. */
TALLY_API void tally_buf_clear(tally_buf *buf);

/**
 * @brief Append bytes.
 * @return TALLY_OK or TALLY_ERR_NOMEM (the buffer is then unchanged).
 */
TALLY_API tally_status tally_buf_append(tally_buf *buf, const void *data,
                                        size_t size);

#ifdef __cplusplus
}
#endif

#endif /* TALLY_BUF_H */
