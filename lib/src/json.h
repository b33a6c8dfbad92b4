/* json.h: writing JSON values into a tally_buf. */
#ifndef TALLY_JSON_H
#define TALLY_JSON_H

#include "buf_internal.h"

/* A JSON string (RFC 8259 escaping; invalid UTF-8 bytes become U+FFFD). */
tally_status tally__json_str(tally_buf *b, const char *s);
/* A number unrounded: the shortest of %.15g, %.16g and %.17g that reads
   back as the same double (0.95, not 0.94999999999999996); NaN and
   infinities are null. */
tally_status tally__json_num(tally_buf *b, double v);
/* "key": (with a leading comma unless first). */
tally_status tally__json_key(tally_buf *b, const char *key, int first);
/* "key":number, as tally__json_num. */
tally_status tally__json_num_field(tally_buf *b, const char *key, double v,
                                   int first);
/* "key":[...] of n strings, as tally__json_str ([] when n is 0). */
tally_status tally__json_strings(tally_buf *b, const char *key,
                                 const char *const *s, size_t n, int first);
/* "key":[...] of n numbers, as tally__json_num ([] when n is 0). */
tally_status tally__json_numbers(tally_buf *b, const char *key,
                                 const double *v, size_t n, int first);

#endif /* TALLY_JSON_H */
