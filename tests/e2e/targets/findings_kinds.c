/* Three distinct findings of two kinds, for the findings report
 * (test_findings_report): NULL writes in bug_alpha (inputs starting "A1")
 * and bug_beta ("B2"), and a leak in leak_gamma ("L3"). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

static volatile unsigned sink;

__attribute__((noinline)) void bug_alpha(const uint8_t *d)
{
    *(volatile int *)0 = d[0];
}

__attribute__((noinline)) void bug_beta(const uint8_t *d)
{
    *(volatile int *)0 = d[1];
}

__attribute__((noinline)) void leak_gamma(const uint8_t *d)
{
    char *volatile p = malloc(48);
    p[0] = (char)d[0];
    sink += (unsigned char)p[0];
    p = NULL; /* lost */
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n >= 2 && d[0] == 'A' && d[1] == '1')
        bug_alpha(d);
    if (n >= 2 && d[0] == 'B' && d[1] == '2')
        bug_beta(d);
    if (n >= 2 && d[0] == 'L' && d[1] == '3')
        leak_gamma(d);
    for (size_t i = 0; i < n && i < 8; i++)
        if (d[i] & 1)
            sink++;
    return 0;
}
