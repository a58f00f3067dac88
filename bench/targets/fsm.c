/* fsm (medium-hard): an 8-state protocol machine, one byte per step.  Each
 * state accepts one command byte to advance and any other byte drops the
 * machine back to the start, so the eight bytes must be contiguous; the
 * machine restarts at every byte, so they may sit anywhere in the input.
 * Every transition is its own switch case, so coverage rewards each step. */
#include <stddef.h>
#include <stdint.h>

static volatile int sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int state = 0;
    for (size_t i = 0; i < size; i++) {
        uint8_t c = data[i];
        int next = 0;
        switch (state) {
        case 0: if (c == 'G') { sink = 1; next = 1; } break;
        case 1: if (c == 'E') { sink = 2; next = 2; } break;
        case 2: if (c == 'T') { sink = 3; next = 3; } break;
        case 3: if (c == ' ') { sink = 4; next = 4; } break;
        case 4: if (c == '/') { sink = 5; next = 5; } break;
        case 5: if (c == 0x7f) { sink = 6; next = 6; } break;
        case 6: if (c == 0x00) { sink = 7; next = 7; } break;
        case 7: if (c == '\n') __builtin_trap(); break;
        }
        state = next;
    }
    return 0;
}
