/* base64_decode: a base64 field, decoded before the compare.
 *
 * Pattern: a value transformed before the compare.  The first 16 bytes
 * are base64 (RFC 4648 alphabet, no padding needed: 16 characters are 4
 * whole groups), decoded into 12 bytes; those must equal "ferret-b64!!"
 * (memcmp).  The memcmp operand is the decoded bytes, which the input holds
 * only encoded, 6 bits to a character: an engine must base64-encode the
 * constant.  A character outside the alphabet ends the run.
 * Solution: "ZmVycmV0LWI2NCEh" at offset 0. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static int sextet(uint8_t c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t out[12];
    if (size < 16)
        return 0;
    for (int g = 0; g < 4; g++) {
        uint32_t v = 0;
        for (int k = 0; k < 4; k++) {
            int s = sextet(data[4 * g + k]);
            if (s < 0)
                return 0;
            v = v << 6 | (uint32_t)s;
        }
        out[3 * g] = (uint8_t)(v >> 16);
        out[3 * g + 1] = (uint8_t)(v >> 8);
        out[3 * g + 2] = (uint8_t)v;
    }
    if (memcmp(out, "ferret-b64!!", 12) == 0)
        __builtin_trap();
    return 0;
}
