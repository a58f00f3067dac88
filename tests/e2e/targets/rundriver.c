/* A program with its own main that hands its target to ferret through
 * libFuzzer's LLVMFuzzerRunDriver (test_rundriver.sh), as language bindings
 * do.  No LLVMFuzzerTestOneInput.  The main runs again in every worker
 * (ferret re-executes the binary), so it must not go on after the driver
 * there: "after the driver" is printed by the coordinator only.
 * Bug: "RUN" at the start crashes (SIGSEGV). */
#include <stdint.h>
#include <stdio.h>

#include "ferret.h"

static int run_input(const uint8_t *data, size_t size)
{
    if (size >= 3 && data[0] == 'R' && data[1] == 'U' && data[2] == 'N')
        *(volatile int *)0 = 1;
    return 0;
}

int main(int argc, char **argv)
{
    fprintf(stderr, "rundriver: before the driver\n");
    int rc = LLVMFuzzerRunDriver(&argc, &argv, run_input);
    fprintf(stderr, "rundriver: after the driver: %d\n", rc);
    return rc;
}
