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

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "arena.h"
#include "common.h"
#include "strdict.h"

/* Values shorter than this are looked up by length first (raw.h). */
#define TALLY__LEN_CACHE 64

/*
 * A column with this many distinct values is open text: from then on
 * its values are stored as they come, without looking for repeats
 * (tally__strdict_append). Inference counts it as open text either way;
 * the saving is a hash probe into a table of a million strings per
 * answer.
 */
#define TALLY__SATURATED 65536

/*
 * What a reader declares about a column beyond its cells: an SPSS or
 * Stata variable's dictionary (read_stat.c), used by the codebook
 * inference (infer_declared.c). NULL for CSV and XLSX columns. The cells
 * of a labelled variable hold the label text, so everything else reads
 * them as it reads any export.
 */
typedef enum tally__measure {
    TALLY__MEASURE_UNKNOWN = 0,
    TALLY__MEASURE_NOMINAL,
    TALLY__MEASURE_ORDINAL,  /* an ordered scale                      */
    TALLY__MEASURE_SCALE     /* a quantity                            */
} tally__measure;

typedef struct tally__declared_code {
    const char *code;   /* the value as text: "1", "99", "M"          */
    double value;       /* numeric variables: the value; else NaN     */
    const char *label;  /* its value label, or NULL (a bare missing
                           code); cells hold it when there is one     */
    int missing;        /* a user-missing value                       */
} tally__declared_code;

typedef struct tally__declared {
    const char *label;  /* variable label: the question text, or NULL */
    tally__measure measure;
    int numeric;        /* numeric (else string) variable             */
    size_t n_codes;     /* value labels and missing codes, in code
                           order (numbers by value, strings by bytes) */
    const tally__declared_code *codes;
} tally__declared;

typedef struct tally__rawcol {
    tally__strdict dict;
    unsigned char *ids; /* nrec ids of `width` bytes                   */
    unsigned width;     /* 1, 2 or 4                                   */
    size_t cap;         /* records the ids array can hold              */
    tally_column info;  /* filled by the dialect                       */
    const tally__declared *decl; /* the reader's dictionary, or NULL   */
    /* The last value of each length: the answers of a scale question
       mostly differ in length ("Agree", "Strongly agree"), so one
       comparison usually finds a value without hashing it. */
    struct tally__len_entry {
        unsigned char head[16]; /* first bytes, zero-padded            */
        const char *str;        /* NULL: none yet                      */
        uint32_t id;
    } by_len[TALLY__LEN_CACHE];
} tally__rawcol;

struct tally_raw {
    tally__arena *arena;
    size_t ncols;
    size_t nrec;          /* records, header rows included              */
    size_t rec_cap;
    tally__rawcol *cols;
    long *lines;          /* 1-based line where each record starts      */
    tally_source source;
    const char *const *notes; /* in arena (notes.h)                    */
    size_t n_notes;
    size_t max_bytes;     /* tally_read_opts.max_memory; 0: no limit    */
    /* The columns' unique names, id = column (tally__dl_name_columns):
       tally_raw_find_column() without a scan per lookup, which made a
       50,000-column export take minutes. Empty (count 0) until named. */
    tally__strdict names;
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

/* Make room for exactly `records` records (when more than now) in every
   column and in lines[]. Callers size it from an estimate, so that the
   arrays are not copied over and over as a large file is read. */
int tally__raw_reserve(tally_raw *raw, size_t records);

/* Bytes the table holds now: cells, dictionaries, per-row arrays. */
size_t tally__raw_bytes(const tally_raw *raw);

/* TALLY_OK, or TALLY_ERR_LIMIT (naming --max-memory, file and line) when
   the table plus `extra` bytes it is about to allocate would pass
   raw->max_bytes. */
tally_status tally__raw_budget(const tally_raw *raw, size_t extra,
                               const char *file, long line,
                               tally_error *err);

/* Bytes one more record takes in the per-row arrays (line, ids). */
size_t tally__raw_record_bytes(const tally_raw *raw);

/* 1 when bytes a and b (n each) are equal; for the short values of
   answers, two overlapping word compares instead of a call. */
static inline int tally__same_bytes(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;
    uint64_t u, v;
    if (n < 8) {
        for (size_t i = 0; i < n; i++)
            if (x[i] != y[i])
                return 0;
        return 1;
    }
    for (size_t i = 0; i + 8 < n; i += 8) {
        memcpy(&u, x + i, 8);
        memcpy(&v, y + i, 8);
        if (u != v)
            return 0;
    }
    memcpy(&u, x + n - 8, 8);
    memcpy(&v, y + n - 8, 8);
    return u == v;
}

/*
 * 1 when the len bytes at s (readable up to end) are the cached value e
 * (of the same length). Up to sixteen bytes are compared at once without
 * a branch per byte: most answers are short scale labels, and a loop
 * over their varying lengths costs more in mispredicted branches than in
 * instructions.
 */
static inline int tally__len_entry_is(const struct tally__len_entry *e,
                                      const unsigned char *s, size_t len,
                                      const unsigned char *end)
{
#if defined(__SSE2__)
    if (end - s >= 16) {
        __m128i a = _mm_loadu_si128((const __m128i *)s);
        __m128i b = _mm_loadu_si128((const __m128i *)e->head);
        unsigned same = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(a, b));
        unsigned want = len >= 16 ? 0xFFFFu : (1u << len) - 1;
        if ((same & want) != want)
            return 0;
        return len <= 16 || tally__same_bytes(e->str + 16, s + 16, len - 16);
    }
#else
    (void)end;
#endif
    return tally__same_bytes(e->str, s, len);
}

/* Store id for record rec of column c (rec < capacity), widening the
   column's id array when id needs more bytes. -1 when out of memory. */
int tally__rawcol_set(tally__rawcol *c, size_t rec, uint32_t id);

/* Store map[id] for the n ids of src (its records 0..n-1) as records
   base.. of dst, whose capacity must allow it; max is the largest value
   in map. -1 when out of memory. */
int tally__rawcol_append_mapped(tally__rawcol *dst, size_t base,
                                const tally__rawcol *src, size_t n,
                                const uint32_t *map, uint32_t max);

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
/* The same with the reading options (dialect, all_responses); opts may
   be NULL. dialect.c. */
tally_status tally__dialect_apply_opts(tally_raw *raw,
                                       const tally_read_opts *opts,
                                       tally_error *err);

#endif /* TALLY_RAW_H */
