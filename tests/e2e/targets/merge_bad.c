/* Every way an input can be bad, by its first byte: 'C' crashes (NULL
 * write), 'H' hangs, 'M' allocates 128 MB at once (an out-of-memory finding
 * under -malloc_limit_mb=64), 'L' leaks 32 bytes (under ASan); 'a'..'d' are
 * good inputs with coverage of their own. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

static volatile int *volatile nowhere;
static void *volatile keep;
static volatile unsigned long spins;
static volatile int level;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n < 1)
        return 0;
    switch (d[0]) {
    case 'C': *nowhere = 1; break;
    case 'H': for (;;) spins++;
    case 'M':
        keep = malloc((size_t)128 << 20);
        if (keep)
            ((volatile char *)keep)[0] = 1;
        free(keep);
        break;
    case 'L':
        keep = malloc(32);
        keep = NULL; /* lost */
        break;
    case 'a': level = 1; break;
    case 'b': level = 2; break;
    case 'c': level = 3; break;
    case 'd': level = 4; break;
    }
    return 0;
}
