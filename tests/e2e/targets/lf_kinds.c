/* One input of each kind of finding, by its first four bytes: "HANG" loops
 * forever, "OOM!" asks for 3 GiB in one malloc, "CRSH" writes through NULL.
 * For libFuzzer's fork-mode flags (-ignore_timeouts, -ignore_ooms,
 * -ignore_crashes). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static volatile unsigned long spins;
static volatile int *volatile nowhere;
static char *volatile kept; /* so the compiler cannot drop the malloc */

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n < 4)
        return 0;
    if (!memcmp(d, "HANG", 4))
        for (;;)
            spins++;
    if (!memcmp(d, "OOM!", 4)) {
        kept = malloc((size_t)3 << 30);
        free(kept);
    }
    if (!memcmp(d, "CRSH", 4))
        *nowhere = 1;
    return 0;
}
