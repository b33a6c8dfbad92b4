/*
 * alloc.h: the only place libtally allocates memory.
 *
 * Every allocation goes through these wrappers, which check size
 * arithmetic for overflow and refuse single blocks above
 * TALLY__MAX_BLOCK, so that a hostile size field yields an error instead
 * of an attempt to allocate it (ReadStat caps blocks the same way).
 */
#ifndef TALLY_ALLOC_H
#define TALLY_ALLOC_H

#include <stddef.h>

/* 8 GiB: far above any real survey's largest array. */
#define TALLY__MAX_BLOCK ((size_t)1 << 33)

void *tally__malloc(size_t size);
void *tally__calloc(size_t count, size_t size);
/* realloc of count * size bytes; NULL (old block kept) on failure. */
void *tally__reallocarray(void *ptr, size_t count, size_t size);
void tally__free(void *ptr);
char *tally__strdup(const char *s);
char *tally__strndup(const char *s, size_t n);

/*
 * Grow *ptr (an array of elem-byte items with *cap slots) so that it has
 * room for at least need items. Doubles the capacity. Returns 0 on
 * success, -1 when out of memory (the array is then unchanged).
 */
int tally__grow(void **ptr, size_t *cap, size_t need, size_t elem);

#define TALLY__GROW(arr, cap, need)                                            \
    tally__grow((void **)&(arr), &(cap), (need), sizeof *(arr))

#endif /* TALLY_ALLOC_H */
