/* Crashes on inputs that start with "FUZZ" (checked byte by byte, so each
 * byte is its own edge); needs at least 4 bytes. */
#include <stddef.h>
#include <stdint.h>

static volatile int *volatile nowhere;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n < 4)
        return 0;
    if (d[0] == 'F')
        if (d[1] == 'U')
            if (d[2] == 'Z')
                if (d[3] == 'Z')
                    *nowhere = 1; /* NULL write: SEGV */
    return 0;
}
