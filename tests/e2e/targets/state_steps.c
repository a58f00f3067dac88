/* state_steps.c - a 10-step state machine read from offset 0: each step is
 * its own switch case comparing one byte with its own constant, the first
 * wrong byte ends the run, the tenth right byte aborts.  Coverage rewards
 * each step, so a run is a chain of about ten finds, each from the
 * deepest entry so far: many FUZZ calls, each one's length deciding what
 * the schedule picks next. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int ok = 0;
        switch (i) {
        case 0: ok = d[i] == 0x5c; break;
        case 1: ok = d[i] == 0xa1; break;
        case 2: ok = d[i] == 0x37; break;
        case 3: ok = d[i] == 0xe2; break;
        case 4: ok = d[i] == 0x08; break;
        case 5: ok = d[i] == 0x9d; break;
        case 6: ok = d[i] == 0x71; break;
        case 7: ok = d[i] == 0xc6; break;
        case 8: ok = d[i] == 0x2f; break;
        case 9:
            if (d[i] == 0xb4)
                abort();
            break;
        }
        if (!ok)
            break;
    }
    return 0;
}
