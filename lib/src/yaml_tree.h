/*
 * yaml_tree.h: YAML input as a checked tree of libyaml nodes, with typed
 * getters whose errors name the file, line and column of the node.
 *
 * The input is restricted to what a configuration file needs: one
 * document, no anchors, aliases or tags, limited nesting. That keeps
 * hostile input small (no "billion laughs") and every value where the
 * text shows it. Used by the codebook reader (codebook_yaml_read.c).
 */
#ifndef TALLY_YAML_TREE_H
#define TALLY_YAML_TREE_H

#include <locale.h>
#include <stdarg.h>

#include <yaml.h>

#include "common.h"

typedef struct tally__yaml {
    yaml_document_t doc;
    int loaded;                /* doc must be deleted                */
    const unsigned char *data; /* the input                          */
    size_t size;
    const char *file;          /* its name, for messages             */
    tally_error *err;
    locale_t c_locale;         /* numbers are read with '.' always   */
    char where[96];            /* prefix of messages ("question Q4"),
                                  or empty                           */
} tally__yaml;

/* A key of a map and its value, or two NULLs when the key is absent. */
typedef struct tally__yaml_field {
    yaml_node_t *key, *val;
} tally__yaml_field;

/*
 * Read and check the whole input of io, nesting at most max_depth lists
 * and maps. TALLY_ERR_PARSE (syntax, encoding, anchors, aliases, tags,
 * several documents, depth), TALLY_ERR_IO, TALLY_ERR_NOMEM. Free y with
 * tally__yaml_free() whatever the outcome.
 */
tally_status tally__yaml_load(tally__yaml *y, tally_io *io, int max_depth,
                              tally_error *err);
void tally__yaml_free(tally__yaml *y);

/* The root node, or NULL when the input holds no document. */
yaml_node_t *tally__yaml_root(tally__yaml *y);

/* TALLY_ERR_PARSE at node n (the start of the input when n is NULL),
   the message prefixed with y->where. */
tally_status tally__yaml_fail(tally__yaml *y, const yaml_node_t *n,
                              const char *fmt, ...) TALLY__PRINTF(3, 4);
tally_status tally__yaml_vfail(tally__yaml *y, const yaml_node_t *n,
                               const char *fmt, va_list ap);

/* --- nodes ---------------------------------------------------------------- */

yaml_node_t *tally__yaml_node(tally__yaml *y, int index);
/* The text of a scalar node. */
const char *tally__yaml_text(const yaml_node_t *n);
/* A plain null: empty, ~, null, Null or NULL. */
int tally__yaml_is_null(const yaml_node_t *n);
/* "a map", "a list", "a single value", "empty (null)". */
const char *tally__yaml_kind(const yaml_node_t *n);
size_t tally__yaml_list_size(const yaml_node_t *n);
yaml_node_t *tally__yaml_list_item(tally__yaml *y, const yaml_node_t *n,
                                   size_t i);

/* names[i] for the bits i of mask, joined with ", " into out. */
const char *tally__yaml_join(const char *const *names, size_t n, unsigned mask,
                             char *out, size_t cap);

/* --- typed values (key names the value in messages) ----------------------- */

/* n must be a list. */
tally_status tally__yaml_check_list(tally__yaml *y, const yaml_node_t *n,
                                    const char *key);
/* A scalar standing for a string: not null, no NUL character, and not
   empty when nonempty is set. Numbers and booleans are strings too. */
tally_status tally__yaml_string(tally__yaml *y, const yaml_node_t *n,
                                const char *key, int nonempty,
                                const char **out);
/* 1 when n is a plain scalar holding a finite decimal number. */
int tally__yaml_number(const tally__yaml *y, const yaml_node_t *n, double *out);
/* true/false, yes/no in any letter case. */
tally_status tally__yaml_bool(tally__yaml *y, const yaml_node_t *n,
                              const char *key, int *out);

/*
 * Check that map is a map whose keys are among keys[0..n), each given
 * once, and put the key and value of keys[k] in f[k]. `what` names the
 * map in messages ("question Q4", "the codebook").
 */
tally_status tally__yaml_map(tally__yaml *y, const yaml_node_t *map,
                             const char *const *keys, size_t n,
                             tally__yaml_field *f, const char *what);

#endif /* TALLY_YAML_TREE_H */
