/* feat_arith.c - an arithmetic mix of input bytes, v = d[0] + 251*d[1] +
 * 251*251*d[2], compared squared with a constant: v*v == K*K.  No operand
 * of the compare is in the input, and the square makes it non-linear in
 * the bytes, so neither input-to-state replacement nor a linear solver
 * reaches it; value profile's distance features (|v*v - K*K| shrinks with
 * |v - K|) reward every input that comes closer, and the corpus climbs. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#define K (17ull + 251ull * 200u + 251ull * 251u * 99u)

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n < 4)
        return 0;
    uint64_t v = d[0] + 251ull * d[1] + 251ull * 251u * d[2];
    if (v * v == K * K)
        abort();
    return 0;
}
