/* progress_slow.c - every input takes $PROGRESS_US microseconds (0 when
 * unset; with $PROGRESS_CRASH_MIN, only inputs that long), so a corpus of
 * a few hundred makes the baseline run and a merge last long enough for
 * progress lines (test_progress).  Coverage levels
 * ('P', "PR", "PRO") give a merge something to keep; any byte 0xff crashes
 * (a fuzzer finds it at once from a long seed of 'a's, and minimizing the
 * crasher then takes many slow tries), in an input of at least
 * $PROGRESS_CRASH_MIN bytes (0 when unset: any input), so a test can make
 * sure the crasher it minimizes is a long one; such a long input reaches
 * a level of its own. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile int level;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    static long us = -1, crash_min = 0;
    if (us < 0) {
        const char *e = getenv("PROGRESS_US"), *m = getenv("PROGRESS_CRASH_MIN");
        us = e ? atol(e) : 0;
        crash_min = m ? atol(m) : 0;
    }
    if (us > 0 && (long)n >= crash_min) /* (crash_min 0: every input) */
        usleep((useconds_t)us);
    level = 0;
    if (n >= 1 && d[0] == 'P') {
        level = 1;
        if (n >= 2 && d[1] == 'R') {
            level = 2;
            if (n >= 3 && d[2] == 'O')
                level = 3;
        }
    }
    /* A long input has coverage of its own, so minimizing the long seed
     * (it is a corpus entry like any other) keeps it long: mutants that
     * can crash stay in reach. */
    if (crash_min > 0 && (long)n >= crash_min)
        level = 4;
    if ((long)n >= crash_min && memchr(d, 0xff, n)) {
        volatile char *p = 0;
        *p = 1;
    }
    return 0;
}
