/*
 * csv.h: the CSV field scanner (read_csv.c) shared by the record loop
 * (csv_records.c), the delimiter sniffer and the parallel reader.
 */
#ifndef TALLY_CSV_H
#define TALLY_CSV_H

#include "raw.h"

enum { TALLY__CSV_DELIM, TALLY__CSV_EOL, TALLY__CSV_EOF };

typedef struct tally__csv {
    const char *file;
    const unsigned char *p, *end;  /* next byte, end of input          */
    unsigned char delim;
    unsigned char stop[256];       /* bytes that end an unquoted field  */
    unsigned char qstop[256];      /* bytes that matter inside quotes   */
    long line;                     /* 1-based line of p                 */
    const unsigned char *line_start;
    size_t max_field;
    unsigned char *scratch;        /* unescaped quoted fields           */
    size_t scratch_cap;
    tally_error *err;
} tally__csv;

void tally__csv_init(tally__csv *c, const char *file,
                     const unsigned char *p, const unsigned char *end,
                     unsigned char delim, size_t max_field, tally_error *err);
void tally__csv_destroy(tally__csv *c);

/* Out-of-line parts of tally__csv_field(): errors and quoted fields. */
tally_status tally__csv_control_error(tally__csv *c, const unsigned char *at);
tally_status tally__csv_too_long(tally__csv *c, const unsigned char *at);
tally_status tally__csv_quoted(tally__csv *c, const unsigned char **s,
                               size_t *len, int *term);

#include "csv_inline.h"

/* 1-based character column of `at` on the current line. */
long tally__csv_column(const tally__csv *c, const unsigned char *at);

/* The delimiter that best fits the first records. */
unsigned char tally__csv_sniff(const unsigned char *p,
                               const unsigned char *end);

#endif /* TALLY_CSV_H */
