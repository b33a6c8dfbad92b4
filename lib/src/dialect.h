/*
 * dialect.h: what the platform dialects share (dialect_common.c) and
 * their entry points, called by the detector/dispatcher dialect.c.
 *
 * A dialect sets the number of header rows and, for every column, its
 * unique name, question text, item or option label (sub), question key
 * (group) and role (tally_column in tally/read.h); it may leave out rows
 * that are no real responses (Qualtrics previews and tests) and add
 * notes. The codebook inference (infer*.c) builds questions from that.
 */
#ifndef TALLY_DIALECT_H
#define TALLY_DIALECT_H

#include "alloc.h"
#include "raw.h"

/* Header cell rec of column c ("" when there is no such record). */
const char *tally__dl_cell(const tally_raw *raw, size_t rec, size_t c);

/* 1 when a cell of header record rec equals name. */
int tally__dl_row_has(const tally_raw *raw, size_t rec, const char *name);

int tally__dl_starts(const char *s, const char *prefix);
int tally__dl_ends(const char *s, const char *suffix);

/* Is name one of the NULL-terminated list (case-insensitive)? */
int tally__dl_in(const char *name, const char *const *list);

/* A copy of s (n bytes) in the table's arena, blanks around trimmed;
   NULL when out of memory. */
const char *tally__dl_strndup(tally_raw *raw, const char *s, size_t n);

/*
 * Name every column: proposed[c] (the header text when NULL; "Column N"
 * when empty), made unique with " (2)", " (3)"... Sets text = name,
 * role ANSWER, and sub, group, separator, reason to NULL, so that a
 * dialect only fills in what it knows.
 */
tally_status tally__dl_name_columns(tally_raw *raw, const char **proposed,
                                    tally_error *err);

/* Mark column c as metadata with the reason given (static text). */
void tally__dl_meta(tally_raw *raw, size_t c, const char *reason);

/* "Question [Row]" -> text "Question", sub "Row", group "Question"
   (Google Forms grids, LimeSurvey full headings); 0 when name has no
   such bracket at its end. */
int tally__dl_split_brackets(tally_raw *raw, size_t c, const char *name);

/*
 * Keep only the data rows r with keep[r] set (header rows stay): the
 * rows left out are gone for the inference and the dataset alike.
 */
void tally__dl_keep_rows(tally_raw *raw, const unsigned char *keep);

/* Data rows whose cell in column c is empty (blanks only); with lines
   (may be NULL), their input lines as tally__dl_lines() writes them. */
size_t tally__dl_count_blank(const tally_raw *raw, size_t c, char *lines,
                             size_t cap);

/* "line 4" or "lines 4, 7, 9, 12, 15, ..." : the input lines of the
   first TALLY__DL_LISTED data rows r with pick[r] set, then "...", as
   the CSV reader's notes name skipped lines. */
#define TALLY__DL_LISTED 5
void tally__dl_lines(const tally_raw *raw, const unsigned char *pick,
                     char *buf, size_t cap);

/* Detection (1 when the header rows look like the platform's). */
int tally__surveymonkey_detect(const tally_raw *raw);
int tally__qualtrics_detect(const tally_raw *raw);
int tally__google_detect(const tally_raw *raw);
int tally__kobo_detect(const tally_raw *raw);
int tally__limesurvey_detect(const tally_raw *raw);

/* Apply a dialect (header rows, columns, rows left out, notes). */
tally_status tally__plain_apply(tally_raw *raw, tally_error *err);
tally_status tally__surveymonkey_apply(tally_raw *raw, tally_error *err);
tally_status tally__qualtrics_apply(tally_raw *raw, int all_responses,
                                    tally_error *err);
tally_status tally__google_apply(tally_raw *raw, tally_error *err);
tally_status tally__kobo_apply(tally_raw *raw, tally_error *err);
tally_status tally__limesurvey_apply(tally_raw *raw, tally_error *err);

#endif /* TALLY_DIALECT_H */
