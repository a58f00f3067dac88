/* ascii_dec: an ASCII decimal field parsed with strtoul, then compared.
 *
 * Pattern: a value transformed before the compare (text protocols, config
 * files).  The input must be "port=" followed by decimal digits and nothing
 * else (at most 20 bytes in all); the number, parsed with strtoul, must be
 * 31337.  The compare sees the parsed integer, which appears in the input
 * only as text: an engine must encode the other operand as ASCII decimal.
 * Solution: "port=31337" (leading zeros or a sign accepted by strtoul also
 * work). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static volatile int sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char buf[24];
    if (size < 6 || size > 20)
        return 0;
    if (memcmp(data, "port=", 5) != 0)
        return 0;
    sink = 1;
    memcpy(buf, data + 5, size - 5);
    buf[size - 5] = 0;
    char *end;
    unsigned long v = strtoul(buf, &end, 10);
    if (end == buf || *end != 0)
        return 0;
    sink = 2;
    if (v == 31337)
        __builtin_trap();
    return 0;
}
