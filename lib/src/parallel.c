/* parallel.c: see parallel.h. */
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#include "parallel.h"

typedef struct pool {
    size_t n;
    atomic_size_t next;
    void (*job)(void *ctx, size_t i, int thread);
    void *ctx;
} pool;

typedef struct worker {
    pool *p;
    int thread;
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&w->p->next, 1);
        if (i >= w->p->n)
            return NULL;
        w->p->job(w->p->ctx, i, w->thread);
    }
}

void tally__parallel_for(size_t n, int threads,
                         void (*job)(void *ctx, size_t i, int thread),
                         void *ctx)
{
    pool p = {.n = n, .job = job, .ctx = ctx};
    atomic_init(&p.next, 0);
    worker w[TALLY__MAX_THREADS];
    pthread_t tid[TALLY__MAX_THREADS];
    int started = 0;
    if (threads > TALLY__MAX_THREADS)
        threads = TALLY__MAX_THREADS;
    for (int t = 1; n > 1 && t < threads; t++) {
        w[t] = (worker){&p, t};
        if (pthread_create(&tid[t], NULL, work, &w[t]) != 0)
            break;
        started = t;
    }
    w[0] = (worker){&p, 0};
    work(&w[0]);
    for (int t = 1; t <= started; t++)
        pthread_join(tid[t], NULL);
}

int tally__default_threads(void)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    if (cores < 1)
        return 1;
    return cores < TALLY__MAX_THREADS ? (int)cores : TALLY__MAX_THREADS;
}
