/* A parser's byte dispatch: every input byte is compared with constants
 * (one-byte compares with a constant, __sanitizer_cov_trace_const_cmp1).
 * Nothing to find: test_feat_const_bytes counts the corpus it keeps. */
#include <stddef.h>
#include <stdint.h>

static volatile size_t balance; /* keeps the loop */

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    size_t open = 0, close = 0;
    for (size_t i = 0; i < n; i++) {
        if (d[i] == '<')
            open++;
        else if (d[i] == '>')
            close++;
    }
    balance = open - close;
    return 0;
}
