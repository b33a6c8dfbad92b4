/*
 * write_xlsx.c: tables -> an Excel workbook (tally_tables_write_xlsx()).
 *
 * One worksheet per distinct sheet name, the tables stacked on it with a
 * blank row between them (xlsx_sheet.c renders them). Column widths are
 * planned over all the tables of a sheet before anything is written.
 */
#include <string.h>

#include "alloc.h"
#include "xlsx_internal.h"

typedef struct plan {
    tally__xsheet *sheets;
    char *names;        /* nsheets * TALLY__SHEET_NAME_CAP bytes      */
    size_t nsheets;
    size_t *sheet_of;   /* sheet index of each table                  */
} plan;

static size_t find_sheet(const plan *p, const char *raw)
{
    for (size_t s = p->nsheets; s-- > 0;)
        if (strcmp(p->sheets[s].raw, raw) == 0)
            return s;
    return p->nsheets;
}

static tally_status make_plan(tally__xlsx *x, const tally_tables *ts,
                              plan *p)
{
    size_t n = tally_tables_count(ts), cap = n ? n : 1;
    p->sheets = tally__calloc(cap, sizeof *p->sheets);
    p->sheet_of = tally__calloc(cap, sizeof *p->sheet_of);
    p->names = tally__calloc(cap, TALLY__SHEET_NAME_CAP);
    if (!p->sheets || !p->sheet_of || !p->names)
        return tally__nomem(x->err);
    for (size_t i = 0; i < n; i++) {
        const tally_table *t = tally_tables_get(ts, i);
        size_t s = find_sheet(p, tally_table_sheet(t));
        if (s == p->nsheets) {
            p->sheets[s].raw = tally_table_sheet(t);
            tally__xlsx_sheet_name(p->sheets[s].raw, s + 1, p->names, s,
                                   p->names + s * TALLY__SHEET_NAME_CAP);
            p->nsheets++;
        }
        p->sheet_of[i] = s;
        TALLY_TRY(tally__xlsx_widen(x, &p->sheets[s], t));
    }
    return TALLY_OK;
}

static tally_status write_sheet(tally__xlsx *x, const tally_tables *ts,
                                plan *p, size_t si)
{
    tally__xsheet *s = &p->sheets[si];
    TALLY_TRY(tally__xlsx_add_sheet(x, s,
                                    p->names + si * TALLY__SHEET_NAME_CAP));
    TALLY_TRY(tally__xlsx_setup_sheet(x, s));
    for (size_t i = 0; i < tally_tables_count(ts); i++)
        if (p->sheet_of[i] == si)
            TALLY_TRY(tally__xlsx_put_table(x, s, tally_tables_get(ts, i),
                                            NULL));
    return TALLY_OK;
}

static tally_status write_workbook(tally__xlsx *x, const tally_tables *ts,
                                   plan *p)
{
    TALLY_TRY(make_plan(x, ts, p));
    for (size_t s = 0; s < p->nsheets; s++)
        TALLY_TRY(write_sheet(x, ts, p, s));
    if (!p->nsheets && !workbook_add_worksheet(x->wb, "Sheet1"))
        return tally__nomem(x->err);
    return tally__xlsx_close(x);
}

tally_status tally_tables_write_xlsx(const tally_tables *ts, const char *path,
                                     const tally_write_opts *opts,
                                     tally_error *err)
{
    if (!ts || !path || !path[0])
        return tally__fail(err, TALLY_ERR_INVALID_ARG,
                           "write_xlsx: no tables or no path");
    tally__xlsx x;
    plan p = {0};
    tally_status st = tally__xlsx_begin(&x, path, opts, 0, err);
    if (st == TALLY_OK)
        st = write_workbook(&x, ts, &p);
    tally__xlsx_end(&x);
    for (size_t s = 0; s < p.nsheets; s++)
        tally__xsheet_free(&p.sheets[s]);
    tally__free(p.sheets);
    tally__free(p.names);
    tally__free(p.sheet_of);
    return st;
}
