/* slow_input.c - the one input "SLOW" takes $SLOW_US microseconds (new
 * coverage, found quickly from the seed "SLOx") the first three times a
 * process runs it: when it is found and in its two deflaking re-runs, which
 * used to count towards the hang limit.  Later runs are fast, so fuzzing
 * the entry does not crawl. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    static int slow_runs;
    if (n == 4 && memcmp(d, "SLOW", 4) == 0 && slow_runs++ < 3) {
        const char *us = getenv("SLOW_US");
        usleep(us ? (useconds_t)atol(us) : 400000);
    }
    return 0;
}
