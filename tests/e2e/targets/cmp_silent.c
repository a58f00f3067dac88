/* A crash behind a memcmp and an integer compare, dying without a word:
 * the target records the exact bytes it got, then _exit(9).  Crash recovery
 * must rebuild those bytes although the mutations drew on compare operands. */
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "record.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    volatile size_t keylen = 6;
    uint32_t v;
    if (n < 10 || memcmp(d, "HEADER", keylen) != 0)
        return 0;
    memcpy(&v, d + 6, 4);
    if (v == 0x0badf00d) {
        record(d, n);
        _exit(9);
    }
    return 0;
}
