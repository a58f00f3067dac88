/* bitint24: two unsigned _BitInt(24) fields, chained.
 *
 * Pattern: integer compares of odd width.  SanitizerCoverage traces 1-,
 * 2-, 4- and 8-byte compares only: an icmp on i24 gets no hook, so an
 * engine sees neither operand.  Two fields, because one 24-bit value is
 * close enough to blind luck (1 in 2^24) to measure little; the second is
 * compared only when the first matched, so coverage rewards the first.
 * Each field's 3 bytes are copied into a zeroed value.
 * Solution: ee ff c0 (0xC0FFEE) then 42 ed 5e (0x5EED42), little endian,
 * at offset 0. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef unsigned _BitInt(24) u24;

static volatile int sink;

static u24 field(const uint8_t *p)
{
    u24 v = 0;
    memcpy(&v, p, 3);
    return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 6)
        return 0;
    if (field(data) != (u24)0xC0FFEE)
        return 0;
    sink = 1;
    if (field(data + 3) == (u24)0x5EED42)
        __builtin_trap();
    return 0;
}
