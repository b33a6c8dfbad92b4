/*
 * raw_build.c: filling a raw table cell by cell, for the readers whose
 * input is not delimited text (XLSX sheets, SPSS and Stata files): their
 * cells arrive one at a time and the number of columns may grow as the
 * rows are read (an XLSX row may be wider than the header).
 */
#include "alloc.h"
#include "raw_build.h"

int tally__raw_add_columns(tally_raw *raw, size_t ncols)
{
    if (ncols <= raw->ncols)
        return 0;
    tally__rawcol *cols = tally__reallocarray(raw->cols, ncols, sizeof *cols);
    if (!cols)
        return -1;
    raw->cols = cols;
    for (size_t c = raw->ncols; c < ncols; c++) {
        tally__rawcol *col = &cols[c];
        memset(col, 0, sizeof *col);
        col->width = 1;
        col->cap = raw->rec_cap;
        /* Earlier records have no cell in the new column: id 0, "". */
        col->ids = tally__calloc(raw->rec_cap ? raw->rec_cap : 1, 1);
        if (!col->ids || tally__strdict_init(&col->dict) != 0 ||
            tally__strdict_intern(&col->dict, raw->arena, "", 0, NULL) != 0) {
            tally__free(col->ids);
            tally__strdict_destroy(&col->dict);
            return -1;
        }
        raw->ncols = c + 1;
    }
    return 0;
}

/* Grow by half: the record count is not known in advance, and a
   declared count (an SPSS header) is not trusted. */
static size_t next_cap(const tally_raw *raw)
{
    return raw->rec_cap < 64 ? 64 : raw->rec_cap + raw->rec_cap / 2;
}

int tally__raw_record_fits(const tally_raw *raw)
{
    size_t extra = 0;
    if (!raw->max_bytes)
        return 1;
    if (raw->nrec == raw->rec_cap)
        extra = (next_cap(raw) - raw->rec_cap) * tally__raw_record_bytes(raw);
    else if (raw->nrec & 1023)
        return 1; /* the cells' dictionaries: every 1024 records */
    return tally__raw_budget(raw, extra, NULL, 0, NULL) == TALLY_OK;
}

int tally__raw_add_record(tally_raw *raw, long line)
{
    if (raw->nrec == raw->rec_cap) {
        if (tally__raw_reserve(raw, next_cap(raw)) != 0)
            return -1;
    }
    size_t rec = raw->nrec++;
    raw->lines[rec] = line;
    for (size_t c = 0; c < raw->ncols; c++)
        if (tally__rawcol_set(&raw->cols[c], rec, 0) != 0)
            return -1;
    return 0;
}

int tally__raw_set_last(tally_raw *raw, size_t c, const char *s, size_t len)
{
    tally__rawcol *col = &raw->cols[c];
    long id = 0;
    if (len) {
        id = col->dict.count >= TALLY__SATURATED
                 ? tally__strdict_append(&col->dict, raw->arena, s, len)
                 : tally__strdict_intern(&col->dict, raw->arena, s, len,
                                         NULL);
        if (id < 0)
            return -1;
    }
    return tally__rawcol_set(col, raw->nrec - 1, (uint32_t)id);
}

void tally__raw_drop_empty_columns(tally_raw *raw)
{
    while (raw->ncols > 1 && raw->cols[raw->ncols - 1].dict.count == 1) {
        tally__rawcol *c = &raw->cols[--raw->ncols];
        tally__strdict_destroy(&c->dict);
        tally__free(c->ids);
        c->ids = NULL;
    }
}
