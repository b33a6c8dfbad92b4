/*
 * dialect.c: how a platform lays out its export -> header rows and the
 * meaning of each column (DESIGN.md 1; formats.md 8).
 *
 * This version knows plain tables (one header row) and Google Forms
 * (one header row, "Timestamp" first, grids as "Question [Row]"). Other
 * platforms' exports are recognised and read as plain tables with a note
 * saying so.
 */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "raw.h"

static const char *header(const tally_raw *raw, size_t rec, size_t c)
{
    return rec < raw->nrec ? tally__raw_text(raw, c, rec) : "";
}

static int row_has(const tally_raw *raw, size_t rec, const char *name)
{
    for (size_t c = 0; c < raw->ncols; c++)
        if (strcmp(header(raw, rec, c), name) == 0)
            return 1;
    return 0;
}

/* First header cells of Google Forms sheets, by locale (formats.md 4). */
static int is_timestamp_word(const char *s)
{
    static const char *const words[] = {
        "Timestamp", "Marca temporal", "Horodateur", "Zeitstempel",
        "Carimbo de data/hora", "Informazioni cronologiche"};
    for (size_t i = 0; i < TALLY_ARRAY_SIZE(words); i++)
        if (strcmp(s, words[i]) == 0)
            return 1;
    return 0;
}

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Platforms whose layouts this version reads as plain tables. */
static tally_dialect recognise_other(const tally_raw *raw)
{
    if (raw->nrec > 2 && (starts_with(header(raw, 2, 0), "{\"ImportId\":") ||
                          starts_with(header(raw, 2, 0), "{'ImportId':")))
        return TALLY_DIALECT_QUALTRICS;
    if ((row_has(raw, 0, "Respondent ID") || row_has(raw, 0, "RespondentID")) &&
        (row_has(raw, 0, "Collector ID") || row_has(raw, 0, "CollectorID")))
        return TALLY_DIALECT_SURVEYMONKEY;
    if (row_has(raw, 0, "_uuid") && row_has(raw, 0, "_submission_time"))
        return TALLY_DIALECT_KOBO;
    if (row_has(raw, 0, "submitdate") && row_has(raw, 0, "lastpage"))
        return TALLY_DIALECT_LIMESURVEY;
    return TALLY_DIALECT_PLAIN;
}

static tally_dialect detect(const tally_raw *raw)
{
    if (raw->ncols > 0 && is_timestamp_word(header(raw, 0, 0)))
        return TALLY_DIALECT_GOOGLE_FORMS;
    return recognise_other(raw);
}

/* "Question [Row]" -> text "Question", sub "Row" (Google Forms grids,
   LimeSurvey full headings). */
static int split_brackets(tally__arena *a, const char *name,
                          tally_column *info)
{
    size_t n = strlen(name);
    const char *open = strrchr(name, '[');
    if (n < 4 || name[n - 1] != ']' || !open || open == name ||
        open[-1] != ' ' || (size_t)(name + n - 1 - open) < 2)
        return 0;
    size_t text_len = (size_t)(open - 1 - name);
    info->text = tally__arena_strndup(a, name, text_len);
    info->sub = tally__arena_strndup(a, open + 1,
                                     (size_t)(name + n - 2 - open));
    info->group = info->text;
    return 1;
}

/* Unique column names: the header text, "Column N" when empty, and
   " (2)", " (3)" ... after repeats (Google Forms repeats titles). */
static tally_status name_columns(tally_raw *raw, tally_error *err)
{
    tally__strdict seen;
    if (tally__strdict_init(&seen) != 0)
        return tally__nomem(err);
    tally_status st = TALLY_OK;
    char buf[64];
    for (size_t c = 0; c < raw->ncols && st == TALLY_OK; c++) {
        const char *h = header(raw, 0, c);
        if (!*h) {
            snprintf(buf, sizeof buf, "Column %zu", c + 1);
            h = buf;
        }
        const char *name = h;
        for (int k = 2;; k++) {
            int added;
            long id = tally__strdict_intern(&seen, raw->arena, name,
                                            strlen(name), &added);
            if (id < 0) {
                st = tally__nomem(err);
                break;
            }
            if (added) {
                raw->cols[c].info.name = tally__strdict_str(&seen, (size_t)id);
                break;
            }
            char *alt = tally__arena_alloc(raw->arena, strlen(h) + 16);
            if (!alt) {
                st = tally__nomem(err);
                break;
            }
            sprintf(alt, "%s (%d)", h, k);
            name = alt;
        }
    }
    tally__strdict_destroy(&seen);
    return st;
}

static tally_status plain_columns(tally_raw *raw, tally_error *err)
{
    TALLY_TRY(name_columns(raw, err));
    for (size_t c = 0; c < raw->ncols; c++) {
        tally_column *info = &raw->cols[c].info;
        info->text = info->name;
        info->role = TALLY_ROLE_ANSWER;
        if (!split_brackets(raw->arena, info->name, info)) {
            info->sub = NULL;
            info->group = NULL;
        }
        if (!info->text || (info->group && !info->sub))
            return tally__nomem(err);
    }
    return TALLY_OK;
}

tally_status tally__dialect_apply(tally_raw *raw, tally_dialect d,
                                  tally_error *err)
{
    if ((unsigned)d >= TALLY_DIALECT_COUNT)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "unknown dialect");
    tally_dialect seen = detect(raw);
    if (d == TALLY_DIALECT_AUTO)
        d = seen;
    raw->source.dialect = d;
    raw->source.header_rows = 1;
    TALLY_TRY(plain_columns(raw, err));
    if (d == TALLY_DIALECT_GOOGLE_FORMS && raw->ncols > 0)
        raw->cols[0].info.role = TALLY_ROLE_META;
    if (d != TALLY_DIALECT_PLAIN && d != TALLY_DIALECT_GOOGLE_FORMS &&
        tally__raw_note(raw,
                        "this looks like a %s export; this version reads "
                        "it as a plain table with one header row",
                        tally_dialect_name(d)) != 0)
        return tally__nomem(err);
    return TALLY_OK;
}
