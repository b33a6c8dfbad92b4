/*
 * data_test.h: helpers of the inference, dataset and filter tests: a
 * codebook from YAML text or inferred from CSV text, and a dataset built
 * from both, all in memory. Each fails the test on error.
 */
#ifndef DATA_TEST_H
#define DATA_TEST_H

#include <stdlib.h>

#include "tally_test.h"

/* Read a codebook from YAML text. */
static inline tally_codebook *tally_test_yaml(const char *text)
{
    tally_io *io = NULL;
    tally_codebook *cb = NULL;
    tally_error err = {0};
    assert_int_equal(tally_io_from_memory(text, strlen(text), "test.yaml",
                                          &io, &err),
                     TALLY_OK);
    tally_status st = tally_codebook_read_yaml(io, &cb, &err);
    if (st != TALLY_OK)
        print_error("codebook: %ld:%ld: %s\n", err.line, err.column,
                    err.message);
    assert_int_equal(st, TALLY_OK);
    tally_io_free(io);
    return cb;
}

/* Infer the codebook of raw (opts may be NULL). */
static inline tally_codebook *tally_test_infer(const tally_raw *raw,
                                               const tally_infer_opts *opts)
{
    tally_codebook *cb = NULL;
    tally_error err = {0};
    tally_status st = tally_codebook_infer(raw, opts, &cb, &err);
    if (st != TALLY_OK)
        print_error("infer: %s\n", err.message);
    assert_int_equal(st, TALLY_OK);
    return cb;
}

/* Build the dataset of raw with cb (opts may be NULL). */
static inline tally_dataset *tally_test_build(const tally_raw *raw,
                                              const tally_codebook *cb,
                                              const tally_dataset_opts *opts)
{
    tally_dataset *ds = NULL;
    tally_error err = {0};
    tally_status st = tally_dataset_build(raw, cb, opts, &ds, &err);
    if (st != TALLY_OK)
        print_error("build: %s:%ld: %s\n", err.file, err.line, err.message);
    assert_int_equal(st, TALLY_OK);
    return ds;
}

/* The dataset of CSV text coded with a YAML codebook. */
static inline tally_dataset *tally_test_dataset(const char *csv,
                                                const char *yaml,
                                                const tally_dataset_opts *o)
{
    tally_raw *raw = tally_test_csv(csv, NULL);
    tally_codebook *cb = tally_test_yaml(yaml);
    tally_dataset *ds = tally_test_build(raw, cb, o);
    tally_codebook_free(cb);
    tally_raw_free(raw);
    return ds;
}

/* The YAML text of a codebook (malloc'd). */
static inline char *tally_test_write_yaml(const tally_codebook *cb)
{
    tally_buf *buf = tally_buf_new();
    tally_error err = {0};
    assert_non_null(buf);
    assert_int_equal(tally_codebook_write_yaml(cb, buf, &err), TALLY_OK);
    char *text = malloc(tally_buf_size(buf) + 1);
    assert_non_null(text);
    memcpy(text, tally_buf_data(buf), tally_buf_size(buf));
    text[tally_buf_size(buf)] = '\0';
    tally_buf_free(buf);
    return text;
}

/* Index of the question with this id; fails the test when there is none. */
static inline size_t tally_test_qindex(const tally_codebook *cb,
                                       const char *id)
{
    for (size_t i = 0; i < tally_codebook_question_count(cb); i++)
        if (!strcmp(tally_codebook_question(cb, i)->id, id))
            return i;
    print_error("no question %s\n", id);
    fail();
    return 0;
}

/* The question with this id. */
static inline const tally_question *tally_test_q(const tally_codebook *cb,
                                                 const char *id)
{
    return tally_codebook_question(cb, tally_test_qindex(cb, id));
}

/* Option labels (missing codes too, flagged with "?") joined with "|". */
static inline const char *tally_test_labels(const tally_question *q,
                                            char *buf, size_t cap)
{
    size_t n = 0;
    buf[0] = '\0';
    for (size_t k = 0; k < q->n_options && n < cap; k++)
        n += (size_t)snprintf(buf + n, cap - n, "%s%s%s", k ? "|" : "",
                              q->options[k].missing ? "?" : "",
                              q->options[k].label);
    return buf;
}

#endif /* DATA_TEST_H */
