/* count_matches: counting matches of two 3-byte words.
 *
 * Pattern: progress that is a count.  Every offset i is tested with
 * memcmp(data + i, "foo", 3) and memcmp(data + i, "bar", 3); the crash
 * needs more than 10 of each.  The counts change no branch until the
 * final test, so coverage sees only the last step; what helps is treating
 * memcmp results as features (each new match at a new offset), or
 * inserting the words the memcmp hook reports many times.  The input may
 * be at most 128 bytes.
 * Solution: "foo" 11 times, then "bar" 11 times (66 bytes); the words
 * may sit anywhere, in any order. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3 || size > 128)
        return 0;
    int foo = 0, bar = 0;
    for (size_t i = 0; i + 3 <= size; i++) {
        if (memcmp(data + i, "foo", 3) == 0)
            foo++;
        if (memcmp(data + i, "bar", 3) == 0)
            bar++;
    }
    if (foo > 10 && bar > 10)
        __builtin_trap();
    return 0;
}
