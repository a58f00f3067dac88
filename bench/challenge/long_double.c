/* long_double: an x87 80-bit long double compared for equality.
 *
 * Pattern: a floating-point compare at the x87 extended precision (x86-64
 * long double: a 64-bit mantissa with an explicit integer bit, a 15-bit
 * exponent and the sign, in the low 10 of 16 bytes).  No integer compare
 * is involved, so SanitizerCoverage reports nothing, and the encoding is
 * neither a float's nor a double's.  The 10 bytes are copied into a zeroed
 * long double, so the 6 padding bytes are never read from the input.
 * Solution: the 10 bytes of -2718.28125L, 00 00 00 00 00 80 e4 a9 0a c0
 * (little endian), at offset 0. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 10)
        return 0;
    long double x = 0;
    memcpy(&x, data, 10);
    if (x == -2718.28125L)
        __builtin_trap();
    return 0;
}
