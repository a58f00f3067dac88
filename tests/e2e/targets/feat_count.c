/* feat_count.c - counting matches: more than 15 "foo" and more than 15
 * "bar" in the first 256 bytes of the input (the pattern says 10;
 * at 10 the compare table's "foo" and "bar", inserted three at a time,
 * already get there from 8).  The match edges' hit counts see 1, 2, 3,
 * 4-7, 8-15 and 16-31 matches: from 8 to 16 in one step is out of reach.
 * Value profile sees each count come closer to the bound at its compare
 * (count > 15), one match at a time from 8 on. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    int foo = 0, bar = 0;
    if (n > 256)
        n = 256; /* room for 16 of each, and the test stays quick */
    for (size_t i = 0; i + 3 <= n; i++) {
        if (memcmp(d + i, "foo", 3) == 0)
            foo++;
        if (memcmp(d + i, "bar", 3) == 0)
            bar++;
    }
    if (foo > 15 && bar > 15)
        abort();
    return 0;
}
