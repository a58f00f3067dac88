/* A Go-style target whose seeds function is wrong: its second seed gives
 * one value for two arguments.  ferret must refuse to start, naming it. */
#include "ferret.h"

static void seeds(ferret_seeds *s)
{
    ferret_add(s, ferret_bytes("ok", 2), ferret_int8(1));
    ferret_add(s, ferret_bytes("short", 5));
    ferret_add(s, ferret_bytes("range", 5), ferret_int8(300)); /* only the first error is named */
}

static void fuzz(ferret_t *t, const ferret_value *arg)
{
    (void)t;
    (void)arg;
}
FERRET_FUZZ(FuzzBadSeed, fuzz, seeds, FERRET_BYTES, FERRET_INT8);
