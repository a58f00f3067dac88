/* A deep level behind a 12-byte key (compared by memcmp, so only comparison
 * feedback, value profile or another instance's corpus gets there), and a crash one byte
 * further. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static volatile int depth;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    volatile size_t keylen = 12;
    if (n >= 12 && memcmp(d, "SYNC-LEVEL-9", keylen) == 0) {
        depth = 1;
        if (n >= 13 && d[12] == '!')
            abort();
    }
    return 0;
}
