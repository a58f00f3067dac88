/* Crashes when the first 10 bytes are an x86 long double strictly between
 * 1234.5L and 1234.5L + 2 ulp (2^-52): a range on an 80-bit value holding
 * one value, the bound's neighbour, which the runtime offers (a memory
 * compare has no +1 of its own in input-to-state). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    long double x = 0;
    if (n < 10)
        return 0;
    memcpy(&x, d, 10);
    if (x > 1234.5L && x < 1234.5L + 0x1p-52L)
        __builtin_trap();
    return 0;
}
