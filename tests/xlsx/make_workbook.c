/*
 * make_workbook: write the sample tables (sample_tables.h) to the xlsx
 * file named on the command line, for check_workbook.py to read back.
 */
#include <stdio.h>

#include "sample_tables.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: make_workbook OUT.xlsx\n");
        return 2;
    }
    tally_tables *ts = sample_tables();
    if (!ts) {
        fprintf(stderr, "make_workbook: out of memory\n");
        return 1;
    }
    tally_write_opts opts = {.created = SAMPLE_CREATED,
                             .title = "tally read-back test"};
    tally_error err = {0};
    tally_status st = tally_tables_write_xlsx(ts, argv[1], &opts, &err);
    tally_tables_free(ts);
    if (st != TALLY_OK) {
        fprintf(stderr, "make_workbook: %s: %s\n", tally_strerror(st),
                err.message);
        return 1;
    }
    return 0;
}
