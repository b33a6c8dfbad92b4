/* read_stat.c: SPSS and Stata files through ReadStat (to come). */
#include "read_internal.h"

tally_status tally__read_stat(const unsigned char *data, size_t size,
                              const char *file, tally__stat_kind kind,
                              const tally_read_opts *opts, tally_raw **out,
                              tally_error *err)
{
    (void)data;
    (void)size;
    (void)kind;
    (void)opts;
    (void)out;
    return tally__fail_at(err, TALLY_ERR_UNSUPPORTED, file, 0, 0,
                          "SPSS and Stata files are not read yet");
}
