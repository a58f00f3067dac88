/* magic_bytes: an 8-byte magic checked one byte at a time.
 *
 * Pattern: a file signature compared byte by byte, as hand-written parsers
 * do.  A volatile store between the checks keeps clang from merging them
 * into one 64-bit compare, so every byte is its own branch (and its own
 * 1-byte comparison): coverage rewards each correct byte, but a blind
 * mutator still has to guess each byte (1 in 256) in order.
 * Solution: the 8 bytes 89 'F' 'R' 'T' 0d 0a 1a 0a at offset 0. */
#include <stddef.h>
#include <stdint.h>

static volatile int sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 8)
        return 0;
    if (data[0] != 0x89) return 0;
    sink = 1;
    if (data[1] != 'F') return 0;
    sink = 2;
    if (data[2] != 'R') return 0;
    sink = 3;
    if (data[3] != 'T') return 0;
    sink = 4;
    if (data[4] != 0x0d) return 0;
    sink = 5;
    if (data[5] != 0x0a) return 0;
    sink = 6;
    if (data[6] != 0x1a) return 0;
    sink = 7;
    if (data[7] != 0x0a) return 0;
    sink = 8;
    __builtin_trap();
}
