/* Hostile: on inputs starting with 'G' shorter than 4 bytes, writes 128
 * bytes of garbage to every descriptor from 3 to 64 (the worker's reply pipe
 * and its shared-memory memfd among them), then returns normally.  Longer
 * inputs starting with 'G' are new coverage, so the minimizer, shortening
 * one, runs into the garbage too. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

static volatile unsigned sink;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n >= 1 && d[0] == 'G') {
        if (n >= 4) {
            sink += 3;
            return 0;
        }
        unsigned char junk[128];
        for (size_t i = 0; i < sizeof junk; i++)
            junk[i] = (unsigned char)(0xA5 ^ (i * 37));
        memcpy(junk, "GARBAGE!", 8);
        for (int fd = 3; fd <= 64; fd++)
            if (write(fd, junk, sizeof junk) > 0)
                sink++;
        return 0;
    }
    for (size_t i = 0; i < n && i < 8; i++)
        if (d[i] & 1)
            sink++;
    return 0;
}
