/* xfsm (hard): a 12-state machine whose transitions test arithmetic on
 * the input byte, (c * 13 + state) & 0xff == key[state], never the byte
 * itself.  Comparison feedback sees the computed value, which is not in the
 * input, so input-to-state replacement cannot help; each step is found by
 * coverage alone (one byte value in 256, right after the previous step's
 * byte).  Any wrong byte restarts the machine; the bytes may sit anywhere. */
#include <stddef.h>
#include <stdint.h>

static volatile int sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int state = 0;
    for (size_t i = 0; i < size; i++) {
        uint8_t v = (uint8_t)(data[i] * 13u + (unsigned)state);
        int next = 0;
        switch (state) {
        case 0: if (v == 0x3c) { sink = 1; next = 1; } break;
        case 1: if (v == 0xa7) { sink = 2; next = 2; } break;
        case 2: if (v == 0x51) { sink = 3; next = 3; } break;
        case 3: if (v == 0xe9) { sink = 4; next = 4; } break;
        case 4: if (v == 0x0d) { sink = 5; next = 5; } break;
        case 5: if (v == 0x92) { sink = 6; next = 6; } break;
        case 6: if (v == 0x6b) { sink = 7; next = 7; } break;
        case 7: if (v == 0xc4) { sink = 8; next = 8; } break;
        case 8: if (v == 0x18) { sink = 9; next = 9; } break;
        case 9: if (v == 0xf3) { sink = 10; next = 10; } break;
        case 10: if (v == 0x7e) { sink = 11; next = 11; } break;
        case 11: if (v == 0x25) __builtin_trap(); break;
        }
        state = next;
    }
    return 0;
}
