/* Crashes when the first 8 bytes are a double strictly between 1234.5 and
 * 1234.6: a range, not one value. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    double x;
    if (n < 8)
        return 0;
    memcpy(&x, d, sizeof x);
    if (x > 1234.5 && x < 1234.6)
        __builtin_trap();
    return 0;
}
