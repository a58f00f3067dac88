/* atoi_field: two text fields converted to integers before the compares.
 *
 * Pattern: a value transformed before the compare, by the C library's
 * number parsers.  The input is "key=value;key=value" style: the text up
 * to the first ';' goes through atoi(), the text after it through
 * strtol(..., 0) (so "0x" hex and leading-0 octal are accepted too).
 * The compared operands (the parsed numbers) are in the input only as
 * text: an engine must write a number's decimal (or hex) digits, not its
 * bytes.  The second field is parsed only when the first matched.
 * Solution: "-8675309;0x7ff1" (atoi = -8675309, strtol = 0x7ff1), at most
 * 31 bytes in all. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static volatile int sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char buf[32];
    if (size == 0 || size >= sizeof buf)
        return 0;
    memcpy(buf, data, size);
    buf[size] = 0;
    char *semi = strchr(buf, ';');
    if (!semi)
        return 0;
    *semi = 0;
    if (atoi(buf) != -8675309)
        return 0;
    sink = 1;
    if (strtol(semi + 1, NULL, 0) == 0x7ff1)
        __builtin_trap();
    return 0;
}
