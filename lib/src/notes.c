/* notes.c: tally__notes_vadd() (notes.h). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "notes.h"

int tally__notes_vadd(tally__arena *a, const char *const **notes,
                      size_t *n, const char *fmt, va_list ap)
{
    char text[1024];
    vsnprintf(text, sizeof text, fmt, ap);
    const char *copy = tally__arena_strdup(a, text);
    if (!copy)
        return -1;
    size_t k = *n;
    /* The array was allocated here (below), so it is writable: its const
       is for the readers. */
    const char **v = (const char **)(uintptr_t)*notes;
    if ((k & (k - 1)) == 0) { /* 0, 1, 2, 4, ...: full, or no array yet */
        const char **grown = tally__arena_calloc(a, k ? 2 * k : 1,
                                                 sizeof *grown);
        if (!grown)
            return -1;
        if (k)
            memcpy(grown, v, k * sizeof *grown);
        v = grown;
    }
    v[k] = copy;
    *notes = v;
    *n = k + 1;
    return 0;
}
