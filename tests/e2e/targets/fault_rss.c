/* Touches 300 MB (mmap, not malloc: -malloc_limit_mb must not catch it) on
 * inputs starting with 'M', and holds it for up to 5 s, so that the
 * coordinator's resident-memory check sees it while this input runs. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

static volatile unsigned sink;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n >= 1 && d[0] == 'M') {
        size_t size = (size_t)300 << 20;
        char *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            return 0;
        memset(p, 0x5a, size);
        for (int i = 0; i < 500; i++) {
            struct timespec ts = {0, 10 * 1000 * 1000};
            nanosleep(&ts, NULL);
            sink += (unsigned char)p[(size_t)i * 4096];
        }
        munmap(p, size);
        return 0;
    }
    for (size_t i = 0; i < n && i < 8; i++)
        if (d[i] & 1)
            sink++;
    return 0;
}
