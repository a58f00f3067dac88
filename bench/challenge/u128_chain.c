/* u128_chain: three 16-byte fields, each compared as one unsigned __int128.
 *
 * Pattern: integer compares wider than 64 bits.  SanitizerCoverage traces
 * 1-, 2-, 4- and 8-byte compares only; a 128-bit icmp gets no hook at all
 * (clang lowers it to two 64-bit halves only in the back end, after the
 * instrumentation).  The fields are chained: the second is compared only
 * when the first matched, the third only when the second did, so coverage
 * rewards each field but nothing inside one.
 * Solution (48 bytes, each field little endian):
 *   K1 = 0x0123456789abcdef_fedcba9876543210
 *   K2 = 0x46455252_45545f31_32385f42_49544521  ("!ETIB_821_TERREF" in memory)
 *   K3 = 0xdeadbeef_00000000_00000000_cafef00d */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef unsigned __int128 u128;

static volatile int sink;

#define U128(hi, lo) (((u128)(hi) << 64) | (u128)(lo))

static u128 field(const uint8_t *p)
{
    u128 v;
    memcpy(&v, p, sizeof v);
    return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 48)
        return 0;
    if (field(data) != U128(0x0123456789abcdefull, 0xfedcba9876543210ull))
        return 0;
    sink = 1;
    if (field(data + 16) != U128(0x4645525245545f31ull, 0x32385f4249544521ull))
        return 0;
    sink = 2;
    if (field(data + 32) == U128(0xdeadbeef00000000ull, 0x00000000cafef00dull))
        __builtin_trap();
    return 0;
}
