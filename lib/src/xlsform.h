/*
 * xlsform.h: an XLSForm (formats.md 5.4) as read by xlsform.c, for
 * infer_xlsform.c. Everything lives in the form's arena.
 */
#ifndef TALLY_XLSFORM_H
#define TALLY_XLSFORM_H

#include "arena.h"
#include "common.h"

typedef enum tally__xf_kind {
    TALLY__XF_OTHER,   /* date, geopoint, image...: label only        */
    TALLY__XF_ONE,     /* select_one LIST                             */
    TALLY__XF_MULTI,   /* select_multiple LIST                        */
    TALLY__XF_NUMERIC, /* integer, decimal, range                     */
    TALLY__XF_TEXT,    /* text                                        */
    TALLY__XF_META,    /* calculate, start, end, deviceid, ...        */
    TALLY__XF_GROUP    /* begin_group / begin_repeat                  */
} tally__xf_kind;

typedef struct tally__xf_field {
    const char *type;  /* first word of `type`, lower case          */
    const char *name;
    const char *path;  /* group names and name joined by '/'         */
    const char *label; /* NULL when the row has none                 */
    const char *list;  /* select_*: the choices' list_name           */
    const char *group; /* path of the enclosing group, or NULL       */
    tally__xf_kind kind;
} tally__xf_field;

typedef struct tally__xf_choice {
    const char *list, *name, *label; /* label: name when it has none  */
} tally__xf_choice;

struct tally_xlsform {
    tally__arena *arena;
    tally__xf_field *fields;
    size_t n_fields, fields_cap;
    tally__xf_choice *choices;
    size_t n_choices, choices_cap;
};

/* The field an export column stands for: its group path ("grp/q"; ODK
   Central "grp-q"), its name, the name after the column's last '/', or
   (exports with label headers) its label; NULL when none. */
const tally__xf_field *tally__xf_field_of(const tally_xlsform *f,
                                          const char *column);

/* The field a group path names (begin_group rows too), or NULL. */
const tally__xf_field *tally__xf_path(const tally_xlsform *f,
                                      const char *path);

/* The choice `name` of `list`, or NULL. */
const tally__xf_choice *tally__xf_choice_of(const tally_xlsform *f,
                                            const char *list,
                                            const char *name);

#endif /* TALLY_XLSFORM_H */
