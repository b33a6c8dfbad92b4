/*
 * freq_test.h: what test_freq.c and test_freq_weights.c share: coded
 * datasets built in memory (CSV text and a YAML codebook), and
 * tally_freq_compute() wrapped so that every item computed in either file
 * is checked against the invariants of tally/freq.h.
 *
 * Expected values come from tests/reference/freq_reference.R (R 4.2.2,
 * survey 4.1.1, matrixStats, Hmisc) and freq_reference.py (statsmodels
 * 0.13.5, scipy 1.10.1); each block in the tests names the exact call.
 * The scripts build the same data from the same runs of rows.
 */
#ifndef FREQ_TEST_H
#define FREQ_TEST_H

#include <stdlib.h>

#include "tally_test.h"

/* Against R and statsmodels: our beta, t and normal quantiles agree with
   them to about 1e-13 (test_ci.c). Sison-Glaz too: statsmodels' noise of
   about count^2 * 1e-16 (test_ci.c) stays below this at counts < 100. */
#define TOL 1e-12

/* `times` copies of one CSV row. */
typedef struct run {
    const char *row;
    unsigned times;
} run;

/* CSV text: header, then the runs in order. Free with free(). */
static inline char *runs_csv(const char *header, const run *runs, size_t n)
{
    size_t size = strlen(header) + 2;
    for (size_t i = 0; i < n; i++)
        size += (strlen(runs[i].row) + 1) * runs[i].times;
    char *text = malloc(size), *p = text;
    assert_non_null(text);
    p += sprintf(p, "%s\n", header);
    for (size_t i = 0; i < n; i++)
        for (unsigned t = 0; t < runs[i].times; t++)
            p += sprintf(p, "%s\n", runs[i].row);
    return text;
}

/* The dataset of CSV text coded with a YAML codebook. */
static inline tally_dataset *build_ds(const char *csv, const char *yaml,
                                      const tally_dataset_opts *opts)
{
    tally_error err = {0};
    tally_io *io = NULL;
    tally_codebook *cb = NULL;
    tally_dataset *ds = NULL;
    tally_raw *raw = tally_test_csv(csv, NULL);
    assert_int_equal(tally_io_from_memory(yaml, strlen(yaml), "cb.yaml", &io,
                                          &err),
                     TALLY_OK);
    tally_status st = tally_codebook_read_yaml(io, &cb, &err);
    if (st == TALLY_OK)
        st = tally_dataset_build(raw, cb, opts, &ds, &err);
    if (st != TALLY_OK)
        print_error("%s:%ld:%ld: %s\n", err.file, err.line, err.column,
                    err.message);
    assert_int_equal(st, TALLY_OK);
    tally_io_free(io);
    tally_codebook_free(cb);
    tally_raw_free(raw);
    return ds;
}

/* The same from runs of rows. */
static inline tally_dataset *build_runs(const char *header, const run *runs,
                                        size_t n, const char *yaml,
                                        const tally_dataset_opts *opts)
{
    char *csv = runs_csv(header, runs, n);
    tally_dataset *ds = build_ds(csv, yaml, opts);
    free(csv);
    return ds;
}

/* Index of question (or matrix item) `id`; *item gets the item. */
static inline size_t qfind(const tally_dataset *ds, const char *id,
                           size_t *item)
{
    size_t q = 0, i = 0;
    tally_error err = {0};
    assert_int_equal(tally_codebook_find(tally_dataset_codebook(ds), id, &q,
                                         &i, &err),
                     TALLY_OK);
    if (item)
        *item = i;
    return q;
}

/* |got - want| <= 1e-9 * max(1, |want|): for sums whose order differs. */
#define SUM_TOL 1e-9

/*
 * The invariants of tally/freq.h for one item: respondents = base +
 * missing + no_answer; the categories' counts add up to the base and the
 * missing (single and scale); valid percentages are count / base * 100
 * and add up to 100; missing codes have no percent or interval.
 */
static inline void check_item(const tally_freq_item *it, int categorical)
{
    tally_assert_rel(it->base + it->missing + it->no_answer,
                     it->respondents, SUM_TOL);
    assert_true(it->base >= 0 && it->missing >= 0 && it->no_answer >= 0);
    double valid = 0, missing = 0, percent = 0;
    for (size_t i = 0; i < it->n_categories; i++) {
        const tally_category *c = &it->categories[i];
        if (c->missing) {
            missing += c->count;
            assert_true(isnan(c->percent) && isnan(c->ci_low) &&
                        isnan(c->ci_high));
            continue;
        }
        valid += c->count;
        percent += c->percent;
        if (it->base > 0)
            tally_assert_rel(c->percent, c->count / it->base * 100, TOL);
        else
            assert_true(isnan(c->percent));
    }
    if (!categorical)
        return;
    tally_assert_rel(valid, it->base, SUM_TOL);
    tally_assert_rel(missing, it->missing, SUM_TOL);
    tally_assert_rel(it->responses, it->base, 0);
    if (it->base > 0)
        tally_assert_rel(percent, 100, SUM_TOL);
}

/* tally_freq_compute(), which must succeed, with every item checked. */
static inline tally_freq *freq_of(const tally_dataset *ds, const char *id,
                                  const tally_freq_opts *opts)
{
    size_t item;
    size_t q = qfind(ds, id, &item);
    tally_freq *f = NULL;
    tally_error err = {0};
    tally_status st = tally_freq_compute(ds, q, item, opts, &f, &err);
    if (st != TALLY_OK)
        print_error("tally_freq_compute(%s): %s\n", id, err.message);
    assert_int_equal(st, TALLY_OK);
    tally_qtype t = tally_freq_type(f);
    int categorical = t == TALLY_QTYPE_SINGLE || t == TALLY_QTYPE_SCALE ||
                      t == TALLY_QTYPE_MATRIX;
    for (size_t i = 0; i < tally_freq_item_count(f); i++)
        check_item(tally_freq_get_item(f, i), categorical);
    assert_null(tally_freq_get_item(f, tally_freq_item_count(f)));
    return f;
}

/* Expected summary of a scale or numeric item. */
typedef struct summary_want {
    double mean, sd, median, lo, hi, top2, bottom2, min, max;
} summary_want;

static inline void check_summary(const tally_freq_item *it,
                                 const summary_want *w, double tol)
{
    assert_true(it->has_summary);
    const tally_summary *s = &it->summary;
    tally_assert_rel(s->mean, w->mean, tol);
    tally_assert_rel(s->sd, w->sd, tol);
    tally_assert_rel(s->median, w->median, tol);
    tally_assert_rel(s->mean_ci_low, w->lo, tol);
    tally_assert_rel(s->mean_ci_high, w->hi, tol);
    tally_assert_rel(s->top2, w->top2, tol);
    tally_assert_rel(s->bottom2, w->bottom2, tol);
    tally_assert_rel(s->min, w->min, tol);
    tally_assert_rel(s->max, w->max, tol);
}

/* Categories `from`.. of it against counts and interval bounds (percent,
   0-100); NULL lo/hi: the counts only. */
static inline void check_cats(const tally_freq_item *it, size_t from,
                              size_t k, const double *count,
                              const double *lo, const double *hi,
                              double tol)
{
    assert_true(from + k <= it->n_categories);
    for (size_t i = 0; i < k; i++) {
        const tally_category *c = &it->categories[from + i];
        tally_assert_rel(c->count, count[i], SUM_TOL);
        if (lo) {
            tally_assert_rel(c->ci_low, lo[i], tol);
            tally_assert_rel(c->ci_high, hi[i], tol);
        }
    }
}

#endif /* FREQ_TEST_H */
