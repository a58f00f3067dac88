/* Two bugs behind one byte: "C1..." writes through NULL (bug_one), "C"
 * followed by anything else aborts (bug_two).  Cleansing "C1..." must keep
 * the '1': replaced, the input still crashes, but with the other bug. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

static volatile int *volatile nowhere;

__attribute__((noinline)) static void bug_one(void) { *nowhere = 1; }
__attribute__((noinline)) static void bug_two(void) { abort(); }

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n < 2 || d[0] != 'C')
        return 0;
    if (d[1] == '1')
        bug_one();
    else
        bug_two();
    return 0;
}
