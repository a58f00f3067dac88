/* bitint40: an unsigned _BitInt(40) compared for equality.
 *
 * Pattern: an integer compare of odd width.  SanitizerCoverage traces
 * 1-, 2-, 4- and 8-byte compares only: an icmp on i40 gets no hook, so an
 * engine sees neither operand.  Nor is it a 64-bit compare
 * in disguise: the constant has bits 32-39 set, so no 32-bit half of it
 * is compared on its own.  The 5 bytes are copied into a zeroed
 * value.
 * Solution: the 5 bytes c0 11 ba ed f3 (little endian) at offset 0. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef unsigned _BitInt(40) u40;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 5)
        return 0;
    u40 v = 0;
    memcpy(&v, data, 5);
    if (v == (u40)0xF3EDBA11C0ull)
        __builtin_trap();
    return 0;
}
