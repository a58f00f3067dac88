/* crc_trailer: a record guarded by a CRC-32 whose payload must contain a
 * magic.
 *
 * Pattern: a checksummed container (like a gzip member: the payload is
 * parsed, then the trailer's CRC-32 is verified before the result is
 * committed).  Layout: [len:1][payload:len][crc:4 LE], and the record must
 * fill the input exactly.  The payload must contain the 8 bytes
 * "FERRET:1" anywhere (memmem), and the trailer must equal the CRC-32
 * (IEEE, as zlib's crc32) of the payload.  A blind mutator has no chance
 * at the 32-bit CRC; an engine that sees the compare's operands can copy
 * the computed CRC into the trailer - but only after the magic is in, as
 * each change to the payload changes the CRC.
 * Solution: 08 "FERRET:1" then crc32("FERRET:1") little endian. */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static volatile int sink;

static uint32_t crc32_ieee(const uint8_t *p, size_t n)
{
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        crc ^= p[i];
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 5)
        return 0;
    size_t len = data[0];
    if (size != 1 + len + 4)
        return 0;
    sink = 1;
    const uint8_t *payload = data + 1;
    if (!memmem(payload, len, "FERRET:1", 8))
        return 0;
    sink = 2;
    uint32_t stored;
    memcpy(&stored, data + 1 + len, sizeof stored);
    if (crc32_ieee(payload, len) == stored)
        __builtin_trap();
    return 0;
}
