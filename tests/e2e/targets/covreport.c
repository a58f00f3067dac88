/* covreport.c - a target for -coverage_report (test_coverage_report.sh):
 * parse_pair() is reached by every input, classify() by some, and
 * never_reached() by none (inputs are at most -max_len=64 bytes).  The
 * source holds <, > and & so the pages' escaping shows. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static volatile int sink;

__attribute__((noinline)) static int classify(int a, int b)
{
    if (a < b && b > 0)
        return 1;
    if (a > 200 && (b & 1))
        return 2;
    return 3;
}

__attribute__((noinline)) static void never_reached(const uint8_t *d, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sink += d[i] * 7;
    if (sink & 1)
        sink = 0;
}

__attribute__((noinline)) static int parse_pair(const uint8_t *d, size_t n)
{
    if (n < 2)
        return 0;
    return classify(d[0], d[1]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sink = parse_pair(data, size);
    if (size > 1000)
        never_reached(data, size);
    return 0;
}
