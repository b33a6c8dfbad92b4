/*
 * xlsx.h: the XLSX reader's parts: the workbook, its relationships,
 * styles and shared strings (read_xlsx.c), the cells of one sheet
 * (xlsx_sheet.c), and how a cell's value becomes text (xlsx_value.c).
 *
 * ECMA-376 Part 1 (5th ed., 2016) is the reference for the markup:
 * 18.3.1.4 c (Cell), 18.18.11 ST_CellType, 18.4 shared strings,
 * 18.8.30 numFmt and 18.8.31 its built-in ids, 18.17.4.1 the 1900 and
 * 1904 date systems; 22.9.2.19 ST_Xstring for the _xHHHH_ escapes.
 */
#ifndef TALLY_XLSX_H
#define TALLY_XLSX_H

#include <stddef.h>

#include "arena.h"
#include "raw.h"
#include "zip.h"

/* How a number format shows a number. */
typedef enum tally__numkind {
    TALLY__NUM_PLAIN = 0,
    TALLY__NUM_DATE,     /* a date: 2019-05-10                          */
    TALLY__NUM_DATETIME, /* 2019-05-10 14:03:00                         */
    TALLY__NUM_TIME      /* 14:03:00                                    */
} tally__numkind;

/* A shared or inline string. */
typedef struct tally__xstr {
    const char *s;
    size_t len;
} tally__xstr;

/* What the sheet parser needs from the rest of the workbook. */
typedef struct tally__xlsx_book {
    const char *file;          /* the input, for errors                */
    const char *sheet;         /* the sheet's name                     */
    int date1904;              /* the 1904 date system                 */
    tally__xstr *strings;      /* shared strings                       */
    size_t n_strings;
    unsigned char *xf_kind;    /* tally__numkind of each cell style    */
    size_t n_xf;
    tally_read_opts opts;      /* limits (defaults filled in)          */
} tally__xlsx_book;

/* Read the sheet part i of z into *out (header row: the first row with
   a cell; lines are sheet rows). */
tally_status tally__xlsx_sheet(tally__zip *z, size_t i,
                               const tally__xlsx_book *book,
                               tally_raw **out, tally_error *err);

/* The kind of number format id with format code (NULL for the built-in
   formats). */
tally__numkind tally__xlsx_numkind(unsigned long id, const char *code);

/* The shortest text that reads back as v ("42", "0.1", "1e+21"). */
void tally__xlsx_number(double v, char *buf, size_t cap);

/* serial as an ISO date/time text of the kind; 0 when it is out of the
   range of dates (then the number is shown instead). */
int tally__xlsx_date(double serial, tally__numkind kind, int date1904,
                     char *buf, size_t cap);

/* days since 1970-01-01 (with the time of day as a fraction) as ISO
   8601 text: "2019-05-10" for TALLY__NUM_DATE, with " 14:03:07" for
   DATETIME, and for TIME only when the time is not midnight. */
void tally__iso_date(double days, tally__numkind kind, char *buf, size_t cap);

/* A duration in seconds as "HH:MM:SS" (hours may exceed 23). */
void tally__iso_time(double secs, char *buf, size_t cap);

/* Decode the _xHHHH_ escapes of ST_Xstring in s[0..*len) in place. */
void tally__xlsx_unescape(char *s, size_t *len);

/* Column number (1-based) and row of a reference such as "C7"; 0 when
   malformed. *row is 0 when the reference has no row part. */
int tally__xlsx_ref(const char *ref, unsigned long *col, unsigned long *row);

#endif /* TALLY_XLSX_H */
