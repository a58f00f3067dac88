/* record.h - for e2e targets that die silently: record(d, n) writes the
 * exact bytes the target got to $FERRET_E2E_OUT (if set) and fsyncs them,
 * so a test can compare them with the crasher ferret rebuilt
 * (lib.sh: assert_crasher_is_seen). */
#ifndef FERRET_E2E_RECORD_H
#define FERRET_E2E_RECORD_H

#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

static void record(const uint8_t *d, size_t n)
{
    const char *path = getenv("FERRET_E2E_OUT");
    int fd = path ? open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644) : -1;
    if (fd >= 0) {
        if (write(fd, d, n) != (ssize_t)n)
            _exit(3);
        fsync(fd);
        close(fd);
    }
}

#endif
