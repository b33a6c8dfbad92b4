/*
 * raw_build.h: filling a raw table cell by cell (raw_build.c), for the
 * XLSX, SPSS and Stata readers.
 */
#ifndef TALLY_RAW_BUILD_H
#define TALLY_RAW_BUILD_H

#include "raw.h"

/* Widen the table to ncols columns (no-op when it has as many); the new
   columns are empty in every record so far. -1 when out of memory. */
int tally__raw_add_columns(tally_raw *raw, size_t ncols);

/* 0 when the next tally__raw_add_record() would take the table past
   raw->max_bytes (tally_read_opts.max_memory), checked before the arrays
   grow and every 1024 records; the reader then fails with
   TALLY_ERR_LIMIT naming --max-memory. */
int tally__raw_record_fits(const tally_raw *raw);

/* Append a record of empty cells that starts at `line` of the input (the
   sheet row, the case number). -1 when out of memory. */
int tally__raw_add_record(tally_raw *raw, long line);

/* Set column c (< ncols) of the last record to s[0..len). -1 when out of
   memory. */
int tally__raw_set_last(tally_raw *raw, size_t c, const char *s, size_t len);

/* Drop columns at the right that have neither a header nor any cell. */
void tally__raw_drop_empty_columns(tally_raw *raw);

#endif /* TALLY_RAW_BUILD_H */
