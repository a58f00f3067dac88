/*
 * test_typed.c - the binary form of typed arguments (typed.h): exact layout,
 * round trips for every go_type, total decoding of garbage, typed mutation
 * (ranges, canonical results, determinism, comparison feedback, partner)
 * and typed minimization (known minimal results, canonical candidates, the
 * resume protocol after a death at any candidate, arbitrary cursors).
 */
#include "typed.h"

#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <xmmintrin.h>

#include "check.h"
#include "floatbits.h"

#define BIG 100000

/* ---- helpers ---------------------------------------------------------------- */

static struct typed_schema schema(size_t n, ...)
{
    struct typed_schema s;
    va_list ap;
    memset(&s, 0, sizeof s);
    s.n = n;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++)
        s.type[i] = (enum go_type)va_arg(ap, int);
    va_end(ap);
    return s;
}


static int is_signed_type(enum go_type t)
{
    return t == GO_INT || t == GO_INT8 || t == GO_INT16 || t == GO_INT32 || t == GO_INT64;
}

static int is_float_type(enum go_type t)
{
    return t == GO_FLOAT32 || t == GO_FLOAT64;
}

static struct go_value bytes_val(enum go_type t, const void *p, size_t len)
{
    struct go_value v;
    memset(&v, 0, sizeof v);
    v.type = t;
    v.bytes.p = (uint8_t *)p;
    v.bytes.len = len;
    return v;
}

/* A value of a fixed type from raw bits, the way the type holds them. */
static struct go_value raw_val(enum go_type t, uint64_t raw)
{
    struct go_value v;
    size_t w = typed_width(t);
    memset(&v, 0, sizeof v);
    v.type = t;
    if (t == GO_BOOL) {
        v.b = (int)(raw & 1);
    } else if (t == GO_FLOAT32) {
        v.f32 = f32_from((uint32_t)raw);
    } else if (t == GO_FLOAT64) {
        v.f64 = f64_from(raw);
    } else if (w < 8) {
        uint64_t mask = (1ULL << (8 * w)) - 1;
        raw &= mask;
        if (is_signed_type(t) && (raw >> (8 * w - 1)))
            raw |= ~mask;
        v.u = raw;
    } else {
        v.u = raw;
    }
    return v;
}

static struct go_value i64_val(enum go_type t, int64_t i)
{
    return raw_val(t, (uint64_t)i);
}

static struct go_value f64_val(double d)
{
    return raw_val(GO_FLOAT64, f64_bits(d));
}

static struct go_value f32_val(float f)
{
    return raw_val(GO_FLOAT32, f32_bits(f));
}

static uint64_t raw_of(const struct go_value *v)
{
    switch (v->type) {
    case GO_BOOL: return (uint64_t)v->b;
    case GO_FLOAT32: return f32_bits(v->f32);
    case GO_FLOAT64: return f64_bits(v->f64);
    default: return v->u;
    }
}

static int same_value(const struct go_value *a, const struct go_value *b)
{
    if (a->type != b->type)
        return 0;
    if (a->type == GO_BYTES || a->type == GO_STRING)
        return a->bytes.len == b->bytes.len &&
               (a->bytes.len == 0 || memcmp(a->bytes.p, b->bytes.p, a->bytes.len) == 0);
    return raw_of(a) == raw_of(b);
}

static int same_values(const struct go_value *a, const struct go_value *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!same_value(&a[i], &b[i]))
            return 0;
    return 1;
}

/* Within the type's range, as typed_decode promises. */
static int in_range(const struct go_value *v)
{
    size_t w = typed_width(v->type);
    if (v->type == GO_BOOL)
        return v->b == 0 || v->b == 1;
    if (v->type == GO_BYTES || v->type == GO_STRING || is_float_type(v->type) || w == 8)
        return 1;
    if (is_signed_type(v->type)) {
        int64_t lim = (int64_t)1 << (8 * w - 1);
        return v->i >= -lim && v->i < lim;
    }
    return v->u < (1ULL << (8 * w));
}

static uint8_t buf_a[4 * BIG], buf_b[4 * BIG];

/* encode(decode(d)) == d */
static int is_canonical(const struct typed_schema *s, const uint8_t *d, size_t len)
{
    struct go_value v[TYPED_MAX_ARGS];
    static uint8_t tmp[4 * BIG];
    typed_decode(s, d, len, v);
    size_t l = typed_encode(s, v, tmp, sizeof tmp);
    return l == len && memcmp(tmp, d, len) == 0;
}

static void fill(rng_t *r, uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (uint8_t)rng_next(r);
}

static const enum go_type all_types[] = {
    GO_BYTES, GO_STRING, GO_BOOL, GO_INT, GO_INT8, GO_INT16, GO_INT32, GO_INT64,
    GO_UINT, GO_UINT8, GO_UINT16, GO_UINT32, GO_UINT64, GO_FLOAT32, GO_FLOAT64,
};
#define N_TYPES (sizeof all_types / sizeof all_types[0])

/* ---- binary form ---------------------------------------------------------------- */

static void test_layout(void)
{
    struct typed_schema s1 = schema(1, GO_BYTES);
    struct go_value v[TYPED_MAX_ARGS];
    uint8_t out[64];

    CHECK_EQ_U(typed_fixed_size(&s1), 0);
    v[0] = bytes_val(GO_BYTES, "hello", 5);
    CHECK_EQ_U(typed_encode(&s1, v, out, sizeof out), 5);
    CHECK(memcmp(out, "hello", 5) == 0);
    typed_decode(&s1, (const uint8_t *)"abc\0d", 5, v);
    CHECK_EQ_U(v[0].bytes.len, 5);
    CHECK(v[0].type == GO_BYTES && memcmp(v[0].bytes.p, "abc\0d", 5) == 0);

    struct typed_schema s = schema(6, GO_INT8, GO_BYTES, GO_UINT16, GO_STRING, GO_FLOAT64, GO_BOOL);
    static const uint8_t want[] = {
        0xfe, 0x34, 0x12, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 0x01, /* fixed: int8 uint16 float64 bool */
        2, 0, 0, 0, 'x', 'y',                                   /* []byte, with its length */
        'z',                                                    /* the last: the rest */
    };
    CHECK_EQ_U(typed_fixed_size(&s), 12);
    v[0] = i64_val(GO_INT8, -2);
    v[1] = bytes_val(GO_BYTES, "xy", 2);
    v[2] = i64_val(GO_UINT16, 0x1234);
    v[3] = bytes_val(GO_STRING, "z", 1);
    v[4] = f64_val(1.0);
    v[5] = raw_val(GO_BOOL, 1);
    CHECK_EQ_U(typed_encode(&s, v, NULL, 0), sizeof want);
    CHECK_EQ_U(typed_encode(&s, v, out, sizeof want), sizeof want);
    CHECK(memcmp(out, want, sizeof want) == 0);
    CHECK_EQ_U(typed_encode(&s, v, out, sizeof want - 1), SIZE_MAX);

    struct go_value d[TYPED_MAX_ARGS];
    typed_decode(&s, want, sizeof want, d);
    CHECK(same_values(d, v, 6));
    CHECK(d[1].bytes.p == want + 16 && d[3].bytes.p == want + 18);

    /* bool decodes as byte & 1; truncation reads zeros; lengths clamp. */
    static const uint8_t odd[] = {0x7f, 0x34, 0x12, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 0xfe,
                                  0xff, 0xff, 0, 0, 'q'};
    typed_decode(&s, odd, sizeof odd, d);
    CHECK_EQ_U(d[5].b, 0);
    CHECK_EQ_U(d[0].i, 127);
    CHECK_EQ_U(d[1].bytes.len, 1); /* 65535 clamped to the one byte left */
    CHECK_EQ_U(d[3].bytes.len, 0);
    typed_decode(&s, odd, 3, d);
    CHECK_EQ_U(d[2].u, 0x1234);
    CHECK(d[4].f64 == 0.0 && d[5].b == 0 && d[1].bytes.len == 0 && d[3].bytes.len == 0);
    typed_decode(&s, NULL, 0, d);
    CHECK(d[0].i == 0 && d[1].bytes.len == 0 && d[3].bytes.len == 0);

    /* Bytes after a form with no variable argument are ignored. */
    struct typed_schema s2 = schema(2, GO_INT16, GO_BOOL);
    typed_decode(&s2, (const uint8_t *)"\x01\x80\x01garbage", 10, d);
    CHECK_EQ_U(d[0].i, (uint64_t)(int64_t)-32767);
    CHECK_EQ_U(d[1].b, 1);
    memcpy(out, "\x01\x80\x03garbage", 10);
    CHECK_EQ_U(typed_canonicalize(&s2, out, 10, sizeof out), 3);
    CHECK(memcmp(out, "\x01\x80\x01", 3) == 0);
    /* A truncated form grows to the canonical one only if it fits. */
    memcpy(out, "\x01", 1);
    CHECK_EQ_U(typed_canonicalize(&s2, out, 1, 2), SIZE_MAX);
    CHECK_EQ_U(out[0], 1);
    CHECK_EQ_U(typed_canonicalize(&s2, out, 1, 3), 3);
    CHECK(memcmp(out, "\x01\x00\x00", 3) == 0);

    /* The empty schema: the form is always empty. */
    struct typed_schema s0 = schema(0);
    CHECK_EQ_U(typed_fixed_size(&s0), 0);
    CHECK_EQ_U(typed_encode(&s0, v, out, 0), 0);
    CHECK_EQ_U(typed_canonicalize(&s0, out, 10, 10), 0);
}

/* Interesting raw values of a fixed type. */
static size_t sample_values(enum go_type t, rng_t *r, uint64_t *out)
{
    size_t n = 0;
    if (t == GO_FLOAT64) {
        static const uint64_t f[] = {
            0x7ff8000000000001ULL, 0x7ff0000000000001ULL, 0xfff8000000000123ULL,
            0x7fffffffffffffffULL, 0x7ff0000000000000ULL, 0xfff0000000000000ULL,
            0x8000000000000000ULL, 0, 1, 0x7fefffffffffffffULL, 0x3ff0000000000000ULL,
        };
        memcpy(out, f, sizeof f);
        n = sizeof f / sizeof f[0];
    } else if (t == GO_FLOAT32) {
        static const uint64_t f[] = {
            0x7fc00000, 0x7fc00001, 0x7f800001, 0xffc00000, 0x7f800000, 0xff800000,
            0x80000000, 0, 1, 0x7f7fffff, 0x3f800000,
        };
        memcpy(out, f, sizeof f);
        n = sizeof f / sizeof f[0];
    } else {
        size_t w = typed_width(t);
        uint64_t top = w >= 8 ? ~0ULL : (1ULL << (8 * w)) - 1;
        out[n++] = 0;
        out[n++] = 1;
        out[n++] = ~0ULL;      /* -1 / max */
        out[n++] = top >> 1;   /* signed max */
        out[n++] = (top >> 1) + 1; /* signed min */
        out[n++] = top;
    }
    for (int k = 0; k < 8; k++)
        out[n++] = rng_next(r);
    return n;
}

static void roundtrip_one(const struct typed_schema *s, const struct go_value *v)
{
    struct go_value d[TYPED_MAX_ARGS];
    size_t need = typed_encode(s, v, NULL, 0);
    CHECK(need != SIZE_MAX && need <= sizeof buf_a);
    CHECK_EQ_U(typed_encode(s, v, buf_a, need), need);
    typed_decode(s, buf_a, need, d);
    CHECK(same_values(d, v, s->n));
    CHECK_EQ_U(typed_encode(s, d, buf_b, sizeof buf_b), need);
    CHECK(memcmp(buf_a, buf_b, need) == 0);
    if (need > 0)
        CHECK_EQ_U(typed_encode(s, v, buf_b, need - 1), SIZE_MAX);
}

static void test_roundtrip_all_types(void)
{
    rng_t r = {11};
    static uint8_t long_bytes[BIG];
    fill(&r, long_bytes, sizeof long_bytes);
    long_bytes[7] = 0;
    const struct go_value byte_vals[] = {
        bytes_val(GO_BYTES, "", 0), bytes_val(GO_BYTES, "a", 1),
        bytes_val(GO_BYTES, "\0\0\xff", 3), bytes_val(GO_BYTES, long_bytes, BIG),
    };
    for (size_t ti = 0; ti < N_TYPES; ti++) {
        enum go_type t = all_types[ti];
        struct typed_schema s1 = schema(1, t), s2 = schema(3, GO_BYTES, t, GO_STRING);
        struct go_value v[3];
        if (t == GO_BYTES || t == GO_STRING) {
            for (size_t k = 0; k < 4; k++) {
                v[0] = byte_vals[k];
                v[0].type = t;
                roundtrip_one(&s1, v);
                v[1] = v[0];
                v[0] = byte_vals[(k + 1) % 4];
                v[2] = bytes_val(GO_STRING, "tail", 4);
                roundtrip_one(&s2, v);
            }
            continue;
        }
        uint64_t raws[32];
        size_t n = sample_values(t, &r, raws);
        for (size_t k = 0; k < n; k++) {
            v[0] = raw_val(t, raws[k]);
            roundtrip_one(&s1, v);
            CHECK_EQ_U(typed_encode(&s1, v, NULL, 0), typed_width(t));
            v[1] = v[0];
            v[0] = byte_vals[k % 4];
            v[2] = bytes_val(GO_STRING, "", 0);
            roundtrip_one(&s2, v);
        }
    }
    /* NaN payloads survive bit for bit. */
    struct typed_schema sf = schema(2, GO_FLOAT64, GO_FLOAT32);
    struct go_value v[2] = {raw_val(GO_FLOAT64, 0x7ff4000000000abcULL), raw_val(GO_FLOAT32, 0x7fa00123)};
    struct go_value d[2];
    CHECK_EQ_U(typed_encode(&sf, v, buf_a, 12), 12);
    typed_decode(&sf, buf_a, 12, d);
    CHECK_EQ_U(f64_bits(d[0].f64), 0x7ff4000000000abcULL);
    CHECK_EQ_U(f32_bits(d[1].f32), 0x7fa00123);
    CHECK(signbit(f64_val(-0.0).f64));
}

static void test_several_variable(void)
{
    struct typed_schema s = schema(4, GO_BYTES, GO_STRING, GO_BYTES, GO_INT32);
    static uint8_t big[70010];
    static const size_t lens[][3] = {{0, 0, 0}, {5, 0, 70000}, {70000, 3, 0}, {1, 70000, 2}};
    rng_t r = {12};
    fill(&r, big, sizeof big);
    for (size_t k = 0; k < sizeof lens / sizeof lens[0]; k++) {
        struct go_value v[4] = {
            bytes_val(GO_BYTES, big, lens[k][0]), bytes_val(GO_STRING, big + 3, lens[k][1]),
            bytes_val(GO_BYTES, big + 1, lens[k][2]), i64_val(GO_INT32, -5 - (int64_t)k),
        };
        roundtrip_one(&s, v);
        CHECK_EQ_U(typed_encode(&s, v, NULL, 0), 4 + 8 + lens[k][0] + lens[k][1] + lens[k][2]);
    }
}

/* Random schemas, random bytes: decoding never fails, values are in range,
 * and the canonical form decodes to the same values. */
static void test_decode_total(void)
{
    rng_t r = {13};
    uint8_t data[256];
    for (int it = 0; it < 20000; it++) {
        struct typed_schema s;
        struct go_value v[TYPED_MAX_ARGS], d[TYPED_MAX_ARGS];
        memset(&s, 0, sizeof s);
        s.n = (size_t)rng_below(&r, TYPED_MAX_ARGS + 1);
        for (size_t i = 0; i < s.n; i++)
            s.type[i] = all_types[rng_below(&r, N_TYPES)];
        size_t len = (size_t)rng_below(&r, rng_bool(&r) ? 24 : sizeof data);
        fill(&r, data, len);
        /* Small length prefixes now and then, so variable arguments split. */
        for (size_t i = 0; i + 4 <= len; i += 4)
            if (rng_below(&r, 3) == 0)
                data[i + 1] = data[i + 2] = data[i + 3] = 0, data[i] &= 15;
        typed_decode(&s, data, len, v);
        int ok = 1;
        size_t total = 0;
        for (size_t i = 0; i < s.n; i++) {
            ok &= v[i].type == s.type[i] && in_range(&v[i]);
            if (s.type[i] == GO_BYTES || s.type[i] == GO_STRING) {
                ok &= v[i].bytes.len <= len;
                ok &= v[i].bytes.len == 0 ||
                      (v[i].bytes.p >= data && v[i].bytes.p + v[i].bytes.len <= data + len);
                total += v[i].bytes.len;
            }
        }
        CHECK(ok);
        CHECK(total <= len);
        size_t need = typed_encode(&s, v, NULL, 0);
        CHECK(need != SIZE_MAX);
        CHECK_EQ_U(typed_encode(&s, v, buf_a, sizeof buf_a), need);
        typed_decode(&s, buf_a, need, d);
        CHECK(same_values(d, v, s.n));
        CHECK(is_canonical(&s, buf_a, need));
        memcpy(buf_b, data, len);
        CHECK_EQ_U(typed_canonicalize(&s, buf_b, len, sizeof buf_b), need);
        CHECK(memcmp(buf_b, buf_a, need) == 0);
    }
}

/* ---- mutation ------------------------------------------------------------------ */

static int value_is(const struct typed_schema *s, const uint8_t *d, size_t len, size_t i,
                    uint64_t raw)
{
    struct go_value v[TYPED_MAX_ARGS];
    typed_decode(s, d, len, v);
    return raw_of(&v[i]) == raw;
}

static void test_mutate_int8(void)
{
    struct typed_schema s = schema(1, GO_INT8);
    rng_t r = {21};
    uint8_t d[64] = {5};
    size_t len = 1, distinct = 0;
    int seen[256] = {0}, ok = 1;
    for (int it = 0; it < 10000; it++) {
        uint8_t before = d[0];
        len = typed_mutate(&r, &s, d, len, sizeof d, NULL);
        ok &= len == 1 && d[0] != before && is_canonical(&s, d, len);
        seen[d[0]] = 1;
    }
    CHECK(ok);
    for (int i = 0; i < 256; i++)
        distinct += (size_t)seen[i];
    CHECK(distinct >= 200);
    CHECK(seen[0x80] && seen[0x7f] && seen[0] && seen[0xff] && seen[1]);
}

static void test_mutate_mixed(void)
{
    struct typed_schema s = schema(9, GO_BOOL, GO_INT8, GO_UINT16, GO_INT32, GO_FLOAT32, GO_FLOAT64,
                                   GO_BYTES, GO_STRING, GO_INT64);
    rng_t r = {22};
    static uint8_t d[512], prev[512];
    size_t len = 0, max = 300;
    int ok = 1, saw_true = 0, saw_false = 0, saw_nan32 = 0, saw_nan64 = 0, saw_inf = 0;
    int saw_negzero = 0;
    int saw_long_str = 0, saw_long_bytes = 0, saw_min8 = 0;
    for (int it = 0; it < 10000; it++) {
        struct go_value v[TYPED_MAX_ARGS];
        memcpy(prev, d, len);
        size_t plen = len;
        len = typed_mutate(&r, &s, d, len, max, NULL);
        ok &= len <= max && is_canonical(&s, d, len);
        ok &= len != plen || memcmp(prev, d, len) != 0 || it == 0;
        ok &= d[0] == 0 || d[0] == 1;
        typed_decode(&s, d, len, v);
        for (size_t i = 0; i < s.n; i++)
            ok &= in_range(&v[i]);
        saw_true |= v[0].b == 1;
        saw_false |= v[0].b == 0;
        saw_min8 |= v[1].i == -128;
        saw_nan32 |= isnan(v[4].f32);
        saw_nan64 |= isnan(v[5].f64);
        saw_inf |= isinf(v[5].f64);
        saw_negzero |= v[5].f64 == 0 && signbit(v[5].f64);
        saw_long_bytes |= v[6].bytes.len > 20;
        saw_long_str |= v[7].bytes.len > 20;
    }
    CHECK(ok);
    CHECK(saw_true && saw_false && saw_min8);
    CHECK(saw_nan32 && saw_nan64 && saw_inf && saw_negzero);
    CHECK(saw_long_bytes && saw_long_str);

    /* A float alone: NaN, infinities, negative values. */
    struct typed_schema sf = schema(1, GO_FLOAT32);
    int nan32 = 0, inf32 = 0, neg32 = 0;
    len = 0;
    for (int it = 0; it < 3000; it++) {
        len = typed_mutate(&r, &sf, d, len, max, NULL);
        float f = f32_from((uint32_t)d[0] | (uint32_t)d[1] << 8 | (uint32_t)d[2] << 16 |
                         (uint32_t)d[3] << 24);
        nan32 |= isnan(f);
        inf32 |= isinf(f);
        neg32 |= f < 0;
        ok &= len == 4;
    }
    CHECK(ok && nan32 && inf32 && neg32);
}

/* Same rng state, same input: same bytes; bytes past len never matter. */
static void test_mutate_deterministic(void)
{
    struct typed_schema s = schema(5, GO_STRING, GO_INT64, GO_BYTES, GO_FLOAT64, GO_UINT8);
    static uint8_t a[256], b[256];
    rng_t ra = {23}, rb = {23};
    size_t la = 0, lb = 0;
    int ok = 1;
    for (int it = 0; it < 2000; it++) {
        memset(a + la, 0x11, sizeof a - la);
        memset(b + lb, 0xee, sizeof b - lb);
        la = typed_mutate(&ra, &s, a, la, sizeof a, NULL);
        lb = typed_mutate(&rb, &s, b, lb, sizeof b, NULL);
        ok &= la == lb && memcmp(a, b, la) == 0 && ra.s == rb.s;
    }
    CHECK(ok);
}

/* The floating-point environment the caller left (a target's fesetround or
 * -ffast-math: round upward, flush-to-zero, denormals-are-zero) changes no
 * mutation: the coordinator replays them in the default one.  Two chains of
 * mutations over floats, one under the default MXCSR and one under the
 * target's, stay identical; and the caller's MXCSR is given back. */
static void test_mutate_fp_env(void)
{
    struct typed_schema s = schema(2, GO_FLOAT64, GO_FLOAT32);
    static uint8_t a[64], b[64];
    const unsigned int target_csr = 0x1f80 | 0x4000 | 0x8000 | 0x40; /* up, FTZ, DAZ */
    unsigned int saved = _mm_getcsr();
    rng_t ra = {41}, rb = {41};
    size_t la = 0, lb = 0;
    int ok = 1, env_back = 1;
    for (int it = 0; it < 20000; it++) {
        if (it % 50 == 0) { /* restart the chain from a value needing rounding */
            struct go_value v[2] = {{.type = GO_FLOAT64, .f64 = 0.1},
                                    {.type = GO_FLOAT32, .f32 = 1.0f / 3}};
            la = lb = typed_encode(&s, v, a, sizeof a);
            memcpy(b, a, la);
        }
        la = typed_mutate(&ra, &s, a, la, sizeof a, NULL);
        _mm_setcsr(target_csr);
        lb = typed_mutate(&rb, &s, b, lb, sizeof b, NULL);
        env_back &= _mm_getcsr() == target_csr;
        _mm_setcsr(saved);
        ok &= la == lb && memcmp(a, b, la) == 0;
    }
    CHECK(ok);
    CHECK(env_back);
}

/* A single []byte argument is exactly mutator_mutate(). */
static void test_mutate_single_bytes(void)
{
    struct typed_schema s = schema(1, GO_BYTES);
    static uint8_t a[128], b[128];
    rng_t ra = {24}, rb = {24};
    size_t la = 0, lb = 0;
    int ok = 1;
    for (int it = 0; it < 1000; it++) {
        la = typed_mutate(&ra, &s, a, la, sizeof a, NULL);
        lb = mutator_mutate(&rb, b, lb, sizeof b, NULL);
        ok &= la == lb && memcmp(a, b, la) == 0;
    }
    CHECK(ok);
}

/* The comparison table: a compared operand replaces the argument that
 * equals the other operand. */
static void test_mutate_torc(void)
{
    struct typed_schema s = schema(3, GO_UINT16, GO_INT64, GO_BYTES);
    static struct torc t;
    struct mutate_trace trace = {0};
    struct mutate_src src = {.torc = &t, .trace = &trace};
    uint8_t base[64], d[64];
    struct go_value v[3] = {i64_val(GO_UINT16, 300), i64_val(GO_INT64, 7), bytes_val(GO_BYTES, "ab", 2)};
    size_t blen = typed_encode(&s, v, base, sizeof base);
    int hit64 = 0, hit16 = 0;
    memset(&t, 0, sizeof t);
    t.ints[3] = (struct torc_int){.a = 7, .b = 0x1122334455667788ULL, .size = 8};
    t.ints[200] = (struct torc_int){.a = 0xbeef, .b = 300, .size = 2};
    torc_count(&t);
    rng_t r = {25};
    for (int it = 0; it < 5000; it++) {
        memcpy(d, base, blen);
        size_t len = typed_mutate(&r, &s, d, blen, sizeof d, &src);
        hit64 |= value_is(&s, d, len, 1, 0x1122334455667788ULL);
        hit16 |= value_is(&s, d, len, 0, 0xbeef);
    }
    CHECK(hit64 && hit16);
}

/* Cross-over takes the partner's value of the same argument. */
static void test_mutate_partner(void)
{
    struct typed_schema s = schema(2, GO_INT32, GO_BYTES);
    struct go_value pv[2] = {i64_val(GO_INT32, 123456789), bytes_val(GO_BYTES, "PARTNERBYTES", 12)};
    uint8_t partner[64], d[64];
    size_t plen = typed_encode(&s, pv, partner, sizeof partner);
    struct mutate_src src = {.partner = partner, .partner_len = plen};
    int got_int = 0, got_bytes = 0;
    rng_t r = {26};
    for (int it = 0; it < 5000; it++) {
        struct go_value v[2];
        memset(d, 0, 4);
        size_t len = typed_mutate(&r, &s, d, 4, sizeof d, &src);
        typed_decode(&s, d, len, v);
        got_int |= v[0].i == 123456789;
        got_bytes |= v[1].bytes.len >= 4 && memmem(v[1].bytes.p, v[1].bytes.len, "RTNE", 4);
    }
    CHECK(got_int && got_bytes);
}

static void test_mutate_tight(void)
{
    rng_t r = {27};
    uint8_t d[16];
    int ok = 1;

    /* No room for the bytes: only the integer changes. */
    struct typed_schema s = schema(2, GO_INT64, GO_BYTES);
    memset(d, 0, sizeof d);
    size_t len = 8;
    for (int it = 0; it < 1000; it++) {
        uint8_t prev[8];
        memcpy(prev, d, 8);
        len = typed_mutate(&r, &s, d, len, 8, NULL);
        ok &= len == 8 && memcmp(prev, d, 8) != 0;
    }
    CHECK(ok);

    /* max_len below the smallest form: raw bytes, in bounds. */
    struct typed_schema s1 = schema(1, GO_INT64);
    len = 0;
    for (int it = 0; it < 200; it++) {
        len = typed_mutate(&r, &s1, d, len, 4, NULL);
        ok &= len <= 4;
    }
    CHECK(ok);

    /* Two empty byte strings and no room: nothing can change. */
    struct typed_schema s2 = schema(2, GO_BYTES, GO_STRING);
    memset(d, 0, 4);
    CHECK_EQ_U(typed_mutate(&r, &s2, d, 4, 4, NULL), 4);
    CHECK(memcmp(d, "\0\0\0\0", 4) == 0);
    len = typed_mutate(&r, &s2, d, 4, 5, NULL);
    CHECK(len == 5 && is_canonical(&s2, d, len));

    /* Nothing to mutate, and a non-canonical input comes back canonical. */
    struct typed_schema s0 = schema(0);
    CHECK_EQ_U(typed_mutate(&r, &s0, d, 3, 16, NULL), 0);
    struct typed_schema sb = schema(2, GO_BOOL, GO_UINT8);
    memcpy(d, "\x06\x09junk", 6);
    len = typed_mutate(&r, &sb, d, 6, 16, NULL);
    CHECK(len == 2 && is_canonical(&sb, d, len));
    CHECK(d[0] != 0 || d[1] != 9);
    CHECK_EQ_U(typed_mutate(&r, &sb, d, 2, 0, NULL), 0);
}

/* ---- minimization -------------------------------------------------------------- */

#define MAX_LOG 20000

typedef int (*prop_fn)(const struct go_value *v);

struct tctx {
    const struct typed_schema *s;
    prop_fn prop;
    uint8_t best[1024]; /* last kept input */
    size_t best_len;
    long calls;
    long stop_at;       /* answer MIN_STOP on this call (1-based); 0 = never */
    int stop_verdict;
    struct min_cursor saved;
    uint8_t cand[1024];
    size_t cand_len;
    int bad;            /* longer, unchanged, non-canonical or past-the-end candidate */
    uint64_t log[MAX_LOG];
};

static uint64_t fingerprint(const uint8_t *d, size_t n)
{
    uint64_t h = 1469598103934665603ULL ^ n;
    for (size_t i = 0; i < n; i++)
        h = (h ^ d[i]) * 1099511628211ULL;
    return h;
}

static void tctx_init(struct tctx *t, const struct typed_schema *s, prop_fn prop,
                      const uint8_t *d, size_t n)
{
    memset(t, 0, sizeof *t);
    t->s = s;
    t->prop = prop;
    memcpy(t->best, d, n);
    t->best_len = n;
}

static int try_cb(void *arg, const uint8_t *cand, size_t len, const struct min_cursor *cur)
{
    struct tctx *t = arg;
    struct go_value v[TYPED_MAX_ARGS];
    int ok;

    if (len > t->best_len || (len == t->best_len && memcmp(cand, t->best, len) == 0) ||
        !is_canonical(t->s, cand, len) || typed_minimize_done(cur))
        t->bad++;
    if (t->calls < MAX_LOG)
        t->log[t->calls] = fingerprint(cand, len);
    t->calls++;
    typed_decode(t->s, cand, len, v);
    ok = t->prop(v);
    if (t->stop_at && t->calls == t->stop_at) {
        t->saved = *cur;
        memcpy(t->cand, cand, len);
        t->cand_len = len;
        t->stop_verdict = ok;
        return MIN_STOP;
    }
    if (!ok)
        return MIN_REJECT;
    memcpy(t->best, cand, len);
    t->best_len = len;
    return MIN_KEEP;
}

static struct tctx T, U, R;
static uint8_t min_in[1024], min_out[1024];

/* typed_minimize from a zeroed cursor; checks the contract on the way. */
static size_t run_min(struct tctx *t, const struct typed_schema *s, prop_fn prop,
                      const uint8_t *in, size_t n, uint8_t *out)
{
    struct min_cursor cur = {0};
    memcpy(out, in, n);
    tctx_init(t, s, prop, in, n);
    size_t r = typed_minimize(s, out, n, &cur, try_cb, t);
    CHECK(typed_minimize_done(&cur));
    CHECK_EQ_U(t->bad, 0);
    CHECK_EQ_U(r, t->best_len);
    CHECK(memcmp(out, t->best, r) == 0);
    return r;
}

static size_t encode_vals(const struct typed_schema *s, const struct go_value *v, uint8_t *out)
{
    size_t n = typed_encode(s, v, out, 1024);
    CHECK(n != SIZE_MAX);
    return n;
}

static int has_ab(const struct go_value *v)
{
    return v->bytes.len >= 2 && memmem(v->bytes.p, v->bytes.len, "ab", 2) != NULL;
}

static int prop_ab_1000(const struct go_value *v)
{
    return has_ab(&v[0]) && v[1].i >= 1000;
}

static int prop_ab_neg(const struct go_value *v)
{
    return has_ab(&v[1]) && v[0].i <= -77;
}

static uint8_t rand_bytes[600];

static size_t input_ab_1000(const struct typed_schema *s, uint8_t *out)
{
    rng_t r = {31};
    fill(&r, rand_bytes, 200);
    for (size_t i = 0; i < 200; i++)
        if (rand_bytes[i] == 'a')
            rand_bytes[i] = 'A';
    memcpy(rand_bytes + 77, "ab", 2);
    struct go_value v[2] = {bytes_val(GO_BYTES, rand_bytes, 200), i64_val(GO_INT64, 987654321)};
    return encode_vals(s, v, out);
}

static void test_min_bytes_int(void)
{
    struct typed_schema s = schema(2, GO_BYTES, GO_INT64);
    struct go_value v[2];
    size_t n = input_ab_1000(&s, min_in);
    size_t r = run_min(&T, &s, prop_ab_1000, min_in, n, min_out);
    typed_decode(&s, min_out, r, v);
    CHECK_EQ_U(v[0].bytes.len, 2);
    CHECK(v[0].bytes.len == 2 && memcmp(v[0].bytes.p, "ab", 2) == 0);
    CHECK_EQ_U(v[1].i, 1000);
    CHECK_EQ_U(r, 10);

    /* Integer declared first: it still goes last (bytes shrink first). */
    struct typed_schema s2 = schema(2, GO_INT64, GO_BYTES);
    v[1] = bytes_val(GO_BYTES, rand_bytes, 200);
    v[0] = i64_val(GO_INT64, -5000);
    n = encode_vals(&s2, v, min_in);
    r = run_min(&T, &s2, prop_ab_neg, min_in, n, min_out);
    typed_decode(&s2, min_out, r, v);
    CHECK_EQ_U(v[0].i, (uint64_t)(int64_t)-77);
    CHECK(v[1].bytes.len == 2 && memcmp(v[1].bytes.p, "ab", 2) == 0);
}

static int prop_neg(const struct go_value *v) { return v[0].i < 0; }
static int prop_le_m77(const struct go_value *v) { return v[0].i <= -77; }
static int prop_ge5(const struct go_value *v) { return v[0].u >= 5; }
static int prop_odd(const struct go_value *v) { return v[0].u % 2 == 1; }
static int prop_always(const struct go_value *v) { (void)v; return 1; }
static int prop_never(const struct go_value *v) { (void)v; return 0; }

static uint64_t min_int(enum go_type t, uint64_t start, prop_fn prop, long *calls)
{
    struct typed_schema s = schema(1, t);
    struct go_value v = raw_val(t, start);
    size_t n = encode_vals(&s, &v, min_in);
    size_t r = run_min(&T, &s, prop, min_in, n, min_out);
    CHECK_EQ_U(r, typed_width(t));
    typed_decode(&s, min_out, r, &v);
    if (calls)
        *calls = T.calls;
    return v.u;
}

static void test_min_ints(void)
{
    long calls;
    CHECK_EQ_U(min_int(GO_INT8, 0x80, prop_neg, NULL), (uint64_t)(int64_t)-1);
    CHECK_EQ_U(min_int(GO_INT32, (uint64_t)-2000000000, prop_le_m77, NULL), (uint64_t)(int64_t)-77);
    CHECK_EQ_U(min_int(GO_INT64, (uint64_t)INT64_MIN, prop_le_m77, NULL), (uint64_t)(int64_t)-77);
    CHECK_EQ_U(min_int(GO_UINT64, UINT64_MAX, prop_ge5, &calls), 5);
    CHECK(calls <= 70);
    CHECK_EQ_U(min_int(GO_UINT8, 255, prop_ge5, NULL), 5);
    CHECK_EQ_U(min_int(GO_INT, 123456, prop_always, &calls), 0);
    CHECK_EQ_U(calls, 1);
    CHECK_EQ_U(min_int(GO_UINT16, 60001, prop_odd, NULL) % 2, 1);
    CHECK_EQ_U(min_int(GO_INT16, 0, prop_always, &calls), 0);
    CHECK_EQ_U(calls, 0);
    CHECK_EQ_U(min_int(GO_UINT32, 77, prop_never, NULL), 77);
}

static int prop_gt3(const struct go_value *v) { return v[0].f64 > 3.0; }
static int prop_gt3_f32(const struct go_value *v) { return v[0].f32 > 3.0f; }
static int prop_gt100(const struct go_value *v) { return v[0].f64 > 100.0; }
static int prop_tenth(const struct go_value *v) { return v[0].f64 > 0.1 && v[0].f64 < 0.2; }
static int prop_narrow(const struct go_value *v) { return v[0].f64 > 3.0 && v[0].f64 < 3.0000002; }
static int prop_nan(const struct go_value *v) { return isnan(v[0].f64); }
static int prop_neg_small(const struct go_value *v) { return v[0].f64 < -2.5; }

static double min_f64(double start, prop_fn prop)
{
    struct typed_schema s = schema(1, GO_FLOAT64);
    struct go_value v = f64_val(start);
    size_t n = encode_vals(&s, &v, min_in);
    size_t r = run_min(&T, &s, prop, min_in, n, min_out);
    CHECK_EQ_U(r, 8);
    typed_decode(&s, min_out, r, &v);
    return v.f64;
}

static void test_min_floats(void)
{
    CHECK(min_f64(3.14159265358979, prop_gt3) == 4.0);
    CHECK(min_f64(12345.678, prop_gt3) == 4.0);
    CHECK(min_f64(3.0000001, prop_gt3) == 4.0);
    CHECK(min_f64(3.00000011, prop_narrow) == 3.0000001); /* nothing shorter in (3, 3.0000002) */
    CHECK(min_f64(123.456, prop_gt100) == 101.0);
    CHECK(min_f64(0.15625, prop_tenth) == 0.16);
    CHECK(min_f64(-7.123456789, prop_neg_small) == -3.0);
    double z = min_f64(-0.0, prop_always);
    CHECK(z == 0 && !signbit(z));
    CHECK(isnan(min_f64(f64_from(0x7ff8000000000123ULL), prop_nan)));
    CHECK(min_f64(INFINITY, prop_gt3) == INFINITY);
    CHECK(min_f64(1e300, prop_gt3) == 1e300);

    struct typed_schema s = schema(1, GO_FLOAT32);
    struct go_value v = f32_val(3.14159f);
    size_t n = encode_vals(&s, &v, min_in);
    size_t r = run_min(&T, &s, prop_gt3_f32, min_in, n, min_out);
    typed_decode(&s, min_out, r, &v);
    CHECK(r == 4 && v.f32 == 4.0f);
    v = f32_val(0.3f);
    n = encode_vals(&s, &v, min_in);
    r = run_min(&T, &s, prop_never, min_in, n, min_out);
    CHECK(r == 4 && memcmp(min_out, min_in, 4) == 0);
}

static int prop_bool_x(const struct go_value *v)
{
    return v[0].b && v[1].bytes.len > 0 && memchr(v[1].bytes.p, 'x', v[1].bytes.len);
}

static void test_min_bool_string(void)
{
    struct typed_schema s = schema(2, GO_BOOL, GO_STRING);
    struct go_value v[2] = {raw_val(GO_BOOL, 1), bytes_val(GO_STRING, "\x01hello, x world\xff", 16)};
    size_t n = encode_vals(&s, v, min_in);
    size_t r = run_min(&T, &s, prop_always, min_in, n, min_out);
    CHECK(r == 1 && min_out[0] == 0);
    r = run_min(&T, &s, prop_bool_x, min_in, n, min_out);
    CHECK(r == 2 && memcmp(min_out, "\x01x", 2) == 0);
}

static int prop_multi(const struct go_value *v)
{
    return v[0].bytes.len >= 2 && memmem(v[0].bytes.p, v[0].bytes.len, "k1", 2) &&
           v[1].bytes.len > 0 && memchr(v[1].bytes.p, 0xff, v[1].bytes.len) &&
           v[2].bytes.len >= 3 && v[3].u >= 17;
}

static size_t input_multi(const struct typed_schema *s, uint8_t *out)
{
    rng_t r = {32};
    fill(&r, rand_bytes, 300);
    for (size_t i = 0; i < 300; i++)
        if (rand_bytes[i] == 0xff || rand_bytes[i] == 'k')
            rand_bytes[i] = 0;
    memcpy(rand_bytes + 20, "k1", 2);
    rand_bytes[150] = 0xff;
    struct go_value v[4] = {
        bytes_val(GO_STRING, rand_bytes, 100), bytes_val(GO_BYTES, rand_bytes + 100, 100),
        bytes_val(GO_STRING, rand_bytes + 200, 100), i64_val(GO_UINT8, 250),
    };
    return encode_vals(s, v, out);
}

static void test_min_multi(void)
{
    struct typed_schema s = schema(4, GO_STRING, GO_BYTES, GO_STRING, GO_UINT8);
    struct go_value v[4];
    size_t n = input_multi(&s, min_in);
    size_t r = run_min(&T, &s, prop_multi, min_in, n, min_out);
    typed_decode(&s, min_out, r, v);
    CHECK(v[0].bytes.len == 2 && memcmp(v[0].bytes.p, "k1", 2) == 0);
    CHECK(v[1].bytes.len == 1 && v[1].bytes.p[0] == 0xff);
    CHECK_EQ_U(v[2].bytes.len, 3);
    for (size_t i = 0; i < v[2].bytes.len; i++)
        CHECK(v[2].bytes.p[i] >= 0x20 && v[2].bytes.p[i] < 0x7f);
    CHECK_EQ_U(v[3].u, 17);
    CHECK_EQ_U(r, 1 + 4 + 2 + 4 + 1 + 3);
}

/* The second pass: the integer shrank after the bytes, so the bytes can
 * shrink again. */
static int prop_len_n(const struct go_value *v)
{
    return v[1].i >= 0 && v[0].bytes.len >= (uint64_t)v[1].i &&
           memchr(v[0].bytes.p, 'x', v[0].bytes.len) != NULL;
}

static void test_min_two_passes(void)
{
    struct typed_schema s = schema(2, GO_BYTES, GO_INT64);
    rng_t r = {33};
    fill(&r, rand_bytes, 100);
    for (size_t i = 0; i < 100; i++)
        if (rand_bytes[i] == 'x')
            rand_bytes[i] = 0;
    rand_bytes[60] = 'x';
    struct go_value v[2] = {bytes_val(GO_BYTES, rand_bytes, 100), i64_val(GO_INT64, 50)};
    size_t n = encode_vals(&s, v, min_in);
    size_t len = run_min(&T, &s, prop_len_n, min_in, n, min_out);
    typed_decode(&s, min_out, len, v);
    CHECK(v[0].bytes.len == 1 && v[0].bytes.p[0] == 'x');
    CHECK_EQ_U(v[1].i, 0);
}

static int prop_b5(const struct go_value *v) { return v[0].b && v[1].i == 5; }

static void test_min_odd_inputs(void)
{
    /* A non-canonical input: its canonical form is the first candidate. */
    struct typed_schema s = schema(2, GO_BOOL, GO_INT16);
    memcpy(min_in, "\x03\x05\x00junk", 7);
    size_t r = run_min(&T, &s, prop_b5, min_in, 7, min_out);
    CHECK(r == 3 && memcmp(min_out, "\x01\x05\x00", 3) == 0);
    CHECK_EQ_U(T.log[0], fingerprint((const uint8_t *)"\x01\x05\x00", 3));

    /* Truncated: the canonical form would be longer, nothing fits. */
    struct typed_schema s2 = schema(2, GO_INT64, GO_BYTES);
    r = run_min(&T, &s2, prop_always, (const uint8_t *)"\x01\x02\x03", 3, min_out);
    CHECK(r == 3 && T.calls == 0);
    struct typed_schema s3 = schema(3, GO_INT16, GO_BYTES, GO_BYTES);
    r = run_min(&T, &s3, prop_always, (const uint8_t *)"\x05\x00\x03\x00", 4, min_out);
    CHECK(r == 4 && T.calls == 0);

    /* Empty input; no arguments at all. */
    r = run_min(&T, &s, prop_always, min_in, 0, min_out);
    CHECK(r == 0 && T.calls == 0);
    struct typed_schema s0 = schema(0);
    r = run_min(&T, &s0, prop_always, (const uint8_t *)"abcde", 5, min_out);
    CHECK(r == 0 && T.calls == 1);
}

/* Dies at candidate k, then resumes per the protocol; the combined sequence
 * of candidates and the result are those of the uninterrupted run R. */
static int resume_at(const struct typed_schema *s, prop_fn prop, const uint8_t *in, size_t n,
                     long k)
{
    static uint8_t out[1024];
    struct min_cursor cur = {0};
    size_t len;
    int ok = 1;

    memcpy(out, in, n);
    tctx_init(&T, s, prop, in, n);
    T.stop_at = k;
    len = typed_minimize(s, out, n, &cur, try_cb, &T);
    ok &= T.calls == k && memcmp(&cur, &T.saved, sizeof cur) == 0;
    ok &= len == T.best_len && memcmp(out, T.best, len) == 0;
    if (T.stop_verdict) {
        memcpy(out, T.cand, T.cand_len);
        len = T.cand_len;
    } else {
        typed_minimize_cursor_skip(s, &cur, len);
    }
    tctx_init(&U, s, prop, out, len);
    len = typed_minimize(s, out, len, &cur, try_cb, &U);
    ok &= typed_minimize_done(&cur) && U.bad == 0 && T.bad == 0;
    ok &= len == R.best_len && memcmp(out, R.best, len) == 0;
    ok &= T.calls + U.calls == R.calls + 0;
    ok &= memcmp(T.log, R.log, (size_t)k * sizeof T.log[0]) == 0;
    ok &= memcmp(U.log, R.log + k, (size_t)U.calls * sizeof U.log[0]) == 0;
    return ok;
}

static void check_resume(const struct typed_schema *s, prop_fn prop, const uint8_t *in, size_t n)
{
    static uint8_t ref[1024];
    size_t rl = run_min(&R, s, prop, in, n, ref);
    int ok = 1;
    CHECK(R.calls > 0 && R.calls < MAX_LOG);
    CHECK_EQ_U(rl, R.best_len);
    for (long k = 1; k <= R.calls; k++)
        ok &= resume_at(s, prop, in, n, k);
    CHECK(ok);

    /* MIN_STOP, then the same bytes and cursor: the same candidate again. */
    static uint8_t out[1024];
    struct min_cursor cur = {0};
    memcpy(out, in, n);
    tctx_init(&T, s, prop, in, n);
    T.stop_at = R.calls / 2 + 1;
    size_t len = typed_minimize(s, out, n, &cur, try_cb, &T);
    tctx_init(&U, s, prop, out, len);
    U.stop_at = 1;
    typed_minimize(s, out, len, &cur, try_cb, &U);
    CHECK(U.cand_len == T.cand_len && memcmp(U.cand, T.cand, T.cand_len) == 0);
}

static int prop_float_pair(const struct go_value *v)
{
    return v[0].f64 > 3.0 && v[1].f32 < -0.5f && v[2].b;
}

static void test_min_resume(void)
{
    struct typed_schema s = schema(2, GO_BYTES, GO_INT64);
    size_t n = input_ab_1000(&s, min_in);
    check_resume(&s, prop_ab_1000, min_in, n);

    struct typed_schema sm = schema(4, GO_STRING, GO_BYTES, GO_STRING, GO_UINT8);
    n = input_multi(&sm, min_in);
    check_resume(&sm, prop_multi, min_in, n);

    struct typed_schema sf = schema(3, GO_FLOAT64, GO_FLOAT32, GO_BOOL);
    struct go_value v[3] = {f64_val(31415.926535), f32_val(-2.718281f), raw_val(GO_BOOL, 1)};
    n = encode_vals(&sf, v, min_in);
    check_resume(&sf, prop_float_pair, min_in, n);
    typed_decode(&sf, R.best, R.best_len, v);
    CHECK(v[0].f64 == 4.0 && v[1].f32 == -1.0f && v[2].b == 1);
}

/* Any cursor, even garbage from shared memory: it ends, and the result is
 * the input or a kept candidate. */
static void test_min_any_cursor(void)
{
    struct typed_schema s = schema(4, GO_BYTES, GO_INT64, GO_FLOAT64, GO_STRING);
    rng_t r = {34};
    int ok = 1;
    for (int it = 0; it < 3000; it++) {
        struct go_value v[4] = {bytes_val(GO_BYTES, "xxabyy", 6), i64_val(GO_INT64, 5000),
                                f64_val(3.75), bytes_val(GO_STRING, "\x01\x02", 2)};
        size_t n = encode_vals(&s, v, min_in);
        struct min_cursor cur;
        switch (rng_below(&r, 3)) {
        case 0:
            cur.stage = (uint32_t)rng_next(&r);
            break;
        default:
            cur.stage = (uint32_t)(rng_below(&r, 3) << 16 | rng_below(&r, 7) << 8 | rng_below(&r, 6));
            break;
        }
        cur.chunk = rng_bool(&r) ? (uint32_t)rng_below(&r, 70) : (uint32_t)rng_next(&r);
        cur.pos = rng_bool(&r) ? rng_below(&r, 70) : rng_next(&r);
        memcpy(min_out, min_in, n);
        tctx_init(&T, &s, prop_always, min_in, n);
        size_t len = typed_minimize(&s, min_out, n, &cur, try_cb, &T);
        ok &= T.bad == 0 && T.calls < 2000 && typed_minimize_done(&cur);
        ok &= len == T.best_len && memcmp(min_out, T.best, len) == 0;
        typed_minimize_cursor_skip(&s, &cur, len);
        ok &= typed_minimize_done(&cur);
    }
    CHECK(ok);
}

int main(void)
{
    RUN(test_layout);
    RUN(test_roundtrip_all_types);
    RUN(test_several_variable);
    RUN(test_decode_total);
    RUN(test_mutate_int8);
    RUN(test_mutate_mixed);
    RUN(test_mutate_deterministic);
    RUN(test_mutate_fp_env);
    RUN(test_mutate_single_bytes);
    RUN(test_mutate_torc);
    RUN(test_mutate_partner);
    RUN(test_mutate_tight);
    RUN(test_min_bytes_int);
    RUN(test_min_ints);
    RUN(test_min_floats);
    RUN(test_min_bool_string);
    RUN(test_min_multi);
    RUN(test_min_two_passes);
    RUN(test_min_odd_inputs);
    RUN(test_min_resume);
    RUN(test_min_any_cursor);
    return CHECK_DONE("typed");
}
