/*
 * dialect_kobo.c: KoboToolbox (KPI and legacy KoBoCAT/onadata) and ODK
 * Central exports (formats.md 5).
 *
 * One header row of XML names (or labels) with group paths ("grp/q";
 * ODK Central "grp-q"). A select_multiple question comes as its summary
 * column "q" (the chosen names joined with a space) and/or one column per
 * choice "q/choice" holding 1/0 or True/False: the choice columns are the
 * question (one multi-select question), the summary is left out as a
 * duplicate. Without choice columns the summary is the question, split
 * at the spaces when its answers are XML names. Geopoints and the
 * platform's own fields (_id, _uuid, _submission_time, _index,
 * meta/instanceID, KEY, ...) are metadata.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "dialect.h"
#include "utf8.h"

static const char *const meta_names[] = {
    "_id", "_uuid", "_submission_time", "_validation_status", "_notes",
    "_status", "_submitted_by", "__version__", "_version_", "_tags",
    "_index", "_parent_table_name", "_parent_index", "_attachments",
    "_geolocation", "_xform_id_string", "_duration", "_bamboo_dataset_id",
    "meta/instanceID", "meta/instanceName", "meta/deprecatedID",
    "meta-instanceID", "meta-instanceName", "instanceID", "formhub/uuid",
    "start", "end", "today", "deviceid", "username", "simserial",
    "subscriberid", "phonenumber", "audit", "SubmissionDate", "KEY",
    "PARENT_KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent",
    "AttachmentsExpected", "Status", "ReviewState", "DeviceID", "Edits",
    "FormVersion", NULL};

int tally__kobo_detect(const tally_raw *raw)
{
    size_t n = raw->ncols;
    if (tally__dl_row_has(raw, 0, "_uuid") &&
        (tally__dl_row_has(raw, 0, "_submission_time") ||
         tally__dl_row_has(raw, 0, "_parent_table_name")))
        return 1;
    if (tally__dl_row_has(raw, 0, "_parent_table_name") ||
        tally__dl_row_has(raw, 0, "meta/instanceID"))
        return 1;
    /* ODK Central: SubmissionDate first with KEY; repeat tables end
       with PARENT_KEY, KEY. */
    if (n && !strcmp(tally__dl_cell(raw, 0, 0), "SubmissionDate") &&
        tally__dl_row_has(raw, 0, "KEY"))
        return 1;
    return n >= 2 && !strcmp(tally__dl_cell(raw, 0, n - 1), "KEY") &&
           !strcmp(tally__dl_cell(raw, 0, n - 2), "PARENT_KEY");
}

/* The last path segment of a column name ("grp/q" -> "q"). */
static const char *last_segment(const char *s)
{
    const char *slash = strrchr(s, '/');
    return slash ? slash + 1 : s;
}

/* Geopoint parts: "_q_latitude" ... (KoBoCAT, KPI), "q-Latitude" ...
   (ODK Central). */
static int geo_part(const char *name)
{
    static const char *const kobo[] = {"_latitude", "_longitude",
                                       "_altitude", "_precision"};
    static const char *const odk[] = {"-Latitude", "-Longitude",
                                      "-Altitude", "-Accuracy"};
    const char *last = last_segment(name);
    for (size_t i = 0; i < 4; i++)
        if ((last[0] == '_' && tally__dl_ends(last, kobo[i])) ||
            tally__dl_ends(name, odk[i]))
            return 1;
    return 0;
}

/* Is column c a geopoint ("lat lon alt prec"), its parts following? */
static int geopoint(const tally_raw *raw, size_t c)
{
    return c + 1 < raw->ncols &&
           geo_part(raw->cols[c + 1].info.name) &&
           !geo_part(raw->cols[c].info.name);
}

/* Do the answers of column c say ticked / not ticked (1/0, True/False,
   n/a when not applicable, blank)? tf: only True/False count. */
static int tick_column(const tally_raw *raw, size_t c, int tf)
{
    static const char *const ticks[] = {"True", "False", "1", "0", "n/a",
                                        NULL};
    for (size_t r = raw->source.header_rows; r < raw->nrec; r++) {
        const char *s = tally__raw_text(raw, c, r);
        if (tally__is_blank(s) || !strcmp(s, "n/a"))
            continue;
        if (!tally__dl_in(s, ticks) || (tf && strcasecmp(s, "true") != 0 &&
                                        strcasecmp(s, "false") != 0))
            return 0;
    }
    return 1;
}

/* Is column c a choice column of the question `parent` (its name is
   parent + "/" + choice)? */
static int child_of(const tally_raw *raw, size_t c, const char *parent,
                    size_t len)
{
    const char *n = raw->cols[c].info.name;
    return !strncmp(n, parent, len) && n[len] == '/' && n[len + 1] &&
           !strchr(n + len + 1, '/');
}

/*
 * Choice columns from c on that share c's parent path: with the summary
 * column just before them any 1/0 columns; without it, True/False ones
 * (an onadata export's choice columns; plain 1/0 groups may be yes/no
 * questions). Returns how many, 0 when none.
 */
static size_t choice_run(const tally_raw *raw, size_t c, int *summary)
{
    const char *name = raw->cols[c].info.name;
    const char *slash = strrchr(name, '/');
    if (!slash)
        return 0;
    size_t len = (size_t)(slash - name), e = c;
    *summary = c > 0 && strlen(raw->cols[c - 1].info.name) == len &&
               !strncmp(raw->cols[c - 1].info.name, name, len);
    while (e < raw->ncols && child_of(raw, e, name, len) &&
           tick_column(raw, e, !*summary))
        e++;
    return e - c >= 2 || (*summary && e > c) ? e - c : 0;
}

/* XML names joined with single spaces ("red blue"): a summary column
   without choice columns. */
static int space_joined(const tally_raw *raw, size_t c)
{
    int joined = 0;
    for (size_t r = raw->source.header_rows; r < raw->nrec; r++) {
        const char *s = tally__raw_text(raw, c, r);
        if (tally__is_blank(s) || !strcmp(s, "n/a"))
            continue;
        for (const char *p = s; *p; p++)
            if (!isalnum((unsigned char)*p) && !strchr("_.- ", *p))
                return 0;
        if (s[0] == ' ' || strstr(s, "  ") || tally__dl_ends(s, " "))
            return 0;
        joined |= strchr(s, ' ') != NULL;
        for (const char *p = s; *p; p++)
            if (isupper((unsigned char)*p))
                return 0; /* labels, not XML names */
    }
    return joined;
}

static tally_status choices(tally_raw *raw, size_t c, size_t n, int summary)
{
    const char *name = raw->cols[c].info.name;
    size_t len = (size_t)(strrchr(name, '/') - name);
    const char *parent = tally__arena_strndup(raw->arena, name, len);
    if (!parent)
        return TALLY_ERR_NOMEM;
    if (summary)
        tally__dl_meta(raw, c - 1, "select_multiple summary (its choice "
                                   "columns are the question)");
    for (size_t i = c; i < c + n; i++) {
        tally_column *info = &raw->cols[i].info;
        info->role = TALLY_ROLE_OPTION;
        info->group = parent;
        info->text = parent;
        info->sub = last_segment(info->name);
    }
    return TALLY_OK;
}

/* "q_other" after the choices of q: the text of "or_other" (formats.md
   5.1), a text question of its own. */
static void other_text(tally_raw *raw, size_t c)
{
    const char *parent = c ? raw->cols[c - 1].info.group : NULL;
    size_t len = parent ? strlen(parent) : 0;
    if (c < raw->ncols && parent &&
        !strncmp(raw->cols[c].info.name, parent, len) &&
        !strcmp(raw->cols[c].info.name + len, "_other"))
        raw->cols[c].info.role = TALLY_ROLE_OTHER_TEXT;
}

/* Questions of one group ("grp/a", "grp/b"): the inference makes a
   matrix of them when they share their answers (Kobo's Likert tables
   are groups of select_one questions). -1 out of memory. */
static int group_siblings(tally_raw *raw)
{
    for (size_t c = 0; c < raw->ncols; c++) {
        tally_column *info = &raw->cols[c].info;
        const char *slash = strrchr(info->name, '/');
        if (info->role != TALLY_ROLE_ANSWER || !slash || info->group)
            continue;
        size_t len = (size_t)(slash - info->name), e = c + 1;
        while (e < raw->ncols && raw->cols[e].info.role == TALLY_ROLE_ANSWER &&
               child_of(raw, e, info->name, len))
            e++;
        if (e - c < 2)
            continue;
        const char *parent = tally__arena_strndup(raw->arena, info->name,
                                                  len);
        if (!parent)
            return -1;
        for (size_t i = c; i < e; i++) {
            raw->cols[i].info.group = parent;
            raw->cols[i].info.text = parent;
            raw->cols[i].info.sub = last_segment(raw->cols[i].info.name);
        }
        c = e - 1;
    }
    return 0;
}

tally_status tally__kobo_apply(tally_raw *raw, tally_error *err)
{
    raw->source.header_rows = 1;
    TALLY_TRY(tally__dl_name_columns(raw, NULL, err));
    size_t c = 0;
    while (c < raw->ncols) {
        tally_column *info = &raw->cols[c].info;
        int summary = 0;
        size_t n = 0;
        if (tally__dl_in(info->name, meta_names) ||
            tally__dl_starts(info->name, "_submission_") ||
            tally__dl_starts(info->name, "meta/"))
            tally__dl_meta(raw, c, "KoboToolbox/ODK submission metadata");
        else if (geo_part(info->name) || geopoint(raw, c))
            tally__dl_meta(raw, c, "location");
        else if ((n = choice_run(raw, c, &summary)) > 0) {
            if (choices(raw, c, n, summary) != TALLY_OK)
                return tally__nomem(err);
            c += n;
            other_text(raw, c);
            continue;
        } else if (space_joined(raw, c)) {
            info->role = TALLY_ROLE_JOINED;
            info->separator = " ";
        }
        c++;
    }
    return group_siblings(raw) == 0 ? TALLY_OK : tally__nomem(err);
}
