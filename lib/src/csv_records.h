/* csv_records.h: the record loop of the CSV reader (csv_records.c). */
#ifndef TALLY_CSV_RECORDS_H
#define TALLY_CSV_RECORDS_H

#include <stdatomic.h>

#include "csv.h"

#define TALLY__LISTED 5 /* line numbers a note lists before "..." */

/* Up to TALLY__LISTED line numbers of an event, and how often it
   happened. */
typedef struct tally__line_list {
    size_t count;
    long at[TALLY__LISTED];
} tally__line_list;

/* State of reading records into one raw table (or one part of it). */
typedef struct tally__csvrec {
    tally__csv csv;
    tally_raw *raw;             /* destination                          */
    tally_read_opts opts;       /* progress callback                    */
    int check_utf8;             /* validate each new distinct value      */
    int bad_utf8;               /* set when a value was not UTF-8        */
    long bad_line, bad_col;
    size_t first_rec;           /* records before the data (header)      */
    size_t max_records;         /* data rows allowed                     */
    tally__line_list blank_lines, short_rows, extra_empty;
    const tally_io *io;         /* to release pages of a mapped file     */
    const unsigned char *io_base, *begin, *released;
} tally__csvrec;

/* Read records into r->raw until r->csv reaches limit (at or beyond;
   normally r->csv.end) or *cancel (may be NULL) becomes non-zero. */
tally_status tally__csv_records(tally__csvrec *r, const unsigned char *limit,
                                const atomic_int *cancel);

/* Read exactly one record (the header) into r->raw. */
tally_status tally__csv_records_one(tally__csvrec *r);

/* Read the data records, with up to `threads` threads (0: 2) when the
   input is large (csv_parallel.c). */
tally_status tally__csv_read_data(tally__csvrec *r, int threads);

/* Turn the line lists into notes on r->raw. -1 when out of memory. */
int tally__csv_notes(tally__csvrec *r);

/* Add the line lists of a later part, whose lines start at line_offset+1. */
void tally__csv_merge_lists(tally__csvrec *into, const tally__csvrec *from,
                            long line_offset);

#endif /* TALLY_CSV_RECORDS_H */
