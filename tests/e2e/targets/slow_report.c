/* slow_report.c - failures that are not hangs, each behind a 4-byte word
 * the fuzzer finds from a seed one byte away:
 *   "SEGV"  a NULL write (AddressSanitizer's SEGV handler reports it)
 *   "HBOF"  a heap-buffer-overflow read (an ASan report from instrumented code)
 *   "USR2"  raise(SIGUSR2): the target's own signal, not ferret's hang request
 *   "MALL"  malloc(4 GB): over -malloc_limit_mb, an out-of-memory finding
 * Only the one named by $BUG is armed.  The e2e test makes the crash
 * reports slow (a symbolizer that sleeps). */
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static volatile int sink;

__attribute__((noinline)) static void null_write(void) { *(volatile int *)0 = 1; }

__attribute__((noinline)) static void heap_overflow(size_t n)
{
    char *p = malloc(n);
    memset(p, 0, n);
    sink = p[n + 4];
    free(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    static const char *bug;
    if (!bug)
        bug = getenv("BUG") ? getenv("BUG") : "";
    if (n < 4 || memcmp(d, bug, 4) != 0)
        return 0;
    if (memcmp(d, "SEGV", 4) == 0)
        null_write();
    if (memcmp(d, "HBOF", 4) == 0)
        heap_overflow(n);
    if (memcmp(d, "USR2", 4) == 0)
        raise(SIGUSR2);
    if (memcmp(d, "MALL", 4) == 0) {
        void *(*volatile alloc)(size_t) = malloc; /* (a pair the compiler cannot drop) */
        char *p = alloc((size_t)4 << 30);
        sink = p != NULL;
        free(p);
    }
    return 0;
}
