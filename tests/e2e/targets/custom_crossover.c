/* A target with its own cross-over (LLVMFuzzerCustomCrossOver) and ferret's
 * mutators.  The cross-over makes "XO" and six bytes drawn from its seed and
 * the first bytes of both inputs, and notes each call in $FERRET_E2E_XO.
 * The target dies without a word on one in 256 of those (a single 24-bit
 * compare, out of reach of the byte mutators with -use_cmp=0), after
 * recording the exact bytes it got: the coordinator must rebuild the input
 * with the target's cross-over, the partner and the same seed (replay.h). */
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void note(const char *env, const uint8_t *d, size_t n, int flags)
{
    const char *path = getenv(env);
    int fd = path ? open(path, O_WRONLY | O_CREAT | flags, 0644) : -1;
    if (fd >= 0) {
        if (write(fd, d, n) != (ssize_t)n)
            _exit(3);
        fsync(fd);
        close(fd);
    }
}

size_t LLVMFuzzerCustomCrossOver(const uint8_t *d1, size_t n1, const uint8_t *d2, size_t n2,
                                 uint8_t *out, size_t max, unsigned int seed)
{
    static int noted;
    uint32_t x = seed * 2654435761u + d1[0] * 31u + d2[n2 - 1];
    (void)n1;
    if (max < 8)
        return 0;
    if (!noted++)
        note("FERRET_E2E_XO", (const uint8_t *)"called\n", 7, O_APPEND);
    out[0] = 'X';
    out[1] = 'O';
    for (int i = 2; i < 8; i++) {
        x = x * 1103515245u + 12345u;
        out[i] = (uint8_t)(x >> 16);
    }
    return 8;
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    uint32_t v = n == 8 ? (uint32_t)d[0] | (uint32_t)d[1] << 8 | (uint32_t)d[2] << 16 : 0;
    if (v == 0x2a4f58) { /* "XO\x2a" */
        note("FERRET_E2E_OUT", d, n, O_TRUNC);
        if (getenv("FERRET_E2E_DIE_BY_SIGNAL"))
            raise(SIGUSR2); /* silent too: no handler, no report (libFuzzer mode: a
                               silent _exit(n) ends the run with n, no artifact) */
        _exit(9);
    }
    return 0;
}
