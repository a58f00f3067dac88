/* Crashes when the first 32 bytes are KEY.  At -O2 clang vectorizes the
 * loop: its byte compares become eight compares of <4 x i8> vectors (and
 * the ANDs of their lanes), which SanitizerCoverage does not trace; "ok"
 * has no distance to climb.  ferret's pass plugin reports each vector
 * compare as a 4-byte compare of the bits (test_plugin_vectors.sh). */
#include <stddef.h>
#include <stdint.h>

static const uint8_t KEY[32] = "vector-compares-are-traced-too!!";

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    unsigned ok = 1;
    if (n < 32)
        return 0;
    for (int i = 0; i < 32; i++)
        ok &= d[i] == KEY[i];
    if (ok)
        __builtin_trap();
    return 0;
}
