/* Crashes when the first 4 bytes are the float 3.14159f (equality). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    float f;
    if (n < 4)
        return 0;
    memcpy(&f, d, sizeof f);
    if (f == 3.14159f)
        __builtin_trap();
    return 0;
}
