/*
 * annex_method.c: the Methodology table of the annex (what a reader
 * needs to reproduce or judge the tables) and the SHA-256 of the input
 * files, which ties the annex to the exact bytes it came from.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <openssl/evp.h>

#include "alloc.h"
#include "annex_internal.h"

/* --- SHA-256 -------------------------------------------------------------- */

/* OpenSSL's libcrypto: libxlsxwriter (Debian's build) already links it,
   and its SHA-256 uses the CPU's SHA extensions where present. */
tally_status tally__sha256_file(const char *path, char hex[65],
                                tally_error *err)
{
    enum { CHUNK = 1 << 20 };
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        int e = errno;
        tally_status st = tally__fail(err, TALLY_ERR_IO, "%s: %s", path,
                                      strerror(e));
        if (err)
            err->sys_errno = e;
        return st;
    }
    unsigned char *buf = tally__malloc(CHUNK);
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    int ok = buf && ctx && EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
    size_t n;
    while (ok && (n = fread(buf, 1, CHUNK, f)) > 0)
        ok = EVP_DigestUpdate(ctx, buf, n);
    ok = ok && !ferror(f) && EVP_DigestFinal_ex(ctx, md, &len) && len == 32;
    fclose(f);
    EVP_MD_CTX_free(ctx);
    tally__free(buf);
    if (!ok)
        return tally__fail(err, TALLY_ERR_IO, "%s: cannot compute its "
                                              "SHA-256",
                           path);
    for (unsigned i = 0; i < len; i++)
        snprintf(hex + 2 * i, 3, "%02x", md[i]);
    return TALLY_OK;
}

/* --- the table ------------------------------------------------------------ */

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static int row(tally_annex *a, tally_table *t, const char *key,
               const char *fmt, ...) TALLY__PRINTF(4, 5);

static int row(tally_annex *a, tally_table *t, const char *key,
               const char *fmt, ...)
{
    char value[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(value, sizeof value, fmt, ap);
    va_end(ap);
    tally_cell *r = tally__table_row(t, TALLY_ROW_BODY);
    if (!r || tally__cell_text(a->method, &r[0], key) ||
        tally__cell_text(a->method, &r[1], value))
        return -1;
    return 0;
}

static tally_status file_rows(tally_annex *a, tally_table *t,
                              tally_error *err)
{
    const tally_source *s = tally_dataset_source(a->ds);
    const char *path = a->o.input_path;
    int bad = row(a, t, "Input file", "%s", base_name(path ? path
                                                           : s->file));
    if (path)
        bad |= row(a, t, "Input SHA-256", "%s", a->sha_input);
    bad |= row(a, t, "Format", "%s, %s%s, %s-delimited, %zu header row%s",
               s->format, tally_encoding_name(s->encoding),
               s->bom ? " with BOM" : "",
               s->delimiter == '\t' ? "tab" : s->delimiter == ';' ? "semicolon"
                                                                  : "comma",
               s->header_rows, s->header_rows == 1 ? "" : "s");
    bad |= row(a, t, "Dialect", "%s", tally_dialect_name(s->dialect));
    if (a->o.codebook_path) {
        bad |= row(a, t, "Codebook", "%s (SHA-256 %s)",
                   base_name(a->o.codebook_path), a->sha_codebook);
    } else {
        bad |= row(a, t, "Codebook", "inferred from the data");
    }
    return bad ? tally__nomem(err) : TALLY_OK;
}

/* The banners (--by) and how their crosstabs are tested. */
static int banner_rows(tally_annex *a, tally_table *t)
{
    const tally_codebook *cb = tally_dataset_codebook(a->ds);
    char list[512] = "";
    size_t used = 0;
    for (size_t b = 0; b < a->o.n_banners && used + 64 < sizeof list; b++) {
        const tally_question *q = tally_codebook_question(cb,
                                                          a->o.banners[b]);
        size_t item = a->o.banner_items ? a->o.banner_items[b]
                                        : TALLY_ALL_ITEMS;
        const char *id = item == TALLY_ALL_ITEMS ? q->id : q->items[item].id;
        int n = snprintf(list + used, sizeof list - used, "%s%s",
                         b ? ", " : "", id);
        used += n > 0 ? (size_t)n : 0;
    }
    if (!a->o.n_banners)
        return row(a, t, "Banners", "none");
    double alpha = a->o.xtab.alpha > 0 ? a->o.xtab.alpha : 0.05;
    return row(a, t, "Banners", "%s", list) ||
           row(a, t, "Crosstab tests",
               "Pearson chi-square, likelihood ratio, Fisher's exact test "
               "(exact or Monte Carlo; not for large tables whose expected "
               "counts are all 5 or more), Cramer's V, ordinal measures "
               "and Kruskal-Wallis where answers are ordered; column "
               "letters: z-tests of column proportions, Bonferroni, alpha "
               "= %g",
               alpha);
}

static int weight_row(tally_annex *a, tally_table *t)
{
    tally_weight_kind wk = tally_dataset_weight_kind(a->ds);
    const char *col = tally_dataset_weight_column(a->ds);
    if (wk == TALLY_WEIGHT_SAMPLING)
        return row(a, t, "Weights", "sampling weights (column %s); "
                                    "intervals on Kish's effective base",
                   col);
    if (wk == TALLY_WEIGHT_FREQUENCY)
        return row(a, t, "Weights", "frequency weights (column %s)", col);
    return row(a, t, "Weights", "none");
}

static tally_status method_rows(tally_annex *a, tally_table *t,
                                tally_error *err)
{
    const tally_freq_opts *f = &a->o.freq;
    const char *filter = tally_dataset_filter_text(a->ds);
    double level = f->level > 0 ? f->level : 0.95;
    double pop = f->population > 0   ? f->population
                 : f->population < 0 ? 0
                                     : tally_codebook_population(
                                           tally_dataset_codebook(a->ds));
    int bad = row(a, t, "Respondents", "%zu", tally_dataset_rows(a->ds));
    bad |= row(a, t, "Confidence intervals", "%s, %g%% level",
               a->o.table.no_ci ? "not shown" : tally_ci_method_label(f->ci),
               level * 100);
    bad |= weight_row(a, t);
    bad |= row(a, t, "Filters", "%s", filter ? filter : "none");
    if (pop > 0)
        bad |= row(a, t, "Population (finite population correction)", "%g",
                   pop);
    else
        bad |= row(a, t, "Population (finite population correction)",
                   "none");
    if (a->o.min_cell > 0)
        bad |= row(a, t, "Suppression", "counts below %g shown as <%g, "
                                        "with one complementary count",
                   a->o.min_cell, a->o.min_cell);
    else
        bad |= row(a, t, "Suppression", "none");
    if (a->o.min_base > 0)
        bad |= row(a, t, "Small bases", "bases below %g carry a note",
                   a->o.min_base);
    bad |= banner_rows(a, t);
    bad |= row(a, t, "Base", "respondents with a valid answer; missing "
                             "codes and no answers are shown but excluded");
    bad |= row(a, t, "Metadata", "%s", "identifiers, dates, e-mail "
                                       "addresses, names and locations are "
                                       "never tabulated; a verbatim names "
                                       "its respondent by id (or row "
                                       "number) only");
    bad |= row(a, t, "Software", "tally %s", tally_version());
    bad |= row(a, t, "Date", "%s", a->date);
    return bad ? tally__nomem(err) : TALLY_OK;
}

tally_status tally__annex_method(tally_annex *a, tally_error *err)
{
    tally_table *t = tally__table_new(a->method, "Methodology",
                                      "Methodology", 2);
    if (!t || tally__table_header(a->method, t, 0, "Item") ||
        tally__table_header(a->method, t, 1, "Value"))
        return tally__nomem(err);
    TALLY_TRY(file_rows(a, t, err));
    return method_rows(a, t, err);
}
