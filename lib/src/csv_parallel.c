/*
 * csv_parallel.c: read the data records of a large CSV with two threads.
 *
 * The second half starts at the first line break after the midpoint that
 * lies outside quotes, judged by the parity of the quotes before it (a
 * quoted field may hold line breaks, so a line break is not always a
 * record end). That guess is checked, not trusted: the first thread
 * parses up to the guessed start and must land exactly on it. If it does
 * not (a stray quote in an unquoted field upsets the parity), the second
 * thread's work is thrown away and the first thread reads on to the end,
 * so the result is always that of a sequential parse.
 *
 * The halves have their own raw tables (own dictionaries and arenas, no
 * shared state); the second is appended to the first with its ids mapped
 * into the first's dictionaries.
 */
#include <pthread.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "alloc.h"
#include "csv_records.h"
#include "parallel.h"

/* Below this the second thread costs more than it saves. */
#define PARALLEL_MIN ((size_t)32 << 20)

/* Number of '"' bytes in [p, end): only its parity matters, so the
   count is kept modulo 256 per byte lane (SSE2: 16 lanes at a time). */
static size_t count_quotes(const unsigned char *p, const unsigned char *end)
{
    size_t n = 0;
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    __m128i acc = _mm_setzero_si128();
    for (; end - p >= 16; p += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)p);
        acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(x, quote));
    }
    unsigned char lanes[16];
    _mm_storeu_si128((__m128i *)lanes, acc);
    for (int i = 0; i < 16; i++)
        n += lanes[i];
#endif
    for (; p < end; p++)
        n += *p == '"';
    return n;
}

/* First byte after a line break at or after mid that is outside quotes
   if the quotes in [from, mid) are balanced as `parity` says; NULL if
   none. */
static const unsigned char *guess_start(const unsigned char *from,
                                        const unsigned char *mid,
                                        const unsigned char *end)
{
    int inside = (int)(count_quotes(from, mid) & 1);
    for (const unsigned char *p = mid; p < end; p++) {
        if (*p == '"')
            inside = !inside;
        else if (!inside && (*p == '\n' || *p == '\r')) {
            p += (*p == '\r' && p + 1 < end && p[1] == '\n') ? 2 : 1;
            return p < end ? p : NULL;
        }
    }
    return NULL;
}

typedef struct part {
    tally__csvrec rec;
    tally_error err;
    tally_status status;
    atomic_int cancel;
    /* The second thread guesses its start itself (reading half the file
       for the quote parity), while the first is already parsing. */
    const unsigned char *from, *mid, *end;
    pthread_mutex_t lock;
    pthread_cond_t guessed_cond;
    int guessed;
    const unsigned char *start; /* NULL: no place to split */
} part;

static void publish_start(part *pt, const unsigned char *start)
{
    pthread_mutex_lock(&pt->lock);
    pt->start = start;
    pt->guessed = 1;
    pthread_cond_signal(&pt->guessed_cond);
    pthread_mutex_unlock(&pt->lock);
}

static const unsigned char *wait_start(part *pt)
{
    pthread_mutex_lock(&pt->lock);
    while (!pt->guessed)
        pthread_cond_wait(&pt->guessed_cond, &pt->lock);
    const unsigned char *start = pt->start;
    pthread_mutex_unlock(&pt->lock);
    return start;
}

static void *parse_part(void *arg)
{
    part *pt = arg;
    const unsigned char *start = guess_start(pt->from, pt->mid, pt->end);
    publish_start(pt, start);
    if (!start)
        return NULL;
    tally__csv_init(&pt->rec.csv, pt->rec.csv.file, start, pt->end,
                    pt->rec.csv.delim, pt->rec.csv.max_field, &pt->err);
    pt->rec.begin = pt->rec.released = start;
    pt->status = tally__csv_records(&pt->rec, pt->end, &pt->cancel);
    return NULL;
}

/* The second part's state, before its thread starts. */
static tally_status setup_part(tally__csvrec *r, part *pt)
{
    memset(pt, 0, sizeof *pt);
    atomic_init(&pt->cancel, 0);
    pt->rec = *r;
    pt->rec.raw = tally__raw_new(r->raw->ncols);
    if (pt->rec.raw)
        pt->rec.raw->max_bytes = r->raw->max_bytes;
    if (!pt->rec.raw || tally__raw_reserve(pt->rec.raw, 1024) != 0) {
        tally_raw_free(pt->rec.raw);
        return tally__nomem(r->csv.err);
    }
    pt->from = r->csv.p;
    pt->end = r->csv.end;
    /* A little past the middle: the second thread first reads up to here
       to find its start, so the halves end together (measured on the
       1M-row benchmark: 0.2 s of waiting at 50 %). */
    pt->mid = pt->from + (pt->end - pt->from) / 100 * 53;
    pt->rec.csv.scratch = NULL;
    pt->rec.csv.scratch_cap = 0;
    pt->rec.first_rec = 0;
    pt->rec.opts.progress = NULL;
    memset(&pt->rec.blank_lines, 0, sizeof pt->rec.blank_lines);
    memset(&pt->rec.short_rows, 0, sizeof pt->rec.short_rows);
    memset(&pt->rec.extra_empty, 0, sizeof pt->rec.extra_empty);
    pthread_mutex_init(&pt->lock, NULL);
    pthread_cond_init(&pt->guessed_cond, NULL);
    return TALLY_OK;
}

/* Map the ids of column c of `from` into `into`'s dictionary and append
   them after into's records. */
static int append_column(tally_raw *into, const tally_raw *from, size_t c,
                         size_t base)
{
    tally__rawcol *dst = &into->cols[c];
    const tally__rawcol *src = &from->cols[c];
    uint32_t *map = tally__calloc(src->dict.count, sizeof *map), max = 0;
    if (!map)
        return -1;
    for (size_t id = 0; id < src->dict.count; id++) {
        /* The strings stay where they are: append_part() moves the
           second part's arena into the first's. */
        const char *s = tally__strdict_str(&src->dict, id);
        size_t len = tally__strdict_len(&src->dict, id);
        long v = id && dst->dict.count >= TALLY__SATURATED
                     ? tally__strdict_append_ref(&dst->dict, s, len)
                     : tally__strdict_intern_ref(&dst->dict, s, len);
        if (v < 0) {
            tally__free(map);
            return -1;
        }
        map[id] = (uint32_t)v;
        max = map[id] > max ? map[id] : max;
    }
    int rc = tally__rawcol_append_mapped(dst, base, src, from->nrec, map,
                                         max);
    tally__free(map);
    return rc;
}

static tally_status append_part(tally__csvrec *r, part *pt, long offset)
{
    tally_raw *into = r->raw, *from = pt->rec.raw;
    size_t base = into->nrec;
    if (from->nrec > r->max_records - (base - r->first_rec))
        return tally__fail_at(r->csv.err, TALLY_ERR_LIMIT, r->csv.file,
                              from->lines[0] + offset, 1,
                              "more than %zu rows (the limit can be "
                              "raised with --max-rows)",
                              r->max_records);
    /* Each half kept within the limit; together they may not. */
    TALLY_TRY(tally__raw_budget(into, tally__raw_bytes(from),
                                r->csv.file, from->lines[0] + offset,
                                r->csv.err));
    if (tally__raw_reserve(into, base + from->nrec) != 0)
        return tally__nomem(r->csv.err);
    for (size_t c = 0; c < into->ncols; c++)
        if (append_column(into, from, c, base) != 0)
            return tally__nomem(r->csv.err);
    for (size_t i = 0; i < from->nrec; i++)
        into->lines[base + i] = from->lines[i] + offset;
    into->nrec += from->nrec;
    tally__arena_adopt(into->arena, from->arena);
    from->arena = tally__arena_new(); /* tally_raw_free() expects one */
    if (!from->arena)
        return tally__nomem(r->csv.err);
    tally__csv_merge_lists(r, &pt->rec, offset);
    return TALLY_OK;
}

/* The second half failed: report its error at the right line. */
static tally_status part_error(tally__csvrec *r, part *pt, long offset)
{
    if (pt->rec.bad_utf8) {
        r->bad_utf8 = 1;
        r->bad_line = pt->rec.bad_line + offset;
        r->bad_col = pt->rec.bad_col;
    }
    if (r->csv.err) {
        *r->csv.err = pt->err;
        if (r->csv.err->line)
            r->csv.err->line += offset;
    }
    return pt->status;
}

/* Parse to the midpoint, then to the second thread's start: a sequential
   parse lands exactly there when the guess was right. */
static tally_status read_first_half(tally__csvrec *r, part *pt,
                                    const unsigned char **start)
{
    tally_status st = tally__csv_records(r, pt->mid, NULL);
    *start = wait_start(pt);
    if (st == TALLY_OK && *start && r->csv.p < *start)
        st = tally__csv_records(r, *start, NULL);
    return st;
}

static tally_status read_two(tally__csvrec *r)
{
    part pt;
    TALLY_TRY(setup_part(r, &pt));
    pthread_t thread;
    tally_status st;
    if (pthread_create(&thread, NULL, parse_part, &pt) != 0) {
        st = tally__csv_records(r, r->csv.end, NULL);
    } else {
        const unsigned char *start;
        st = read_first_half(r, &pt, &start);
        int joined = st == TALLY_OK && start && r->csv.p == start;
        if (!joined)
            atomic_store(&pt.cancel, 1);
        pthread_join(thread, NULL);
        long offset = r->csv.line - 1;
        if (joined)
            st = pt.status != TALLY_OK ? part_error(r, &pt, offset)
                                       : append_part(r, &pt, offset);
        else if (st == TALLY_OK) /* no split, or a wrong guess: read on */
            st = tally__csv_records(r, r->csv.end, NULL);
    }
    pthread_cond_destroy(&pt.guessed_cond);
    pthread_mutex_destroy(&pt.lock);
    tally__csv_destroy(&pt.rec.csv);
    tally_raw_free(pt.rec.raw);
    return st;
}

tally_status tally__csv_read_data(tally__csvrec *r, int threads)
{
    size_t size = (size_t)(r->csv.end - r->csv.p);
    if (threads == 1 || size < PARALLEL_MIN ||
        (threads == 0 && tally__default_threads() < 2))
        return tally__csv_records(r, r->csv.end, NULL);
    return read_two(r);
}
