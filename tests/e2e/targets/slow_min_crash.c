/* slow_min_crash.c - crashes (SEGV) on any input holding "BOOM"; inputs
 * shorter than 1900 bytes take 50 ms each, so fuzzing the 2000-byte seed is
 * fast and minimizing the crasher takes many seconds (its smaller
 * candidates are slow): a window to stop the run while it minimizes. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n < 1900)
        usleep(50000);
    if (n >= 4 && memmem(d, n, "BOOM", 4)) {
        volatile char *p = 0;
        *p = 1;
    }
    return 0;
}
