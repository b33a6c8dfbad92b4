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

#endif /* TALLY_JSON_H */
