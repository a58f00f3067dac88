/* A target with its own mutator (LLVMFuzzerCustomMutator) that makes inputs
 * ferret's mutators would not: "CM" and six bytes drawn from the seed it is
 * given.  The target dies without a word on one in 256 of them (_exit(9);
 * raise(SIGUSR2) with FERRET_E2E_DIE_BY_SIGNAL set), after recording the
 * exact bytes it got: the coordinator must rebuild the input
 * with the target's mutator, called with the same seed (replay.h). */
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

size_t LLVMFuzzerCustomMutator(uint8_t *d, size_t n, size_t max, unsigned int seed)
{
    uint32_t x = seed * 2654435761u + 1;
    (void)n;
    if (max < 8)
        return n;
    d[0] = 'C';
    d[1] = 'M';
    for (int i = 2; i < 8; i++) {
        x = x * 1103515245u + 12345u;
        d[i] = (uint8_t)(x >> 16);
    }
    return 8;
}

#include "record.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n == 8 && d[0] == 'C' && d[1] == 'M' && d[2] == 0x2a) {
        record(d, n);
        if (getenv("FERRET_E2E_DIE_BY_SIGNAL"))
            raise(SIGUSR2); /* silent too: no handler, no report */
        _exit(9);
    }
    return 0;
}
