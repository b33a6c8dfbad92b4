/* annex_chart.h: the charts of the annex workbook (annex_chart.c). */
#ifndef TALLY_ANNEX_CHART_H
#define TALLY_ANNEX_CHART_H

#include "annex_internal.h"
#include "xlsx_internal.h"

/*
 * Chart c of the table whose header row is `head` on sheet s (named
 * `sheet`), inserted below the table at s->row + 1; s->row moves past it.
 */
tally_status tally__annex_chart(tally__xlsx *x, tally__xsheet *s,
                                const char *sheet, const tally__chart *c,
                                lxw_row_t head);

#endif /* TALLY_ANNEX_CHART_H */
