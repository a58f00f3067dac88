/* Go's test_fuzz_minimize_interesting shape: the seed (20 'a') returns at
 * once; any other input is summed in a loop, so inputs of different lengths
 * reach different loop-count buckets: new coverage that minimization must
 * keep while shrinking the input. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static volatile unsigned sink;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    static const char seed[] = "aaaaaaaaaaaaaaaaaaaa";
    if (n == sizeof seed - 1 && memcmp(d, seed, n) == 0)
        return 0;
    unsigned sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += d[i];
    sink = sum;
    return 0;
}
