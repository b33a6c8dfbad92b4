/*
 * fuzz.h: what the libFuzzer targets of tests/fuzz share.
 *
 * Each target defines LLVMFuzzerTestOneInput(); it is linked either with
 * libFuzzer (clang, -fsanitize=fuzzer: TALLY_BUILD_FUZZERS) or with
 * replay.c, a main() that feeds it every file of a corpus directory (the
 * regression run of ctest, label fuzz). A broken invariant is a crash on
 * purpose: fuzz_fail() prints what broke and aborts, so that libFuzzer
 * keeps the input and ctest fails. Only test code aborts; the library
 * never does.
 */
#ifndef TALLY_FUZZ_H
#define TALLY_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include <tally.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Print "invariant broken: <what>" and abort(). */
void fuzz_fail(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2), noreturn))
#endif
    ;

/* Read options for fuzzing: one thread (reproducible), small limits so
   that a short input cannot ask for gigabytes. */
tally_read_opts fuzz_read_opts(void);

/* 1 when the n bytes at s are one JSON text (RFC 8259), else 0. */
int fuzz_json_valid(const char *s, size_t n);

/* The invariants of DESIGN.md section 3 on a frequency result and a
   crosstab result; fuzz_fail() when one does not hold. */
void fuzz_check_freq(const tally_freq *f);
void fuzz_check_xtab(const tally_xtab *x);

/* Render @p ts with every writer (text, csv, md, json check done by the
   caller; xlsx to a temporary file) and check each succeeds. */
void fuzz_render(const tally_tables *ts);

/* Frequencies of every question, each checked, rendered; and a crosstab
   of the first two single/scale questions, checked, rendered. */
void fuzz_tabulate(const tally_dataset *ds);

/* Check the error contract of a failed call: err->code is the status
   and the message is not empty. */
void fuzz_check_error(tally_status st, const tally_error *err);

/* Touch every cell, header, column and note of @p raw (so that the
   sanitizers see every string the reader made). */
void fuzz_walk_raw(const tally_raw *raw);

/* Read @p data with tally_read() (csv: tally_read_csv()), walk the
   table; the table or NULL, the error contract checked. */
tally_raw *fuzz_read(const uint8_t *data, size_t size, int csv);

/* Infer the codebook of @p raw and code the answers with it: the
   inferred codebook must fit its own table. NULL on NOMEM/LIMIT only. */
tally_dataset *fuzz_infer_dataset(const tally_raw *raw);

/* A small fixed table (single, scale, matrix, multi, numeric, text and
   weight columns; FUZZ_FIXED_CSV), read once and kept for the process. */
const tally_raw *fuzz_fixed_raw(void);

/* Write @p cb as YAML, read it back, write again: the two texts must be
   equal. With @p raw, the codebook read back must code it. With
   @p strict, the first write must succeed (else a label that is not
   UTF-8 may be refused with TALLY_ERR_ENCODING). */
void fuzz_yaml_roundtrip(const tally_codebook *cb, const tally_raw *raw,
                         int strict);

#endif /* TALLY_FUZZ_H */
