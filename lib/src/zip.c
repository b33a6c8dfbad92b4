/*
 * zip.c: ZIP archives in memory through minizip (zip.h).
 *
 * minizip reads through a table of file callbacks (ioapi.h); ours read
 * the bytes the tally_io already holds, so nothing is written to disk.
 */
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include <unzip.h>

#include "alloc.h"
#include "zip.h"

/* Defaults of tally_read_opts.max_unzip_bytes and max_unzip_ratio. */
#define DEFAULT_MAX_BYTES ((unsigned long long)1 << 30)
#define DEFAULT_MAX_RATIO 200u
/* Entries smaller than this are never refused for their ratio: a short
   sheet of repeated cells compresses far better than a large one. */
#define RATIO_FLOOR ((unsigned long long)1 << 20)
/* More entries than any workbook or download has. */
#define MAX_ENTRIES 65536u
#define CHUNK 65536u

typedef struct mem {
    const unsigned char *p;
    size_t n, pos;
} mem;

typedef struct entry {
    char *name;
    unsigned long long size, packed;
    unz64_file_pos pos;
} entry;

struct tally__zip {
    mem m;
    unzFile uf;
    const char *file;
    entry *e;
    size_t n, cap;
    unsigned long long max_bytes, inflated;
    unsigned max_ratio;
};

/* --- minizip's file callbacks over memory ------------------------------- */

static voidpf ZCALLBACK mem_open(voidpf opaque, const void *name, int mode)
{
    (void)name;
    (void)mode;
    ((mem *)opaque)->pos = 0;
    return opaque;
}

static uLong ZCALLBACK mem_read(voidpf opaque, voidpf stream, void *buf,
                                uLong size)
{
    mem *m = stream;
    (void)opaque;
    size_t left = m->n - m->pos;
    size_t k = size < left ? (size_t)size : left;
    memcpy(buf, m->p + m->pos, k);
    m->pos += k;
    return (uLong)k;
}

static uLong ZCALLBACK mem_write(voidpf opaque, voidpf stream,
                                 const void *buf, uLong size)
{
    (void)opaque;
    (void)stream;
    (void)buf;
    (void)size;
    return 0; /* read-only */
}

static ZPOS64_T ZCALLBACK mem_tell(voidpf opaque, voidpf stream)
{
    (void)opaque;
    return ((mem *)stream)->pos;
}

static long ZCALLBACK mem_seek(voidpf opaque, voidpf stream, ZPOS64_T off,
                               int origin)
{
    mem *m = stream;
    (void)opaque;
    uint64_t base = origin == ZLIB_FILEFUNC_SEEK_SET   ? 0
                    : origin == ZLIB_FILEFUNC_SEEK_CUR ? m->pos
                                                       : m->n;
    if (off > m->n || base + off > m->n)
        return -1;
    m->pos = (size_t)(base + off);
    return 0;
}

static int ZCALLBACK mem_close(voidpf opaque, voidpf stream)
{
    (void)opaque;
    (void)stream;
    return 0;
}

static int ZCALLBACK mem_error(voidpf opaque, voidpf stream)
{
    (void)opaque;
    (void)stream;
    return 0;
}

/* --- the directory -------------------------------------------------------- */

static tally_status list_entries(tally__zip *z, tally_error *err)
{
    int rc = unzGoToFirstFile(z->uf);
    while (rc == UNZ_OK) {
        unz_file_info64 fi;
        char name[1024];
        if (unzGetCurrentFileInfo64(z->uf, &fi, name, sizeof name, NULL, 0,
                                    NULL, 0) != UNZ_OK)
            break;
        if (z->n >= MAX_ENTRIES)
            return tally__fail_at(err, TALLY_ERR_LIMIT, z->file, 0, 0,
                                  "the archive has more than %u entries",
                                  MAX_ENTRIES);
        if (TALLY__GROW(z->e, z->cap, z->n + 1) != 0)
            return tally__nomem(err);
        entry *e = &z->e[z->n];
        e->name = tally__strdup(name);
        if (!e->name)
            return tally__nomem(err);
        z->n++;
        e->size = fi.uncompressed_size;
        e->packed = fi.compressed_size;
        if (fi.flag & 1)
            e->size = UINT64_MAX; /* encrypted: refused when opened */
        unzGetFilePos64(z->uf, &e->pos);
        rc = unzGoToNextFile(z->uf);
    }
    if (rc != UNZ_END_OF_LIST_OF_FILE)
        return tally__fail_at(err, TALLY_ERR_PARSE, z->file, 0, 0,
                              "the ZIP archive's directory is corrupt");
    return TALLY_OK;
}

tally_status tally__zip_open(const unsigned char *data, size_t size,
                             const char *file, const tally_read_opts *opts,
                             tally__zip **out, tally_error *err)
{
    *out = NULL;
    tally__zip *z = tally__calloc(1, sizeof *z);
    if (!z)
        return tally__nomem(err);
    z->m = (mem){data, size, 0};
    z->file = file;
    z->max_bytes = opts && opts->max_unzip_bytes ? opts->max_unzip_bytes
                                                 : DEFAULT_MAX_BYTES;
    z->max_ratio = opts && opts->max_unzip_ratio ? opts->max_unzip_ratio
                                                 : DEFAULT_MAX_RATIO;
    zlib_filefunc64_def io = {mem_open, mem_read, mem_write, mem_tell,
                              mem_seek, mem_close, mem_error, &z->m};
    z->uf = unzOpen2_64("memory", &io);
    tally_status st;
    if (!z->uf)
        st = tally__fail_at(err, TALLY_ERR_PARSE, file, 0, 0,
                            "not a readable ZIP archive (truncated or "
                            "corrupt: its central directory is missing)");
    else
        st = list_entries(z, err);
    if (st != TALLY_OK) {
        tally__zip_close(z);
        return st;
    }
    *out = z;
    return TALLY_OK;
}

void tally__zip_close(tally__zip *z)
{
    if (!z)
        return;
    if (z->uf)
        unzClose(z->uf);
    for (size_t i = 0; i < z->n; i++)
        tally__free(z->e[i].name);
    tally__free(z->e);
    tally__free(z);
}

size_t tally__zip_count(const tally__zip *z)
{
    return z->n;
}

const char *tally__zip_name(const tally__zip *z, size_t i)
{
    return z->e[i].name;
}

unsigned long long tally__zip_size(const tally__zip *z, size_t i)
{
    return z->e[i].size;
}

long tally__zip_find(const tally__zip *z, const char *name)
{
    for (size_t i = 0; i < z->n; i++)
        if (strcasecmp(z->e[i].name, name) == 0)
            return (long)i;
    return -1;
}

/* --- inflating ------------------------------------------------------------ */

/* Refuse an entry before inflating it when its declared size or ratio is
   out of bounds. */
static tally_status check_entry(const tally__zip *z, const entry *e,
                                tally_error *err)
{
    if (e->size == UINT64_MAX)
        return tally__fail_at(err, TALLY_ERR_UNSUPPORTED, z->file, 0, 0,
                              "%s is encrypted", e->name);
    if (e->size > z->max_bytes || z->inflated + e->size > z->max_bytes)
        return tally__fail_at(err, TALLY_ERR_LIMIT, z->file, 0, 0,
                              "%s would unpack to %llu bytes, more than "
                              "the limit of %llu bytes (a zip bomb? it can "
                              "be raised with --max-unzip-size)",
                              e->name, e->size, z->max_bytes);
    unsigned long long packed = e->packed ? e->packed : 1;
    if (e->size > RATIO_FLOOR && e->size / packed > z->max_ratio)
        return tally__fail_at(err, TALLY_ERR_LIMIT, z->file, 0, 0,
                              "%s would unpack %llu bytes from %llu: "
                              "compressed more than %u to 1, as zip bombs "
                              "are (the limit can be raised with "
                              "--max-unzip-ratio)",
                              e->name, e->size, e->packed, z->max_ratio);
    return TALLY_OK;
}

static tally_status corrupt(const tally__zip *z, const entry *e,
                            tally_error *err)
{
    return tally__fail_at(err, TALLY_ERR_PARSE, z->file, 0, 0,
                          "%s is corrupt in the ZIP archive (it does not "
                          "inflate to the %llu bytes its header declares)",
                          e->name, e->size);
}

static tally_status pump(tally__zip *z, const entry *e, char *buf,
                         tally__zip_sink sink, void *ctx, tally_error *err)
{
    for (;;) {
        int k = unzReadCurrentFile(z->uf, buf, CHUNK);
        if (k < 0)
            return corrupt(z, e, err);
        if (k == 0)
            return TALLY_OK;
        z->inflated += (unsigned)k;
        TALLY_TRY(sink(ctx, buf, (size_t)k));
    }
}

tally_status tally__zip_stream(tally__zip *z, size_t i, tally__zip_sink sink,
                               void *ctx, tally_error *err)
{
    entry *e = &z->e[i];
    TALLY_TRY(check_entry(z, e, err));
    if (unzGoToFilePos64(z->uf, &e->pos) != UNZ_OK ||
        unzOpenCurrentFile(z->uf) != UNZ_OK)
        return tally__fail_at(err, TALLY_ERR_PARSE, z->file, 0, 0,
                              "%s cannot be read from the ZIP archive "
                              "(corrupt, or compressed with a method "
                              "other than deflate)",
                              e->name);
    char *buf = tally__malloc(CHUNK);
    tally_status st = buf ? pump(z, e, buf, sink, ctx, err)
                          : tally__nomem(err);
    tally__free(buf);
    /* The CRC is checked when the entry is closed: a truncated or
       altered entry, or one longer than it declares, fails here. */
    int rc = unzCloseCurrentFile(z->uf);
    if (st == TALLY_OK && rc != UNZ_OK)
        st = corrupt(z, e, err);
    return st;
}

typedef struct into_buf {
    unsigned char *p;
    size_t n, cap;
    const tally__zip *z;
    const entry *e;
    tally_error *err;
} into_buf;

static tally_status append(void *ctx, const char *buf, size_t n)
{
    into_buf *b = ctx;
    if (n > b->cap - b->n) /* more than declared */
        return corrupt(b->z, b->e, b->err);
    memcpy(b->p + b->n, buf, n);
    b->n += n;
    return TALLY_OK;
}

tally_status tally__zip_read(tally__zip *z, size_t i, unsigned char **out,
                             size_t *n, tally_error *err)
{
    entry *e = &z->e[i];
    *out = NULL;
    *n = 0;
    TALLY_TRY(check_entry(z, e, err));
    /* Only now, with the size within the caps, is it allocated. */
    into_buf b = {tally__malloc((size_t)e->size + 1), 0, (size_t)e->size,
                  z, e, err};
    if (!b.p)
        return tally__nomem(err);
    tally_status st = tally__zip_stream(z, i, append, &b, err);
    if (st != TALLY_OK) {
        tally__free(b.p);
        return st;
    }
    b.p[b.n] = '\0';
    *out = b.p;
    *n = b.n;
    return TALLY_OK;
}
