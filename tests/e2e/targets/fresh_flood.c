/* fresh_flood.c - a flood of new entries next to a goal only an old entry
 * leads to (test_fresh_share.sh).
 *
 *  - 'F' inputs: 48 compares of 16-bit values taken from the input with
 *    constants.  With value profile on (the default), nearly every mutation
 *    of an 'F' input brings a new Hamming or distance feature at one of
 *    them (about 1500 in all): each new entry's mutants find another at
 *    once, as libtiff's do on the sort of a large directory.
 *  - 'G' inputs: the goal, four bytes after the 'G', only when bytes 8..63
 *    hash to what the 'G' seed holds: no 'F' input comes there by
 *    mutations, only the 'G' seed and what is made from it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static volatile unsigned sink;

#define SITE(k)                                                                          \
    do {                                                                                 \
        uint16_t v = (uint16_t)(d[2 * (k) + 1] | d[2 * (k) + 2] << 8);                  \
        if (v == (uint16_t)(0x9e37u * ((k) + 1)))                                        \
            sink++;                                                                      \
    } while (0)
#define SITE4(k) SITE(k); SITE((k) + 1); SITE((k) + 2); SITE((k) + 3)
#define SITE16(k) SITE4(k); SITE4((k) + 4); SITE4((k) + 8); SITE4((k) + 12)

static void flood(const uint8_t *d)
{
    SITE16(0);
    SITE16(16);
    SITE16(32);
}

static uint32_t fnv(const uint8_t *d, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ d[i]) * 16777619u;
    return h;
}

/* 1 if the 56 bytes at d hash to what the 'G' seed's do, with no compare
 * of the hash (a compare would give value profile a distance to climb, and
 * mutants a feature each). */
static unsigned same_hash(const uint8_t *d)
{
    uint32_t x = fnv(d, 56) ^ 0xdf85b9a3u;
    return 1u - (unsigned)(((uint64_t)x + 0xffffffffu) >> 32);
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n >= 153 && d[0] == 'F' && same_hash(d + 97))
        flood(d);
    if (n >= 64 && d[0] == 'G' && same_hash(d + 8)) {
        if (memcmp(d + 1, "xyz!", 4) == 0)
            abort();
    }
    return 0;
}
