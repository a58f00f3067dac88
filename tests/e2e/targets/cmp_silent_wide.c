/* A crash behind a double compare and a 128-bit compare, dying without a
 * word: the target records the exact bytes it got, then _exit(9).  Crash
 * recovery must rebuild those bytes although the mutations drew on the
 * plugin's compare operands. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "record.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    double x;
    unsigned __int128 w;
    if (n < 24)
        return 0;
    memcpy(&x, d, 8);
    memcpy(&w, d + 8, 16);
    if (x == -6.02214076e23 && w == (((unsigned __int128)0x0badf00dcafef00dULL << 64) | 0x1122334455667788ULL)) {
        record(d, n);
        _exit(9);
    }
    return 0;
}
