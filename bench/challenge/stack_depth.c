/* stack_depth: a recursion that must reach depth 1000, one matching byte
 * per level.
 *
 * Pattern: progress that only the stack shows.  Level k recurses when
 * byte k equals (k * 13 + 5) mod 256; the crash is at level 1000.  Every
 * level runs the same code, so after the first levels coverage sees
 * nothing new: hit-count buckets stop at 128, and each deeper level is
 * only a deeper stack (libFuzzer's -fsanitize-coverage=stack-depth
 * feature, the lowest stack pointer seen).  The call is not a tail call
 * (its result is used after it returns), so each level has its own frame.
 * The input must hold at least 1000 bytes.
 * Solution: the 1000 bytes (k * 13 + 5) mod 256 for k = 0..999. */
#include <stddef.h>
#include <stdint.h>

static volatile int sink;

__attribute__((noinline)) static int level(const uint8_t *data, size_t size, size_t k)
{
    volatile uint8_t frame[16]; /* a frame of a realistic size */
    frame[k % 16] = (uint8_t)k;
    if (k == 1000)
        __builtin_trap();
    if (k >= size || data[k] != (uint8_t)(k * 13 + 5))
        return 0;
    return 1 + level(data, size, k + 1) + frame[k % 16] * 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sink = level(data, size, 0);
    return 0;
}
