/* cmp_chain.c - levels behind memcmp, strncmp and integer compares, and no
 * bug: a run with comparison feedback climbs them and keeps a cache of
 * many entries (for the repeatability test). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static volatile int depth;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    uint32_t v;
    if (n < 4 || memcmp(d, "HDR1", 4) != 0)
        return 0;
    depth = 1;
    if (n < 8)
        return 0;
    memcpy(&v, d + 4, 4);
    if (v != 0x1badf00d)
        return 0;
    depth = 2;
    if (n < 14 || strncmp((const char *)d + 8, "record", 6) != 0)
        return 0;
    depth = 3;
    if (n < 16 || d[14] != 'z' || d[15] != 'q')
        return 0;
    depth = 4;
    if (n >= 20 && memcmp(d + 16, "tail", 4) == 0)
        depth = 5;
    return 0;
}
