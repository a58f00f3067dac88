/* Two distinct bugs in two functions, both NULL writes: bug_alpha on inputs
 * starting with "A1", bug_beta on inputs starting with "B2". */
#include <stddef.h>
#include <stdint.h>

static volatile unsigned sink;

__attribute__((noinline)) void bug_alpha(const uint8_t *d)
{
    *(volatile int *)0 = d[0];
}

__attribute__((noinline)) void bug_beta(const uint8_t *d)
{
    *(volatile int *)0 = d[1];
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n >= 2 && d[0] == 'A' && d[1] == '1')
        bug_alpha(d);
    if (n >= 2 && d[0] == 'B' && d[1] == '2')
        bug_beta(d);
    for (size_t i = 0; i < n && i < 8; i++)
        if (d[i] & 1)
            sink++;
    return 0;
}
