/* Case folding: a verb of 8 upper-case letters, looked up after tolower()
 * on each byte with memcmp.  The compared bytes are never in the input as
 * they are (the input is upper case, the key lower case). */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define UPPER(i)                                                               \
    if (d[i] < 'A' || d[i] > 'Z')                                              \
        return 0;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    char verb[8];
    volatile size_t len = sizeof verb; /* not a constant: memcmp stays a call */
    if (n < sizeof verb)
        return 0;
    UPPER(0) UPPER(1) UPPER(2) UPPER(3) UPPER(4) UPPER(5) UPPER(6) UPPER(7)
    for (size_t i = 0; i < sizeof verb; i++)
        verb[i] = (char)tolower(d[i]);
    if (memcmp(verb, "fuzzverb", len) == 0)
        abort();
    return 0;
}
