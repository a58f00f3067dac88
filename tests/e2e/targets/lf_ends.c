/* lf_ends.c - a target that ends an input every way libFuzzer's reproduce
 * mode and ClusterFuzz tell apart, all of it in LLVMFuzzerTestOneInput
 * itself (no frame of its own below it, so a crash state made of the first
 * frames that are not the engine's has nothing else to take):
 *   H      hangs                      M      mallocs 3 GB (over any limit)
 *   E<n>   exit(n)                    X<n>   _exit(n)
 *   S      a NULL write (SEGV)        A      reads past its heap input
 * Anything else returns. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

static volatile unsigned long spins;
static void *volatile keep;

static int number(const uint8_t *d, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n && d[i] >= '0' && d[i] <= '9'; i++)
        v = v * 10 + (d[i] - '0');
    return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n < 1)
        return 0;
    switch (d[0]) {
    case 'H':
        for (;;)
            spins++;
    case 'M':
        keep = malloc((size_t)3 << 30);
        free(keep);
        return 0;
    case 'E':
        exit(number(d + 1, n - 1));
    case 'X':
        _exit(number(d + 1, n - 1));
    case 'S':
        *(volatile int *)keep = 1;
        return 0;
    case 'A':
        return d[n + 8] == 'A';
    }
    return 0;
}
