/*
 * read_internal.h: what tally_read() (read.c) dispatches to, by
 * container: CSV text (read_csv.c), XLSX (read_xlsx.c), a .zip that
 * wraps one export (read_zip.c), SPSS and Stata files (read_stat.c).
 */
#ifndef TALLY_READ_INTERNAL_H
#define TALLY_READ_INTERNAL_H

#include "raw.h"
#include "zip.h"

/* opts (NULL: all defaults) with every zero limit replaced by its
   default. */
tally_read_opts tally__read_defaults(const tally_read_opts *opts);

/* The sheet of an XLSX workbook z (opened from file). */
tally_status tally__read_xlsx(tally__zip *z, const char *file,
                              const tally_read_opts *opts, tally_raw **out,
                              tally_error *err);

/* The one export inside the .zip z (opened from file). */
tally_status tally__read_zip(tally__zip *z, const char *file,
                             const tally_read_opts *opts, tally_raw **out,
                             tally_error *err);

/* The statistical packages' files that ReadStat reads. */
typedef enum tally__stat_kind {
    TALLY__STAT_SAV, /* SPSS system file, .sav and .zsav                */
    TALLY__STAT_POR, /* SPSS portable file                              */
    TALLY__STAT_DTA  /* Stata                                           */
} tally__stat_kind;

/* Read data[0..size) (the contents of a file named file) as kind. */
tally_status tally__read_stat(const unsigned char *data, size_t size,
                              const char *file, tally__stat_kind kind,
                              const tally_read_opts *opts, tally_raw **out,
                              tally_error *err);

#endif /* TALLY_READ_INTERNAL_H */
