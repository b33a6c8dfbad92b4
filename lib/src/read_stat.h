/*
 * read_stat.h: the state of reading an SPSS or Stata file through
 * ReadStat (read_stat.c), and turning its dictionary into the columns'
 * declared metadata (read_stat_dict.c).
 */
#ifndef TALLY_READ_STAT_H
#define TALLY_READ_STAT_H

#include "read_internal.h"

/* How a numeric variable's format says to show its values. */
typedef enum tally__stat_time {
    TALLY__STAT_NUMBER = 0,
    TALLY__STAT_SPSS_DATE,     /* seconds since 1582-10-14, a date       */
    TALLY__STAT_SPSS_DATETIME, /* the same, with the time of day         */
    TALLY__STAT_SPSS_TIME,     /* seconds: a duration or time of day     */
    TALLY__STAT_DAYS_1960,     /* Stata %td: days since 1960-01-01       */
    TALLY__STAT_MS_1960        /* Stata %tc: milliseconds since then     */
} tally__stat_time;

/* A user-missing value or range (numeric lo..hi; strings: text). */
typedef struct tally__stat_range {
    double lo, hi;
    const char *text;
} tally__stat_range;

typedef struct tally__stat_var {
    const char *name, *label;
    const char *set;          /* name of its value-label set, or NULL  */
    int numeric;
    int measure;              /* readstat_measure_t                    */
    tally__stat_time time;
    tally__stat_range *missing;
    size_t n_missing;
} tally__stat_var;

/* One value label of a set. */
typedef struct tally__stat_label {
    const char *set, *code, *label;
    double value;             /* NaN for string codes                  */
} tally__stat_label;

typedef struct tally__stat {
    const char *file;
    tally__stat_kind kind;
    tally_read_opts opts;     /* defaults filled in                    */
    tally_error *err;
    tally_status st;          /* first failure inside a callback       */
    char detail[160];         /* ReadStat's first error message        */
    tally__arena *a;          /* the dictionary while reading          */
    tally_raw *raw;
    tally__stat_var *vars;
    size_t n_vars, vars_cap;
    tally__stat_label *labels;
    size_t n_labels, labels_cap;
    size_t set_max;           /* bytes of a value-label set name field
                                 (.dta; SIZE_MAX for SPSS)             */
} tally__stat;

/* Give every column its tally__declared and put the labels of labelled
   values into the cells (read_stat_dict.c). */
tally_status tally__stat_dictionary(tally__stat *s);

#endif /* TALLY_READ_STAT_H */
