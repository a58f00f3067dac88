/* Every input takes 20 ms, and a hash of all its bytes picks one of 16
 * branches: new coverage comes often, and almost every candidate of a
 * minimization changes the hash, so minimizing a long input takes seconds
 * and a run with a short time budget ends while one is in flight. */
#include <stddef.h>
#include <stdint.h>
#include <time.h>

static volatile unsigned sink;

#define CASE(k) case k: sink = k; break;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct timespec ts = {0, 20000000};
    nanosleep(&ts, NULL);
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ d[i]) * 16777619u;
    switch (h & 15) {
    CASE(0) CASE(1) CASE(2) CASE(3) CASE(4) CASE(5) CASE(6) CASE(7)
    CASE(8) CASE(9) CASE(10) CASE(11) CASE(12) CASE(13) CASE(14) CASE(15)
    }
    return 0;
}
