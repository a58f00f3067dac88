/* Two pairs of bytes, each checked for two relations in turn: the second
 * check runs only on inputs that pass the first, and every one-byte change
 * of such an input fails the first again.  Value profile climbs the first
 * relation; the second only by moving both bytes along the first
 * (mutator.c's TieBytes: +c/-c keeps a sum, ^m/^m a xor).
 * Solution: aa 82 41 7d. */
#include <stddef.h>
#include <stdint.h>

static volatile int sink;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t size)
{
    if (size != 4)
        return 0;
    if (d[0] + d[1] != 300 || d[0] - d[1] != 40)
        return 0;
    sink = 1;
    if ((d[2] ^ d[3]) != 0x3c || d[3] - d[2] != 0x3c)
        return 0;
    __builtin_trap();
}
