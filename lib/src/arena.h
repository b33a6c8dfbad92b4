/*
 * arena.h: a bump allocator for the strings and small arrays of one owner
 * (a raw table, codebook, dataset or result), freed in one go with it
 * (PSPP's pool). Pointers stay valid until tally__arena_free().
 */
#ifndef TALLY_ARENA_H
#define TALLY_ARENA_H

#include <stddef.h>

typedef struct tally__arena tally__arena;

tally__arena *tally__arena_new(void);
/* Drop one reference; the arena is freed with the last. NULL is a no-op. */
void tally__arena_free(tally__arena *a);
/* Take another reference (atomic): a dataset keeps the strings of the raw
   table it was built from alive this way instead of copying them. */
tally__arena *tally__arena_ref(tally__arena *a);
/* Move every block of src (which must hold the only reference) into dst
   and free src: pointers into src stay valid and now belong to dst. */
void tally__arena_adopt(tally__arena *dst, tally__arena *src);

/* size bytes aligned for any type; NULL when out of memory. */
void *tally__arena_alloc(tally__arena *a, size_t size);
/* count * size zeroed bytes; NULL on overflow or out of memory. */
void *tally__arena_calloc(tally__arena *a, size_t count, size_t size);
char *tally__arena_strndup(tally__arena *a, const char *s, size_t n);
/* NULL in, NULL out (not an error). */
char *tally__arena_strdup(tally__arena *a, const char *s);
/* Copy count elements of size bytes; count 0 gives NULL. */
void *tally__arena_memdup(tally__arena *a, const void *p, size_t count,
                          size_t size);
/* Bytes handed out so far (for memory accounting). */
size_t tally__arena_used(const tally__arena *a);

#endif /* TALLY_ARENA_H */
