/* Dies at start-up: LLVMFuzzerInitialize writes through a NULL pointer. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fprintf(stderr, "fault_init_segv: about to crash in LLVMFuzzerInitialize\n");
    fflush(stderr);
    *(volatile int *)0 = 42;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    return 0;
}
