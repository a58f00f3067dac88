/* const_write.c - writes to its const input when it starts with "WR": a
 * bug libFuzzer reports ("fuzz target overwrites its const input"). */
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n >= 2 && d[0] == 'W' && d[1] == 'R')
        ((uint8_t *)d)[1] = 'r';
    return 0;
}
