/* Dies at start-up: LLVMFuzzerInitialize calls exit(3). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fprintf(stderr, "init_exit: giving up in LLVMFuzzerInitialize\n");
    exit(3);
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    return 0;
}
