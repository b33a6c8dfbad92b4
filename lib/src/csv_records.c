/*
 * csv_records.c: CSV records -> raw table columns, and tally_read_csv().
 *
 * No row is dropped silently: blank lines inside the data are skipped
 * with a note naming them, short rows are padded (noted), extra fields
 * beyond the header are accepted only when empty (noted), and anything
 * else is an error with its line and column.
 */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "csv.h"
#include "csv_records.h"
#include "encoding.h"
#include "io_internal.h"
#include "utf8.h"

#define MAX_LISTED TALLY__LISTED
/* Release read pages in large steps: each release is a TLB shootdown
   on every core running the reader. */
#define RELEASE_STEP ((size_t)64 << 20)

typedef tally__line_list line_list;

static void list_add(line_list *l, long line)
{
    if (l->count < MAX_LISTED)
        l->at[l->count] = line;
    l->count++;
}

/* Where the field being stored started, for error messages. */
typedef struct field_pos {
    long line;
    const unsigned char *start, *line_start;
} field_pos;

static long pos_column(const field_pos *f)
{
    return (long)tally__utf8_count((const char *)f->line_start,
                                   (size_t)(f->start - f->line_start)) + 1;
}

static tally_status bad_utf8(tally__csvrec *r, const field_pos *f,
                             const unsigned char *s, size_t bad)
{
    long line = f->line, col = pos_column(f);
    for (size_t i = 0; i < bad; i++) {
        if (s[i] == '\n') {
            line++;
            col = 1;
        } else if ((s[i] & 0xC0) != 0x80) {
            col++;
        }
    }
    r->bad_utf8 = 1;
    r->bad_line = line;
    r->bad_col = col;
    return tally__fail_at(r->csv.err, TALLY_ERR_ENCODING, r->csv.file, line,
                          col, "invalid UTF-8 byte 0x%02X: expected UTF-8 "
                          "text (--encoding windows-1252 reads the file "
                          "as Windows-1252)",
                          s[bad]);
}

/* A value not found by length: look it up (or add it) in the column's
   dictionary, check new values are UTF-8, remember it by length. */
static tally_status store_slow(tally__csvrec *r, tally__rawcol *rc,
                               size_t rec, const unsigned char *s,
                               size_t len, const field_pos *f)
{
    int added = 1;
    long v = rc->dict.count >= TALLY__SATURATED
                 ? tally__strdict_append(&rc->dict, r->raw->arena,
                                         (const char *)s, len)
                 : tally__strdict_intern(&rc->dict, r->raw->arena,
                                         (const char *)s, len, &added);
    if (v < 0)
        return tally__nomem(r->csv.err);
    size_t bad;
    if (added && r->check_utf8 &&
        !tally__utf8_valid((const char *)s, len, &bad))
        return bad_utf8(r, f, s, bad);
    uint32_t id = (uint32_t)v;
    if (len < TALLY__LEN_CACHE) {
        struct tally__len_entry *e = &rc->by_len[len];
        e->str = tally__strdict_str(&rc->dict, id);
        e->id = id;
        memset(e->head, 0, sizeof e->head);
        memcpy(e->head, e->str, len < 16 ? len : 16);
    }
    return tally__rawcol_set(rc, rec, id) == 0 ? TALLY_OK
                                               : tally__nomem(r->csv.err);
}

/* Store a field as the id of its value: inlined into the record loop,
   since most fields are a value seen before that the length cache finds
   with one comparison. */
static inline __attribute__((always_inline)) tally_status
store(tally__csvrec *r, size_t col, size_t rec, const unsigned char *s,
      size_t len, const field_pos *f)
{
    tally__rawcol *rc = &r->raw->cols[col];
    uint32_t id = 0;
    if (len && len < TALLY__LEN_CACHE) {
        const struct tally__len_entry *e = &rc->by_len[len];
        /* An unescaped quoted field lives in the scratch buffer, not in
           the input: only its len bytes are readable there. */
        const unsigned char *end =
            s == r->csv.scratch ? s + len : r->csv.end;
        if (e->str && tally__len_entry_is(e, s, len, end))
            id = e->id;
    }
    if (len && !id)
        return store_slow(r, rc, rec, s, len, f);
    if (rc->width == 1 && id < 256) {
        rc->ids[rec] = (unsigned char)id;
        return TALLY_OK;
    }
    return tally__rawcol_set(rc, rec, id) == 0 ? TALLY_OK
                                               : tally__nomem(r->csv.err);
}

static tally_status extra_field(tally__csvrec *r, const field_pos *f,
                                size_t index)
{
    return tally__fail_at(r->csv.err, TALLY_ERR_PARSE, r->csv.file, f->line,
                          pos_column(f),
                          "this row has more fields than the header "
                          "(%zu columns): field %zu is not empty",
                          r->raw->ncols, index + 1);
}

/* One record into row rec. */
static tally_status parse_record(tally__csvrec *r, size_t rec)
{
    tally__csv *c = &r->csv;
    size_t ncols = r->raw->ncols, col = 0;
    int term, extra = 0;
    do {
        field_pos f = {c->line, c->p, c->line_start};
        const unsigned char *s;
        size_t len;
        TALLY_TRY(tally__csv_field(c, &s, &len, &term));
        if (col < ncols)
            TALLY_TRY(store(r, col, rec, s, len, &f));
        else if (len)
            return extra_field(r, &f, col);
        else
            extra = 1;
        col++;
    } while (term == TALLY__CSV_DELIM);
    if (extra)
        list_add(&r->extra_empty, r->raw->lines[rec]);
    if (col < ncols) {
        list_add(&r->short_rows, r->raw->lines[rec]);
        for (; col < ncols; col++)
            TALLY_TRY(store(r, col, rec, NULL, 0, NULL));
    }
    return TALLY_OK;
}

static int only_line_breaks(const unsigned char *p, const unsigned char *end)
{
    while (p < end && (*p == '\n' || *p == '\r'))
        p++;
    return p == end;
}

/* At a blank line: skip it (noted) unless the table has one column, where
   a blank line is an empty answer. Blank lines at the end are ignored.
   Returns 1 when the line was consumed. */
static int skip_blank_line(tally__csvrec *r)
{
    tally__csv *c = &r->csv;
    if (only_line_breaks(c->p, c->end)) {
        c->p = c->end;
        return 1;
    }
    if (r->raw->ncols == 1)
        return 0;
    list_add(&r->blank_lines, c->line);
    c->p += (*c->p == '\r' && c->p + 1 < c->end && c->p[1] == '\n') ? 2 : 1;
    c->line++;
    c->line_start = c->p;
    return 1;
}

static void progress(tally__csvrec *r)
{
    const unsigned char *p = r->csv.p;
    if ((size_t)(p - r->released) < RELEASE_STEP)
        return;
    if (r->io)
        tally__io_release(r->io, (size_t)(r->released - r->io_base),
                          (size_t)(p - r->io_base));
    r->released = p;
    if (r->opts.progress)
        r->opts.progress(r->opts.progress_ctx,
                         (double)(p - r->begin) /
                             (double)(r->csv.end - r->begin));
}

/* Records to make room for: those read so far plus the rest of the input
   at the bytes per record seen so far, with a margin; doubling at first. */
static size_t estimate_records(const tally__csvrec *r, size_t rec)
{
    const tally__csv *c = &r->csv;
    size_t done = rec - r->first_rec, used = (size_t)(c->p - r->begin);
    if (done < 256 || !used)
        return rec * 2 + 1024;
    double per = (double)used / (double)done;
    double left = (double)(size_t)(c->end - c->p) / per;
    return rec + (size_t)(left * 1.1) + 1024;
}

tally_status tally__csv_records_one(tally__csvrec *r)
{
    TALLY_TRY(parse_record(r, r->raw->nrec));
    r->raw->nrec++;
    return TALLY_OK;
}

tally_status tally__csv_records(tally__csvrec *r, const unsigned char *limit,
                                const atomic_int *cancel)
{
    tally__csv *c = &r->csv;
    tally_raw *raw = r->raw;
    while (c->p < limit) {
        if (cancel && atomic_load_explicit(cancel, memory_order_relaxed))
            return TALLY_OK;
        if ((*c->p == '\n' || *c->p == '\r') && skip_blank_line(r))
            continue;
        size_t rec = raw->nrec;
        if (rec - r->first_rec >= r->max_records)
            return tally__fail_at(c->err, TALLY_ERR_LIMIT, c->file, c->line,
                                  1, "more than %zu rows (the limit can be "
                                  "raised with --max-rows)",
                                  r->max_records);
        if (rec >= raw->rec_cap) {
            size_t want = estimate_records(r, rec);
            TALLY_TRY(tally__raw_budget(raw, (want - raw->rec_cap) *
                                                 tally__raw_record_bytes(raw),
                                        c->file, c->line, c->err));
            if (tally__raw_reserve(raw, want) != 0)
                return tally__nomem(c->err);
        } else if ((rec & 1023) == 0) {
            /* The cells' dictionaries grow between reservations. */
            TALLY_TRY(tally__raw_budget(raw, 0, c->file, c->line, c->err));
        }
        raw->lines[rec] = c->line;
        TALLY_TRY(parse_record(r, rec));
        raw->nrec++;
        progress(r);
    }
    return TALLY_OK;
}

static int note_lines(tally_raw *raw, const line_list *l, const char *what)
{
    if (!l->count)
        return 0;
    char lines[128] = "";
    size_t n = 0;
    for (size_t i = 0; i < l->count && i < MAX_LISTED; i++)
        n += (size_t)snprintf(lines + n, sizeof lines - n, "%s%ld",
                              i ? ", " : "", l->at[i]);
    return tally__raw_note(raw, "%zu %s: line%s %s%s", l->count, what,
                           l->count > 1 ? "s" : "", lines,
                           l->count > MAX_LISTED ? ", ..." : "");
}

int tally__csv_notes(tally__csvrec *r)
{
    tally_raw *raw = r->raw;
    if (note_lines(raw, &r->blank_lines, "blank line(s) skipped") ||
        note_lines(raw, &r->short_rows,
                   "row(s) shorter than the header, padded with empty "
                   "cells") ||
        note_lines(raw, &r->extra_empty,
                   "row(s) with empty fields beyond the header, ignored"))
        return -1;
    return 0;
}

void tally__csv_merge_lists(tally__csvrec *into, const tally__csvrec *from,
                            long line_offset)
{
    const line_list *src[] = {&from->blank_lines, &from->short_rows,
                              &from->extra_empty};
    line_list *dst[] = {&into->blank_lines, &into->short_rows,
                        &into->extra_empty};
    for (size_t k = 0; k < 3; k++) {
        for (size_t i = 0; i < src[k]->count && i < MAX_LISTED; i++)
            list_add(dst[k], src[k]->at[i] + line_offset);
        if (src[k]->count > MAX_LISTED)
            dst[k]->count += src[k]->count - MAX_LISTED;
    }
}
