/*
 * infer.h: codebook inference, shared by infer_column.c (what one column
 * holds), infer_multi.c (joined multi-select answers) and infer.c (which
 * columns form one question, and the codebook).
 */
#ifndef TALLY_INFER_H
#define TALLY_INFER_H

#include "codebook_internal.h"
#include "raw.h"

/* More distinct answers than the combinations of twelve options: such a
   column is open text, not options. */
#define TALLY__MAX_COMBINATIONS 4096

/* What one column holds. */
typedef enum tally__colkind {
    TALLY__COL_EMPTY,     /* no answers at all                          */
    TALLY__COL_META,      /* ids, dates, IP, e-mail, names              */
    TALLY__COL_TEXT,      /* open answers                               */
    TALLY__COL_NUMERIC,   /* numbers that are not a rating scale        */
    TALLY__COL_SCALE,     /* ordered: known Likert labels or 1-5/1-7/0-10 */
    TALLY__COL_SINGLE,    /* a few unordered categories                 */
    TALLY__COL_JOINED,    /* several options joined with ", "           */
    TALLY__COL_DICHOTOMY  /* one option: ticked or not                  */
} tally__colkind;

/* A distinct answer with its count. */
typedef struct tally__value {
    const char *text;
    size_t count;
    size_t scale_pos;     /* SCALE: 0-based position on the scale       */
} tally__value;

typedef struct tally__colinfo {
    size_t col;
    tally__colkind kind;
    const char *reason;   /* META: why                                  */
    size_t answered;      /* non-empty data cells                       */
    tally__value *valid;  /* distinct non-missing answers               */
    size_t n_valid;
    tally__value *missing;/* distinct missing codes ("Don't know")      */
    size_t n_missing;
    double mean_len;      /* mean answer length in bytes                */
    /* SCALE: the declared points, lowest first, and their values.      */
    const char **points;
    double *point_values;
    size_t n_points;
    /* JOINED: the options found in the joined answers.                 */
    tally__value *options;
    size_t n_options;
    /* DICHOTOMY: the label of the one option ("" when the data only
       says 1/Y/TRUE).                                                  */
    const char *ticked_label;
    /* Answers are never several options joined with ", " (platforms
       whose multi-select questions have a column per option).          */
    int no_joined;
    /* The joiner the dialect declared for a column that may hold several
       options (Qualtrics' ","): tried strictly, despite no_joined;
       NULL: none.                                                       */
    const char *joiner;
} tally__colinfo;

/* Describe column c of raw (values, metadata, then tally__classify);
   allocations in arena. -1 out of memory. */
int tally__infer_column(const tally_raw *raw, size_t c, size_t max_options,
                        tally__arena *arena, tally__colinfo *info);

/*
 * Decide the kind of a non-metadata column from its valid and missing
 * values: EMPTY, NUMERIC or SCALE (numbers), SCALE (known labels),
 * JOINED, TEXT or SINGLE. Used for single columns and for the union of a
 * matrix's columns. -1 out of memory.
 */
int tally__classify(tally__colinfo *info, size_t max_options,
                    tally__arena *arena);

/* 1 when a column header names a respondent id ("Respondent ID",
   "ResponseId", "_uuid"...). */
int tally__meta_is_identifier(const char *header);

/* The metadata kind of a column from its header and answers, or NULL. */
const char *tally__meta_reason(const tally_raw *raw, size_t c,
                               const tally__colinfo *info);

/*
 * Try to read the answers of a column as options joined with sep (", ":
 * Google Forms checkboxes; ",": Qualtrics' current exporter), matching
 * known options longest first so that options containing sep survive.
 * strict (a platform column that may as well be single choice or text):
 * a larger share of answers must hold several options, and every option
 * must be a numeric recode or chosen alone by someone. Sets
 * info->options and returns 1 when the column looks like multi-select
 * answers; 0 when not; -1 out of memory.
 */
int tally__infer_joined(tally__colinfo *info, const char *sep, int strict,
                        size_t max_options, tally__arena *arena);

/*
 * Read the answers of a column as options joined with sep (Kobo's
 * space-joined XML names, which never contain the separator): every
 * piece is an option, most often chosen first. Returns 1 and sets
 * info->options (kind JOINED) when there are at most max_options; 0
 * when not; -1 out of memory.
 */
int tally__infer_split(tally__colinfo *info, const char *sep,
                       size_t max_options, tally__arena *arena);

/* 1 for values that mean "ticked" / "not ticked" (blanks included) in
   dichotomy columns. */
int tally__is_tick(const char *s);
int tally__is_untick(const char *s);

/* Apply what the reader declared (SPSS/Stata dictionaries: labels,
   value labels, missing codes, measure) to the inferred questions
   (infer_declared.c). */
tally_status tally__infer_declared(const tally_raw *raw, tally_codebook *cb,
                                   tally_error *err);

/* Apply an XLSForm (texts, choices, types) to the inferred questions of
   a Kobo/ODK export (infer_xlsform.c); NULL form: nothing to do. */
tally_status tally__infer_xlsform(const tally_raw *raw,
                                  const tally_xlsform *form,
                                  tally_codebook *cb, tally_error *err);

#endif /* TALLY_INFER_H */
