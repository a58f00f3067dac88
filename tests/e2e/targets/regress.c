/* Fails on inputs starting with "BAD": NULL write, caught by whichever
 * sanitizer or handler is installed. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static volatile int *volatile nowhere;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n >= 3 && memcmp(d, "BAD", 3) == 0)
        *nowhere = 42;
    return 0;
}
