/* volatile_loop: a byte-by-byte compare loop against a constant string,
 * through a volatile zero.
 *
 * Pattern: a string compare that no hook sees as one.  Each input byte i
 * is compared with Expected[i] + Zero, where Zero is a volatile 0: clang
 * cannot fold the sum, so the compare is a 32-bit compare of two values
 * computed at run time (no memcmp to hook, no constant for a dictionary),
 * and all 24 bytes go through the same compare instruction.  Matching
 * bytes are counted; the crash needs all 24.  The count shows in coverage
 * only through hit-count buckets (1, 2, 3, 4-7, 8-15, 16-31...).
 * Solution: "ferret-expects-this-text" (24 bytes) at offset 0. */
#include <stddef.h>
#include <stdint.h>

static volatile int Zero = 0;
static const char Expected[] = "ferret-expects-this-text";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const size_t n = sizeof Expected - 1;
    if (size < n)
        return 0;
    size_t match = 0;
    for (size_t i = 0; i < n; i++)
        if (Expected[i] + Zero == data[i])
            match++;
    if (match == n)
        __builtin_trap();
    return 0;
}
