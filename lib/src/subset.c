/* subset.c: a dataset of some of the rows of another (see
   dataset_internal.h). Nothing is shared, so the subset may outlive the
   dataset it came from. */
#include <string.h>

#include "alloc.h"
#include "dataset_internal.h"

static size_t kept_rows(const unsigned char *keep, size_t rows)
{
    size_t n = 0;
    for (size_t r = 0; r < rows; r++)
        n += keep[r] != 0;
    return n;
}

/* Copy the kept elements of an array of `rows` elements of `size` bytes
   into a new arena array. */
static void *subset_array(tally__arena *a, const void *src, size_t size,
                          const unsigned char *keep, size_t rows, size_t n)
{
    unsigned char *dst = tally__arena_calloc(a, n + 1, size);
    const unsigned char *s = src;
    if (!dst)
        return NULL;
    for (size_t r = 0, i = 0; r < rows; r++)
        if (keep[r])
            memcpy(dst + size * i++, s + size * r, size);
    return dst;
}

/* Text answers point into the shared arena (to->texts). */
static int subset_texts(tally_dataset *to, tally__qdata *d,
                        const tally__qdata *s, const unsigned char *keep,
                        size_t rows)
{
    d->texts = subset_array(to->arena, s->texts, sizeof *s->texts, keep,
                            rows, to->rows);
    return d->texts ? 0 : -1;
}

static int subset_question(tally_dataset *to, const tally_dataset *from,
                           size_t qi, const unsigned char *keep)
{
    const tally_question *q = from->cb->questions[qi];
    const tally__qdata *s = &from->q[qi];
    tally__qdata *d = &to->q[qi];
    size_t rows = from->rows, n = to->rows, arrays = tally__q_arrays(q);
    d->nwords = s->nwords;
    d->codes = tally__arena_calloc(to->arena, arrays, sizeof *d->codes);
    if (!d->codes)
        return -1;
    for (size_t i = 0; i < arrays && s->codes[i]; i++) {
        d->codes[i] = subset_array(to->arena, s->codes[i], 2, keep, rows, n);
        if (!d->codes[i])
            return -1;
    }
    if (s->values) {
        d->values = subset_array(to->arena, s->values, sizeof(double), keep,
                                 rows, n);
        if (!d->values)
            return -1;
    }
    if (s->bits) {
        d->bits = subset_array(to->arena, s->bits,
                               s->nwords * sizeof(uint64_t), keep, rows, n);
        if (!d->bits)
            return -1;
    }
    return s->texts ? subset_texts(to, d, s, keep, rows) : 0;
}

tally_status tally__dataset_subset(const tally_dataset *ds,
                                   const unsigned char *keep,
                                   const char *filter, tally_dataset **out,
                                   tally_error *err)
{
    size_t n = kept_rows(keep, ds->rows);
    tally_dataset *sub = tally__dataset_new(ds->cb, n);
    int bad = !sub || tally__ds_copy_info(sub, ds) != 0;
    if (!bad && ds->texts)
        sub->texts = tally__arena_ref(ds->texts);
    if (!bad && ds->weights) {
        sub->weights = tally__malloc((n + 1) * sizeof(double));
        bad = !sub->weights;
    }
    for (size_t r = 0, i = 0; !bad && r < ds->rows; r++)
        if (keep[r]) {
            sub->lines[i] = ds->lines[r];
            if (ds->weights)
                sub->weights[i] = ds->weights[r];
            i++;
        }
    for (size_t qi = 0; !bad && qi < ds->cb->n_questions; qi++)
        bad = subset_question(sub, ds, qi, keep) != 0;
    if (!bad) {
        sub->filter = tally__arena_strdup(sub->arena, filter);
        bad = !sub->filter;
    }
    if (bad) {
        tally_dataset_free(sub);
        return tally__nomem(err);
    }
    *out = sub;
    return TALLY_OK;
}
