/* Crashes when two 16-byte fields hold two unsigned __int128 magics, the
 * second compared only once the first matches. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define U128(hi, lo) (((unsigned __int128)(hi) << 64) | (lo))

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    unsigned __int128 a, b;
    if (n < 32)
        return 0;
    memcpy(&a, d, 16);
    memcpy(&b, d + 16, 16);
    if (a == U128(0x0123456789abcdefULL, 0xfedcba9876543210ULL) &&
        b == U128(0x5a5a5a5a12345678ULL, 0x8765432100c0ffeeULL))
        __builtin_trap();
    return 0;
}
