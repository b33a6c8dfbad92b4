/*
 * likert.h: known rating scales and missing-code labels, for inference.
 *
 * A set of answer labels is recognised as an ordered scale when all of
 * them belong to one known variant of a scale family (agree, satisfied,
 * effective, extent, expectations, frequency, quality, importance,
 * likelihood), compared in any letter case and ignoring a trailing
 * parenthesis ("Meets expectations (Good)"). The smallest variant that
 * holds every observed label is chosen, so unobserved points of the
 * scale are still declared and shown with a count of 0.
 */
#ifndef TALLY_LIKERT_H
#define TALLY_LIKERT_H

#include <stddef.h>

#define TALLY__LIKERT_MAX_POINTS 7
/* Distinct spellings looked at: "Agree", "agree" and "AGREE" are one
   point written three ways. */
#define TALLY__LIKERT_MAX_LABELS 64

typedef struct tally__likert_variant {
    const char *family;   /* "agree"                                    */
    size_t points;
    const char *labels[TALLY__LIKERT_MAX_POINTS]; /* lowest first      */
} tally__likert_variant;

/*
 * The variant that holds all n labels (2 <= n <= TALLY__LIKERT_MAX_LABELS;
 * several may be spellings of one point), or NULL. pos[i] receives the
 * 0-based scale position of labels[i].
 */
const tally__likert_variant *tally__likert_match(const char *const *labels,
                                                 size_t n, size_t *pos);

/* 1 when label is a conventional missing code: "Don't know", "N/A",
   "Not applicable", "Prefer not to say", "No opinion" and their usual
   spellings. */
int tally__is_missing_label(const char *label);

#endif /* TALLY_LIKERT_H */
