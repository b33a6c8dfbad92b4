/**
 * @file tally/version.h
 * @brief Compile-time and run-time version of libtally.
 *
 * CMake reads the three numbers below (keep the layout of the lines).
 */
#ifndef TALLY_VERSION_H
#define TALLY_VERSION_H

#include "api.h"

#define TALLY_VERSION_MAJOR 0
#define TALLY_VERSION_MINOR 1
#define TALLY_VERSION_PATCH 0

/** MAJOR*10000 + MINOR*100 + PATCH, for `#if` comparisons (zstd). */
#define TALLY_VERSION_NUMBER                                                   \
    (TALLY_VERSION_MAJOR * 10000 + TALLY_VERSION_MINOR * 100 +                 \
     TALLY_VERSION_PATCH)

#define TALLY_STRINGIFY_(x) #x
#define TALLY_STRINGIFY(x) TALLY_STRINGIFY_(x)
/** "MAJOR.MINOR.PATCH" of the headers you compile against. */
#define TALLY_VERSION_STRING                                                   \
    TALLY_STRINGIFY(TALLY_VERSION_MAJOR)                                       \
    "." TALLY_STRINGIFY(TALLY_VERSION_MINOR) "." TALLY_STRINGIFY(              \
        TALLY_VERSION_PATCH)

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief The version of the library actually linked, "MAJOR.MINOR.PATCH".
 * @return Static text; never NULL.
 */
TALLY_API const char *tally_version(void);

#ifdef __cplusplus
}
#endif

#endif /* TALLY_VERSION_H */
