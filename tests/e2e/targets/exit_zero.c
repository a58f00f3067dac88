/* Calls exit(0) on inputs starting with 'X' (a failure, not a success). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n >= 1 && d[0] == 'X')
        exit(0);
    return 0;
}
