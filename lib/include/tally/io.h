/**
 * @file tally/io.h
 * @brief Where input bytes come from: a file, memory, or your callbacks.
 *
 * Readers take a ::tally_io rather than a path, so that tests and fuzzers
 * never touch the disk and programs can feed data from anywhere (the idea
 * of ReadStat's readstat_io_t).
 */
#ifndef TALLY_IO_H
#define TALLY_IO_H

#include <stddef.h>

#include "api.h"
#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

/** An input source. Opaque; free with tally_io_free(). */
typedef struct tally_io tally_io;

/**
 * @brief Read callback: copy up to @p size bytes into @p buf.
 * @return The number of bytes copied, 0 at end of input, -1 on error
 *         (set errno).
 */
typedef long long (*tally_io_read_fn)(void *ctx, void *buf, size_t size);

/**
 * @brief Open a file for reading.
 *
 * Regular files are memory-mapped and read once; other files (pipes,
 * `/dev/stdin`) are read as a stream.
 *
 * @param path  file name, copied; "-" means standard input.
 * @param out   receives the source; free with tally_io_free().
 *              Set to NULL on failure.
 * @param err   optional detail.
 * @return TALLY_OK, TALLY_ERR_IO (errno in err->sys_errno),
 *         TALLY_ERR_INVALID_ARG, TALLY_ERR_NOMEM.
 *
 * @code
 * tally_io *io;
 * if (tally_io_open_file("responses.csv", &io, &err) != TALLY_OK) ...
 * tally_io_free(io);
 * @endcode
 */
TALLY_API tally_status tally_io_open_file(const char *path, tally_io **out,
                                          tally_error *err);

/**
 * @brief Use bytes in memory as input.
 *
 * @param data  the bytes; borrowed: they must stay valid and unchanged
 *              until the io is freed.
 * @param size  number of bytes.
 * @param name  name used in messages (copied); NULL gives "<memory>".
 * @param out   receives the source; free with tally_io_free().
 * @return TALLY_OK, TALLY_ERR_INVALID_ARG, TALLY_ERR_NOMEM.
 */
TALLY_API tally_status tally_io_from_memory(const void *data, size_t size,
                                            const char *name, tally_io **out,
                                            tally_error *err);

/**
 * @brief Read input through a callback.
 *
 * @param read  called until it returns 0 (end) or -1 (error).
 * @param ctx   passed to @p read; borrowed.
 * @param name  name used in messages (copied); NULL gives "<stream>".
 */
TALLY_API tally_status tally_io_from_callback(tally_io_read_fn read,
                                              void *ctx, const char *name,
                                              tally_io **out,
                                              tally_error *err);

/** @brief The name given when the source was made. Borrowed. */
TALLY_API const char *tally_io_name(const tally_io *io);

/** @brief Release the source (unmap, close). NULL is a no-op. */
TALLY_API void tally_io_free(tally_io *io);

#ifdef __cplusplus
}
#endif

#endif /* TALLY_IO_H */
