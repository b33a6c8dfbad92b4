/*
 * dialect.c: which platform laid out an export, and its dialect applied
 * (DESIGN.md 1; formats.md 8). Each platform's layout is in its own file:
 * dialect_qualtrics.c, dialect_surveymonkey.c, dialect_google.c,
 * dialect_kobo.c, dialect_limesurvey.c; dialect_common.c has what they
 * share.
 *
 * Detection looks at the first header records only, in the order of
 * formats.md 8: the first rule that fires wins, from the most specific
 * signature (Qualtrics' ImportId row) to the least (SurveyMonkey's
 * "Response" row without metadata).
 */
#include <string.h>

#include "dialect.h"

static tally_dialect detect(const tally_raw *raw)
{
    if (tally__qualtrics_detect(raw))
        return TALLY_DIALECT_QUALTRICS;
    if (tally__kobo_detect(raw))
        return TALLY_DIALECT_KOBO;
    if (tally__limesurvey_detect(raw))
        return TALLY_DIALECT_LIMESURVEY;
    if (tally__google_detect(raw))
        return TALLY_DIALECT_GOOGLE_FORMS;
    if (tally__surveymonkey_detect(raw))
        return TALLY_DIALECT_SURVEYMONKEY;
    return TALLY_DIALECT_PLAIN;
}

tally_status tally__plain_apply(tally_raw *raw, tally_error *err)
{
    raw->source.header_rows = 1;
    TALLY_TRY(tally__dl_name_columns(raw, NULL, err));
    for (size_t c = 0; c < raw->ncols; c++)
        if (tally__dl_split_brackets(raw, c, raw->cols[c].info.name) < 0)
            return tally__nomem(err);
    return TALLY_OK;
}

tally_status tally__dialect_apply_opts(tally_raw *raw,
                                       const tally_read_opts *opts,
                                       tally_error *err)
{
    tally_dialect d = opts ? opts->dialect : TALLY_DIALECT_AUTO;
    if ((unsigned)d >= TALLY_DIALECT_COUNT)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "unknown dialect");
    if (d == TALLY_DIALECT_AUTO)
        d = detect(raw);
    raw->source.dialect = d;
    raw->source.layout = NULL;
    switch (d) {
    case TALLY_DIALECT_SURVEYMONKEY:
        return tally__surveymonkey_apply(raw, err);
    case TALLY_DIALECT_QUALTRICS:
        return tally__qualtrics_apply(raw, opts && opts->all_responses, err);
    case TALLY_DIALECT_GOOGLE_FORMS:
        return tally__google_apply(raw, err);
    case TALLY_DIALECT_KOBO:
        return tally__kobo_apply(raw, err);
    case TALLY_DIALECT_LIMESURVEY:
        return tally__limesurvey_apply(raw, err);
    default:
        return tally__plain_apply(raw, err);
    }
}

tally_status tally__dialect_apply(tally_raw *raw, tally_dialect d,
                                  tally_error *err)
{
    tally_read_opts o = {.dialect = d};
    return tally__dialect_apply_opts(raw, &o, err);
}
