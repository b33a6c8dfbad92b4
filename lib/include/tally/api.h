/**
 * @file tally/api.h
 * @brief Symbol visibility for libtally.
 *
 * libtally is built with -fvisibility=hidden; only functions marked
 * TALLY_API are exported from the shared library (zstd's ZSTDLIB_API).
 */
#ifndef TALLY_API_H
#define TALLY_API_H

#if defined(__GNUC__) && __GNUC__ >= 4
#define TALLY_API __attribute__((visibility("default")))
#else
#define TALLY_API
#endif

#endif /* TALLY_API_H */
