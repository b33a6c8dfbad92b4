/* freq_internal.h: the frequency result, shared by freq.c (computing),
   freq_json.c and freq_table.c (rendering). */
#ifndef TALLY_FREQ_INTERNAL_H
#define TALLY_FREQ_INTERNAL_H

#include "arena.h"
#include "common.h"

struct tally_freq {
    tally__arena *arena;        /* every string and array below      */
    const char *id, *text;
    tally_qtype type;           /* the question's, or the item's     */
    int is_matrix;              /* tabulated item by item            */
    tally_qtype item_type;      /* a matrix item's: scale or single  */
    tally_weight_kind weight_kind;
    tally_ci_method ci;
    double level;
    double population;          /* 0: none                            */
    const char *filter;         /* --where, or NULL                   */
    tally_freq_item *items;
    size_t n_items;
};

#endif /* TALLY_FREQ_INTERNAL_H */
