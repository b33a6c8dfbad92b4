/* version.c: the run-time version string. */
#include "common.h"

const char *tally_version(void)
{
    return TALLY_VERSION_STRING;
}
