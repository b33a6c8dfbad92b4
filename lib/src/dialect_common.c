/* dialect_common.c: helpers shared by the platform dialects (dialect.h). */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "dialect.h"
#include "utf8.h"

const char *tally__dl_cell(const tally_raw *raw, size_t rec, size_t c)
{
    return rec < raw->nrec && c < raw->ncols ? tally__raw_text(raw, c, rec)
                                             : "";
}

int tally__dl_row_has(const tally_raw *raw, size_t rec, const char *name)
{
    for (size_t c = 0; c < raw->ncols; c++)
        if (strcmp(tally__dl_cell(raw, rec, c), name) == 0)
            return 1;
    return 0;
}

int tally__dl_starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

int tally__dl_ends(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

int tally__dl_in(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (strcasecmp(name, *list) == 0)
            return 1;
    return 0;
}

const char *tally__dl_strndup(tally_raw *raw, const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\n' || *s == '\t')) {
        s++;
        n--;
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t'))
        n--;
    return tally__arena_strndup(raw->arena, s, n);
}

/* Intern name, or name (2), name (3)... when taken; NULL out of memory. */
static const char *unique_name(tally_raw *raw, tally__strdict *seen,
                               const char *h)
{
    const char *name = h;
    for (int k = 2;; k++) {
        int added;
        long id = tally__strdict_intern(seen, raw->arena, name, strlen(name),
                                        &added);
        if (id < 0)
            return NULL;
        if (added)
            return tally__strdict_str(seen, (size_t)id);
        char *alt = tally__arena_alloc(raw->arena, strlen(h) + 16);
        if (!alt)
            return NULL;
        sprintf(alt, "%s (%d)", h, k);
        name = alt;
    }
}

tally_status tally__dl_name_columns(tally_raw *raw, const char **proposed,
                                    tally_error *err)
{
    /* Each column adds exactly one name, in order: the id of a name is
       its column, and the dictionary is kept as the raw table's index. */
    tally__strdict seen;
    if (tally__strdict_init(&seen) != 0)
        return tally__nomem(err);
    tally_status st = TALLY_OK;
    char buf[64];
    for (size_t c = 0; c < raw->ncols && st == TALLY_OK; c++) {
        const char *h = proposed && proposed[c] ? proposed[c]
                                                : tally__dl_cell(raw, 0, c);
        if (!*h) {
            snprintf(buf, sizeof buf, "Column %zu", c + 1);
            h = buf;
        }
        tally_column *info = &raw->cols[c].info;
        memset(info, 0, sizeof *info);
        info->name = unique_name(raw, &seen, h);
        info->text = info->name;
        info->role = TALLY_ROLE_ANSWER;
        if (!info->name)
            st = tally__nomem(err);
    }
    tally__strdict_destroy(&raw->names);
    raw->names = seen;
    if (st != TALLY_OK)
        raw->names.count = 0; /* not an index of every column */
    return st;
}

void tally__dl_meta(tally_raw *raw, size_t c, const char *reason)
{
    raw->cols[c].info.role = TALLY_ROLE_META;
    raw->cols[c].info.reason = reason;
    raw->cols[c].info.group = NULL;
}

int tally__dl_split_brackets(tally_raw *raw, size_t c, const char *name)
{
    tally_column *info = &raw->cols[c].info;
    size_t n = strlen(name);
    const char *open = strrchr(name, '[');
    if (n < 4 || name[n - 1] != ']' || !open || open == name ||
        open[-1] != ' ' || (size_t)(name + n - 1 - open) < 2)
        return 0;
    const char *text = tally__dl_strndup(raw, name, (size_t)(open - name));
    const char *sub = tally__arena_strndup(raw->arena, open + 1,
                                           (size_t)(name + n - 2 - open));
    if (!text || !sub)
        return -1;
    info->text = text;
    info->sub = sub;
    info->group = text;
    return 1;
}

void tally__dl_keep_rows(tally_raw *raw, const unsigned char *keep)
{
    size_t h = raw->source.header_rows, out = h;
    for (size_t c = 0; c < raw->ncols; c++) {
        tally__rawcol *col = &raw->cols[c];
        size_t w = col->width;
        out = h;
        for (size_t r = h; r < raw->nrec; r++)
            if (keep[r - h])
                memmove(col->ids + out++ * w, col->ids + r * w, w);
    }
    out = h;
    for (size_t r = h; r < raw->nrec; r++)
        if (keep[r - h])
            raw->lines[out++] = raw->lines[r];
    raw->nrec = out;
}

void tally__dl_lines(const tally_raw *raw, const unsigned char *pick,
                     char *buf, size_t cap)
{
    char list[160] = "";
    size_t rows = tally_raw_rows(raw), listed = 0, used = 0;
    for (size_t r = 0; r < rows; r++) {
        if (!pick[r])
            continue;
        if (listed++ == TALLY__DL_LISTED) {
            snprintf(list + used, sizeof list - used, ", ...");
            break;
        }
        used += (size_t)snprintf(list + used, sizeof list - used, "%s%ld",
                                 listed > 1 ? ", " : "",
                                 tally_raw_line(raw, r));
    }
    snprintf(buf, cap, "line%s %s", listed > 1 ? "s" : "", list);
}

size_t tally__dl_count_blank(const tally_raw *raw, size_t c, char *lines,
                             size_t cap)
{
    size_t n = 0, rows = tally_raw_rows(raw);
    unsigned char *pick = lines ? tally__calloc(rows + 1, 1) : NULL;
    for (size_t r = 0; r < rows; r++) {
        int blank = tally__is_blank(tally_raw_cell(raw, r, c));
        n += (size_t)blank;
        if (pick)
            pick[r] = (unsigned char)blank;
    }
    if (lines && cap)
        lines[0] = '\0';
    if (pick)
        tally__dl_lines(raw, pick, lines, cap);
    tally__free(pick);
    return n;
}
