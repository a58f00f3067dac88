/* A 64-bit magic: hopeless for coverage alone, one compare for ferret. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    uint64_t x;
    if (n < 8)
        return 0;
    memcpy(&x, d, 8);
    if (x == 0xDEADBEEFCAFEBABEULL)
        __builtin_trap();
    return 0;
}
