// Go-style typed targets written in C++ (test_typed_cxx.sh): the whole
// typed API from ferret.h must compile under g++ and clang++ with
// -Wall -Wextra -pedantic -Werror.
//  FuzzCxx (bytes, string, bool, int8, int16, int32, int64, uint8, uint16,
//    uint32, uint64, float, double): fails with ferret_fatal when the bytes
//    start with "CX" and the int32 is 77; seed #1 below is such an input.
//  FuzzCxxSkip (int): skips odd numbers, fails on none.
#include <cstdint>
#include <cstring>
#include <string>

#include "ferret.h"

static void seeds_cxx(ferret_seeds *s)
{
    ferret_add(s, ferret_bytes("ab", 2), ferret_string("x"), ferret_bool(false),
               ferret_int8(-1), ferret_int16(2), ferret_int32(3), ferret_int64(4),
               ferret_uint8(5), ferret_uint16(6), ferret_uint32(7), ferret_uint64(8),
               ferret_float32(1.5f), ferret_float64(-2.25));
    ferret_add(s, ferret_bytes("CX!", 3), ferret_string("y"), ferret_bool(true),
               ferret_int8(0), ferret_int16(0), ferret_int32(77), ferret_int64(0),
               ferret_uint8(0), ferret_uint16(0), ferret_uint32(0), ferret_uint64(0),
               ferret_float32(0), ferret_float64(0));
}

static void fuzz_cxx(ferret_t *t, const ferret_value *arg)
{
    std::string bytes(reinterpret_cast<const char *>(arg[0].bytes.data), arg[0].bytes.len);
    ferret_log(t, "bytes of %zu, int32 %lld", bytes.size(), static_cast<long long>(arg[5].i));
    if (bytes.compare(0, 2, "CX") == 0 && arg[5].i == 77)
        ferret_fatal(t, "C++ typed target: %s with 77", bytes.c_str());
}
FERRET_FUZZ(FuzzCxx, fuzz_cxx, seeds_cxx, FERRET_BYTES, FERRET_STRING, FERRET_BOOL,
            FERRET_INT8, FERRET_INT16, FERRET_INT32, FERRET_INT64, FERRET_UINT8,
            FERRET_UINT16, FERRET_UINT32, FERRET_UINT64, FERRET_FLOAT, FERRET_DOUBLE);

static void seeds_skip(ferret_seeds *s) { ferret_add(s, ferret_int(3)); }

static void fuzz_skip(ferret_t *t, const ferret_value *arg)
{
    if (arg[0].i % 2)
        ferret_skip(t, "odd: %lld", static_cast<long long>(arg[0].i));
    if (ferret_failed(t))
        ferret_fail(t, "cannot happen");
}
FERRET_FUZZ(FuzzCxxSkip, fuzz_skip, seeds_skip, FERRET_INT);
