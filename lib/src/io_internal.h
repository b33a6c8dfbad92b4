/* io_internal.h: how readers get at the bytes of a tally_io. */
#ifndef TALLY_IO_INTERNAL_H
#define TALLY_IO_INTERNAL_H

#include "common.h"

/*
 * The whole input as one contiguous block, valid until the io is freed:
 * a memory mapping for regular files, the caller's memory, or the stream
 * read to its end. Parsing one block lets the CSV reader split it between
 * threads and keep unquoted fields without copying.
 */
tally_status tally__io_contents(tally_io *io, const unsigned char **data,
                                size_t *size, tally_error *err);

/*
 * The reader no longer needs bytes [from, to): a mapped file's pages
 * are dropped from the process (they stay in the page cache), so reading a
 * 1.5 GB export does not keep 1.5 GB resident. Only whole pages inside the
 * range are released. Safe to call from several threads.
 */
void tally__io_release(const tally_io *io, size_t from, size_t to);

#endif /* TALLY_IO_INTERNAL_H */
