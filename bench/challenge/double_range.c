/* double_range: a double that must lie in a narrow open interval.
 *
 * Pattern: a floating-point range check, x > 1234.5 && x < 1234.6.  No
 * integer compare is involved, so SanitizerCoverage reports nothing; the
 * interval holds about 2^39 of the 2^64 bit patterns (1 in 2^25 for a
 * blind guess).  An engine that sees the bounds can step just inside them
 * (bound +/- epsilon, or the midpoint).  The second test is only reached
 * when the first holds, so coverage rewards x > 1234.5 on its own.
 * Solution: the 8 bytes of 1234.55 (any double strictly between the
 * bounds), 33 33 33 33 33 4a 93 40 (little endian), at offset 0. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static volatile int sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 8)
        return 0;
    double x;
    memcpy(&x, data, sizeof x);
    if (x > 1234.5) {
        sink = 1;
        if (x < 1234.6)
            __builtin_trap();
    }
    return 0;
}
