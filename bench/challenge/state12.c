/* state12: a 12-step protocol state machine whose state runs across the
 * whole input.
 *
 * Pattern: a session protocol.  The input is consumed left to right; the
 * machine's state (step number and a running XOR of the accepted bytes)
 * carries from byte to byte.  Each step needs one specific byte or small
 * field; any wrong byte resets the machine (and the XOR) to step 0, so the
 * twelve steps must be contiguous, but they may start anywhere.  Every step
 * is its own switch case, so coverage shows how far the machine got; the
 * steps are:
 *    0  0x02 (STX)            6  flags byte: high nibble 0xA, low nibble >= 8
 *    1  'H'                   7  the XOR of all accepted bytes so far
 *    2  'E'                   8  0xFF
 *    3  'L'                   9  0x00
 *    4  'O'                  10  '\r'
 *    5  16-bit LE 0x0302     11  '\n'  -> crash
 *       (two bytes)
 * Solution: 02 48 45 4c 4f 02 03 a8 xx ff 00 0d 0a, xx = XOR of the first
 * eight bytes = 0xe6. */
#include <stddef.h>
#include <stdint.h>

static volatile int sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int step = 0;
    uint8_t acc = 0;
    size_t i = 0;
    while (i < size) {
        uint8_t c = data[i++];
        int ok = 0;
        switch (step) {
        case 0: sink = 0; ok = c == 0x02; break;
        case 1: sink = 1; ok = c == 'H'; break;
        case 2: sink = 2; ok = c == 'E'; break;
        case 3: sink = 3; ok = c == 'L'; break;
        case 4: sink = 4; ok = c == 'O'; break;
        case 5:
            sink = 5;
            if (i < size) {
                uint16_t v = (uint16_t)(c | data[i] << 8);
                if (v == 0x0302) {
                    acc ^= data[i];
                    i++;
                    ok = 1;
                }
            }
            break;
        case 6:
            sink = 6;
            if ((c >> 4) == 0xA) {
                sink = 60;
                ok = (c & 0x0F) >= 8;
            }
            break;
        case 7: sink = 7; ok = c == acc; break;
        case 8: sink = 8; ok = c == 0xFF; break;
        case 9: sink = 9; ok = c == 0x00; break;
        case 10: sink = 10; ok = c == '\r'; break;
        case 11:
            sink = 11;
            if (c == '\n')
                __builtin_trap();
            break;
        }
        if (ok) {
            acc ^= c;
            step++;
        } else {
            step = 0;
            acc = 0;
        }
    }
    return 0;
}
