/* On inputs starting with 'H', the first process to get one (it creates
 * $FAULT_DIR/hang.lock) notes how far the counter file has grown in
 * $FAULT_DIR/hang.start, then loops forever.  Every process appends one byte
 * to $FAULT_DIR/counter every 1024 calls: the file grows while any worker
 * keeps fuzzing. */
#include <fcntl.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static volatile unsigned long spins;
static volatile unsigned sink;

static void path_in(char *buf, size_t len, const char *name)
{
    const char *dir = getenv("FAULT_DIR");
    snprintf(buf, len, "%s/%s", dir ? dir : ".", name);
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    static unsigned long calls;
    char path[4096];
    if (++calls % 1024 == 0) {
        path_in(path, sizeof path, "counter");
        int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (fd >= 0) {
            if (write(fd, "c", 1) != 1)
                sink++;
            close(fd);
        }
    }
    if (n >= 1 && d[0] == 'H') {
        path_in(path, sizeof path, "hang.lock");
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd >= 0) {
            close(fd);
            struct stat st;
            path_in(path, sizeof path, "counter");
            long long size = stat(path, &st) == 0 ? (long long)st.st_size : 0;
            char tmp[4096], num[32];
            path_in(path, sizeof path, "hang.start");
            snprintf(tmp, sizeof tmp, "%s.tmp", path);
            int len = snprintf(num, sizeof num, "%lld\n", size);
            fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
            if (fd >= 0) {
                if (write(fd, num, (size_t)len) != len)
                    sink++;
                close(fd);
                rename(tmp, path);
            }
            for (;;)
                spins++;
        }
    }
    for (size_t i = 0; i < n && i < 8; i++)
        if (d[i] & 1)
            sink++;
    return 0;
}
