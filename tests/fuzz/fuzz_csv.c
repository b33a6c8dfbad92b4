/* fuzz_csv: the CSV reader (tally_read_csv) on arbitrary bytes:
   encodings, delimiter sniffing, quoting, dialect detection. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tally_raw_free(fuzz_read(data, size, 1));
    return 0;
}
