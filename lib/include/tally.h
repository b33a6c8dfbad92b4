/**
 * @file tally.h
 * @brief libtally: survey response exports -> the statistical tables of an
 *        evaluation annex. The only header programs include.
 *
 * The flow is: a ::tally_io source -> tally_read() -> ::tally_raw ->
 * tally_codebook_infer() or tally_codebook_read_yaml() -> ::tally_codebook
 * -> tally_dataset_build() -> ::tally_dataset -> tally_freq_compute() ->
 * tally_freq_add_tables() -> a writer (text, CSV, Markdown, XLSX) or
 * tally_freq_write_json().
 *
 * GSL aborts the process on a domain error by default. libtally checks
 * its arguments before calling GSL, but a program should still call
 * `gsl_set_error_handler_off()` once at startup, as the tally command
 * does; the library itself never changes that process-wide setting.
 *
 * @example 01_freq.c
 * @example 02_codebook.c
 */
#ifndef TALLY_H
#define TALLY_H

#include "tally/api.h"
#include "tally/version.h"
#include "tally/error.h"
#include "tally/io.h"
#include "tally/buf.h"
#include "tally/read.h"
#include "tally/codebook.h"
#include "tally/dataset.h"
#include "tally/ci.h"
#include "tally/freq.h"
#include "tally/assoc.h"
#include "tally/xtab.h"
#include "tally/table.h"
#include "tally/annex.h"

#endif /* TALLY_H */
