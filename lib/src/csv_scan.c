/*
 * csv_scan.c: the CSV field scanner.
 *
 * RFC 4180 plus what Excel and the survey platforms really write
 * (../shared/formats.md section 1): BOMs, UTF-16 "Unicode text",
 * Windows-1252, sniffed delimiters, CRLF/LF/CR, quoted fields with line
 * breaks and doubled quotes, ragged rows, trailing delimiters, Excel's
 * "sep=;" line. Every error names the file, line and column.
 *
 * Speed: the input is one block (io_internal.h); unquoted fields are
 * hashed where they lie, eight bytes at a time, and stored as dictionary
 * ids (raw.h), so a field costs one scan and one hash probe. Large inputs
 * are split between two threads (csv_parallel.c).
 */
#include <string.h>


#include "alloc.h"
#include "csv.h"
#include "encoding.h"
#include "io_internal.h"
#include "utf8.h"

/* --- scanning ------------------------------------------------------------ */


/* First byte at or after q that matters inside quotes. */
static inline const unsigned char *scan_quoted(const tally__csv *c,
                                               const unsigned char *q)
{
    const unsigned char *end = c->end;
#if defined(__SSE2__)
    for (;;) {
        q = tally__csv_find16(q, end, '"');
        if (end - q < 16 || c->qstop[*q])
            break;
        q++;
    }
#endif
    while (q < end && !c->qstop[*q])
        q++;
    return q;
}


long tally__csv_column(const tally__csv *c, const unsigned char *at)
{
    return (long)tally__utf8_count((const char *)c->line_start,
                                   (size_t)(at - c->line_start)) + 1;
}

tally_status tally__csv_control_error(tally__csv *c, const unsigned char *at)
{
    if (*at == 0)
        return tally__fail_at(c->err, TALLY_ERR_PARSE, c->file, c->line,
                              tally__csv_column(c, at),
                              "NUL byte: this is not a text file (binary "
                              "data, or UTF-16 without a byte-order mark?)");
    return tally__fail_at(c->err, TALLY_ERR_PARSE, c->file, c->line,
                          tally__csv_column(c, at),
                          "control character U+%04X in text (binary data?)",
                          (unsigned)*at);
}

tally_status tally__csv_too_long(tally__csv *c, const unsigned char *at)
{
    return tally__fail_at(c->err, TALLY_ERR_LIMIT, c->file, c->line,
                          tally__csv_column(c, at),
                          "field longer than %zu bytes (the limit can be "
                          "raised with --max-field-size)",
                          c->max_field);
}

/* Copy a quoted field's content, undoubling quotes and turning CRLF and
   CR line breaks into LF, into c->scratch. */
static tally_status unescape(tally__csv *c, const unsigned char *s,
                             size_t n, size_t *out_len)
{
    if (TALLY__GROW(c->scratch, c->scratch_cap, n + 1) != 0)
        return tally__nomem(c->err);
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = s[i];
        if (b == '"')
            i++; /* the second of a doubled quote */
        else if (b == '\r') {
            b = '\n';
            if (i + 1 < n && s[i + 1] == '\n')
                i++;
        }
        c->scratch[o++] = b;
    }
    *out_len = o;
    return TALLY_OK;
}

tally_status tally__csv_quoted(tally__csv *c, const unsigned char **s,
                              size_t *len, int *term)
{
    const unsigned char *open = c->p, *q = open + 1, *end = c->end;
    /* Where the quote opened, for the error; the column is counted only
       if there is an error. */
    long open_line = c->line;
    const unsigned char *open_line_start = c->line_start;
    int copy = 0;
    for (;;) {
        q = scan_quoted(c, q);
        if (q >= end) {
            c->line = open_line;
            c->line_start = open_line_start;
            return tally__fail_at(c->err, TALLY_ERR_PARSE, c->file,
                                  open_line, tally__csv_column(c, open),
                                  "quoted field is never closed (a \" "
                                  "opened here has no matching \")");
        }
        if (*q == '"') {
            if (q + 1 < end && q[1] == '"') {
                copy = 1;
                q += 2;
                continue;
            }
            break;
        }
        if (*q == '\n' || *q == '\r') {
            copy |= *q == '\r';
            q += (*q == '\r' && q + 1 < end && q[1] == '\n') ? 2 : 1;
            c->line++;
            c->line_start = q;
            continue;
        }
        return tally__csv_control_error(c, q);
    }
    size_t n = (size_t)(q - open - 1);
    if (n > c->max_field)
        return tally__csv_too_long(c, open);
    *s = open + 1;
    *len = n;
    if (copy) {
        TALLY_TRY(unescape(c, open + 1, n, len));
        *s = c->scratch;
    }
    const unsigned char *after = q + 1;
    while (after < end && *after == ' ')
        after++;
    if (after < end && *after != c->delim && *after != '\n' &&
        *after != '\r')
        return tally__fail_at(c->err, TALLY_ERR_PARSE, c->file, c->line,
                              tally__csv_column(c, after),
                              "unexpected text after a closing quote "
                              "(expected a delimiter or the end of the "
                              "line; is a quote inside the field not "
                              "doubled?)");
    return tally__csv_finish(c, after, term);
}

void tally__csv_init(tally__csv *c, const char *file,
                     const unsigned char *p, const unsigned char *end,
                     unsigned char delim, size_t max_field, tally_error *err)
{
    memset(c, 0, sizeof *c);
    c->file = file;
    c->p = p;
    c->end = end;
    c->delim = delim;
    c->max_field = max_field;
    c->err = err;
    c->line = 1;
    c->line_start = p;
    for (int b = 0; b < 0x20; b++)
        c->stop[b] = c->qstop[b] = b != '\t';
    c->stop[delim] = 1;
    c->qstop['"'] = 1;
}

void tally__csv_destroy(tally__csv *c)
{
    tally__free(c->scratch);
    c->scratch = NULL;
    c->scratch_cap = 0;
}

/* --- the delimiter ------------------------------------------------------- */

/* Fields of each of the first records with delimiter d; -1 on a parse
   error. Returns the number of records seen (at most max). */
static int count_fields(const unsigned char *p, const unsigned char *end,
                        unsigned char d, size_t *fields, int max)
{
    tally__csv c;
    tally__csv_init(&c, "", p, end, d, (size_t)-1, NULL);
    int rec = 0;
    while (rec < max && c.p < end && (size_t)(c.p - p) < ((size_t)1 << 20)) {
        size_t n = 0;
        int term;
        do {
            const unsigned char *s;
            size_t len;
            if (tally__csv_field(&c, &s, &len, &term) != TALLY_OK) {
                tally__csv_destroy(&c);
                return rec ? rec : -1;
            }
            n++;
        } while (term == TALLY__CSV_DELIM);
        fields[rec++] = n;
    }
    tally__csv_destroy(&c);
    return rec;
}

/*
 * Pick the delimiter among ',', ';' and tab that splits the header into
 * the most fields while the next records have the same number of fields
 * (formats.md 1.2: quote-aware, over logical records).
 */
unsigned char tally__csv_sniff(const unsigned char *p,
                               const unsigned char *end)
{
    static const unsigned char candidates[] = {',', ';', '\t'};
    unsigned char best = ',';
    long best_score = -1;
    for (size_t i = 0; i < sizeof candidates; i++) {
        size_t fields[6];
        int n = count_fields(p, end, candidates[i], fields, 6);
        if (n <= 0 || fields[0] < 2)
            continue;
        long consistent = 0;
        for (int r = 1; r < n; r++)
            consistent += fields[r] == fields[0] ||
                          fields[r] == fields[0] + 1;
        long score = consistent * 100000 + (long)fields[0];
        if (n > 1 && consistent == 0)
            score = 0;
        if (score > best_score) {
            best_score = score;
            best = candidates[i];
        }
    }
    return best;
}
