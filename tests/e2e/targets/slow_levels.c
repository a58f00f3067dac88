/* Four coverage levels (first byte not 'F'; "F"; "FU"; "FUZ") and a crash on
 * "FUZZ"; every input takes 5 ms, so a merge of a few hundred inputs takes
 * long enough to be killed part-way. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct timespec ts = {0, 5000000};
    nanosleep(&ts, NULL);
    if (n < 4)
        return 0;
    if (d[0] == 'F')
        if (d[1] == 'U')
            if (d[2] == 'Z')
                if (d[3] == 'Z')
                    abort();
    return 0;
}
