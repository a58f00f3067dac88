/* case_fold: bytes case-folded (toupper, tolower) before they are
 * compared.
 *
 * Pattern: a value transformed before the compare.  The first 6 bytes
 * must be lower-case letters whose toupper() spells "SCHEMA"; the next 6
 * upper-case letters whose tolower() spells "ferret".  Each byte is
 * checked in a loop with both tests in one condition, so the compare's
 * operand ('S', 'f', ...) is never a byte the input may hold at that
 * place: copying the constant into the input fails the islower()/isupper()
 * test.  An engine must try the constant case-folded.
 * Solution: "schemaFERRET" at offset 0. */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>

static volatile int sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char upper[] = "SCHEMA", lower[] = "ferret";
    if (size < 12)
        return 0;
    for (int i = 0; i < 6; i++)
        if (!islower(data[i]) || toupper(data[i]) != upper[i])
            return 0;
    sink = 1;
    for (int i = 0; i < 6; i++)
        if (!isupper(data[6 + i]) || tolower(data[6 + i]) != lower[i])
            return 0;
    __builtin_trap();
}
