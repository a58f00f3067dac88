/* Go-style typed targets for the e2e tests (test_typed_*.sh).
 *  FuzzBoth (bytes, int64): fails only when the bytes start with "KEY" and
 *    the number is over 1000: the smallest failing values are "KEY", 1001.
 *  FuzzBool (bool, uint8): fails on (true, 7) with ferret_fail, and goes on
 *    running (the line after it logs): a recoverable failure.
 *  FuzzBoom (string): crashes (a real signal) on "boom".
 * No LLVMFuzzerTestOneInput: a binary of typed targets only. */
#include <stdlib.h>
#include <string.h>

#include "ferret.h"

static void seeds_both(ferret_seeds *s)
{
    ferret_add(s, ferret_bytes("hello world, a seed", 19), ferret_int64(3));
    ferret_add(s, ferret_bytes("", 0), ferret_int64(-77));
}

static void fuzz_both(ferret_t *t, const ferret_value *arg)
{
    const uint8_t *d = arg[0].bytes.data;
    size_t n = arg[0].bytes.len;
    int64_t v = arg[1].i;
    ferret_log(t, "got %zu bytes and %lld", n, (long long)v);
    if (n >= 3 && memcmp(d, "KEY", 3) == 0 && v > 1000)
        ferret_fatal(t, "KEY with %lld: too big", (long long)v);
}
FERRET_FUZZ(FuzzBoth, fuzz_both, seeds_both, FERRET_BYTES, FERRET_INT64);

static void seeds_bool(ferret_seeds *s)
{
    ferret_add(s, ferret_bool(false), ferret_uint8(200));
}

static void fuzz_bool(ferret_t *t, const ferret_value *arg)
{
    if (arg[0].b && arg[1].u == 7)
        ferret_fail(t, "seven and true");
    if (ferret_failed(t))
        ferret_log(t, "still running after the failure");
}
FERRET_FUZZ(FuzzBool, fuzz_bool, seeds_bool, FERRET_BOOL, FERRET_UINT8);

static void fuzz_boom(ferret_t *t, const ferret_value *arg)
{
    (void)t;
    if (strcmp((const char *)arg[0].bytes.data, "boom") == 0)
        abort();
}
FERRET_FUZZ(FuzzBoom, fuzz_boom, NULL, FERRET_STRING);

/* FuzzSkip (string): ferret_skip ends the input without failing it; the
 * ferret_fail after it never runs. */
static void seeds_skip(ferret_seeds *s)
{
    ferret_add(s, ferret_string("skip me"));
}

static void fuzz_skip(ferret_t *t, const ferret_value *arg)
{
    if (strncmp((const char *)arg[0].bytes.data, "skip", 4) == 0)
        ferret_skip(t, "not interesting");
    ferret_fail(t, "not skipped: %s", (const char *)arg[0].bytes.data);
}
FERRET_FUZZ(FuzzSkip, fuzz_skip, seeds_skip, FERRET_STRING);
