/* Counts the floats among the first 16 of the input equal to 1234.5;
 * crashes when all are.  At -O2 clang compares the 16 at once (an fcmp of
 * <16 x float>), which the pass plugin reports lane by lane through its
 * float hook; test_plugin_vectors.sh checks the calls are there. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    float x[16];
    int in = 0;
    if (n < sizeof x)
        return 0;
    memcpy(x, d, sizeof x);
    for (int i = 0; i < 16; i++)
        in += x[i] == 1234.5f;
    if (in == 16)
        __builtin_trap();
    return 0;
}
