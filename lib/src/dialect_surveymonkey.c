/*
 * dialect_surveymonkey.c: SurveyMonkey "All individual responses"
 * exports, expanded columns (formats.md 3).
 *
 * Two header rows. Row 1: metadata names, then each question's text once,
 * in the first column of its block; the block's other row-1 cells are
 * empty ("Unnamed: N" once pandas has re-written the file). Row 2: empty
 * under metadata; "Response" under a single-answer question;
 * "Open-Ended Response" under a comment box; the option text under each
 * checkbox column (whose cells hold that text when ticked); "Other
 * (please specify)" under the other-text column; the row label under
 * each matrix row (whose cells hold the chosen column label).
 *
 * A block whose columns all hold their own row-2 label or nothing is one
 * multi-select question; the other blocks are grouped for the inference
 * to find matrices (rows sharing their answers) or separate fields
 * (contact forms). Other-text columns become text questions.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "dialect.h"
#include "utf8.h"

static const char *const meta_names[] = {
    "Respondent ID", "RespondentID", "Collector ID", "CollectorID",
    "Start Date", "StartDate", "End Date", "EndDate", "IP Address",
    "Email Address", "First Name", "Last Name", "LastName", "Custom Data",
    "Custom Data 1", "Custom Data 2", "Custom Data 3", "Custom Data 4",
    "Custom Data 5", NULL};

int tally__surveymonkey_detect(const tally_raw *raw)
{
    if ((tally__dl_row_has(raw, 0, "Respondent ID") ||
         tally__dl_row_has(raw, 0, "RespondentID")) &&
        (tally__dl_row_has(raw, 0, "Collector ID") ||
         tally__dl_row_has(raw, 0, "CollectorID")))
        return 1;
    /* Without metadata: "Response" / "Open-Ended Response" under at
       least a fifth of the columns (formats.md 3.2). */
    size_t hits = 0;
    for (size_t c = 0; c < raw->ncols; c++) {
        const char *s = tally__dl_cell(raw, 1, c);
        hits += !strcmp(s, "Response") || !strcmp(s, "Open-Ended Response");
    }
    return raw->nrec > 1 && hits && hits * 5 >= raw->ncols;
}

/* An empty row-1 cell continues the block (pandas writes "Unnamed: N"). */
static int continues(const char *h)
{
    return !*h || tally__dl_starts(h, "Unnamed: ");
}

static int is_other(const char *sub)
{
    return strcasestr(sub, "please specify") != NULL ||
           !strcasecmp(sub, "Other") || tally__dl_starts(sub, "Other (");
}

/* Does every data cell of column c hold its row-2 label or nothing? */
static int label_or_blank(const tally_raw *raw, size_t c)
{
    const char *label = tally__dl_cell(raw, 1, c);
    for (size_t r = 2; r < raw->nrec; r++) {
        const char *s = tally__raw_text(raw, c, r);
        if (!tally__is_blank(s) && strcmp(s, label) != 0)
            return 0;
    }
    return 1;
}

/* Columns [s, e) of one question whose text is in row 1 at s. */
static tally_status block(tally_raw *raw, size_t s, size_t e,
                          tally_error *err)
{
    const char *text = tally__dl_cell(raw, 0, s);
    int checkbox = 1;
    size_t answers = 0;
    for (size_t c = s; c < e; c++) {
        const char *sub = tally__dl_cell(raw, 1, c);
        if (is_other(sub) || !strcmp(sub, "Open-Ended Response"))
            continue;
        answers++;
        checkbox &= strcmp(sub, "Response") != 0 && label_or_blank(raw, c);
    }
    for (size_t c = s; c < e; c++) {
        tally_column *info = &raw->cols[c].info;
        const char *sub = tally__dl_cell(raw, 1, c);
        info->text = tally__dl_strndup(raw, text, strlen(text));
        if (!info->text)
            return tally__nomem(err);
        if (!strcmp(sub, "Open-Ended Response"))
            info->role = TALLY_ROLE_TEXT;
        else if (is_other(sub) && (answers || e - s > 1))
            info->role = TALLY_ROLE_OTHER_TEXT;
        else if (!strcmp(sub, "Response"))
            continue;
        else
            info->role = checkbox ? TALLY_ROLE_OPTION : TALLY_ROLE_ANSWER;
        info->sub = tally__dl_strndup(raw, sub, strlen(sub));
        info->group = raw->cols[s].info.name;
        if (!info->sub)
            return tally__nomem(err);
    }
    return TALLY_OK;
}

/* Column names: the question text; "Question - label" for the columns
   of a block of several. */
static tally_status propose_names(tally_raw *raw, const char **names,
                                  tally_error *err)
{
    const char *text = "";
    for (size_t c = 0; c < raw->ncols; c++) {
        const char *h = tally__dl_cell(raw, 0, c);
        const char *sub = tally__dl_cell(raw, 1, c);
        size_t e = c + 1;
        if (!continues(h))
            text = h;
        while (e < raw->ncols && continues(tally__dl_cell(raw, 0, e)))
            e++;
        int alone = !continues(h) && e == c + 1;
        if (!*text || alone || !*sub || !strcmp(sub, "Response")) {
            names[c] = *text && continues(h) ? text : h;
            continue;
        }
        char *n = tally__arena_alloc(raw->arena,
                                     strlen(text) + strlen(sub) + 4);
        if (!n)
            return tally__nomem(err);
        sprintf(n, "%s - %s", text, sub);
        names[c] = n;
    }
    return TALLY_OK;
}

tally_status tally__surveymonkey_apply(tally_raw *raw, tally_error *err)
{
    raw->source.header_rows = 2;
    const char **names = tally__arena_calloc(raw->arena, raw->ncols + 1,
                                             sizeof *names);
    if (!names)
        return tally__nomem(err);
    TALLY_TRY(propose_names(raw, names, err));
    TALLY_TRY(tally__dl_name_columns(raw, names, err));
    size_t c = 0;
    while (c < raw->ncols) {
        const char *h = tally__dl_cell(raw, 0, c);
        size_t e = c + 1;
        if (continues(h)) {
            /* Before any question: pandas' index column, or an unnamed
               column of the platform's. */
            tally__dl_meta(raw, c, *h ? "no question" : "row index");
            c++;
            continue;
        }
        if (tally__dl_in(h, meta_names) && !*tally__dl_cell(raw, 1, c)) {
            tally__dl_meta(raw, c++, "SurveyMonkey respondent metadata");
            continue;
        }
        while (e < raw->ncols && continues(tally__dl_cell(raw, 0, e)))
            e++;
        TALLY_TRY(block(raw, c, e, err));
        c = e;
    }
    return TALLY_OK;
}
