/* fuzz_stat: SPSS .sav/.zsav/.por and Stata .dta through ReadStat
   (tally_read recognises them by their first bytes), with the value
   labels and missing values turned into the raw table. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tally_raw_free(fuzz_read(data, size, 0));
    return 0;
}
