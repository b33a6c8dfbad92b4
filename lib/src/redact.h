/*
 * redact.h: masking e-mail addresses and phone numbers inside open
 * answers (tally annex --redact; docs/redaction.md has the patterns).
 */
#ifndef TALLY_REDACT_H
#define TALLY_REDACT_H

#include <stddef.h>

#define TALLY__REDACT_EMAIL "[e-mail]"
#define TALLY__REDACT_PHONE "[phone]"

/*
 * s with every e-mail address replaced by "[e-mail]" and every phone
 * number by "[phone]": *out is NULL when s has neither (use s as it is),
 * else a new string the caller frees with tally__free(). -1 when out of
 * memory.
 */
int tally__redact(const char *s, char **out);

#endif /* TALLY_REDACT_H */
