/* hex_decode: a field in hexadecimal text, decoded before the compare.
 *
 * Pattern: a value transformed before the compare.  The first 16 bytes
 * are hex digits (either case), decoded into 8 bytes; those must equal
 * 13 37 c0 de ba 5e ba 11 (memcmp).  The memcmp operand is the decoded
 * bytes, which the input holds only as text: an engine must hex-encode
 * the constant.  A non-hex digit ends the run.
 * Solution: "1337c0deba5eba11" (or with any letters in upper case) at
 * offset 0. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static int nibble(uint8_t c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t out[8];
    if (size < 16)
        return 0;
    for (int i = 0; i < 8; i++) {
        int hi = nibble(data[2 * i]), lo = nibble(data[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return 0;
        out[i] = (uint8_t)(hi << 4 | lo);
    }
    if (memcmp(out, "\x13\x37\xc0\xde\xba\x5e\xba\x11", 8) == 0)
        __builtin_trap();
    return 0;
}
