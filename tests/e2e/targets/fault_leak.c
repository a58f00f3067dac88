/* Leaks 32 bytes on inputs starting with "LK".  If FAULT_MARK is set, the
 * first leak in a process creates that file (proof the leak really ran). */
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

static volatile char sink;

__attribute__((noinline)) static void leak_some(const uint8_t *d)
{
    char *volatile p = malloc(32);
    p[0] = (char)d[0];
    sink = p[0];
    p = NULL; /* lost */
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    static int marked;
    if (n >= 2 && d[0] == 'L' && d[1] == 'K') {
        leak_some(d);
        const char *mark = getenv("FAULT_MARK");
        if (mark && !marked) {
            marked = 1;
            int fd = open(mark, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
            if (fd >= 0)
                close(fd);
        }
        return 0;
    }
    for (size_t i = 0; i < n && i < 8; i++)
        if (d[i] & 1)
            sink++;
    return 0;
}
