/* Flat: the same edges whatever the input.  Appends one byte per call to
 * the file named by $FERRET_E2E_OUT (opened once per process, in
 * LLVMFuzzerInitialize), so the test can count the calls. */
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

static int fd = -1;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *path = getenv("FERRET_E2E_OUT");
    if (path)
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0644);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    (void)!write(fd, "x", 1);
    return 0;
}
