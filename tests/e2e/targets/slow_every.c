/* slow_every.c - every input takes $SLOW_EVERY_US microseconds (default
 * 100000) and covers the same code, whatever its bytes: fuzzing it never
 * finds anything new, so no call ends early on new coverage
 * (test_slow_calls). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    static long us = -1;
    (void)d;
    (void)n;
    if (us < 0) {
        const char *e = getenv("SLOW_EVERY_US");
        us = e ? atol(e) : 100000;
    }
    usleep((useconds_t)us);
    return 0;
}
