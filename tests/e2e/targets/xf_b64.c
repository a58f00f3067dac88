/* A base64-decoded field: 16 characters (standard alphabet) decoded to 12
 * bytes, of which bytes 1..8 are compared with memcmp: the key starts one
 * byte into a 3-byte group, so its bits straddle the characters. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static inline int b64val(uint8_t c)
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

/* One group of 4 characters to 3 bytes; each group its own branch. */
#define GROUP(g)                                                               \
    do {                                                                       \
        int a = b64val(d[4 * (g)]), b = b64val(d[4 * (g) + 1]);                \
        int c = b64val(d[4 * (g) + 2]), e = b64val(d[4 * (g) + 3]);            \
        if (a < 0 || b < 0 || c < 0 || e < 0)                                  \
            return 0;                                                          \
        uint32_t v = (uint32_t)(a << 18 | b << 12 | c << 6 | e);               \
        out[3 * (g)] = (uint8_t)(v >> 16);                                     \
        out[3 * (g) + 1] = (uint8_t)(v >> 8);                                  \
        out[3 * (g) + 2] = (uint8_t)v;                                         \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    uint8_t out[12];
    volatile size_t len = 8; /* not a constant: memcmp stays a call */
    if (n < 16)
        return 0;
    GROUP(0); GROUP(1); GROUP(2); GROUP(3);
    if (memcmp(out + 1, "B64\x00\xfe\xedMe", len) == 0)
        abort();
    return 0;
}
