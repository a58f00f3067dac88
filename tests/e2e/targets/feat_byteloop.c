/* feat_byteloop.c - a byte-by-byte compare loop against a constant string,
 * through a volatile zero (no memcmp for a hook to see, no constant for a
 * dictionary): if (Expected[i] + Zero == Data[i]) Match++; all matched is
 * the bug.  Value profile sees Match come closer to N at the final compare. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

static const char Expected[] = "Ferret-Loop!";
static volatile int Zero = 0;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    const size_t N = sizeof Expected - 1;
    if (n < N)
        return 0;
    size_t match = 0;
    for (size_t i = 0; i < N; i++)
        if (Expected[i] + Zero == d[i])
            match++;
    if (match == N)
        abort();
    return 0;
}
