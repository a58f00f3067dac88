/* A number read as text with strtod, then a range compare: crashes when
 * the input starts with a number x such that 1234.5 < x < 1234.6.  The
 * pass plugin traces the double compares; the value is in the input only
 * as text (floattext.c finds the token and writes 1234.5000000000002). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    char buf[64], *end;
    if (n == 0 || n >= sizeof buf)
        return 0;
    memcpy(buf, d, n);
    buf[n] = 0;
    double x = strtod(buf, &end);
    if (end == buf)
        return 0;
    if (x > 1234.5 && x < 1234.6)
        __builtin_trap();
    return 0;
}
