/*
 * dialect_limesurvey.c: LimeSurvey response exports (formats.md 6).
 *
 * One header row, with question codes ("Q2[SQ001]") or full texts
 * ("Where are you planning to stay? [Hotel]"); the response metadata
 * first (id, submitdate, lastpage, startlanguage, seed, token, startdate,
 * datestamp, ipaddr, refurl, or their translated full headings), timings
 * and equations anywhere. Subquestions group by their question; the
 * inference finds multiple choice (Y or 1/0 per option) and arrays.
 * "[other]" and "[comment]" columns are free text. An empty submitdate
 * is an unfinished response: kept, and counted in a note.
 */
#include <string.h>
#include <strings.h>

#include "dialect.h"
#include "utf8.h"

static const char *const code_meta[] = {
    "id", "submitdate", "lastpage", "startlanguage", "seed", "token",
    "startdate", "datestamp", "ipaddr", "refurl", "interviewtime", NULL};

static const char *const full_meta[] = {
    "Response ID", "Date submitted", "Last page", "Start language", "Seed",
    "Token", "Access code", "Date started", "Date last action",
    "IP address", "Referrer URL", "Total time", NULL};

static int starts_with_list(const tally_raw *raw, const char *const *list)
{
    for (size_t c = 0; c < 4; c++)
        if (strcasecmp(tally__dl_cell(raw, 0, c), list[c]) != 0)
            return 0;
    return 1;
}

int tally__limesurvey_detect(const tally_raw *raw)
{
    static const char *const code[] = {"id", "submitdate", "lastpage",
                                       "startlanguage"};
    static const char *const full[] = {"Response ID", "Date submitted",
                                       "Last page", "Start language"};
    return raw->ncols >= 4 &&
           (starts_with_list(raw, code) || starts_with_list(raw, full));
}

static const char *meta_reason(const char *h)
{
    if (tally__dl_in(h, code_meta) || tally__dl_in(h, full_meta))
        return "LimeSurvey response metadata";
    if (tally__dl_starts(h, "Group time: ") ||
        tally__dl_starts(h, "Question time: ") ||
        tally__dl_starts(h, "groupTime") ||
        (tally__dl_ends(h, "Time") && !strchr(h, ' ')))
        return "timing";
    if (strchr(h, '{') && strchr(h, '}'))
        return "equation";
    if (tally__dl_starts(h, "filecount - ") || tally__dl_ends(h, "_filecount"))
        return "file upload count";
    return NULL;
}

/* Code headings: "Q2[SQ001]" -> group "Q2", sub "SQ001". */
static int split_code(tally_raw *raw, size_t c, const char *h)
{
    const char *open = strchr(h, '[');
    size_t n = strlen(h);
    if (!open || open == h || h[n - 1] != ']' || strchr(h, ' '))
        return 0;
    tally_column *info = &raw->cols[c].info;
    info->group = tally__arena_strndup(raw->arena, h, (size_t)(open - h));
    info->sub = tally__arena_strndup(raw->arena, open + 1,
                                     (size_t)(h + n - 2 - open));
    info->text = info->group;
    return info->group && info->sub ? 1 : -1;
}

static int is_other_text(const char *sub)
{
    return !strcasecmp(sub, "other") || !strcasecmp(sub, "comment") ||
           tally__dl_ends(sub, "comment");
}

static tally_status note_unfinished(tally_raw *raw, tally_error *err)
{
    const char *h = tally__dl_cell(raw, 0, 1);
    if (strcasecmp(h, "submitdate") != 0 && strcmp(h, "Date submitted") != 0)
        return TALLY_OK;
    char lines[200];
    size_t n = tally__dl_count_blank(raw, 1, lines, sizeof lines);
    if (n && tally__raw_note(raw, "%zu unfinished response(s) (no %s): "
                                  "kept, their answers count: %s",
                             n, h, lines) != 0)
        return tally__nomem(err);
    return TALLY_OK;
}

/* Do the answers of column c say ticked or not: Y (code export) or 1/0
   (R export) and blanks? */
static int tick_column(const tally_raw *raw, size_t c)
{
    static const char *const ticks[] = {"Y", "1", "0", NULL};
    for (size_t r = raw->source.header_rows; r < raw->nrec; r++) {
        const char *s = tally__raw_text(raw, c, r);
        if (!tally__is_blank(s) && !tally__dl_in(s, ticks))
            return 0;
    }
    return 1;
}

/* Multiple choice: a run of subquestions of one question, all ticks. */
static void mark_options(tally_raw *raw)
{
    size_t c = 0;
    while (c < raw->ncols) {
        const char *g = raw->cols[c].info.group;
        size_t e = c + 1;
        int all = g && tick_column(raw, c);
        while (g && e < raw->ncols && raw->cols[e].info.group &&
               !strcmp(raw->cols[e].info.group, g)) {
            all &= tick_column(raw, e);
            e++;
        }
        for (size_t i = c; all && e - c >= 2 && i < e; i++)
            raw->cols[i].info.role = TALLY_ROLE_OPTION;
        c = e;
    }
}

tally_status tally__limesurvey_apply(tally_raw *raw, tally_error *err)
{
    raw->source.header_rows = 1;
    TALLY_TRY(tally__dl_name_columns(raw, NULL, err));
    for (size_t c = 0; c < raw->ncols; c++) {
        const char *h = tally__dl_cell(raw, 0, c);
        const char *why = meta_reason(h);
        if (why) {
            tally__dl_meta(raw, c, why);
            continue;
        }
        int rc = split_code(raw, c, h);
        if (rc == 0)
            rc = tally__dl_split_brackets(raw, c, raw->cols[c].info.name);
        if (rc < 0)
            return tally__nomem(err);
        tally_column *info = &raw->cols[c].info;
        if (rc && is_other_text(info->sub)) {
            info->role = TALLY_ROLE_OTHER_TEXT;
            info->group = NULL;
        }
    }
    mark_options(raw);
    return note_unfinished(raw, err);
}
