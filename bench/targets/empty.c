/* empty: the engine's own per-execution cost.  The target does nothing, so
 * exec/s measures the fuzzer loop (mutation, coverage scan, bookkeeping). */
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)data;
    (void)size;
    return 0;
}
