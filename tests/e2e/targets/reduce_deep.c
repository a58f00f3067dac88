/* A 5-step machine over the whole input (steps may start anywhere, a wrong
 * byte resets it): "ABCDE" crashes-free, step 5 is only a store.  Its loop
 * runs once per byte, so the input's length picks hit-count buckets: long
 * inputs are "new coverage" too, as on any parser.  test_reduce_inputs
 * starts it from a long seed and checks that what fuzzing finds from it does
 * not stay long. */
#include <stddef.h>
#include <stdint.h>

static volatile int sink;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    static const char word[] = "ABCDE";
    int step = 0;
    for (size_t i = 0; i < n; i++) {
        switch (step) {
        case 0: step = d[i] == word[0]; break;
        case 1: step = d[i] == word[1] ? 2 : 0; break;
        case 2: step = d[i] == word[2] ? 3 : 0; break;
        case 3: step = d[i] == word[3] ? 4 : 0; break;
        case 4:
            if (d[i] == word[4])
                sink = 5;
            step = 0;
            break;
        }
    }
    return 0;
}
