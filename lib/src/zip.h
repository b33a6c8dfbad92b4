/*
 * zip.h: the entries of a ZIP archive held in memory, through Debian's
 * minizip (zip.c): XLSX workbooks and the .zip downloads that wrap one
 * export.
 *
 * Every entry is size-checked before it is inflated: its declared size
 * against an absolute cap, and its compression ratio against a maximum,
 * so a zip bomb ends in TALLY_ERR_LIMIT without inflating anything. An
 * entry that inflates to more than it declared fails its CRC check
 * (minizip stops at the declared size), so a lying header cannot get
 * around the caps either.
 */
#ifndef TALLY_ZIP_H
#define TALLY_ZIP_H

#include <stddef.h>

#include "common.h"

typedef struct tally__zip tally__zip;

/* Open the archive data[0..size) (borrowed until tally__zip_close);
   file names it in errors. Caps from opts (NULL: defaults).
   TALLY_ERR_PARSE when it is no readable ZIP archive. */
tally_status tally__zip_open(const unsigned char *data, size_t size,
                             const char *file, const tally_read_opts *opts,
                             tally__zip **out, tally_error *err);
void tally__zip_close(tally__zip *z);

/* Number of entries, and the name and declared size of entry i. */
size_t tally__zip_count(const tally__zip *z);
const char *tally__zip_name(const tally__zip *z, size_t i);
unsigned long long tally__zip_size(const tally__zip *z, size_t i);

/* Index of the entry called name (ASCII case-insensitive, as OPC part
   names are), or -1. */
long tally__zip_find(const tally__zip *z, const char *name);

/* Receives inflated bytes; anything but TALLY_OK stops the stream and is
   returned by tally__zip_stream. */
typedef tally_status (*tally__zip_sink)(void *ctx, const char *buf,
                                        size_t n);

/* Inflate entry i in pieces into sink. */
tally_status tally__zip_stream(tally__zip *z, size_t i, tally__zip_sink sink,
                               void *ctx, tally_error *err);

/* Inflate entry i into a new buffer (*out, *n; free with tally__free;
   NUL-terminated). */
tally_status tally__zip_read(tally__zip *z, size_t i, unsigned char **out,
                             size_t *n, tally_error *err);

#endif /* TALLY_ZIP_H */
