/* buf.c: growable output buffer (see tally/buf.h). */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "buf_internal.h"

struct tally_buf {
    char *data;
    size_t size, cap;
};

tally_buf *tally_buf_new(void)
{
    tally_buf *b = tally__calloc(1, sizeof *b);
    if (!b)
        return NULL;
    b->data = tally__malloc(64);
    if (!b->data) {
        tally__free(b);
        return NULL;
    }
    b->cap = 64;
    b->data[0] = '\0';
    return b;
}

void tally_buf_free(tally_buf *buf)
{
    if (!buf)
        return;
    tally__free(buf->data);
    tally__free(buf);
}

const char *tally_buf_data(const tally_buf *buf)
{
    return buf->data;
}

size_t tally_buf_size(const tally_buf *buf)
{
    return buf->size;
}

void tally_buf_clear(tally_buf *buf)
{
    buf->size = 0;
    buf->data[0] = '\0';
}

tally_status tally_buf_append(tally_buf *buf, const void *data, size_t size)
{
    if (!buf || (!data && size))
        return TALLY_ERR_INVALID_ARG;
    if (size >= buf->cap - buf->size &&
        TALLY__GROW(buf->data, buf->cap, buf->size + size + 1) != 0)
        return TALLY_ERR_NOMEM;
    if (size)
        memcpy(buf->data + buf->size, data, size);
    buf->size += size;
    buf->data[buf->size] = '\0';
    return TALLY_OK;
}

tally_status tally__buf_puts(tally_buf *buf, const char *s)
{
    return tally_buf_append(buf, s, strlen(s));
}

tally_status tally__buf_putc(tally_buf *buf, char c)
{
    return tally_buf_append(buf, &c, 1);
}

tally_status tally__buf_repeat(tally_buf *buf, char c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        TALLY_TRY(tally_buf_append(buf, &c, 1));
    return TALLY_OK;
}

tally_status tally__buf_printf(tally_buf *buf, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return TALLY_ERR_INVALID_ARG;
    if ((size_t)n < sizeof small)
        return tally_buf_append(buf, small, (size_t)n);
    char *big = tally__malloc((size_t)n + 1);
    if (!big)
        return TALLY_ERR_NOMEM;
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    tally_status st = tally_buf_append(buf, big, (size_t)n);
    tally__free(big);
    return st;
}

void tally__buf_trim(tally_buf *buf, size_t n)
{
    buf->size = n > buf->size ? 0 : buf->size - n;
    buf->data[buf->size] = '\0';
}
