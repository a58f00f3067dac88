/* multi_constraint: several arithmetic constraints on an 8-byte input.
 *
 * Pattern: a small input where every byte is tied to others.  With
 * d = the input (exactly 8 bytes):
 *   d0 + d1 == 300 and d0 - d1 == 40           (d0 = 170, d1 = 130)
 *   d2 * d3 == 9797 with d2 < d3               (97 * 101)
 *   d4 ^ d5 == 0x3c and d5 - d4 == 0x3c        (0x41, 0x7d)
 *   d6 == d0 ^ d2
 *   d7 == (d0 + ... + d6) mod 256              (a check byte)
 * The tests are nested, so coverage rewards each one, but no constraint's
 * compared operand is a single input byte: an engine needs the operands'
 * distances, or to solve them.
 * Solution: aa 82 61 65 41 7d cb 7b. */
#include <stddef.h>
#include <stdint.h>

static volatile int sink;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t size)
{
    if (size != 8)
        return 0;
    if (d[0] + d[1] != 300 || d[0] - d[1] != 40)
        return 0;
    sink = 1;
    if (d[2] * d[3] != 9797 || d[2] >= d[3])
        return 0;
    sink = 2;
    if ((d[4] ^ d[5]) != 0x3c || d[5] - d[4] != 0x3c)
        return 0;
    sink = 3;
    if (d[6] != (d[0] ^ d[2]))
        return 0;
    sink = 4;
    unsigned sum = 0;
    for (int i = 0; i < 7; i++)
        sum += d[i];
    if (d[7] == (uint8_t)sum)
        __builtin_trap();
    return 0;
}
