/* init_after_crash.c - crashes (NULL write) on inputs starting with 'A',
 * leaving a marker file first; LLVMFuzzerInitialize exits 3 when the marker
 * is there: every worker started after the crash dies during start-up. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    if (access("crashed.marker", F_OK) == 0) {
        fprintf(stderr, "init_after_crash: giving up in LLVMFuzzerInitialize\n");
        exit(3);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n >= 1 && d[0] == 'A') {
        FILE *f = fopen("crashed.marker", "w");
        if (f)
            fclose(f);
        *(volatile int *)0 = 1;
    }
    return 0;
}
