/* fuzz_xlsx: the container path of tally_read on arbitrary bytes, seeded
   with XLSX workbooks and .zip downloads: the ZIP reader (limits, zip
   bombs), the XML parts, shared strings, cell values, dates. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tally_raw_free(fuzz_read(data, size, 0));
    return 0;
}
