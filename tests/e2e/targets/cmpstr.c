/* A strcmp token: the input, as a string, must be one keyword. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    char buf[64];
    if (n >= sizeof buf)
        return 0;
    memcpy(buf, d, n);
    buf[n] = 0;
    if (strcmp(buf, "open-sesame") == 0)
        abort();
    return 0;
}
