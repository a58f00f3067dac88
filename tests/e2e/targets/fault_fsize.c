/* Crashes (NULL write) on inputs of at least 2000 bytes starting with 'C',
 * once the file $FAULT_ARMED exists: its minimized crasher is still 2000
 * bytes long, and the test decides when crashes start. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n >= 2000 && d[0] == 'C') {
        const char *armed = getenv("FAULT_ARMED");
        int *volatile p = armed && access(armed, F_OK) == 0 ? NULL : (int *)&n;
        *p = 1;
    }
    return 0;
}
