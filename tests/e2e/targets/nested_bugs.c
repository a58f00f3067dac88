/* nested_bugs.c - two bugs behind the same first byte 'A': with more than 8
 * bytes a stack-buffer-overflow (the input copied into an 8-byte buffer),
 * with 8 or fewer a NULL write.  Minimizing the first must not slip into the
 * second, which every smaller input reaches. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static volatile char sink;

__attribute__((noinline)) static void copy_header(const uint8_t *d, size_t n)
{
    char buf[8];
    memcpy(buf, d, n);
    sink = buf[n % 8];
}

__attribute__((noinline)) static void null_write(void) { *(volatile int *)0 = 1; }

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n >= 1 && d[0] == 'A') {
        if (n > 8)
            copy_header(d, n);
        else
            null_write();
    }
    return 0;
}
