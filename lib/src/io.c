/* io.c: input sources (see tally/io.h and io_internal.h). */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "io_internal.h"

typedef enum { IO_MEMORY, IO_MAPPED, IO_FD, IO_CALLBACK } io_kind;

struct tally_io {
    io_kind kind;
    char *name;
    int fd;                     /* IO_MAPPED, IO_FD                    */
    tally_io_read_fn read;      /* IO_CALLBACK                         */
    void *ctx;
    const unsigned char *data;  /* contents once known                 */
    size_t size;
    unsigned char *owned;       /* slurped stream, freed with the io   */
    void *map;                  /* mapping, unmapped with the io       */
    size_t map_size;
    int loaded;
};

static tally_status make(io_kind kind, const char *name, tally_io **out,
                         tally_error *err)
{
    tally_io *io = tally__calloc(1, sizeof *io);
    if (io)
        io->name = tally__strdup(name);
    if (!io || !io->name) {
        tally__free(io);
        return tally__nomem(err);
    }
    io->kind = kind;
    io->fd = -1;
    *out = io;
    return TALLY_OK;
}

tally_status tally_io_open_file(const char *path, tally_io **out,
                                tally_error *err)
{
    if (!out)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "no output pointer");
    *out = NULL;
    if (!path)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "no file name");
    int is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        tally__fail_at(err, TALLY_ERR_IO, path, 0, 0, "cannot open: %s",
                       strerror(e));
        if (err)
            err->sys_errno = e;
        return TALLY_ERR_IO;
    }
    struct stat sb;
    if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        close(fd);
        return tally__fail_at(err, TALLY_ERR_IO, path, 0, 0,
                              "is a directory, not a file");
    }
    tally_status st = make(IO_FD, is_stdin ? "<stdin>" : path, out, err);
    if (st != TALLY_OK) {
        if (!is_stdin)
            close(fd);
        return st;
    }
    (*out)->fd = fd;
    if (S_ISREG(sb.st_mode) && !is_stdin) {
        (*out)->kind = IO_MAPPED;
        (*out)->map_size = (size_t)sb.st_size;
    }
    return TALLY_OK;
}

tally_status tally_io_from_memory(const void *data, size_t size,
                                  const char *name, tally_io **out,
                                  tally_error *err)
{
    if (!out || (!data && size))
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "no data");
    *out = NULL;
    TALLY_TRY(make(IO_MEMORY, name ? name : "<memory>", out, err));
    (*out)->data = data ? data : (const unsigned char *)"";
    (*out)->size = size;
    (*out)->loaded = 1;
    return TALLY_OK;
}

tally_status tally_io_from_callback(tally_io_read_fn read, void *ctx,
                                    const char *name, tally_io **out,
                                    tally_error *err)
{
    if (!out || !read)
        return tally__fail(err, TALLY_ERR_INVALID_ARG, "no read callback");
    *out = NULL;
    TALLY_TRY(make(IO_CALLBACK, name ? name : "<stream>", out, err));
    (*out)->read = read;
    (*out)->ctx = ctx;
    return TALLY_OK;
}

const char *tally_io_name(const tally_io *io)
{
    return io ? io->name : "";
}

void tally_io_free(tally_io *io)
{
    if (!io)
        return;
    if (io->map)
        munmap(io->map, io->map_size);
    if (io->fd > STDIN_FILENO)
        close(io->fd);
    tally__free(io->owned);
    tally__free(io->name);
    tally__free(io);
}

static long long fd_read(void *ctx, void *buf, size_t size)
{
    int fd = *(int *)ctx;
    for (;;) {
        ssize_t n = read(fd, buf, size);
        if (n >= 0 || errno != EINTR)
            return n;
    }
}

static tally_status slurp(tally_io *io, tally_io_read_fn fn, void *ctx,
                          tally_error *err)
{
    size_t cap = 0, size = 0;
    unsigned char *data = NULL;
    for (;;) {
        if (size + 65536 > cap &&
            TALLY__GROW(data, cap, size + 65536) != 0) {
            tally__free(data);
            return tally__fail_at(err, TALLY_ERR_NOMEM, io->name, 0, 0,
                                  "input too large for memory");
        }
        long long n = fn(ctx, data + size, cap - size);
        if (n == 0)
            break;
        if (n < 0 || (size_t)n > cap - size) {
            int e = errno;
            tally__free(data);
            tally__fail_at(err, TALLY_ERR_IO, io->name, 0, 0,
                           "read failed: %s", strerror(e));
            if (err)
                err->sys_errno = e;
            return TALLY_ERR_IO;
        }
        size += (size_t)n;
    }
    io->owned = data;
    io->data = data;
    io->size = size;
    return TALLY_OK;
}

static tally_status map_file(tally_io *io, tally_error *err)
{
    if (io->map_size == 0) {
        io->data = (const unsigned char *)"";
        return TALLY_OK;
    }
    void *m = mmap(NULL, io->map_size, PROT_READ, MAP_PRIVATE, io->fd, 0);
    if (m == MAP_FAILED) /* e.g. a file system without mmap: stream it */
        return slurp(io, fd_read, &io->fd, err);
    madvise(m, io->map_size, MADV_SEQUENTIAL);
    io->map = m;
    io->data = m;
    io->size = io->map_size;
    return TALLY_OK;
}

tally_status tally__io_contents(tally_io *io, const unsigned char **data,
                                size_t *size, tally_error *err)
{
    if (!io->loaded) {
        tally_status st = TALLY_OK;
        if (io->kind == IO_MAPPED)
            st = map_file(io, err);
        else if (io->kind == IO_FD)
            st = slurp(io, fd_read, &io->fd, err);
        else if (io->kind == IO_CALLBACK)
            st = slurp(io, io->read, io->ctx, err);
        if (st != TALLY_OK)
            return st;
        io->loaded = 1;
    }
    *data = io->data;
    *size = io->size;
    return TALLY_OK;
}

void tally__io_release(const tally_io *io, size_t from, size_t to)
{
    if (!io->map || to > io->map_size)
        return;
    long sys_page = sysconf(_SC_PAGESIZE);
    size_t page = sys_page > 0 ? (size_t)sys_page : 4096;
    size_t first = (from + page - 1) / page * page;
    size_t last = to / page * page;
    if (last > first)
        madvise((char *)io->map + first, last - first, MADV_DONTNEED);
}
