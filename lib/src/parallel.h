/*
 * parallel.h: run independent jobs (one per column or question) on a
 * couple of threads. The library keeps no threads: each call starts and
 * joins its own.
 */
#ifndef TALLY_PARALLEL_H
#define TALLY_PARALLEL_H

#include <stddef.h>

#define TALLY__MAX_THREADS 2

/*
 * Call job(ctx, i, t) for every i in [0, n), spread over `threads`
 * threads (t is 0..threads-1, for per-thread resources such as arenas);
 * jobs are taken in order from a shared counter, so long and short jobs
 * balance. Runs on the calling thread alone when threads <= 1, when n < 2
 * or when a thread cannot be started. Jobs report failure through ctx.
 */
void tally__parallel_for(size_t n, int threads,
                         void (*job)(void *ctx, size_t i, int thread),
                         void *ctx);

/* The default number of threads (TALLY__MAX_THREADS, or fewer cores). */
int tally__default_threads(void);

#endif /* TALLY_PARALLEL_H */
