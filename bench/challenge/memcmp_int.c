/* memcmp_int: an 8-byte memcmp signature, then a 32-bit integer field.
 *
 * Pattern: a header whose signature is checked with memcmp (one call: no
 * partial credit from coverage for a partly right signature) followed by a
 * little-endian 32-bit version/type field compared against a constant (one
 * compare instruction: again no partial credit).  Blind mutation needs
 * 2^64 * 2^32 guesses; an engine that sees memcmp's and the compare's
 * operands needs two replacements.
 * Solution: "\x7f" "FERRET\x01" then the bytes 55 1e ed 5e (0x5EED1E55 LE). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static volatile int sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 12)
        return 0;
    if (memcmp(data, "\x7f" "FERRET\x01", 8) != 0)
        return 0;
    sink = 1;
    uint32_t v;
    memcpy(&v, data + 8, sizeof v);
    if (v == 0x5EED1E55u)
        __builtin_trap();
    return 0;
}
