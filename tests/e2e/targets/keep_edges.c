/* keep_edges.c - two independent branches: a first byte 'X' (the seed
 * "Xqq...q" takes it) and a last byte 'Y' (new coverage for the fuzzer to
 * find).
 * A mutant "X...Y" brings the second; cut down to its new bits alone it
 * would be "Y", which no longer takes the first.  Minimizing a new input
 * keeps every edge it hit (-minimize_inputs=1), so it stays "XY". */
#include <stddef.h>
#include <stdint.h>

static volatile int sink;

__attribute__((noinline)) static void first_x(void) { sink = 1; }
__attribute__((noinline)) static void last_y(void) { sink = 2; }

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n >= 1 && d[0] == 'X')
        first_x();
    if (n >= 1 && d[n - 1] == 'Y')
        last_y();
    return 0;
}
