/* Go's test_fuzz_mutator_repeat shape: on an input fuzzing reaches quickly,
 * the target first records the exact bytes it was given in the file named by
 * $FERRET_E2E_OUT (so the test can compare them with the crasher ferret
 * writes), then leaves silently with _exit(7): no report, no signal. */
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

static void record(const uint8_t *d, size_t n)
{
    const char *path = getenv("FERRET_E2E_OUT");
    if (!path)
        return;
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return;
    while (n > 0) {
        ssize_t w = write(fd, d, n);
        if (w <= 0)
            break;
        d += w;
        n -= (size_t)w;
    }
    fsync(fd);
    close(fd);
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n >= 3 && d[0] == (uint8_t)(d[1] + 1) && d[2] < 0x80) {
        record(d, n);
        _exit(7);
    }
    return 0;
}
