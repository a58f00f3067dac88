/* bitint100: an unsigned _BitInt(100) compared for equality.
 *
 * Pattern: an integer compare of odd width.  SanitizerCoverage traces
 * 1-, 2-, 4- and 8-byte compares only: an icmp on i100 gets no hook, so an
 * engine sees neither operand.  The value spans 13 bytes, the low
 * nibble of the 13th included.  The 13 bytes are copied into a zeroed
 * value.
 * Solution: the 13 bytes 88 77 66 55 44 33 22 11 ee ff c0 ad 0b
 * (little endian) at offset 0. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef unsigned _BitInt(100) u100;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 13)
        return 0;
    u100 v = 0;
    memcpy(&v, data, 13);
    if (v == (((u100)0xBADC0FFEEull << 64) | (u100)0x1122334455667788ull))
        __builtin_trap();
    return 0;
}
