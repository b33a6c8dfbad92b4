/* alloc.c: checked allocation (see alloc.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

void *tally__malloc(size_t size)
{
    if (size > TALLY__MAX_BLOCK)
        return NULL;
    return malloc(size ? size : 1);
}

void *tally__calloc(size_t count, size_t size)
{
    if (size && count > TALLY__MAX_BLOCK / size)
        return NULL;
    return calloc(count ? count : 1, size ? size : 1);
}

void *tally__reallocarray(void *ptr, size_t count, size_t size)
{
    if (size && count > TALLY__MAX_BLOCK / size)
        return NULL;
    size_t bytes = count * size;
    return realloc(ptr, bytes ? bytes : 1);
}

void tally__free(void *ptr)
{
    free(ptr);
}

char *tally__strndup(const char *s, size_t n)
{
    char *copy = tally__malloc(n + 1);
    if (!copy)
        return NULL;
    memcpy(copy, s, n);
    copy[n] = '\0';
    return copy;
}

char *tally__strdup(const char *s)
{
    return tally__strndup(s, strlen(s));
}

int tally__grow(void **ptr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t want = *cap ? *cap : 8;
    while (want < need) {
        if (want > SIZE_MAX / 2)
            return -1;
        want *= 2;
    }
    void *grown = tally__reallocarray(*ptr, want, elem);
    if (!grown)
        return -1;
    *ptr = grown;
    *cap = want;
    return 0;
}
