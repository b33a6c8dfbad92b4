/* render.h: writing tables and buffers for the subcommands. */
#ifndef TALLY_RENDER_H
#define TALLY_RENDER_H

#include "cli.h"

/* Tables as text, CSV, Markdown or XLSX (per fmt) to -o or stdout. */
int render_tables(const cli_opts *o, out_format fmt, const tally_tables *ts);

/* Write buf (when st is OK; else report err) and free it. */
int render_buf(const cli_opts *o, tally_buf *buf, tally_status st,
               const tally_error *err);

#endif /* TALLY_RENDER_H */
