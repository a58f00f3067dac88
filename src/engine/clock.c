/*
 * clock.c - engine_now_ns (see clock.h).  The worker's hot loop reads the
 * cheaper CLOCK_MONOTONIC_COARSE itself; everything else reads this.
 *
 * Owns: nothing (it reads the clock).
 */
#include <time.h>

#include "clock.h"

uint64_t engine_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}
