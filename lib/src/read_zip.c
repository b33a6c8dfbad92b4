/*
 * read_zip.c: a .zip download that wraps one export, as SurveyMonkey and
 * Qualtrics deliver them (formats.md 1.1): the one file inside is read
 * as if it had been given directly (its container recognised from its
 * own first bytes). Folders and the metadata that archivers add
 * (__MACOSX/, ._name, .DS_Store, Thumbs.db) are not candidates; more than
 * one candidate is an error that lists them, since tally cannot know
 * which table is the export.
 */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "read_internal.h"

static int is_junk(const char *name)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    return !*base || !strncmp(name, "__MACOSX/", 9) ||
           !strncmp(base, "._", 2) || !strcmp(base, ".DS_Store") ||
           !strcmp(base, "Thumbs.db");
}

/* The one candidate entry; an error naming them all when there are
   several or none. */
static tally_status pick(const tally__zip *z, const char *file, size_t *out,
                         tally_error *err)
{
    size_t found = 0, used = 0;
    char list[300] = "";
    for (size_t i = 0; i < tally__zip_count(z); i++) {
        const char *name = tally__zip_name(z, i);
        if (is_junk(name))
            continue;
        if (used < sizeof list)
            used += (size_t)snprintf(list + used, sizeof list - used,
                                     "%s%s", found ? ", " : "", name);
        *out = i;
        found++;
    }
    if (found == 1)
        return TALLY_OK;
    if (!found)
        return tally__fail_at(err, TALLY_ERR_PARSE, file, 0, 0,
                              "the ZIP archive holds no file to read");
    return tally__fail_at(err, TALLY_ERR_UNSUPPORTED, file, 0, 0,
                          "the ZIP archive holds %zu files (%s): unpack it "
                          "and give tally the one with the responses",
                          found, list);
}

static tally_status read_member(const unsigned char *data, size_t n,
                                const char *file, const char *member,
                                const tally_read_opts *opts, tally_raw **out,
                                tally_error *err)
{
    /* Errors inside the member name both: "export.zip/responses.csv". */
    size_t len = strlen(file) + strlen(member) + 2;
    char *name = tally__malloc(len);
    tally_io *io = NULL;
    if (!name)
        return tally__nomem(err);
    snprintf(name, len, "%s/%s", file, member);
    tally_status st = tally_io_from_memory(data, n, name, &io, err);
    if (st == TALLY_OK)
        st = tally_read(io, opts, out, err);
    tally_io_free(io);
    tally__free(name);
    return st;
}

tally_status tally__read_zip(tally__zip *z, const char *file,
                             const tally_read_opts *opts, tally_raw **out,
                             tally_error *err)
{
    size_t i = 0;
    unsigned char *data = NULL;
    size_t n = 0;
    TALLY_TRY(pick(z, file, &i, err));
    const char *member = tally__zip_name(z, i);
    TALLY_TRY(tally__zip_read(z, i, &data, &n, err));
    /* A zip inside the zip is read too only when it is a workbook: one
       level of wrapping, never a chain of archives. */
    if (n >= 4 && !memcmp(data, "PK\x03\x04", 4) &&
        !memmem(data, n, "xl/workbook.xml", 15)) {
        tally__free(data);
        return tally__fail_at(err, TALLY_ERR_UNSUPPORTED, file, 0, 0,
                              "%s inside the archive is another archive: "
                              "unpack it first",
                              member);
    }
    tally_raw *raw = NULL;
    tally_status st = read_member(data, n, file, member, opts, &raw, err);
    tally__free(data);
    if (st == TALLY_OK) {
        raw->source.file = tally__arena_strdup(raw->arena, file);
        raw->source.member = tally__arena_strdup(raw->arena, member);
        if (!raw->source.file || !raw->source.member)
            st = tally__nomem(err);
    }
    if (st != TALLY_OK) {
        tally_raw_free(raw);
        return st;
    }
    *out = raw;
    return TALLY_OK;
}
