/* feat_indir.c - a function-pointer table filled step by step: the table
 * starts with only t['f'] = step0; step k, called through the table, puts
 * step k+1 under the next key; the last step crashes when reached through
 * the real table.  Every step function is first called 130 times directly
 * (on a scratch table) in each run, so its edges are covered and its hit
 * counts in the 128-255 bucket before the input is read; only the first
 * 16 bytes are read, so no counter wraps past 255 either.  What is left
 * for coverage to see is the hit count of the call through the table,
 * which repeating 'f' moves as well as any step does.  The only thing new
 * about reaching step k+1 is the indirect call's (caller, callee) pair
 * (-fsanitize-coverage=indirect-calls). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

typedef void (*step_fn)(void **t);

static void *table[256];
static void *scratch[256];

#define STEP(k, key, next)                                                  \
    __attribute__((noinline)) static void step##k(void **t) { t[key] = (void *)next; }

__attribute__((noinline)) static void done(void **t)
{
    if (t == table)
        abort();
}
STEP(3, 'Q', done)
STEP(2, 'W', step3)
STEP(1, 'r', step2)
STEP(0, 'e', step1)

static void warm_up(void)
{
    for (int r = 0; r < 130; r++) {
        step0(scratch), step1(scratch), step2(scratch), step3(scratch);
        done(scratch);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    warm_up();
    for (int i = 0; i < 256; i++)
        table[i] = NULL;
    table['f'] = (void *)step0;
    for (size_t i = 0; i < n && i < 16; i++)
        if (table[d[i]])
            ((step_fn)table[d[i]])(table);
    return 0;
}
