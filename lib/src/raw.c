/* raw.c: the raw table (see raw.h and tally/read.h). */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "notes.h"
#include "raw.h"

tally_raw *tally__raw_new(size_t ncols)
{
    tally_raw *raw = tally__calloc(1, sizeof *raw);
    if (!raw)
        return NULL;
    raw->arena = tally__arena_new();
    raw->cols = tally__calloc(ncols ? ncols : 1, sizeof *raw->cols);
    if (!raw->arena || !raw->cols) {
        tally_raw_free(raw);
        return NULL;
    }
    raw->ncols = ncols;
    for (size_t c = 0; c < ncols; c++) {
        tally__rawcol *col = &raw->cols[c];
        col->width = 1;
        if (tally__strdict_init(&col->dict) != 0 ||
            tally__strdict_intern(&col->dict, raw->arena, "", 0, NULL) != 0) {
            tally_raw_free(raw);
            return NULL;
        }
    }
    raw->source.format = "csv";
    raw->source.header_rows = 1;
    return raw;
}

void tally_raw_free(tally_raw *raw)
{
    if (!raw)
        return;
    for (size_t c = 0; raw->cols && c < raw->ncols; c++) {
        tally__strdict_destroy(&raw->cols[c].dict);
        tally__free(raw->cols[c].ids);
    }
    tally__free(raw->cols);
    tally__free(raw->lines);
    tally__strdict_destroy(&raw->names);
    tally__arena_free(raw->arena);
    tally__free(raw);
}

int tally__raw_reserve(tally_raw *raw, size_t records)
{
    if (records <= raw->rec_cap)
        return 0;
    size_t cap = records;
    long *lines = tally__reallocarray(raw->lines, cap, sizeof *lines);
    if (!lines)
        return -1;
    raw->lines = lines;
    for (size_t c = 0; c < raw->ncols; c++) {
        tally__rawcol *col = &raw->cols[c];
        void *ids = tally__reallocarray(col->ids, cap, col->width);
        if (!ids)
            return -1;
        col->ids = ids;
        col->cap = cap;
    }
    raw->rec_cap = cap;
    return 0;
}

/* Re-encode the first `used` ids of c with `width` bytes each. */
static int widen(tally__rawcol *c, unsigned width, size_t used)
{
    unsigned char *ids = tally__reallocarray(NULL, c->cap, width);
    if (!ids)
        return -1;
    for (size_t r = 0; r < used; r++) {
        uint32_t v = tally__rawcol_id(c, r);
        if (width == 2) {
            uint16_t v16 = (uint16_t)v;
            memcpy(ids + r * 2, &v16, 2);
        } else {
            memcpy(ids + r * 4, &v, 4);
        }
    }
    tally__free(c->ids);
    c->ids = ids;
    c->width = width;
    return 0;
}

int tally__rawcol_set(tally__rawcol *c, size_t rec, uint32_t id)
{
    if (c->width == 1 && id > 0xFF && widen(c, id > 0xFFFF ? 4 : 2, rec) != 0)
        return -1;
    if (c->width == 2 && id > 0xFFFF && widen(c, 4, rec) != 0)
        return -1;
    switch (c->width) {
    case 1:
        c->ids[rec] = (unsigned char)id;
        break;
    case 2: {
        uint16_t v = (uint16_t)id;
        memcpy(c->ids + rec * 2, &v, 2);
        break;
    }
    default:
        memcpy(c->ids + rec * 4, &id, 4);
    }
    return 0;
}

int tally__rawcol_append_mapped(tally__rawcol *dst, size_t base,
                                const tally__rawcol *src, size_t n,
                                const uint32_t *map, uint32_t max)
{
    /* Widen once for the largest id, then copy without per-cell checks. */
    if (n && tally__rawcol_set(dst, base, max) != 0)
        return -1;
    if (dst->width == 1 && src->width == 1) {
        for (size_t r = 0; r < n; r++)
            dst->ids[base + r] = (unsigned char)map[src->ids[r]];
        return 0;
    }
    for (size_t r = 0; r < n; r++) {
        uint32_t id = map[tally__rawcol_id(src, r)];
        if (dst->width == 1) {
            dst->ids[base + r] = (unsigned char)id;
        } else if (dst->width == 2) {
            uint16_t v = (uint16_t)id;
            memcpy(dst->ids + (base + r) * 2, &v, 2);
        } else {
            memcpy(dst->ids + (base + r) * 4, &id, 4);
        }
    }
    return 0;
}

int tally__raw_note(tally_raw *raw, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = tally__notes_vadd(raw->arena, &raw->notes, &raw->n_notes, fmt,
                               ap);
    va_end(ap);
    return rc;
}

void tally__rawcol_count(const tally_raw *raw, size_t c, size_t *counts)
{
    const tally__rawcol *col = &raw->cols[c];
    memset(counts, 0, col->dict.count * sizeof *counts);
    size_t first = raw->source.header_rows;
    if (col->width == 1) {
        for (size_t r = first; r < raw->nrec; r++)
            counts[col->ids[r]]++;
        return;
    }
    for (size_t r = first; r < raw->nrec; r++)
        counts[tally__rawcol_id(col, r)]++;
}

/* --- public accessors --------------------------------------------------- */

size_t tally_raw_rows(const tally_raw *raw)
{
    size_t h = raw->source.header_rows;
    return raw->nrec > h ? raw->nrec - h : 0;
}

size_t tally_raw_columns(const tally_raw *raw)
{
    return raw->ncols;
}

const char *tally_raw_cell(const tally_raw *raw, size_t row, size_t col)
{
    if (col >= raw->ncols || row >= tally_raw_rows(raw))
        return NULL;
    return tally__raw_text(raw, col, row + raw->source.header_rows);
}

const char *tally_raw_header(const tally_raw *raw, size_t row, size_t col)
{
    if (col >= raw->ncols || row >= raw->source.header_rows ||
        row >= raw->nrec)
        return NULL;
    return tally__raw_text(raw, col, row);
}

long tally_raw_line(const tally_raw *raw, size_t row)
{
    size_t rec = row + raw->source.header_rows;
    return rec < raw->nrec ? raw->lines[rec] : 0;
}

const tally_column *tally_raw_column(const tally_raw *raw, size_t col)
{
    return col < raw->ncols ? &raw->cols[col].info : NULL;
}

tally_status tally_raw_find_column(const tally_raw *raw, const char *name,
                                   size_t *col)
{
    long id = raw->names.count
                  ? tally__strdict_find(&raw->names, name, strlen(name))
                  : -1;
    if (id >= 0 && (size_t)id < raw->ncols && raw->cols[id].info.name &&
        strcmp(raw->cols[id].info.name, name) == 0) {
        *col = (size_t)id;
        return TALLY_OK;
    }
    for (size_t c = 0; c < raw->ncols; c++) {
        const char *n = raw->cols[c].info.name;
        if (n && strcmp(n, name) == 0) {
            *col = c;
            return TALLY_OK;
        }
    }
    return TALLY_ERR_NO_SUCH_VAR;
}

const tally_source *tally_raw_source(const tally_raw *raw)
{
    return &raw->source;
}

size_t tally_raw_note_count(const tally_raw *raw)
{
    return raw->n_notes;
}

const char *tally_raw_note(const tally_raw *raw, size_t i)
{
    return i < raw->n_notes ? raw->notes[i] : NULL;
}

/* --- memory budget (tally_read_opts.max_memory) --------------------------- */

size_t tally__raw_record_bytes(const tally_raw *raw)
{
    size_t n = sizeof(long);
    for (size_t c = 0; c < raw->ncols; c++)
        n += raw->cols[c].width;
    return n;
}

size_t tally__raw_bytes(const tally_raw *raw)
{
    size_t n = sizeof *raw + raw->ncols * sizeof *raw->cols +
               raw->rec_cap * sizeof *raw->lines +
               tally__arena_used(raw->arena);
    for (size_t c = 0; c < raw->ncols; c++) {
        const tally__rawcol *col = &raw->cols[c];
        n += col->cap * col->width +
             col->dict.cap * sizeof *col->dict.entry +
             (col->dict.slots ? (col->dict.mask + 1) * sizeof(uint64_t) : 0);
    }
    return n;
}

tally_status tally__raw_budget(const tally_raw *raw, size_t extra,
                               const char *file, long line,
                               tally_error *err)
{
    if (!raw->max_bytes)
        return TALLY_OK;
    size_t have = tally__raw_bytes(raw);
    if (have <= raw->max_bytes && extra <= raw->max_bytes - have)
        return TALLY_OK;
    /* The table's own accounting, not the process's: what grows with the
       input. The limit is checked before each larger allocation, so it
       is never overshot by more than one record's cells. */
    return tally__fail_at(err, TALLY_ERR_LIMIT, file, line, 0,
                          "the table would take more than %zu bytes of "
                          "memory (the limit can be raised with "
                          "--max-memory)",
                          raw->max_bytes);
}
