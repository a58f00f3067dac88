/* feat_foldloop.c - a key checked byte by byte in one loop, each byte
 * through two tests in one condition: it must be a lower-case letter, and
 * its toupper() must be the key's letter.  One compare instruction for all
 * ten bytes, the loop stops at the first wrong one, and the loop's own
 * bound gets no compare hook here (the binary calls none for it, as in
 * bench/challenge/case_fold.c; a traced `i < N` would show each step to
 * value profile by its distance).  Past the fourth byte, hit-count
 * buckets (4-7, 8-15) see nothing new for most bytes, value profile's
 * distances at the one site nothing new once one byte matched, and the
 * i-th byte's operand is never in the input as it is (its upper-case form
 * fails islower).  Solution: "wildcarded". */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    static const char key[] = "WILDCARDED";
    if (n < 10)
        return 0;
    for (int i = 0; i < 10; i++)
        if (!islower(d[i]) || toupper(d[i]) != key[i])
            return 0;
    abort();
}
