/* Prints a marker line to stdout and to stderr on every input; crashes (NULL
 * write) on inputs starting with "CF". */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

static volatile unsigned sink;

static void say(int fd, const char *s)
{
    if (write(fd, s, strlen(s)) < 0)
        sink++;
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    say(1, "FAULT-TARGET-STDOUT-MARK\n");
    say(2, "FAULT-TARGET-STDERR-MARK\n");
    if (n >= 2 && d[0] == 'C' && d[1] == 'F')
        *(volatile int *)0 = 1;
    for (size_t i = 0; i < n && i < 8; i++)
        if (d[i] & 1)
            sink++;
    return 0;
}
