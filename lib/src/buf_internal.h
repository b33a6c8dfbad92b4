/* buf_internal.h: formatted appends to a tally_buf, for the writers. */
#ifndef TALLY_BUF_INTERNAL_H
#define TALLY_BUF_INTERNAL_H

#include "common.h"

tally_status tally__buf_puts(tally_buf *buf, const char *s);
tally_status tally__buf_putc(tally_buf *buf, char c);
tally_status tally__buf_printf(tally_buf *buf, const char *fmt, ...)
    TALLY__PRINTF(2, 3);
/* n copies of c. */
tally_status tally__buf_repeat(tally_buf *buf, char c, size_t n);
/* Remove the last n bytes (n larger than the size empties it). */
void tally__buf_trim(tally_buf *buf, size_t n);

#endif /* TALLY_BUF_INTERNAL_H */
