/* A keyword checked with a hash: comparison feedback cannot see it, a
 * dictionary entry can. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    uint32_t h = 2166136261u;
    if (n < 9)
        return 0;
    for (size_t i = 0; i < 9; i++)
        h = (h ^ d[i]) * 16777619u;
    if (h == 0xdb0825fbu) /* FNV-1a of "xyzzy-plu" */
        abort();
    return 0;
}
