/* arith_mix: three bytes mixed by arithmetic before one compare.
 *
 * Pattern: a value computed from several input bytes,
 * d[0] + 251*d[1] + 251*251*d[2] == 3822054.  The compared operand is in
 * the input neither as it is nor through a simple encoding, and coverage
 * gives nothing until it matches.  It is a base-251 number, so the
 * distance |operand - constant| shrinks as each byte gets closer (libFuzzer's
 * value profile climbs that), and the equation can be solved directly: the
 * digits of 3822054 in base 251 are 77, 167, 60.
 * Solution: 4d a7 3c at offset 0 (any bytes may follow). */
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    uint32_t v = data[0] + 251u * data[1] + 251u * 251u * data[2];
    if (v == 3822054u)
        __builtin_trap();
    return 0;
}
