/* One malloc of 128 MB on inputs starting with 'M' (freed again: only
 * -malloc_limit_mb can make it a finding). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

static void *volatile keep;
static volatile unsigned sink;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n >= 1 && d[0] == 'M') {
        keep = malloc((size_t)128 << 20);
        if (keep)
            ((volatile char *)keep)[0] = 1;
        free(keep);
        keep = NULL;
        return 0;
    }
    for (size_t i = 0; i < n && i < 8; i++)
        if (d[i] & 1)
            sink++;
    return 0;
}
