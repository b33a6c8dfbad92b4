/*
 * notes.h: the lists of notes (warnings) that raw tables, datasets and
 * results carry, kept in their owner's arena.
 */
#ifndef TALLY_NOTES_H
#define TALLY_NOTES_H

#include <stdarg.h>

#include "arena.h"
#include "common.h"

/*
 * Append a formatted note (cut at 1023 bytes) to the array *notes of *n
 * notes. Array and text live in arena a. The array doubles whenever n
 * reaches a power of two, so its capacity follows from n and the owner
 * keeps no capacity of its own. The array is read-only to everyone else
 * (results expose it as const char *const *): only this function, which
 * allocated it, writes to it. -1 when out of memory (nothing changed).
 */
int tally__notes_vadd(tally__arena *a, const char *const **notes,
                      size_t *n, const char *fmt, va_list ap);

#endif /* TALLY_NOTES_H */
