/* UndefinedBehaviorSanitizer's planted bug: behind "OV", a signed addition
 * that overflows for most values of the first four bytes. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n >= 4 && d[0] == 'O' && d[1] == 'V') {
        int32_t x;
        memcpy(&x, d, 4);
        volatile int32_t y = x + 0x7fffff00; /* signed-integer-overflow */
        (void)y;
    }
    return 0;
}
