/* Flat but for one input no mutation makes (16 bytes, one memcmp, with
 * -use_cmp=0 -use_value_profile=0: value profile climbs a memcmp prefix):
 * "RELOAD-ME-PLEASE" writes $FERRET_E2E_OUT and takes a new
 * edge.  For libFuzzer's -reload: the input is dropped into the corpus
 * directory while fuzzing runs. */
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n == 16 && !memcmp(d, "RELOAD-ME-PLEASE", 16)) {
        const char *path = getenv("FERRET_E2E_OUT");
        int fd = path ? open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644) : -1;
        if (fd >= 0)
            close(fd);
    }
    return 0;
}
