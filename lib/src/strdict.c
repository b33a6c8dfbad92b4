/* strdict.c: open-addressing string set with dense ids (see strdict.h). */
#include <string.h>

#include "alloc.h"
#include "strdict.h"

/*
 * A word-at-a-time multiply-xorshift hash: answers are short (a scale
 * label is 10-30 bytes), so per-byte hashes such as FNV-1a would cost more
 * than the rest of the parse. Mixing steps from SplitMix64 (Steele et al.
 * 2014) and the MurmurHash3 64-bit finaliser.
 */
uint64_t tally__hash_bytes(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (len * 0xff51afd7ed558ccdull);
    while (len >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
        h ^= h >> 31;
        p += 8;
        len -= 8;
    }
    uint64_t w = 0;
    memcpy(&w, p, len);
    h = (h ^ w) * 0x94d049bb133111ebull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}

int tally__strdict_init(tally__strdict *d)
{
    memset(d, 0, sizeof *d);
    d->slots = tally__calloc(16, sizeof *d->slots);
    if (!d->slots)
        return -1;
    d->mask = 15;
    return 0;
}

void tally__strdict_destroy(tally__strdict *d)
{
    tally__free(d->slots);
    tally__free(d->entry);
    memset(d, 0, sizeof *d);
}

static size_t probe(const tally__strdict *d, uint32_t h32, const char *s,
                    size_t len, int *found)
{
    size_t i = h32 & d->mask;
    for (;;) {
        uint64_t slot = d->slots[i];
        if (!slot) {
            *found = 0;
            return i;
        }
        if ((uint32_t)(slot >> 32) == h32) {
            size_t id = (uint32_t)slot - 1;
            if (d->entry[id].len == len &&
                memcmp(d->entry[id].str, s, len) == 0) {
                *found = 1;
                return i;
            }
        }
        i = (i + 1) & d->mask;
    }
}

static int rehash(tally__strdict *d)
{
    size_t n = (d->mask + 1) * 2;
    uint64_t *slots = tally__calloc(n, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i <= d->mask; i++) {
        uint64_t slot = d->slots[i];
        if (!slot)
            continue;
        size_t j = (uint32_t)(slot >> 32) & (n - 1);
        while (slots[j])
            j = (j + 1) & (n - 1);
        slots[j] = slot;
    }
    tally__free(d->slots);
    d->slots = slots;
    d->mask = n - 1;
    return 0;
}

long tally__strdict_find(const tally__strdict *d, const char *s, size_t len)
{
    uint32_t h32 = (uint32_t)(tally__hash_bytes(s, len) >> 32);
    int found;
    size_t i = probe(d, h32, s, len, &found);
    return found ? (long)((uint32_t)d->slots[i] - 1) : -1;
}

/* Room for one more entry; -1 when full or out of memory. */
static int make_room(tally__strdict *d)
{
    if (d->count >= UINT32_MAX - 1)
        return -1;
    return TALLY__GROW(d->entry, d->cap, d->count + 1);
}

long tally__strdict_append_ref(tally__strdict *d, const char *s, size_t len)
{
    if (make_room(d) != 0)
        return -1;
    d->entry[d->count].str = s;
    d->entry[d->count].len = len;
    return (long)d->count++;
}

long tally__strdict_append(tally__strdict *d, tally__arena *arena,
                           const char *s, size_t len)
{
    char *copy = tally__arena_strndup(arena, s, len);
    return copy ? tally__strdict_append_ref(d, copy, len) : -1;
}

/* Find s, or add it as `keep` (a copy of s in an arena, or s itself);
   arena NULL means keep s. */
static long intern(tally__strdict *d, tally__arena *arena, const char *s,
                   size_t len, int *added)
{
    uint32_t h32 = (uint32_t)(tally__hash_bytes(s, len) >> 32);
    int found;
    size_t i = probe(d, h32, s, len, &found);
    if (added)
        *added = !found;
    if (found)
        return (long)((uint32_t)d->slots[i] - 1);
    if (make_room(d) != 0)
        return -1;
    const char *keep = arena ? tally__arena_strndup(arena, s, len) : s;
    if (!keep)
        return -1;
    size_t id = d->count++;
    d->entry[id].str = keep;
    d->entry[id].len = len;
    d->slots[i] = ((uint64_t)h32 << 32) | (uint64_t)(id + 1);
    /* Keep the load factor under 1/2 so probes stay short. */
    if (d->count * 2 > d->mask && rehash(d) != 0)
        return -1;
    return (long)id;
}

long tally__strdict_intern(tally__strdict *d, tally__arena *arena,
                           const char *s, size_t len, int *added)
{
    return intern(d, arena, s, len, added);
}

long tally__strdict_intern_ref(tally__strdict *d, const char *s, size_t len)
{
    return intern(d, NULL, s, len, NULL);
}
