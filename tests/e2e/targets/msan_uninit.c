/* MemorySanitizer's planted bug: behind "UNI" (three compares, one byte
 * each), a branch on a heap word never written. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

static volatile int sink;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n < 3 || d[0] != 'U')
        return 0;
    sink = 1;
    if (d[1] != 'N')
        return 0;
    sink = 2;
    if (d[2] != 'I')
        return 0;
    int *p = malloc(sizeof *p);
    if (*p == 42) /* use-of-uninitialized-value */
        sink = 3;
    free(p);
    return 0;
}
