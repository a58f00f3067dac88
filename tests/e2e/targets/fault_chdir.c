/* Changes the working directory to $FAULT_DIR on every input; crashes (NULL
 * write) on inputs starting with "CD", after the chdir. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

static volatile unsigned sink;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    const char *dir = getenv("FAULT_DIR");
    if (dir && chdir(dir) != 0)
        sink++;
    if (n >= 2 && d[0] == 'C' && d[1] == 'D')
        *(volatile int *)0 = 1;
    for (size_t i = 0; i < n && i < 8; i++)
        if (d[i] & 1)
            sink++;
    return 0;
}
