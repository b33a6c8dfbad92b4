/* render.h: writing tables and buffers for the subcommands. */
#ifndef TALLY_RENDER_H
#define TALLY_RENDER_H

#include "cli.h"

/* Tables as text, CSV, Markdown or XLSX (per fmt) to -o or stdout. */
int render_tables(const cli_opts *o, out_format fmt, const tally_tables *ts);

/* Write buf (when st is OK; else report err) and free it. */
int render_buf(const cli_opts *o, tally_buf *buf, tally_status st,
               const tally_error *err);

/* How a subcommand's results become JSON, and tables. */
typedef tally_status (*render_json_fn)(const void *const *results, size_t n,
                                       tally_buf *out, tally_error *err);
typedef tally_status (*render_tables_fn)(const void *result,
                                         const tally_table_opts *opts,
                                         tally_tables *ts, tally_error *err);

/* n results in format fmt: JSON from the results themselves, every other
   format through their tables. */
int render_results(const cli_opts *o, out_format fmt,
                   const void *const *results, size_t n, render_json_fn json,
                   render_tables_fn tables);

#endif /* TALLY_RENDER_H */
