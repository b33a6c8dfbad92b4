/* accounting.c: the respondents add up in every table (accounting.h). */
#include <math.h>

#include "accounting.h"

/*
 * Equal up to rounding: weighted counts are sums of doubles added in a
 * different order on each side, so a relative 1e-9 (far above the
 * 2.2e-16 per addition of a million weights, far below one respondent
 * of weight 1e-3).
 */
static int adds_up(double total, double sum)
{
    if (!isfinite(total) || !isfinite(sum))
        return 0;
    return fabs(total - sum) <= 1e-9 * fmax(1.0, fabs(total));
}

tally_status tally__check_freq_item(const tally_freq_item *it,
                                    tally_error *err)
{
    if (adds_up(it->respondents, it->base + it->missing + it->no_answer))
        return TALLY_OK;
    return tally__fail(err, TALLY_ERR_INTERNAL,
                       "internal error: %s: %.17g respondents but base %.17g "
                       "+ missing %.17g + no answer %.17g (please report "
                       "this with the input)",
                       it->id, it->respondents, it->base, it->missing,
                       it->no_answer);
}

tally_status tally__check_xtab_table(const tally_xtab_table *t,
                                     tally_error *err)
{
    double sum = t->base + t->row_no_answer + t->row_missing +
                 t->col_no_answer + t->col_missing;
    if (adds_up(t->respondents, sum))
        return TALLY_OK;
    return tally__fail(err, TALLY_ERR_INTERNAL,
                       "internal error: %s by %s: %.17g respondents but "
                       "base %.17g + excluded %.17g + %.17g + %.17g + %.17g "
                       "(please report this with the input)",
                       t->row_id, t->col_id, t->respondents, t->base,
                       t->row_no_answer, t->row_missing, t->col_no_answer,
                       t->col_missing);
}
