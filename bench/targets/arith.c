/* arith (medium): arithmetic on three little-endian fields of a 10-byte
 * header, in three nested stages, each a new edge.  No stage compares an
 * input field with a constant (comparison feedback has little to copy), so
 * both engines search at random between coverage steps:
 *   1. a multiplicative hash of a (bytes 0-3) lands in one of 65536 buckets
 *   2. a + b (bytes 4-7) is 4242 modulo 65521
 *   3. c * c (bytes 8-9) is 5 modulo 1021 (about 1 value of c in 512) */
#include <stddef.h>
#include <stdint.h>

static volatile int sink;

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 10)
        return 0;
    uint32_t a = le32(data), b = le32(data + 4);
    uint32_t c = (uint32_t)data[8] | (uint32_t)data[9] << 8;
    if ((a * 0x9E3779B1u) >> 16 == 0xF00Du) {
        sink = 1;
        if ((a + b) % 65521u == 4242u) {
            sink = 2;
            if (c * c % 1021u == 5u)
                __builtin_trap();
        }
    }
    return 0;
}
