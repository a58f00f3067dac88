/* Crashes when the first 8 bytes are the double 2718.281828459045
 * (equality). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    double x;
    if (n < 8)
        return 0;
    memcpy(&x, d, sizeof x);
    if (x == 2718.281828459045)
        __builtin_trap();
    return 0;
}
