/* arena.c: bump allocator (see arena.h). */
#include <stdalign.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"

#define CHUNK_MIN ((size_t)64 * 1024)

typedef struct chunk {
    struct chunk *next;
    size_t size, used;
    alignas(max_align_t) unsigned char data[];
} chunk;

struct tally__arena {
    chunk *head;
    size_t total;
    atomic_long refs;
};

tally__arena *tally__arena_new(void)
{
    tally__arena *a = tally__calloc(1, sizeof(tally__arena));
    if (a)
        atomic_init(&a->refs, 1);
    return a;
}

tally__arena *tally__arena_ref(tally__arena *a)
{
    atomic_fetch_add(&a->refs, 1);
    return a;
}

void tally__arena_free(tally__arena *a)
{
    if (!a || atomic_fetch_sub(&a->refs, 1) > 1)
        return;
    chunk *c = a->head;
    while (c) {
        chunk *next = c->next;
        tally__free(c);
        c = next;
    }
    tally__free(a);
}

void tally__arena_adopt(tally__arena *dst, tally__arena *src)
{
    chunk *last = src->head;
    if (last) {
        while (last->next)
            last = last->next;
        /* Behind dst's current block, which keeps taking allocations. */
        if (dst->head) {
            last->next = dst->head->next;
            dst->head->next = src->head;
        } else {
            dst->head = src->head;
        }
        dst->total += src->total;
    }
    src->head = NULL;
    tally__arena_free(src);
}

static chunk *add_chunk(tally__arena *a, size_t need)
{
    /* Chunks grow with the arena so that large owners make few of them. */
    size_t size = a->total / 4 > CHUNK_MIN ? a->total / 4 : CHUNK_MIN;
    if (size > ((size_t)16 << 20))
        size = (size_t)16 << 20;
    if (size < need)
        size = need;
    if (size > TALLY__MAX_BLOCK - sizeof(chunk))
        return NULL;
    chunk *c = tally__malloc(sizeof(chunk) + size);
    if (!c)
        return NULL;
    c->size = size;
    c->used = 0;
    c->next = a->head;
    a->head = c;
    return c;
}

void *tally__arena_alloc(tally__arena *a, size_t size)
{
    const size_t align = alignof(max_align_t);
    if (size > SIZE_MAX - align)
        return NULL;
    size = (size + align - 1) & ~(align - 1);
    chunk *c = a->head;
    /* Strings leave `used` unaligned: start at the next aligned offset. */
    size_t start = c ? (c->used + align - 1) & ~(align - 1) : 0;
    if (!c || start > c->size || c->size - start < size) {
        c = add_chunk(a, size);
        if (!c)
            return NULL;
        start = 0;
    }
    void *p = c->data + start;
    a->total += start - c->used + size;
    c->used = start + size;
    return p;
}

void *tally__arena_calloc(tally__arena *a, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    void *p = tally__arena_alloc(a, count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

char *tally__arena_strndup(tally__arena *a, const char *s, size_t n)
{
    /* Strings need no alignment: take bytes from the chunk directly. */
    if (n == SIZE_MAX)
        return NULL;
    chunk *c = a->head;
    if (!c || c->size - c->used < n + 1) {
        c = add_chunk(a, n + 1);
        if (!c)
            return NULL;
    }
    char *p = (char *)c->data + c->used;
    c->used += n + 1;
    a->total += n + 1;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *tally__arena_strdup(tally__arena *a, const char *s)
{
    return s ? tally__arena_strndup(a, s, strlen(s)) : NULL;
}

void *tally__arena_memdup(tally__arena *a, const void *p, size_t count,
                          size_t size)
{
    if (!count)
        return NULL;
    void *copy = tally__arena_calloc(a, count, size);
    if (copy)
        memcpy(copy, p, count * size);
    return copy;
}

size_t tally__arena_used(const tally__arena *a)
{
    return a->total;
}
