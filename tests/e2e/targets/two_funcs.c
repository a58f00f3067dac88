/* Three functions for libFuzzer's -print_coverage: never() runs for no
 * input a -runs budget makes (over 100000 bytes), sometimes() for every
 * non-empty input, all of whose edges a short run covers. */
#include <stddef.h>
#include <stdint.h>

__attribute__((noinline)) int never(int x)
{
    if (x > 3)
        return x * 2;
    return x;
}

__attribute__((noinline)) int sometimes(int x)
{
    if (x == 'Q')
        return 1;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n > 100000)
        return never((int)n);
    if (n)
        return sometimes(d[0]);
    return 0;
}
