/* render.c: tables in the chosen format, to -o or standard output. */
#include "render.h"

int render_tables(const cli_opts *o, out_format fmt, const tally_tables *ts)
{
    if (fmt == FORMAT_XLSX)
        return cli_write_xlsx(o, ts);
    tally_buf *buf = tally_buf_new();
    tally_error err = {0};
    tally_status st = buf ? TALLY_OK : TALLY_ERR_NOMEM;
    if (st == TALLY_OK && fmt == FORMAT_CSV)
        st = tally_tables_write_csv(ts, &o->write, buf, &err);
    else if (st == TALLY_OK && fmt == FORMAT_MD)
        st = tally_tables_write_md(ts, &o->write, buf, &err);
    else if (st == TALLY_OK)
        st = tally_tables_write_text(ts, &o->write, buf, &err);
    int rc = st == TALLY_OK ? cli_write(o, buf) : cli_fail(st, &err);
    tally_buf_free(buf);
    return rc;
}

int render_buf(const cli_opts *o, tally_buf *buf, tally_status st,
               const tally_error *err)
{
    int rc = st == TALLY_OK ? cli_write(o, buf) : cli_fail(st, err);
    tally_buf_free(buf);
    return rc;
}

int render_results(const cli_opts *o, out_format fmt,
                   const void *const *results, size_t n, render_json_fn json,
                   render_tables_fn tables)
{
    tally_error err = {0};
    if (fmt == FORMAT_JSON) {
        tally_buf *buf = tally_buf_new();
        tally_status st = buf ? json(results, n, buf, &err) : TALLY_ERR_NOMEM;
        return render_buf(o, buf, st, &err);
    }
    tally_tables *ts = tally_tables_new();
    tally_status st = ts ? TALLY_OK : TALLY_ERR_NOMEM;
    for (size_t i = 0; i < n && st == TALLY_OK; i++)
        st = tables(results[i], &o->table, ts, &err);
    int rc = st == TALLY_OK ? render_tables(o, fmt, ts) : cli_fail(st, &err);
    tally_tables_free(ts);
    return rc;
}
