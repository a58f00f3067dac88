/* short_branch.c - inputs shorter than 2 bytes take a branch of their own:
 * an input with new coverage that minimizes to the empty input. */
#include <stddef.h>
#include <stdint.h>

static volatile unsigned sink;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n < 2)
        sink += 7;
    else if (d[0] == d[1])
        sink += 3;
    return 0;
}
