/* Never fails; a few input-dependent branches so that fuzzing finds new
 * coverage now and then and writes it to the cache. */
#include <stddef.h>
#include <stdint.h>

static volatile unsigned sink;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    for (size_t i = 0; i < n && i < 16; i++) {
        switch (d[i] >> 4) {
        case 0: sink += 1; break;
        case 1: sink += 2; break;
        case 2: sink ^= 3; break;
        case 3: sink += 5; break;
        case 4: if (i & 1) sink += 7; break;
        case 5: if (d[i] & 1) sink ^= 11; break;
        case 6: sink += d[i]; break;
        case 7: if (i > 4) sink--; break;
        default: break;
        }
    }
    if (n > 8 && d[0] == d[n - 1])
        sink++;
    return 0;
}
