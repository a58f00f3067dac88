/* bswap32: a network-order (big endian) 32-bit field, converted with
 * ntohl() before it is compared.
 *
 * Pattern: a value transformed before the compare.  The compare's operand
 * is ntohl(field), which is not what the input holds: an engine that looks
 * for the operand in the input must also try it byte-swapped.  The check
 * sits in a helper that clang must not inline: inlined, clang folds
 * ntohl(x) == C into x == bswap(C) and the transform would disappear.
 * Solution: any 4 bytes, then c0 ff ee 42. */
#include <arpa/inet.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

__attribute__((noinline)) static int is_session_id(uint32_t id)
{
    return id == 0xC0FFEE42u;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 8)
        return 0;
    uint32_t net;
    memcpy(&net, data + 4, sizeof net);
    if (is_session_id(ntohl(net)))
        __builtin_trap();
    return 0;
}
