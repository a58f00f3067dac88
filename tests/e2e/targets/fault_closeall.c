/* Hostile: on inputs starting with 'X' shorter than 4 bytes, closes every
 * descriptor from 3 up (the worker's call and reply pipes, its memfds), then
 * returns normally.  Longer inputs starting with 'X' are new coverage, so
 * the minimizer, shortening one, runs into the closing too. */
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

static volatile unsigned sink;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n >= 1 && d[0] == 'X') {
        if (n >= 4) {
            sink += 3;
            return 0;
        }
        for (int fd = 3; fd < 1024; fd++)
            close(fd);
        return 0;
    }
    for (size_t i = 0; i < n && i < 8; i++)
        if (d[i] & 1)
            sink++;
    return 0;
}
