/*
 * accounting.h: the invariant every table keeps (DESIGN.md, freq.h,
 * xtab.h): no respondent is lost between the dataset and a table.
 * Checked after each table is computed, in every build; a violation is a
 * bug in tally, reported as TALLY_ERR_INTERNAL (the library never aborts).
 */
#ifndef TALLY_ACCOUNTING_H
#define TALLY_ACCOUNTING_H

#include "common.h"

/* respondents = base + missing + no_answer. */
tally_status tally__check_freq_item(const tally_freq_item *it,
                                    tally_error *err);

/* respondents = base + row_no_answer + row_missing + col_no_answer +
   col_missing. */
tally_status tally__check_xtab_table(const tally_xtab_table *t,
                                     tally_error *err);

#endif /* TALLY_ACCOUNTING_H */
