/*
 * codebook_internal.h: the codebook's representation and the builder
 * used by inference (infer.c) and the YAML reader (codebook_yaml_read.c).
 *
 * Questions are public read-only structs (tally/codebook.h) allocated in
 * the codebook's arena together with every string and array they point
 * to, so a codebook is freed in one go.
 */
#ifndef TALLY_CODEBOOK_INTERNAL_H
#define TALLY_CODEBOOK_INTERNAL_H

#include "arena.h"
#include "common.h"

/* The most options (valid and missing codes) a question may have: the
   dataset codes answers in 16 bits, with codes above this one reserved
   (dataset_code.c). A list that long is open text, not a choice. */
#define TALLY__MAX_OPTIONS 0xFFF0u

/* A named scale of the YAML `scales:` section. */
typedef struct tally__scale {
    const char *name;
    size_t n_options;         /* valid points, then missing codes      */
    const tally_option *options;
} tally__scale;

struct tally_codebook {
    tally__arena *arena;
    const char *title;
    double population;        /* 0: none                                */
    const char *weight;       /* column names, or NULL                  */
    const char *count;
    tally_question **questions;
    size_t n_questions, questions_cap;
    tally__scale *scales;
    size_t n_scales, scales_cap;
};

tally_codebook *tally__codebook_new(void);

/* Copy s into the codebook's arena (NULL stays NULL). */
const char *tally__cb_str(tally_codebook *cb, const char *s);

/* Append a zeroed question (type single) and return it; NULL when out of
   memory. The pointer stays valid for the codebook's life. */
tally_question *tally__codebook_add(tally_codebook *cb);

/* Deep copies into the arena (labels, codes, columns, ids, texts). */
const tally_option *tally__cb_options(tally_codebook *cb,
                                      const tally_option *src, size_t n);
const tally_item *tally__cb_items(tally_codebook *cb, const tally_item *src,
                                  size_t n);

/* Add a named scale (deep copy). -1 when out of memory. */
int tally__codebook_add_scale(tally_codebook *cb, const char *name,
                              const tally_option *options, size_t n);

/* The scale called name, or NULL. */
const tally__scale *tally__codebook_scale(const tally_codebook *cb,
                                          const char *name);

/*
 * Check what every reader must guarantee: unique question and item ids;
 * each type has the columns it needs (a matrix items, a multi option
 * columns or a joined column with a separator, the others a column);
 * unique option labels within a question; scale values finite and
 * distinct for ordered questions; missing codes without values.
 * TALLY_ERR_CODEBOOK naming the question on failure (TALLY_ERR_NOMEM
 * when the sets used to find duplicates in linear time cannot grow).
 */
tally_status tally__codebook_validate(const tally_codebook *cb,
                                      tally_error *err);

/* A deep copy. NULL when out of memory. */
tally_codebook *tally__codebook_copy(const tally_codebook *cb);

/* Number of valid (non-missing) options of q. */
size_t tally__question_valid_options(const tally_question *q);

#endif /* TALLY_CODEBOOK_INTERNAL_H */
