/* Ends the process in the middle of an input: _exit(0) on inputs starting
 * with 'U', exit(0) on inputs starting with 'E'.  Both are failures. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n >= 1 && d[0] == 'U')
        _exit(0);
    if (n >= 1 && d[0] == 'E')
        exit(0);
    return 0;
}
