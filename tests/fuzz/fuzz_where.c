/*
 * fuzz_where: the `--where` expression parser (tally_dataset_filter) on
 * the fixed table with its inferred codebook. A subset never has more
 * rows than its dataset, and its frequencies keep the invariants; a
 * filter of the subset by the same expression keeps every row.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

static const tally_dataset *fixed_dataset(void)
{
    static tally_dataset *ds;
    if (!ds) {
        ds = fuzz_infer_dataset(fuzz_fixed_raw());
        if (!ds)
            fuzz_fail("the fixed dataset does not build");
    }
    return ds;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const tally_dataset *ds = fixed_dataset();
    tally_dataset *sub = NULL, *again = NULL;
    tally_error err = {0};
    tally_status st;
    char *expr;
    if (size > 4096 || memchr(data, 0, size))
        return 0; /* a command-line argument holds no NUL */
    expr = malloc(size + 1);
    if (!expr)
        return 0;
    memcpy(expr, data, size);
    expr[size] = '\0';
    st = tally_dataset_filter(ds, expr, &sub, &err);
    if (st != TALLY_OK) {
        fuzz_check_error(st, &err);
    } else {
        if (tally_dataset_rows(sub) > tally_dataset_rows(ds))
            fuzz_fail("subset has more rows than its dataset");
        if (tally_dataset_filter(sub, expr, &again, &err) != TALLY_OK)
            fuzz_fail("filter fails on its own subset: %s", err.message);
        if (tally_dataset_rows(again) != tally_dataset_rows(sub))
            fuzz_fail("filter is not idempotent: %zu then %zu rows",
                      tally_dataset_rows(sub), tally_dataset_rows(again));
        fuzz_tabulate(sub);
    }
    tally_dataset_free(again);
    tally_dataset_free(sub);
    free(expr);
    return 0;
}
