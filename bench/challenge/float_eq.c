/* float_eq: a 32-bit float compared for equality.
 *
 * Pattern: a floating-point compare.  SanitizerCoverage traces integer
 * compares only (trace-cmp has no hook for fcmp), so an engine sees no
 * operand here: it needs a compiler pass that reports float compares, or a
 * lucky 1-in-2^32 guess.  The float is read from the input with memcpy, so
 * the compare is an fcmp of a loaded float against a constant.
 * Solution: the 4 bytes of 1234.5678f, 2b 52 9a 44 (little endian), at
 * offset 0. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4)
        return 0;
    float f;
    memcpy(&f, data, sizeof f);
    if (f == 1234.5678f)
        __builtin_trap();
    return 0;
}
