/*
 * annex_internal.h: the annex model, built by annex.c (questions and
 * their tables, annex_tables.c), rendered by annex_xlsx.c (with the
 * charts of annex_chart.c) and annex_md.c.
 */
#ifndef TALLY_ANNEX_INTERNAL_H
#define TALLY_ANNEX_INTERNAL_H

#include "arena.h"
#include "common.h"
#include "dataset_internal.h"
#include "table_internal.h"

/* A chart over the body rows of one table. */
typedef enum tally__chart_kind {
    TALLY__CHART_STACKED = 1, /* 100 % stacked bars (scales, matrices)  */
    TALLY__CHART_BAR          /* bars (single choice, multi-select)     */
} tally__chart_kind;

typedef struct tally__chart {
    tally__chart_kind kind;
    size_t table;         /* index in the annex's tables              */
    int by_row;           /* 1: each body row is a series of one value
                             (one stacked bar for a single scale item) */
    size_t label_col;     /* categories, or series names when by_row  */
    size_t first_col;     /* value columns: one series per column when
                             stacked by column, else first_col only   */
    size_t last_col;
    size_t nrows;         /* body rows charted, from the first         */
    int ordered;          /* stacked: diverging negative-to-positive
                             colours; else distinct colours           */
} tally__chart;

/* One question of the annex. */
typedef struct tally__aq {
    size_t question;      /* codebook index                            */
    const char *sheet;    /* raw sheet name (id, or section)           */
    size_t first_table;   /* its tables: [first_table, + n_tables)     */
    size_t n_tables;
    size_t base;          /* unweighted base, for the contents         */
    size_t n_verbatims;   /* open text: answers listed as verbatims    */
} tally__aq;

struct tally_annex {
    const tally_dataset *ds;   /* borrowed: verbatims are read from it */
    tally_annex_opts o;        /* strings copied into arena            */
    tally__arena *arena;
    const char *title;
    const char *date;          /* "2024-05-01 12:00 UTC"               */
    tally_tables *tables;      /* the question tables, in order        */
    tally_tables *method;      /* the methodology table                */
    tally__aq *qs;
    size_t nq;
    tally__chart *charts;
    size_t ncharts, charts_cap;
    size_t n_verbatims;
    char sha_input[65];        /* SHA-256 of o.input_path, or ""       */
    char sha_codebook[65];     /* ... of o.codebook_path, or ""        */
};

/* The tables (and chart) of question f of the annex, appended to
   a->tables and described in aq (annex_tables.c). */
tally_status tally__annex_question_tables(tally_annex *a, tally__aq *aq,
                                          const tally_freq *f,
                                          tally_error *err);

/* Which of n counts of one group (they add up to a shown total) to
   suppress: those from 1 to min - 1 (weighted: above 0 and below min)
   and, when exactly one is, the smallest other positive count, which
   would otherwise give it away by subtraction (complementary
   suppression). mask[i] = 1 for those; returns how many. */
size_t tally__suppress_mask(double min, const double *counts, size_t n,
                            unsigned char *mask);

/* Suppress small counts of table t (a->o.min_cell), with a footnote. */
tally_status tally__annex_suppress(tally_annex *a, tally_table *t,
                                   tally_error *err);

/* The methodology table (annex_method.c). */
tally_status tally__annex_method(tally_annex *a, tally_error *err);

/* SHA-256 of a file as 64 lower-case hex digits (OpenSSL's libcrypto,
   which libxlsxwriter already links). */
tally_status tally__sha256_file(const char *path, char hex[65],
                                tally_error *err);

/* The respondent label of row r for a verbatim: the id text, or NULL
   (then the 1-based row number is used). */
static inline const char *tally__annex_respondent(const tally_annex *a,
                                                  size_t r)
{
    const tally_dataset *ds = a->ds;
    if (ds->id_question == SIZE_MAX || !ds->q[ds->id_question].texts)
        return NULL;
    return ds->q[ds->id_question].texts[r];
}

/* Rows of one Verbatims sheet below its header (Excel: 1,048,576). */
#define TALLY__VERBATIM_ROWS ((size_t)1048575)

#endif /* TALLY_ANNEX_INTERNAL_H */
