/* One bug (a NULL write in bug_only) on every input starting with 'A'. */
#include <stddef.h>
#include <stdint.h>

static volatile unsigned sink;

__attribute__((noinline)) void bug_only(const uint8_t *d)
{
    *(volatile int *)0 = d[0];
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n >= 1 && d[0] == 'A')
        bug_only(d);
    for (size_t i = 0; i < n && i < 8; i++)
        if (d[i] & 1)
            sink++;
    return 0;
}
