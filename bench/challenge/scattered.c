/* scattered: a few scattered bytes of a 256-byte input.
 *
 * Pattern: only 6 bytes of a large input matter, far apart:
 *   d[17] == 'S', d[89] == 'C', d[150] == (d[17] ^ 0x21),
 *   d[203] == 0x7e, d[231] == d[89] + 1, d[255] == 0xa5.
 * The input must be at least 256 bytes, so an engine must first grow its
 * inputs (libFuzzer's -len_control starts small), then change the right
 * bytes and leave the others: a mutation that shifts the input (insert,
 * erase) breaks every matched byte after it.  The tests are nested, so
 * coverage rewards each one.
 * Solution: 256 bytes, all zero except d[17] = 'S', d[89] = 'C',
 * d[150] = 0x72 ('r'), d[203] = 0x7e, d[231] = 'D', d[255] = 0xa5. */
#include <stddef.h>
#include <stdint.h>

static volatile int sink;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t size)
{
    if (size < 256)
        return 0;
    if (d[17] != 'S')
        return 0;
    sink = 1;
    if (d[89] != 'C')
        return 0;
    sink = 2;
    if (d[150] != (d[17] ^ 0x21))
        return 0;
    sink = 3;
    if (d[203] != 0x7e)
        return 0;
    sink = 4;
    if (d[231] != d[89] + 1)
        return 0;
    sink = 5;
    if (d[255] == 0xa5)
        __builtin_trap();
    return 0;
}
