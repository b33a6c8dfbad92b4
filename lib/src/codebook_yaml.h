/*
 * codebook_yaml.h: the question keys of the codebook file
 * (docs/codebook-format.md), shared by its reader (codebook_yaml_read.c)
 * and writer (codebook_yaml_write.c) so that the writer never writes a key
 * the reader refuses.
 */
#ifndef TALLY_CODEBOOK_YAML_H
#define TALLY_CODEBOOK_YAML_H

#include "common.h"

#define TALLY__QT(t) (1u << TALLY_QTYPE_##t)
#define TALLY__QT_ALL ((1u << TALLY_QTYPE_COUNT) - 1)
#define TALLY__QT_CHOICE                                                       \
    (TALLY__QT(SINGLE) | TALLY__QT(SCALE) | TALLY__QT(MATRIX))

/* Key, and the question types it may be given for, in the order of the
   format's table (which is also the order of writing). A `single`
   question with `scale:` or `ordered: true` is read as `scale`. */
#define TALLY__QKEY_LIST(X)                                                    \
    X(ID, "id", TALLY__QT_ALL)                                                 \
    X(TEXT, "text", TALLY__QT_ALL)                                             \
    X(TYPE, "type", TALLY__QT_ALL)                                             \
    X(COLUMN, "column", TALLY__QT_ALL & ~TALLY__QT(MATRIX))                    \
    X(OPTIONS, "options", TALLY__QT_CHOICE | TALLY__QT(MULTI))                 \
    X(VALUES, "values", TALLY__QT_CHOICE)                                      \
    X(MISSING, "missing",                                                      \
      TALLY__QT_CHOICE | TALLY__QT(MULTI) | TALLY__QT(NUMERIC))                \
    X(SCALE, "scale", TALLY__QT_CHOICE)                                        \
    X(ORDERED, "ordered", TALLY__QT_CHOICE)                                    \
    X(ITEMS, "items", TALLY__QT(MATRIX))                                       \
    X(SEPARATOR, "separator", TALLY__QT(MULTI))                                \
    X(OTHER, "other", TALLY__QT(SINGLE) | TALLY__QT(SCALE) | TALLY__QT(MULTI)) \
    X(SECTION, "section", TALLY__QT_ALL)

typedef enum tally__qkey {
#define TALLY_X_(e, k, t) TALLY__QKEY_##e,
    TALLY__QKEY_LIST(TALLY_X_)
#undef TALLY_X_
        TALLY__QKEY_COUNT
} tally__qkey;

/* The key's name ("options"). */
extern const char *const tally__qkey_names[TALLY__QKEY_COUNT];

/* 1 when key k may be given for a question of type t. */
int tally__qkey_applies(tally__qkey k, tally_qtype t);

#endif /* TALLY_CODEBOOK_YAML_H */
