/* encoding.h: byte-order marks and conversion of input text to UTF-8. */
#ifndef TALLY_ENCODING_H
#define TALLY_ENCODING_H

#include "common.h"

/* The encoding a BOM at the start of p announces (AUTO when none) and the
   BOM's length in *bom_len. */
tally_encoding tally__bom_encoding(const unsigned char *p, size_t n,
                                   size_t *bom_len);

/*
 * Convert p[0..n) from enc (UTF-16LE/BE or Windows-1252) to UTF-8 in a new
 * buffer *out (free with tally__free) of *out_n bytes. Invalid UTF-16
 * (unpaired surrogates, an odd byte count) is TALLY_ERR_ENCODING naming
 * the line and column in `file`.
 */
tally_status tally__to_utf8(tally_encoding enc, const unsigned char *p,
                            size_t n, const char *file, unsigned char **out,
                            size_t *out_n, tally_error *err);

#endif /* TALLY_ENCODING_H */
