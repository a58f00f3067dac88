/* field_chain: a parser that reads one more field per level, each field a
 * 16-bit big-endian value of its own, and stops where the input ends.
 * Nothing in the input before the end tells what the next field must be;
 * only a compare of bytes read past the current end does (ExtendCmp's
 * probe tail, mutator.c).  The crash is after FIELDS fields. */
#include <stddef.h>
#include <stdint.h>

#define FIELDS 24

static uint16_t want(unsigned k) { return (uint16_t)(k * 0x1357u + 0x0abcu); }

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    size_t off = 0;
    for (unsigned k = 0; k < FIELDS; k++, off += 2) {
        if (n - off < 2)
            return 0;
        uint16_t v = (uint16_t)(d[off] << 8 | d[off + 1]);
        if (v != want(k))
            return 0;
    }
    __builtin_trap();
}
