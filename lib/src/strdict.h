/*
 * strdict.h: a set of distinct strings with dense ids 0, 1, 2, ...
 *
 * The CSV reader keeps one per column, so each distinct answer text is
 * stored once and every row holds only its id: a 1,000,000-respondent
 * file with five-point scales needs one byte per answer (DESIGN.md 1).
 * Strings are copied into the caller's arena.
 */
#ifndef TALLY_STRDICT_H
#define TALLY_STRDICT_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

typedef struct tally__strdict {
    uint64_t *slots;     /* (hash << 32) | (id + 1); 0 = empty slot   */
    size_t mask;         /* slots - 1 (a power of two minus one)       */
    struct tally__strdict_entry {
        const char *str; /* NUL-terminated copy                        */
        size_t len;      /* length in bytes                            */
    } *entry;            /* by id                                      */
    size_t count, cap;
} tally__strdict;

uint64_t tally__hash_bytes(const void *data, size_t len);

int tally__strdict_init(tally__strdict *d);
void tally__strdict_destroy(tally__strdict *d);
/* Id of s, inserting a copy (in arena) if new; -1 when out of memory or
   past UINT32_MAX entries. *added (may be NULL) tells whether it was new. */
long tally__strdict_intern(tally__strdict *d, tally__arena *arena,
                           const char *s, size_t len, int *added);
/* Like tally__strdict_intern and tally__strdict_append, but keeping s
   itself (NUL-terminated, owned by an arena that outlives d) instead of a
   copy: merging the dictionaries of a file read in two parts. */
long tally__strdict_intern_ref(tally__strdict *d, const char *s, size_t len);
long tally__strdict_append_ref(tally__strdict *d, const char *s, size_t len);

/* Add s as a new id without looking for it or making it findable: for
   columns whose values are nearly all different (open answers), where a
   hash table would cost more than it saves. -1 when out of memory. */
long tally__strdict_append(tally__strdict *d, tally__arena *arena,
                           const char *s, size_t len);

/* Id of s, or -1. */
long tally__strdict_find(const tally__strdict *d, const char *s, size_t len);

static inline const char *tally__strdict_str(const tally__strdict *d,
                                             size_t id)
{
    return d->entry[id].str;
}

static inline size_t tally__strdict_len(const tally__strdict *d, size_t id)
{
    return d->entry[id].len;
}

#endif /* TALLY_STRDICT_H */
