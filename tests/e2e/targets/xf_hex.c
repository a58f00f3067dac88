/* A hex-decoded field: 16 hex digits (either case) decoded to 8 bytes,
 * compared with memcmp.  The compared bytes are never in the input as
 * they are, only their hex spelling is. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static inline int hexval(uint8_t c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* One byte from two digits; each pair is its own branch (coverage sees
 * every step). */
#define PAIR(i)                                                                \
    do {                                                                       \
        int hi = hexval(d[2 * (i)]), lo = hexval(d[2 * (i) + 1]);              \
        if (hi < 0 || lo < 0)                                                  \
            return 0;                                                          \
        key[i] = (uint8_t)(hi << 4 | lo);                                      \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    uint8_t key[8];
    volatile size_t len = sizeof key; /* not a constant: memcmp stays a call */
    if (n < 2 * sizeof key)
        return 0;
    PAIR(0); PAIR(1); PAIR(2); PAIR(3); PAIR(4); PAIR(5); PAIR(6); PAIR(7);
    if (memcmp(key, "\xc0\xff\xee\x15\x60\x0d\xf0\x0d", len) == 0)
        abort();
    return 0;
}
