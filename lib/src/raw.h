/*
 * raw.h: the raw table's internals, shared by the readers, the dialect
 * detection and the codebook inference.
 *
 * Every record of the input (header rows included) is stored column by
 * column. A column keeps its distinct values in a string dictionary (id 0
 * is always the empty string) and one id per record, 1, 2 or 4 bytes
 * wide as the number of distinct values requires: the answers of a
 * 1,000,000-respondent file with label-text scales take 1 MB per column.
 */
#ifndef TALLY_RAW_H
#define TALLY_RAW_H

#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "common.h"
#include "strdict.h"

typedef struct tally__rawcol {
    tally__strdict dict;
    unsigned char *ids; /* nrec ids of `width` bytes                   */
    unsigned width;     /* 1, 2 or 4                                   */
    size_t cap;         /* records the ids array can hold              */
    tally_column info;  /* filled by the dialect                       */
} tally__rawcol;

struct tally_raw {
    tally__arena *arena;
    size_t ncols;
    size_t nrec;          /* records, header rows included              */
    size_t rec_cap;
    tally__rawcol *cols;
    long *lines;          /* 1-based line where each record starts      */
    tally_source source;
    const char **notes;
    size_t n_notes, notes_cap;
};

/* A table with ncols empty columns; NULL when out of memory. */
tally_raw *tally__raw_new(size_t ncols);

/* The id of record rec in column c. */
static inline uint32_t tally__rawcol_id(const tally__rawcol *c, size_t rec)
{
    switch (c->width) {
    case 1:
        return c->ids[rec];
    case 2: {
        uint16_t v;
        memcpy(&v, c->ids + rec * 2, 2);
        return v;
    }
    default: {
        uint32_t v;
        memcpy(&v, c->ids + rec * 4, 4);
        return v;
    }
    }
}

/* Make room for `records` records in every column and in lines[]. */
int tally__raw_reserve(tally_raw *raw, size_t records);

/* Store id for record rec of column c (rec < capacity), widening the
   column's id array when id needs more bytes. -1 when out of memory. */
int tally__rawcol_set(tally__rawcol *c, size_t rec, uint32_t id);

/* Append a note (copied). -1 when out of memory. */
int tally__raw_note(tally_raw *raw, const char *fmt, ...) TALLY__PRINTF(2, 3);

/* Text of record rec in column c. */
static inline const char *tally__raw_text(const tally_raw *raw, size_t c,
                                          size_t rec)
{
    const tally__rawcol *col = &raw->cols[c];
    return tally__strdict_str(&col->dict, tally__rawcol_id(col, rec));
}

/*
 * Count, for column c, how many data rows (records from header_rows on)
 * hold each distinct value: counts must have room for the column's
 * dictionary size (dict.count).
 */
void tally__rawcol_count(const tally_raw *raw, size_t c, size_t *counts);

/* Apply a dialect (detecting it when d is TALLY_DIALECT_AUTO): sets the
   header row count and every column's tally_column. dialect.c. */
tally_status tally__dialect_apply(tally_raw *raw, tally_dialect d,
                                  tally_error *err);

#endif /* TALLY_RAW_H */
