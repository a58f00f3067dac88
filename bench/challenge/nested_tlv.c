/* nested_tlv: an outer TLV whose value is a sequence of inner TLVs.
 *
 * Pattern: nested length-prefixed records (ASN.1/protobuf-like).
 *   outer: [type 0xF0][len:2 big endian][value:len], filling the input
 *          exactly (len == size - 3);
 *   inner: records [type:1][len:1][value:len] that tile the outer value
 *          exactly (a record running past the outer value is rejected);
 *   an inner record of type 0x2A must have length exactly 8 and its value
 *   must start with the magic "NEST".
 * The crash needs a well-formed outer record whose inner records are all
 * well formed and include such a type-0x2A record.  The lengths are
 * compared with values computed from the input's size (input-to-state in
 * big endian for the outer one).
 * Solution: f0 00 0a 2a 08 "NEST" xx xx xx xx. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static volatile int sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3 || data[0] != 0xF0)
        return 0;
    sink = 1;
    size_t olen = (size_t)data[1] << 8 | data[2];
    if (olen != size - 3)
        return 0;
    sink = 2;
    const uint8_t *v = data + 3;
    size_t pos = 0;
    int found = 0;
    while (pos < olen) {
        if (olen - pos < 2)
            return 0; /* truncated inner header */
        uint8_t type = v[pos];
        size_t len = v[pos + 1];
        if (len > olen - pos - 2)
            return 0; /* inner record overruns the outer one */
        const uint8_t *ival = v + pos + 2;
        pos += 2 + len;
        if (type == 0x2A) {
            sink = 3;
            if (len != 8)
                return 0;
            sink = 4;
            if (memcmp(ival, "NEST", 4) == 0) {
                sink = 5;
                found = 1;
            }
        }
    }
    if (found)
        __builtin_trap();
    return 0;
}
