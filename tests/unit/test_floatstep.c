/*
 * test_floatstep.c - a float's neighbours on its encoding (floatstep.c)
 * against the C library's nextafterf/nextafter/nextafterl, over the edges
 * (zeros, subnormals, the largest finite value, infinities, NaN, the
 * exponent boundaries) and many pseudo-random encodings; and which
 * neighbours a compare asks for (fcmp_steps).
 */
#include "floatstep.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "check.h"

static uint64_t seed = 0x9e3779b97f4a7c15ULL;

static uint64_t next_rand(void)
{
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return seed;
}

static int f32_ok(uint32_t bits)
{
    for (int up = 0; up < 2; up++) {
        float x, want;
        memcpy(&x, &bits, 4);
        want = isnan(x) ? x : nextafterf(x, up ? INFINITY : -INFINITY);
        uint32_t wb, got = f32_step(bits, up);
        memcpy(&wb, &want, 4);
        if (isnan(x) ? got != bits : got != wb) {
            fprintf(stderr, "f32 %08x up=%d: got %08x want %08x\n", bits, up, got, wb);
            return 0;
        }
    }
    return 1;
}

static int f64_ok(uint64_t bits)
{
    for (int up = 0; up < 2; up++) {
        double x, want;
        memcpy(&x, &bits, 8);
        want = isnan(x) ? x : nextafter(x, up ? INFINITY : -INFINITY);
        uint64_t wb, got = f64_step(bits, up);
        memcpy(&wb, &want, 8);
        if (isnan(x) ? got != bits : got != wb) {
            fprintf(stderr, "f64 %016llx up=%d: got %016llx want %016llx\n",
                    (unsigned long long)bits, up, (unsigned long long)got, (unsigned long long)wb);
            return 0;
        }
    }
    return 1;
}

/* A long double from its significand and sign/exponent. */
static int f80_ok(uint64_t m, uint16_t se)
{
    uint8_t in[10], got[10], want[10];
    memcpy(in, &m, 8);
    memcpy(in + 8, &se, 2);
    for (int up = 0; up < 2; up++) {
        long double x = 0, w;
        memcpy(&x, in, 10);
        w = isnan(x) ? x : nextafterl(x, up ? INFINITY : -INFINITY);
        memcpy(want, &w, 10);
        if (isnan(x))
            memcpy(want, in, 10);
        f80_step(in, got, up);
        if (memcmp(got, want, 10) != 0) {
            fprintf(stderr, "f80 %04x:%016llx up=%d differs from nextafterl\n", se,
                    (unsigned long long)m, up);
            return 0;
        }
    }
    return 1;
}

static void test_f32_edges(void)
{
    static const uint32_t v[] = {
        0x00000000, 0x80000000, 0x00000001, 0x80000001, 0x007fffff, 0x807fffff,
        0x00800000, 0x80800000, 0x3f800000, 0xbf800000, 0x7f7fffff, 0xff7fffff,
        0x7f800000, 0xff800000, 0x7fc00000, 0x44a35000, 0x3fffffff,
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        CHECK(f32_ok(v[i]));
}

static void test_f64_edges(void)
{
    static const uint64_t v[] = {
        0, 0x8000000000000000ULL, 1, 0x8000000000000001ULL, 0x000fffffffffffffULL,
        0x0010000000000000ULL, 0x3ff0000000000000ULL, 0xbff0000000000000ULL,
        0x7fefffffffffffffULL, 0xffefffffffffffffULL, 0x7ff0000000000000ULL,
        0xfff0000000000000ULL, 0x7ff8000000000000ULL, 0x40934a0000000000ULL, /* 1234.5 */
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        CHECK(f64_ok(v[i]));
}

static void test_f80_edges(void)
{
    const uint64_t I = 0x8000000000000000ULL;
    static const uint16_t exps[] = { 0, 1, 2, 0x3fff, 0x7ffe, 0x7fff };
    const uint64_t ms[] = { 0, 1, I - 1, I, I + 1, ~0ULL, 0xc000000000000000ULL };
    for (size_t e = 0; e < sizeof exps / sizeof exps[0]; e++)
        for (size_t k = 0; k < sizeof ms / sizeof ms[0]; k++)
            for (int s = 0; s < 2; s++) {
                uint16_t se = (uint16_t)(exps[e] | (s ? 0x8000 : 0));
                int normal = exps[e] != 0;
                /* unnormals and pseudo-denormals are not values the FPU makes */
                if (normal != ((ms[k] & I) != 0) && !(exps[e] == 0x7fff && ms[k] == 0))
                    continue;
                if (exps[e] == 0x7fff && ms[k] == 0)
                    continue; /* a pseudo-infinity */
                CHECK(f80_ok(ms[k], se));
            }
}

static void test_random_encodings(void)
{
    int ok32 = 1, ok64 = 1, ok80 = 1;
    for (int i = 0; i < 200000; i++) {
        uint64_t r = next_rand();
        ok32 &= f32_ok((uint32_t)r);
        ok64 &= f64_ok(r);
        uint16_t se = (uint16_t)next_rand();
        uint64_t m = (se & 0x7fff) ? (r | 0x8000000000000000ULL) : (r & 0x7fffffffffffffffULL);
        ok80 &= f80_ok(m, se);
    }
    CHECK(ok32);
    CHECK(ok64);
    CHECK(ok80);
}

/* The steps fcmp_steps lists, as a string ("0+-"). */
static int steps_are(int order, int kind, const char *want)
{
    int s[3];
    char got[4] = "";
    size_t n = fcmp_steps(order, kind, s);
    for (size_t i = 0; i < n && i < 3; i++)
        got[i] = s[i] == 0 ? '0' : s[i] > 0 ? '+' : '-';
    got[n < 3 ? n : 3] = 0;
    if (strcmp(got, want) != 0) {
        fprintf(stderr, "fcmp_steps(%d, %d): got \"%s\" want \"%s\"\n", order, kind, got, want);
        return 0;
    }
    return 1;
}

static void test_fcmp_steps(void)
{
    /* equality: b, or (already equal) a value that differs */
    CHECK(steps_are(-1, FSTEP_EQUALITY, "0"));
    CHECK(steps_are(1, FSTEP_EQUALITY, "0"));
    CHECK(steps_are(0, FSTEP_EQUALITY, "+"));
    CHECK(steps_are(2, FSTEP_EQUALITY, "0"));
    /* a range: b and the far side of b from a */
    CHECK(steps_are(-1, FSTEP_RANGE, "0+"));
    CHECK(steps_are(1, FSTEP_RANGE, "0-"));
    CHECK(steps_are(0, FSTEP_RANGE, "+-"));
    CHECK(steps_are(2, FSTEP_RANGE, "0+-"));
    /* ordered / unordered: b only */
    CHECK(steps_are(-1, FSTEP_NONE, "0"));
    CHECK(steps_are(0, FSTEP_NONE, ""));
}

/* 1234.5 < x < 1234.6 is one step from either bound. */
static void test_range_example(void)
{
    double lo = 1234.5, hi = 1234.6, x;
    uint64_t b;
    memcpy(&b, &lo, 8);
    b = f64_step(b, 1);
    memcpy(&x, &b, 8);
    CHECK(x > lo && x < hi);
}

int main(void)
{
    RUN(test_f32_edges);
    RUN(test_f64_edges);
    RUN(test_f80_edges);
    RUN(test_random_encodings);
    RUN(test_fcmp_steps);
    RUN(test_range_example);
    return CHECK_DONE("floatstep");
}
