/* Both kinds of target in one binary: LLVMFuzzerTestOneInput (named after
 * the binary, typed_both) and a Go-style FuzzNumber (int32).  Each fails on
 * its own planted value. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ferret.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n == 4 && memcmp(d, "BYTE", 4) == 0)
        abort();
    return 0;
}

static void seeds_number(ferret_seeds *s)
{
    ferret_add(s, ferret_int32(1));
}

static void fuzz_number(ferret_t *t, const ferret_value *arg)
{
    if (arg[0].i == -424242)
        ferret_fail(t, "the number");
}
FERRET_FUZZ(FuzzNumber, fuzz_number, seeds_number, FERRET_INT32);
