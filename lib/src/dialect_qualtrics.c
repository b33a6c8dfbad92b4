/*
 * dialect_qualtrics.c: Qualtrics response exports, all three generations
 * (formats.md 2).
 *
 * - current (2018 on): three header rows; row 1 export tags, row 2 labels
 *   ("Question - Item"), row 3 JSON ImportIds {"ImportId":"QID2_1"};
 * - 2016 "Insights": three rows, row 3 Python-dict ImportIds
 *   {'ImportId': 'QID2-1'};
 * - legacy: two rows, row 1 V1..V10 then tags, row 2 metadata names then
 *   "Question-Choice" labels;
 * - current with row 3 deleted by a user: two rows (formats.md 2.5 rule 4).
 *
 * Columns group by question: the QID of their ImportId ("QID2_1" and
 * "QID2-1" -> "QID2"; side by side "QID4#1-2" -> "QID4#1"), or without
 * ImportIds the tag before its first '_' ("Q2_1" -> "Q2"). The question
 * text is the part of row 2 that a group's columns share, up to its last
 * separator; the rest names the item or option. "_TEXT" columns are
 * "Other, please specify" text (or a text-entry part): text questions.
 * A current export's question of one column may hold choices joined
 * with "," (a checkbox question): its separator says so, and the
 * inference reads it as multi-select when its answers show it.
 *
 * Rows whose Status is not a real response (preview, test, spam,
 * imported) are left out unless all_responses is set; unfinished
 * responses are kept and counted in a note.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "dialect.h"
#include "utf8.h"

enum { CURRENT, INSIGHTS, LEGACY, NO_ROW3 };

static const char *const layout_names[] = {"current", "2016", "legacy",
                                           "current without ImportId row"};

/* Share of non-empty row-3 cells that start with prefix is >= 50 %. */
static int row3_is(const tally_raw *raw, const char *prefix)
{
    size_t hits = 0, all = 0;
    for (size_t c = 0; raw->nrec > 2 && c < raw->ncols; c++) {
        const char *s = tally__dl_cell(raw, 2, c);
        all += *s != '\0';
        hits += tally__dl_starts(s, prefix);
    }
    return all && hits * 2 >= all;
}

/* Metadata names of the exporters (row 1; legacy row 2). */
static const char *const meta_names[] = {
    "StartDate", "EndDate", "Status", "IPAddress", "Progress",
    "Duration (in seconds)", "Finished", "RecordedDate", "ResponseId",
    "ResponseID", "ResponseSet", "Name", "EmailAddress", "RecipientLastName",
    "RecipientFirstName", "RecipientEmail", "ExternalReference",
    "ExternalDataReference", "LocationLatitude", "LocationLongitude",
    "LocationAccuracy", "DistributionChannel", "UserLanguage", NULL};

static int layout(const tally_raw *raw)
{
    if (row3_is(raw, "{\"ImportId\":"))
        return CURRENT;
    if (row3_is(raw, "{'ImportId':"))
        return INSIGHTS;
    if (!strcmp(tally__dl_cell(raw, 0, 0), "V1") &&
        !strcmp(tally__dl_cell(raw, 0, 9), "V10") &&
        tally__dl_row_has(raw, 1, "ResponseID") &&
        tally__dl_row_has(raw, 1, "ResponseSet"))
        return LEGACY;
    int known = 0;
    for (size_t c = 0; c < raw->ncols; c++)
        known += tally__dl_in(tally__dl_cell(raw, 0, c), meta_names);
    if (known >= 3 && (tally__dl_row_has(raw, 1, "Start Date") ||
                       tally__dl_row_has(raw, 1, "Response ID")))
        return NO_ROW3;
    return -1;
}

int tally__qualtrics_detect(const tally_raw *raw)
{
    return layout(raw) >= 0;
}

/* The ImportId of a row-3 cell ({"ImportId":"QID2_1","choiceId":"1"}
   -> "QID2_1"), '-' made '_' (2016 writes QID2-1); "" when none. */
static void import_id(const char *cell, char *out, size_t cap)
{
    const char *p = strstr(cell, "ImportId");
    size_t n = 0;
    out[0] = '\0';
    if (!p)
        return;
    p += strlen("ImportId") + 1;
    while (*p == ' ' || *p == ':' || *p == '"' || *p == '\'')
        p++;
    for (; *p && *p != '"' && *p != '\'' && n + 1 < cap; p++)
        out[n++] = *p == '-' ? '_' : *p;
    out[n] = '\0';
    p = strstr(cell, "choiceId");
    if (!p || n + 2 >= cap)
        return;
    for (p += strlen("choiceId") + 1; *p == ':' || *p == '"'; p++)
        ;
    out[n++] = '_';
    for (; *p && *p != '"' && n + 1 < cap; p++)
        out[n++] = *p;
    out[n] = '\0';
}

/* Why a column is metadata, or NULL. */
static const char *meta_reason(const char *tag, const char *id, int lay)
{
    static const char *const ids[] = {
        "startDate", "endDate", "status", "ipAddress", "progress",
        "duration", "finished", "recordedDate", "_recordId", "responseId",
        "responseSetId", "recipientLastName", "recipientFirstName",
        "recipientEmail", "externalDataReference", "locationLatitude",
        "locationLongitude", "distributionChannel", "userLanguage", NULL};
    if ((lay == CURRENT || lay == INSIGHTS) &&
        (tally__dl_in(id, ids) || tally__dl_starts(id, "panel_") ||
         tally__dl_starts(id, "Location_")))
        return "Qualtrics response metadata";
    if (tally__dl_in(tag, meta_names))
        return "Qualtrics response metadata";
    if (tally__dl_starts(tag, "Q_") || !strcasecmp(tag, "PROLIFIC_PID") ||
        !strcasecmp(tag, "rid") || !strcasecmp(tag, "psid"))
        return "Qualtrics system or panel field";
    if (tally__dl_ends(tag, "_DO"))
        return "display order";
    if (tally__dl_ends(tag, "_First Click") ||
        tally__dl_ends(tag, "_Last Click") ||
        tally__dl_ends(tag, "_Page Submit") ||
        tally__dl_ends(tag, "_Click Count"))
        return "timing";
    return NULL;
}

/* The question key of a column: the QID part of its ImportId, else the
   tag before its first '_' or ':'. */
static void question_key(const char *tag, const char *id, char *key,
                         size_t cap)
{
    const char *src = tally__dl_starts(id, "QID") ? id : tag;
    size_t n = strcspn(src, tally__dl_starts(id, "QID") ? "_" : "_:");
    if (n >= cap)
        n = cap - 1;
    memcpy(key, src, n);
    key[n] = '\0';
}

/* Without ImportIds the tag prefix is not enough ("question_one" and
   "question_two" of two matrices): add the label's question part, before
   its last '-' ("Question-Statement 1"). */
static void label_key(const char *label, char *key, size_t cap)
{
    const char *dash = strrchr(label, '-');
    size_t n = strlen(key);
    if (dash && n + 2 < cap)
        snprintf(key + n, cap - n, "\x1f%.*s", (int)(dash - label), label);
}

typedef struct qcol {
    const char *tag, *label;
    char id[64], key[256];
} qcol;

/* Strip " - Selected Choice" (current exports' label of the choice
   column of a question with an "Other" text box). */
static size_t label_len(const char *s)
{
    static const char *const tail = " - Selected Choice";
    size_t n = strlen(s);
    return tally__dl_ends(s, tail) ? n - strlen(tail) : n;
}

/* Where the shared question text of labels a and b ends: after the
   last separator ("-", " - ", " : ") within their common prefix; 0 when
   there is none. *sub gets where the item label starts. */
static size_t shared_text(const char *a, const char *b, size_t *sub)
{
    size_t n = 0, cut = 0;
    while (a[n] && a[n] == b[n])
        n++;
    if (!a[n] && !b[n])
        return 0; /* the same label: no item part */
    /* " - " (current) before "-" (2016, legacy) and " : " (legacy
       side by side): a bare hyphen may be the question's own. */
    for (size_t i = 0; i + 2 < n && !cut; i++)
        if (!strncmp(a + n - 3 - i, " - ", 3))
            cut = n - 2 - i;
    for (size_t i = 0; i < n && !cut; i++)
        if (a[n - 1 - i] == '-' || a[n - 1 - i] == ':')
            cut = n - 1 - i;
    if (!cut)
        return 0;
    *sub = cut + 1;
    while (a[*sub] == ' ')
        (*sub)++;
    return cut;
}

/* Columns [s, e) of one question: text and item labels from row 2. */
static tally_status group(tally_raw *raw, const qcol *q, size_t s, size_t e,
                          tally_error *err)
{
    size_t cut = 0, sub = 0;
    for (size_t c = s + 1; c < e; c++) {
        size_t at = 0, k = shared_text(q[s].label, q[c].label, &at);
        if (c == s + 1 || k < cut) {
            cut = k;
            sub = at;
        }
    }
    for (size_t c = s; c < e; c++) {
        tally_column *info = &raw->cols[c].info;
        const char *l = q[c].label;
        info->text = tally__dl_strndup(raw, l, cut ? cut : label_len(l));
        if (e - s > 1)
            info->sub = cut ? tally__dl_strndup(raw, l + sub,
                                                label_len(l + sub))
                            : info->name;
        info->group = e - s > 1 ? raw->cols[s].info.name : NULL;
        if (!info->text || (e - s > 1 && !info->sub))
            return tally__nomem(err);
    }
    return TALLY_OK;
}

/* Role of a column that is not metadata. */
static void answer_role(tally_raw *raw, size_t c, const qcol *q)
{
    tally_column *info = &raw->cols[c].info;
    if (tally__dl_ends(q->tag, "_TEXT"))
        info->role = TALLY_ROLE_OTHER_TEXT;
    else if (tally__dl_ends(q->id, "_TEXT"))
        info->role = TALLY_ROLE_TEXT; /* a text-entry question */
}

/*
 * Are columns [c, e) the options of a multi-select question: every
 * column holds "1" (numeric export) or one choice text of its own (text
 * export) when ticked, blank when not? A matrix's items share their
 * answers, and numeric recodes other than 1 say "matrix".
 */
static int ticks(const tally_raw *raw, size_t c, size_t e)
{
    const char *prev = NULL;
    for (size_t i = c; i < e; i++) {
        const char *own = NULL;
        for (size_t r = raw->source.header_rows; r < raw->nrec; r++) {
            const char *s = tally__raw_text(raw, i, r);
            if (tally__is_blank(s))
                continue;
            if (own && strcmp(own, s) != 0)
                return 0;
            own = s;
        }
        if (own && strcmp(own, "1") != 0 &&
            (strspn(own, "0123456789.-") == strlen(own) ||
             (prev && !strcmp(prev, own))))
            return 0;
        prev = own ? own : prev;
    }
    return 1;
}

static tally_status columns(tally_raw *raw, qcol *q, int lay,
                            tally_error *err)
{
    size_t c = 0;
    while (c < raw->ncols) {
        const char *why = meta_reason(q[c].tag, q[c].id, lay);
        if (!why && !*q[c].tag && !*q[c].label &&
            tally__dl_count_blank(raw, c, NULL, 0) ==
                tally_raw_rows(raw))
            why = "empty column";
        if (why) {
            tally__dl_meta(raw, c++, why);
            continue;
        }
        answer_role(raw, c, &q[c]);
        size_t e = c + 1;
        while (e < raw->ncols && !strcmp(q[e].key, q[c].key) &&
               !meta_reason(q[e].tag, q[e].id, lay) &&
               !tally__dl_ends(q[c].tag, "_TEXT") &&
               !tally__dl_ends(q[e].tag, "_TEXT")) {
            answer_role(raw, e, &q[e]);
            e++;
        }
        TALLY_TRY(group(raw, q, c, e, err));
        if (e - c > 1 && ticks(raw, c, e))
            for (size_t i = c; i < e; i++)
                raw->cols[i].info.role = TALLY_ROLE_OPTION;
        /* The current exporter joins a checkbox question's choices with
           "," in one column unless asked to split them (formats.md 2.4);
           2016 and legacy exports always split. */
        if (e - c == 1 && (lay == CURRENT || lay == NO_ROW3) &&
            raw->cols[c].info.role == TALLY_ROLE_ANSWER)
            raw->cols[c].info.separator = ",";
        c = e;
    }
    return TALLY_OK;
}

/* Status codes of real responses: "IP Address" (0) and "Offline" (16);
   previews (1), tests (2), imported (4) and spam (8) are not. */
static int real_response(const char *s)
{
    return tally__is_blank(s) || !strcmp(s, "0") ||
           !strcmp(s, "IP Address") || !strcmp(s, "16") ||
           !strcmp(s, "Offline");
}

static tally_status filter_rows(tally_raw *raw, size_t status, int all,
                                tally_error *err)
{
    size_t rows = tally_raw_rows(raw), out = 0;
    unsigned char *keep = tally__calloc(rows + 1, 1);
    if (!keep)
        return tally__nomem(err);
    for (size_t r = 0; r < rows; r++) {
        keep[r] = !real_response(tally_raw_cell(raw, r, status));
        out += keep[r];
    }
    char lines[200];
    tally__dl_lines(raw, keep, lines, sizeof lines);
    for (size_t r = 0; r < rows; r++)
        keep[r] = !keep[r] || all;
    if (out && !all)
        tally__dl_keep_rows(raw, keep);
    tally__free(keep);
    if (out && !all &&
        tally__raw_note(raw,
                        "left out %zu Qualtrics preview, test, spam or "
                        "imported response(s) (Status): %s; "
                        "--all-responses keeps them",
                        out, lines) != 0)
        return tally__nomem(err);
    if (out && all &&
        tally__raw_note(raw,
                        "kept %zu Qualtrics preview, test, spam or imported "
                        "response(s) (Status), as --all-responses asks: %s",
                        out, lines) != 0)
        return tally__nomem(err);
    return TALLY_OK;
}

static tally_status note_unfinished(tally_raw *raw, size_t finished,
                                    tally_error *err)
{
    size_t n = 0, rows = tally_raw_rows(raw);
    unsigned char *pick = tally__calloc(rows + 1, 1);
    if (!pick)
        return tally__nomem(err);
    for (size_t r = 0; r < rows; r++) {
        const char *s = tally_raw_cell(raw, r, finished);
        pick[r] = !strcmp(s, "0") || !strcasecmp(s, "False");
        n += pick[r];
    }
    char lines[200];
    tally__dl_lines(raw, pick, lines, sizeof lines);
    tally__free(pick);
    if (n && tally__raw_note(raw, "%zu unfinished response(s) (Finished): "
                                  "kept, their answers count: %s",
                             n, lines) != 0)
        return tally__nomem(err);
    return TALLY_OK;
}

static tally_status responses(tally_raw *raw, const qcol *q, int all,
                              tally_error *err)
{
    for (size_t c = 0; c < raw->ncols; c++)
        if (!strcmp(q[c].tag, "Status") || !strcmp(q[c].id, "status")) {
            TALLY_TRY(filter_rows(raw, c, all, err));
            break;
        }
    for (size_t c = 0; c < raw->ncols; c++)
        if (!strcmp(q[c].tag, "Finished") || !strcmp(q[c].id, "finished"))
            return note_unfinished(raw, c, err);
    return TALLY_OK;
}

tally_status tally__qualtrics_apply(tally_raw *raw, int all_responses,
                                    tally_error *err)
{
    int lay = layout(raw);
    if (lay < 0)
        lay = NO_ROW3; /* --dialect qualtrics on another layout */
    raw->source.header_rows = lay == CURRENT || lay == INSIGHTS ? 3 : 2;
    raw->source.layout = layout_names[lay];
    qcol *q = tally__arena_calloc(raw->arena, raw->ncols + 1, sizeof *q);
    const char **names = tally__arena_calloc(raw->arena, raw->ncols + 1,
                                             sizeof *names);
    if (!q || !names)
        return tally__nomem(err);
    for (size_t c = 0; c < raw->ncols; c++) {
        q[c].tag = tally__dl_cell(raw, 0, c);
        q[c].label = tally__dl_cell(raw, 1, c);
        /* Legacy V1..V10: the metadata names are in row 2. */
        if (lay == LEGACY && c < 10)
            q[c].tag = q[c].label;
        names[c] = q[c].tag;
        if (lay == CURRENT || lay == INSIGHTS)
            import_id(tally__dl_cell(raw, 2, c), q[c].id, sizeof q[c].id);
        question_key(q[c].tag, q[c].id, q[c].key, sizeof q[c].key);
        if (lay == LEGACY || lay == NO_ROW3)
            label_key(q[c].label, q[c].key, sizeof q[c].key);
    }
    TALLY_TRY(tally__dl_name_columns(raw, names, err));
    TALLY_TRY(columns(raw, q, lay, err));
    return responses(raw, q, all_responses, err);
}
