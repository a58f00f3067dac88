/* Crashes when the first 10 bytes are the x86 long double 2.718281828459L
 * (equality on the 80-bit value). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    long double x = 0;
    if (n < 10)
        return 0;
    memcpy(&x, d, 10);
    if (x == 2.718281828459L)
        __builtin_trap();
    return 0;
}
