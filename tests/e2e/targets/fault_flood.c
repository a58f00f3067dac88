/* Writes 4 KiB to stdout and 4 KiB to stderr on every input (write(2), no
 * buffering).  If FAULT_MARK is set, appends one byte to it every 128 calls,
 * so the test can tell how much was written in all. */
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile unsigned sink;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    static char buf[4096];
    static unsigned long calls;
    if (!buf[0]) {
        memset(buf, 'x', sizeof buf);
        for (size_t i = 63; i < sizeof buf; i += 64)
            buf[i] = '\n';
    }
    ssize_t w = write(1, buf, sizeof buf);
    w += write(2, buf, sizeof buf);
    sink += (unsigned)w;
    if (++calls % 128 == 0) {
        const char *mark = getenv("FAULT_MARK");
        int fd = mark ? open(mark, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644) : -1;
        if (fd >= 0) {
            if (write(fd, "F", 1) != 1)
                sink++;
            close(fd);
        }
    }
    for (size_t i = 0; i < n && i < 8; i++)
        if (d[i] & 1)
            sink++;
    return 0;
}
