/*
 * fuzz_yaml: the YAML codebook reader (tally_codebook_read_yaml). A
 * codebook that reads must write back as YAML that reads to the same
 * YAML (fuzz_yaml_roundtrip); applied to the fixed table
 * (fuzz_fixed_raw) it either codes it or says why, and what it codes is
 * tabulated with the invariants of fuzz_tabulate().
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const tally_raw *raw = fuzz_fixed_raw();
    tally_codebook *cb = NULL;
    tally_dataset *ds = NULL;
    tally_io *io = NULL;
    tally_error err = {0};
    tally_status st;
    if (tally_io_from_memory(data, size, "fuzz.yaml", &io, &err) != TALLY_OK)
        return 0;
    st = tally_codebook_read_yaml(io, &cb, &err);
    tally_io_free(io);
    if (st != TALLY_OK) {
        fuzz_check_error(st, &err);
        return 0;
    }
    fuzz_yaml_roundtrip(cb, NULL, 1);
    st = tally_dataset_build(raw, cb, NULL, &ds, &err);
    if (st == TALLY_OK)
        fuzz_tabulate(ds);
    else
        fuzz_check_error(st, &err);
    tally_dataset_free(ds);
    tally_codebook_free(cb);
    return 0;
}
