/* Crashes (NULL write) on inputs starting with "CN".  If FAULT_BLOCK is set,
 * LLVMFuzzerInitialize creates that path as a regular file (when it does not
 * exist yet): the worker, started after the coordinator read its corpus,
 * puts a file where the coordinator will want a directory. */
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *block = getenv("FAULT_BLOCK");
    if (block) {
        int fd = open(block, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd >= 0) {
            if (write(fd, "not a directory\n", 16) != 16)
                _exit(9);
            close(fd);
        }
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n >= 2 && d[0] == 'C' && d[1] == 'N')
        *(volatile int *)0 = 1;
    return 0;
}
