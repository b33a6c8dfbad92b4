/*
 * dialect_google.c: Google Forms response sheets (formats.md 4).
 *
 * One header row: "Timestamp" (localised in non-English sheets), then
 * "Email Address" or "Score" when the form collects them, then one column
 * per question titled with the question; grids as "Question [Row]".
 * Checkbox answers are joined with ", " in one cell; the inference
 * (infer_multi.c) splits them by matching known options longest first.
 */
#include <string.h>

#include "dialect.h"

/* First header cells of Google Forms sheets, by locale (formats.md 4). */
static const char *const timestamp_words[] = {
    "Timestamp", "Marca temporal", "Horodateur", "Zeitstempel",
    "Carimbo de data/hora", "Informazioni cronologiche", NULL};

int tally__google_detect(const tally_raw *raw)
{
    return raw->ncols > 0 &&
           tally__dl_in(tally__dl_cell(raw, 0, 0), timestamp_words);
}

tally_status tally__google_apply(tally_raw *raw, tally_error *err)
{
    static const char *const meta[] = {"Email Address", "Email",
                                       "Username", NULL};
    TALLY_TRY(tally__plain_apply(raw, err));
    for (size_t c = 0; c < raw->ncols; c++) {
        const char *name = raw->cols[c].info.name;
        if (c == 0 && tally__dl_in(name, timestamp_words))
            tally__dl_meta(raw, c, NULL); /* "platform metadata" */
        else if (tally__dl_in(name, meta))
            tally__dl_meta(raw, c, "e-mail address");
        else if (!strcmp(name, "Score"))
            tally__dl_meta(raw, c, "quiz score");
    }
    return TALLY_OK;
}
