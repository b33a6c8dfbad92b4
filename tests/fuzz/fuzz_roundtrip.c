/*
 * fuzz_roundtrip: bytes -> tally_read -> inferred codebook -> dataset ->
 * frequencies of every question (and a crosstab of the first two
 * single/scale questions) -> every renderer (text, csv, md, json, xlsx),
 * with the accounting invariants of DESIGN.md section 3 checked
 * (fuzz_common.c).
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tally_raw *raw = fuzz_read(data, size, 0);
    tally_dataset *ds = raw ? fuzz_infer_dataset(raw) : NULL;
    if (ds)
        fuzz_tabulate(ds);
    tally_dataset_free(ds);
    tally_raw_free(raw);
    return 0;
}
