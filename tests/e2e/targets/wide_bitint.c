/* Crashes when a _BitInt(24) (bytes 0..2) and then a _BitInt(72) (bytes
 * 3..11) take two magics: integer compares of odd width, 24 and 72 bits. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    unsigned _BitInt(24) a = 0;
    unsigned _BitInt(72) b = 0;
    if (n < 12)
        return 0;
    memcpy(&a, d, 3);
    memcpy(&b, d + 3, 9);
    if (a == (unsigned _BitInt(24))0xc0ffee && b == (((unsigned _BitInt(72))0xa5 << 64) | 0x0102030405060708ULL))
        __builtin_trap();
    return 0;
}
