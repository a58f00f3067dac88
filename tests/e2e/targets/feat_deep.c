/* feat_deep.c - a recursion that must reach depth 1000, one matching byte
 * per level (a '[' opens the next level, as in a nested-bracket parser).
 * Hit-count buckets stop telling levels apart after 128; the stack depth
 * (__sancov_lowest_stack, -fsanitize-coverage=stack-depth) tells every
 * level from the last.  The recursive call is not a tail call (its result
 * is used after it), so every level is a frame. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

static volatile int sink;

__attribute__((noinline)) static int level(const uint8_t *d, size_t n, int depth)
{
    if (depth == 1000)
        abort();
    if (n == 0 || d[0] != '[')
        return depth;
    int r = level(d + 1, n - 1, depth + 1);
    sink = r;
    return r;
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    level(d, n, 0);
    return 0;
}
