/* Hostile, for the reply pipe: on exactly the 3 bytes "G!\x01" (new
 * coverage, so the worker runs it twice more to deflake it, then reports it)
 * writes 128 bytes of garbage to every descriptor from 3 to 64, the reply
 * pipe among them.  What the coordinator reads from that pipe after the
 * garbage, the worker's genuine report of this very input included, comes
 * from a worker it already found misbehaving. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

static volatile int sink;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n == 3 && d[0] == 'G' && d[1] == '!' && d[2] == 1) {
        unsigned char junk[128];
        memset(junk, 0xA5, sizeof junk);
        for (int fd = 3; fd <= 64; fd++)
            if (write(fd, junk, sizeof junk) > 0)
                sink++;
    }
    return 0;
}
