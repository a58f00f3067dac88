/* feat_countloop.c - matching bytes counted in a loop that does not stop:
 * byte i is compared with Expected[i] + Zero (a volatile 0: one 32-bit
 * compare of two computed values, no constant, no memcmp), and all 20 must
 * match.  No compare comes closer as more bytes match, and the count shows
 * in coverage only through hit-count buckets (4-7, 8-15, 16-31) and, at
 * the final compare with 20, value profile's distance (exact below 8, so
 * only from 13 matches on).  The count of equal outcomes at the loop's
 * compare, as value profile keeps it, rises with every byte. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

static volatile int Zero = 0;
static const char Expected[] = "count-every-match!!!";

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
