/*
 * fuzz_infer: dialect detection and codebook inference on a parsed
 * table. Invariants: the inferred codebook codes its own table; written
 * as YAML it reads back, and the codebook read back codes the table too
 * and writes the same YAML; the info JSON parses.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tally_raw *raw = fuzz_read(data, size, 1);
    tally_dataset *ds = raw ? fuzz_infer_dataset(raw) : NULL;
    tally_buf *json = tally_buf_new();
    tally_error err = {0};
    if (ds && json) {
        fuzz_yaml_roundtrip(tally_dataset_codebook(ds), raw, 0);
        if (tally_dataset_write_info_json(ds, json, &err) != TALLY_OK)
            fuzz_fail("info JSON: %s", err.message);
        if (!fuzz_json_valid(tally_buf_data(json), tally_buf_size(json)))
            fuzz_fail("info JSON does not parse: %s", tally_buf_data(json));
    }
    tally_buf_free(json);
    tally_dataset_free(ds);
    tally_raw_free(raw);
    return 0;
}
