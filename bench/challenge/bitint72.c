/* bitint72: an unsigned _BitInt(72) compared for equality.
 *
 * Pattern: an integer compare of odd width.  SanitizerCoverage traces
 * 1-, 2-, 4- and 8-byte compares only: an icmp on i72 gets no hook, so an
 * engine sees neither operand.  clang 14 accepts _BitInt up to 128 bits in C
 * (C23's name; _ExtInt is the older spelling).  The 9 bytes are copied into a zeroed
 * value.
 * Solution: the 9 bytes 78 69 5a 4b 3c 2d 1e 0f a5 (little endian) at offset 0. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef unsigned _BitInt(72) u72;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 9)
        return 0;
    u72 v = 0;
    memcpy(&v, data, 9);
    if (v == (((u72)0xA5 << 64) | (u72)0x0F1E2D3C4B5A6978ull))
        __builtin_trap();
    return 0;
}
