/* Loops forever on inputs starting with 'H'. */
#include <stddef.h>
#include <stdint.h>

static volatile unsigned long spins;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n >= 1 && d[0] == 'H')
        for (;;)
            spins++;
    return 0;
}
