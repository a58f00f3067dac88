/* cmp64: one 64-bit compare.
 *
 * Pattern: a 64-bit key/magic compared in a single instruction.  Coverage
 * gives nothing until all 8 bytes are right (1 in 2^64 for a blind
 * mutator); an engine needs the compare's operands (or a value-profile
 * style distance) to get there.
 * Solution: the bytes de c0 ad de 0d f0 ad 8b (0x8BADF00DDEADC0DE LE) at
 * offset 0. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 8)
        return 0;
    uint64_t v;
    memcpy(&v, data, sizeof v);
    if (v == 0x8BADF00DDEADC0DEull)
        __builtin_trap();
    return 0;
}
