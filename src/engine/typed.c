/*
 * typed.c - the binary form of a typed target's arguments, and mutation and
 * minimization per type (see typed.h for the form and the cursor encoding).
 *
 * Invariants:
 *  - Purity: typed_mutate's result depends only on (rng state, schema,
 *    data[0..len), len, max_len, src contents): no global that changes, no
 *    clock, no allocation, no read of data[len..max_len).  Crash recovery
 *    replays it in another process from the rng word alone.  That includes
 *    the floating-point environment: typed_mutate runs with the default
 *    MXCSR whatever the target left (see typed_mutate).
 *  - Canonical output: typed_mutate and typed_minimize hand back (and
 *    typed_minimize's try() only ever sees) canonical forms, built by
 *    typed_encode from decoded values.
 *  - Bounds: writes stay inside data[0..max_len) (typed_mutate) or
 *    data[0..len) (typed_minimize: a candidate is never longer than the
 *    current input, so adopting one never needs more room).
 *  - Minimization only moves forward: a kept candidate strictly simplifies
 *    one argument (shorter or more printable bytes, a smaller integer
 *    magnitude, fewer significant digits, false), a rejected one advances
 *    the cursor, and there are at most two passes, so it always ends.
 *  - No libm: floats are taken apart by their bits; decimal rounding goes
 *    through snprintf's %e and strtod/strtof, with no radix character in
 *    what is parsed, so the locale cannot change a result.
 */
#include "floatbits.h"
#include "typed.h"

#include <float.h>
#include <math.h> /* INFINITY only: the macro, no libm call */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xmmintrin.h> /* _mm_getcsr, _mm_setcsr: see typed_mutate */

#define TYPED_LEN_BYTES 4       /* u32 length before a variable argument */
#define TYPED_STACK_MAX 4       /* mutations stacked by one typed_mutate */
#define TYPED_STACK_TRIES 8     /* stacks tried before forcing a change */
#define TYPED_REROLLS 8         /* draws to find a different value */
#define TYPED_ARITH_MAX 35      /* largest |delta| of integer arithmetic */
#define TYPED_SNAP_MAX 4096     /* inputs up to this are snapshotted, larger ones hashed */
#define TYPED_F64_DIGITS 16     /* digit counts the minimizer rounds to */
#define TYPED_F32_DIGITS 8
#define TYPED_LIFT_BITS 64
#define TYPED_SIGN64 0x8000000000000000ULL
#define TYPED_SIGN32 0x80000000ULL

/* ---- schema ----------------------------------------------------------------- */

static size_t typed_nargs(const struct typed_schema *s)
{
    return s->n < TYPED_MAX_ARGS ? s->n : TYPED_MAX_ARGS;
}

int typed_is_variable(enum go_type t)
{
    return t == GO_BYTES || t == GO_STRING;
}

size_t typed_width(enum go_type t)
{
    switch (t) {
    case GO_BOOL: case GO_INT8: case GO_UINT8:
        return 1;
    case GO_INT16: case GO_UINT16:
        return 2;
    case GO_INT32: case GO_UINT32: case GO_FLOAT32:
        return 4;
    case GO_INT: case GO_INT64: case GO_UINT: case GO_UINT64: case GO_FLOAT64:
        return 8;
    default:
        return 0;
    }
}

static int typed_is_signed(enum go_type t)
{
    return t == GO_INT || t == GO_INT8 || t == GO_INT16 || t == GO_INT32 || t == GO_INT64;
}

static int typed_is_float(enum go_type t)
{
    return t == GO_FLOAT32 || t == GO_FLOAT64;
}

static int typed_is_integer(enum go_type t)
{
    return !typed_is_variable(t) && !typed_is_float(t) && t != GO_BOOL && typed_width(t) > 0;
}

size_t typed_fixed_size(const struct typed_schema *s)
{
    size_t n = typed_nargs(s), size = 0;
    for (size_t i = 0; i < n; i++)
        size += typed_width(s->type[i]);
    return size;
}

static size_t typed_nvar(const struct typed_schema *s)
{
    size_t n = typed_nargs(s), k = 0;
    for (size_t i = 0; i < n; i++)
        k += (size_t)typed_is_variable(s->type[i]);
    return k;
}

/* The last variable argument (it takes the rest of the buffer), or n. */
static size_t typed_last_var(const struct typed_schema *s)
{
    size_t n = typed_nargs(s);
    for (size_t i = n; i > 0; i--)
        if (typed_is_variable(s->type[i - 1]))
            return i - 1;
    return n;
}

/* ---- integers as 64-bit words ------------------------------------------------ */

/* x cut to w bytes, then sign- or zero-extended back to 64 bits. */
static uint64_t typed_norm(uint64_t x, size_t w, int sg)
{
    if (w >= 8)
        return x;
    unsigned bits = 8 * (unsigned)w;
    uint64_t mask = (1ULL << bits) - 1;
    x &= mask;
    if (sg && (x >> (bits - 1)) & 1)
        x |= ~mask;
    return x;
}

static uint64_t typed_int_max(size_t w, int sg)
{
    uint64_t mask = w >= 8 ? ~0ULL : (1ULL << (8 * w)) - 1;
    return sg ? mask >> 1 : mask;
}

static uint64_t typed_int_min(size_t w, int sg)
{
    return sg ? ~typed_int_max(w, 1) : 0;
}

static int typed_int_fits(int64_t c, size_t w, int sg)
{
    if (!sg && c < 0)
        return 0;
    return typed_norm((uint64_t)c, w, sg) == (uint64_t)c;
}

/* ---- binary form --------------------------------------------------------------- */

/* Where typed_decode finds each argument: a fixed one's value at off (its
 * bytes may lie partly past the end: they read as zero), a variable one's
 * len bytes at off. */
struct typed_layout {
    size_t off[TYPED_MAX_ARGS];
    size_t len[TYPED_MAX_ARGS];
};

static uint64_t typed_load(const uint8_t *d, size_t len, size_t off, size_t w)
{
    uint64_t v = 0;
    for (size_t k = 0; k < w; k++)
        if (off < len && k < len - off)
            v |= (uint64_t)d[off + k] << (8 * k);
    return v;
}

static void typed_store(uint8_t *d, size_t off, size_t w, uint64_t v)
{
    for (size_t k = 0; k < w; k++)
        d[off + k] = (uint8_t)(v >> (8 * k));
}

static void typed_scan(const struct typed_schema *s, const uint8_t *d, size_t len,
                       struct typed_layout *lay)
{
    size_t n = typed_nargs(s), last = typed_last_var(s), p = 0;

    for (size_t i = 0; i < n; i++) {
        if (typed_is_variable(s->type[i]))
            continue;
        lay->off[i] = p;
        lay->len[i] = typed_width(s->type[i]);
        p += lay->len[i];
    }
    if (p > len)
        p = len;
    for (size_t i = 0; i < n; i++) {
        if (!typed_is_variable(s->type[i]))
            continue;
        size_t l = len - p;
        if (i != last) {
            uint64_t want = typed_load(d, len, p, TYPED_LEN_BYTES);
            p = len - p < TYPED_LEN_BYTES ? len : p + TYPED_LEN_BYTES;
            l = want < len - p ? (size_t)want : len - p;
        }
        lay->off[i] = p;
        lay->len[i] = l;
        p += l;
    }
}

/* A fixed argument's value from its raw little-endian bits. */
static void typed_set_raw(struct go_value *v, enum go_type t, uint64_t raw)
{
    memset(v, 0, sizeof *v);
    v->type = t;
    if (t == GO_BOOL) {
        v->b = (int)(raw & 1);
    } else if (t == GO_FLOAT32) {
        uint32_t b = (uint32_t)raw;
        memcpy(&v->f32, &b, sizeof b);
    } else if (t == GO_FLOAT64) {
        memcpy(&v->f64, &raw, sizeof raw);
    } else {
        v->u = typed_norm(raw, typed_width(t), typed_is_signed(t));
    }
}

/* The raw bits a fixed argument is stored as (cut to its width by the store). */
static uint64_t typed_get_raw(const struct go_value *v, enum go_type t)
{
    if (t == GO_BOOL)
        return v->b != 0;
    if (t == GO_FLOAT32) {
        uint32_t b;
        memcpy(&b, &v->f32, sizeof b);
        return b;
    }
    if (t == GO_FLOAT64) {
        uint64_t b;
        memcpy(&b, &v->f64, sizeof b);
        return b;
    }
    return v->u;
}

void typed_decode(const struct typed_schema *s, const uint8_t *data, size_t len,
                  struct go_value *vals)
{
    struct typed_layout lay;
    size_t n = typed_nargs(s);

    typed_scan(s, data, len, &lay);
    for (size_t i = 0; i < n; i++) {
        enum go_type t = s->type[i];
        if (!typed_is_variable(t)) {
            typed_set_raw(&vals[i], t, typed_load(data, len, lay.off[i], lay.len[i]));
            continue;
        }
        memset(&vals[i], 0, sizeof vals[i]);
        vals[i].type = t;
        vals[i].bytes.p = data ? (uint8_t *)data + lay.off[i] : NULL;
        vals[i].bytes.len = lay.len[i];
    }
}

/* Length of the canonical form, or SIZE_MAX if it cannot exist. */
static size_t typed_encoded_len(const struct typed_schema *s, const struct go_value *vals)
{
    size_t n = typed_nargs(s), last = typed_last_var(s), total = typed_fixed_size(s);

    for (size_t i = 0; i < n; i++) {
        if (!typed_is_variable(s->type[i]))
            continue;
        size_t l = vals[i].bytes.len;
        if (i != last) {
            if (l > UINT32_MAX)
                return SIZE_MAX;
            l += TYPED_LEN_BYTES;
        }
        if (l >= SIZE_MAX - total)
            return SIZE_MAX;
        total += l;
    }
    return total;
}

/* Fixed arguments first, then each variable one; memmove because bytes may
 * come from out itself: for a buffer typed_decode read, every non-empty
 * variable argument sits exactly where the canonical form puts it (a
 * truncated form leaves every later argument empty), so nothing is
 * overwritten before it is read. */
size_t typed_encode(const struct typed_schema *s, const struct go_value *vals, uint8_t *out,
                    size_t max)
{
    size_t need = typed_encoded_len(s, vals), n = typed_nargs(s), last = typed_last_var(s);
    size_t p = 0;

    if (need == SIZE_MAX || out == NULL)
        return need;
    if (need > max)
        return SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        size_t w = typed_width(s->type[i]);
        if (typed_is_variable(s->type[i]))
            continue;
        typed_store(out, p, w, typed_get_raw(&vals[i], s->type[i]));
        p += w;
    }
    for (size_t i = 0; i < n; i++) {
        size_t l = vals[i].bytes.len;
        if (!typed_is_variable(s->type[i]))
            continue;
        if (i != last) {
            typed_store(out, p, TYPED_LEN_BYTES, l);
            p += TYPED_LEN_BYTES;
        }
        if (l > 0 && out + p != vals[i].bytes.p)
            memmove(out + p, vals[i].bytes.p, l);
        p += l;
    }
    return need;
}

size_t typed_canonicalize(const struct typed_schema *s, uint8_t *data, size_t len, size_t max)
{
    struct go_value vals[TYPED_MAX_ARGS];
    size_t need;

    typed_decode(s, data, len, vals);
    need = typed_encode(s, vals, NULL, 0);
    if (need == SIZE_MAX || need > max)
        return SIZE_MAX;
    return typed_encode(s, vals, data, max);
}

/* ---- floats by their bits ---------------------------------------------------- */

/* The value a float argument holds (exact for float32). */
static double typed_fval(uint64_t raw, int f32)
{
    return f32 ? (double)f32_from((uint32_t)raw) : f64_from(raw);
}

/* v as the argument's type, in raw bits (float32 rounds). */
static uint64_t typed_fraw(double v, int f32)
{
    return f32 ? f32_bits((float)v) : f64_bits(v);
}

static int typed_same(double a, double b, int f32)
{
    return typed_fraw(a, f32) == typed_fraw(b, f32);
}

static int typed_finite(double v)
{
    return ((f64_bits(v) >> 52) & 0x7ff) != 0x7ff;
}

static double typed_fabs(double v)
{
    return f64_from(f64_bits(v) & ~TYPED_SIGN64);
}

static double typed_copysign(double mag, double sign)
{
    return f64_from((f64_bits(mag) & ~TYPED_SIGN64) |
                          (f64_bits(sign) & TYPED_SIGN64));
}

/* Toward zero, keeping the sign (-0.5 -> -0); infinities and NaN as they are. */
static double typed_trunc(double v)
{
    uint64_t b = f64_bits(v);
    int e = (int)((b >> 52) & 0x7ff) - 1023;
    if (e >= 52)
        return v;
    if (e < 0)
        return f64_from(b & TYPED_SIGN64);
    return f64_from(b & ~((1ULL << (52 - e)) - 1));
}

/* 2^k for -1022 <= k <= 1023. */
static double typed_pow2(int k)
{
    return f64_from((uint64_t)(k + 1023) << 52);
}

static uint64_t typed_pow10(int k)
{
    uint64_t p = 1;
    while (k-- > 0)
        p *= 10;
    return p;
}

/* a > 0 finite, correctly rounded to d significant digits: m (exactly d
 * digits) times 10^x.  0 if the text is not what %e promises. */
static int typed_dec_round(double a, int d, uint64_t *m, int *x)
{
    char buf[64];
    const char *p = buf;
    uint64_t mant = 0;
    int nd = 0, e = 0, neg = 0;
    int len = snprintf(buf, sizeof buf, "%.*e", d - 1, a);

    if (len <= 0 || (size_t)len >= sizeof buf)
        return 0;
    for (; *p && *p != 'e' && *p != 'E'; p++) {
        if (*p >= '0' && *p <= '9' && nd < 19) {
            mant = mant * 10 + (uint64_t)(*p - '0');
            nd++;
        }
    }
    if (*p == 0 || nd != d)
        return 0;
    p++;
    if (*p == '-' || *p == '+')
        neg = *p++ == '-';
    for (; *p >= '0' && *p <= '9' && e < 10000; p++)
        e = e * 10 + (*p - '0');
    *m = mant;
    *x = (neg ? -e : e) - (d - 1);
    return 1;
}

/* m * 10^x read as the argument's type (no radix character: any locale). */
static double typed_dec_value(uint64_t m, int x, int f32)
{
    char buf[48];
    snprintf(buf, sizeof buf, "%llue%d", (unsigned long long)m, x);
    return f32 ? (double)strtof(buf, NULL) : strtod(buf, NULL);
}

/* v rounded to d significant digits: side 0 the nearest such number, side 1
 * the nearest one on the other side of v.  v itself when 0, Inf or NaN. */
static double typed_round_digits(double v, int d, int side, int f32)
{
    double a = typed_fabs(v);
    uint64_t m;
    int x;

    if (!typed_finite(v) || a == 0 || !typed_dec_round(a, d, &m, &x))
        return v;
    if (side) {
        if (typed_dec_value(m, x, f32) > a) {
            if (m > typed_pow10(d - 1)) {
                m--;
            } else {
                m = typed_pow10(d) - 1;
                x--;
            }
        } else {
            m++;
        }
    }
    return typed_copysign(typed_dec_value(m, x, f32), v);
}

/* Significant digits v needs to read back as itself: 1..max, else max + 1. */
static int typed_digits(double v, int f32)
{
    int max = f32 ? TYPED_F32_DIGITS : TYPED_F64_DIGITS;
    for (int d = 1; d <= max; d++)
        if (typed_same(typed_round_digits(v, d, 0, f32), v, f32))
            return d;
    return max + 1;
}

/* ---- mutation ------------------------------------------------------------------ */

struct typed_mut {
    rng_t *r;
    const struct typed_schema *s;
    size_t n;
    uint8_t *d;
    size_t len, max_len;
    const struct mutate_src *src;
};

static const int64_t typed_int_table[] = {
    0, 1, -1, 2, -2, 3, 4, 7, 8, 9, 10, 15, 16, 31, 32, 63, 64, 100, 127, 128, -128, -129,
    255, 256, 512, 1000, 1024, 4095, 4096, 32767, 32768, -32768, -32769, 65535, 65536,
    100000, 1000000, 2147483647LL, 2147483648LL, -2147483647LL - 1, -2147483649LL,
    4294967295LL, 4294967296LL, 1000000000000LL, INT64_MAX, INT64_MIN,
};
#define TYPED_INT_TABLE_N (sizeof typed_int_table / sizeof typed_int_table[0])

static const double typed_f64_table[] = {
    0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, 10.0, 100.0, 0.1, 1e-300, 1e300,
    INFINITY, -INFINITY, DBL_MIN, -DBL_MIN, DBL_TRUE_MIN, DBL_MAX, -DBL_MAX, DBL_EPSILON,
    1.0 + DBL_EPSILON, 9007199254740992.0, 9223372036854775808.0, 18446744073709551616.0,
    2147483647.0, -2147483648.0, 4294967296.0,
};
static const float typed_f32_table[] = {
    0.0f, -0.0f, 1.0f, -1.0f, 0.5f, -0.5f, 2.0f, 10.0f, 100.0f, 0.1f, 1e-30f, 1e30f,
    INFINITY, -INFINITY, FLT_MIN, -FLT_MIN, FLT_TRUE_MIN, FLT_MAX, -FLT_MAX, FLT_EPSILON,
    1.0f + FLT_EPSILON, 16777216.0f, 2147483648.0f, 4294967296.0f,
};
/* NaNs as bits: Go's math.NaN(), the plain quiet NaN, negative, signalling. */
static const uint64_t typed_f64_nans[] = {
    0x7ff8000000000001ULL, 0x7ff8000000000000ULL, 0xfff8000000000000ULL, 0x7ff0000000000001ULL,
};
static const uint64_t typed_f32_nans[] = {0x7fc00000, 0x7fc00001, 0xffc00000, 0x7f800001};

static void typed_trace(const struct mutate_src *src, uint64_t v, size_t w)
{
    if (!src || !src->trace || w == 0)
        return;
    for (size_t k = 0; k < w; k++)
        src->trace->word[k] = (uint8_t)(v >> (8 * k));
    src->trace->len = w;
}

static const struct torc_int *typed_torc_int(rng_t *r, const struct mutate_src *src)
{
    return torc_pick_int(r, src ? src->torc : NULL);
}

/* Argument i of the partner (another corpus entry in binary form). */
static int typed_partner_value(const struct typed_mut *m, size_t i, struct go_value *out)
{
    struct go_value pv[TYPED_MAX_ARGS];
    if (!m->src || !m->src->partner)
        return 0;
    typed_decode(m->s, m->src->partner, m->src->partner_len, pv);
    *out = pv[i];
    return 1;
}

static uint64_t typed_bswap(uint64_t x, size_t w)
{
    uint64_t y = 0;
    for (size_t k = 0; k < w; k++)
        y |= ((x >> (8 * k)) & 0xff) << (8 * (w - 1 - k));
    return y;
}

static uint64_t typed_int_interesting(rng_t *r, size_t w, int sg)
{
    for (int t = 0; t < TYPED_REROLLS; t++) {
        size_t k = (size_t)rng_below(r, TYPED_INT_TABLE_N + 4);
        if (k == TYPED_INT_TABLE_N)
            return typed_int_min(w, sg);
        if (k == TYPED_INT_TABLE_N + 1)
            return typed_int_max(w, sg);
        if (k == TYPED_INT_TABLE_N + 2)
            return typed_int_min(w, sg) + 1;
        if (k == TYPED_INT_TABLE_N + 3)
            return typed_int_max(w, sg) - 1;
        if (typed_int_fits(typed_int_table[k], w, sg))
            return (uint64_t)typed_int_table[k];
    }
    return 0;
}

/* A compared operand: the other one when x is one of them (input-to-state),
 * else either; sometimes +-1 (for <, <=, >, >=).  x itself if none. */
static uint64_t typed_int_from_torc(struct typed_mut *m, uint64_t x, size_t w, int sg)
{
    const struct torc_int *e = typed_torc_int(m->r, m->src);
    if (!e)
        return x;
    uint64_t a = typed_norm(typed_norm(e->a, e->size, sg), w, sg);
    uint64_t b = typed_norm(typed_norm(e->b, e->size, sg), w, sg);
    uint64_t to = a == x ? b : b == x ? a : rng_bool(m->r) ? a : b;
    switch (rng_below(m->r, 4)) {
    case 2: to++; break;
    case 3: to--; break;
    default: break;
    }
    typed_trace(m->src, to, w);
    return to;
}

/* One numeric change of integer x (normalized later; may equal x). */
static uint64_t typed_int_op(struct typed_mut *m, size_t i, uint64_t x, size_t w, int sg)
{
    rng_t *r = m->r;
    struct go_value pv;
    uint64_t d;
    unsigned k;

    switch (rng_below(r, 9)) {
    case 0:
        d = 1 + rng_below(r, TYPED_ARITH_MAX);
        return rng_bool(r) ? x + d : x - d;
    case 1:
        return x ^ (1ULL << rng_below(r, 8 * w));
    case 2:
        return typed_int_interesting(r, w, sg);
    case 3:
        return rng_next(r);
    case 4:
        return (uint64_t)((int64_t)rng_below(r, 513) - 256);
    case 5:
        return rng_bool(r) ? 0 - x : typed_bswap(x, w);
    case 6:
        k = 1 + (unsigned)rng_below(r, 4);
        if (rng_bool(r))
            return x << k;
        return sg ? (uint64_t)((int64_t)x >> k) : x >> k;
    case 7:
        return typed_int_from_torc(m, x, w, sg);
    default:
        return typed_partner_value(m, i, &pv) ? pv.u : x;
    }
}

static void typed_mut_int(struct typed_mut *m, size_t i, size_t off)
{
    enum go_type t = m->s->type[i];
    size_t w = typed_width(t);
    int sg = typed_is_signed(t);
    uint64_t x = typed_norm(typed_load(m->d, m->len, off, w), w, sg), v = x;

    for (int k = 0; k < TYPED_REROLLS && v == x; k++)
        v = typed_norm(typed_int_op(m, i, x, w, sg), w, sg);
    if (v == x)
        v = x ^ 1;
    typed_store(m->d, off, w, v);
}

/* A few ulps up or down in magnitude, or a relative nudge of 2^-k. */
static uint64_t typed_float_nudge(rng_t *r, uint64_t raw, int f32)
{
    uint64_t sign = f32 ? TYPED_SIGN32 : TYPED_SIGN64, mag = raw & ~sign;
    uint64_t k = 1 + rng_below(r, 16);
    double v = typed_fval(raw, f32), eps;

    if (rng_bool(r))
        return (raw & sign) | (rng_bool(r) || mag < k ? mag + k : mag - k);
    eps = typed_pow2(-(int)(1 + rng_below(r, 30)));
    return typed_fraw(rng_bool(r) ? v * (1 + eps) : v * (1 - eps), f32);
}

static double typed_float_scale(rng_t *r, double v)
{
    switch (rng_below(r, 5)) {
    case 0: return v * 2;
    case 1: return v * 0.5;
    case 2: return v * 10;
    case 3: return v / 10;
    default: return v * typed_pow2((int)rng_below(r, 129) - 64);
    }
}

static uint64_t typed_float_special(rng_t *r, int f32)
{
    size_t nt = f32 ? sizeof typed_f32_table / sizeof typed_f32_table[0]
                    : sizeof typed_f64_table / sizeof typed_f64_table[0];
    size_t nn = f32 ? sizeof typed_f32_nans / sizeof typed_f32_nans[0]
                    : sizeof typed_f64_nans / sizeof typed_f64_nans[0];
    size_t k = (size_t)rng_below(r, nt + nn);
    if (k >= nt)
        return f32 ? typed_f32_nans[k - nt] : typed_f64_nans[k - nt];
    return f32 ? f32_bits(typed_f32_table[k]) : f64_bits(typed_f64_table[k]);
}

static double typed_float_round(rng_t *r, double v, int f32)
{
    double t = typed_trunc(v);
    int max = f32 ? TYPED_F32_DIGITS : TYPED_F64_DIGITS;

    switch (rng_below(r, 5)) {
    case 0: return t;
    case 1: return t != v && v < 0 ? t - 1 : t; /* floor */
    case 2: return t != v && v > 0 ? t + 1 : t; /* ceil */
    case 3: return typed_fabs(v - t) >= 0.5 ? t + typed_copysign(1, v) : t;
    default: return typed_round_digits(v, 1 + (int)rng_below(r, (uint64_t)max), rng_bool(r), f32);
    }
}

static double typed_float_random(rng_t *r)
{
    if (rng_bool(r))
        return (double)((int64_t)rng_below(r, 2001) - 1000);
    return (double)(rng_next(r) >> 11) * typed_pow2(-53);
}

/* A compared integer as a float: the other operand's bits when raw is one
 * operand at the float's width, else an operand's value. */
static uint64_t typed_float_from_torc(struct typed_mut *m, uint64_t raw, int f32)
{
    const struct torc_int *e = typed_torc_int(m->r, m->src);
    size_t w = f32 ? 4 : 8;
    if (!e)
        return raw;
    if (e->size == w && (e->a == raw || e->b == raw)) {
        uint64_t to = e->a == raw ? e->b : e->a;
        typed_trace(m->src, to, w);
        return to;
    }
    uint64_t o = rng_bool(m->r) ? e->a : e->b;
    if (rng_bool(m->r))
        return typed_fraw((double)(int64_t)typed_norm(o, e->size, 1), f32);
    return typed_fraw((double)typed_norm(o, e->size, 0), f32);
}

/* One numeric change of a float in raw bits (may equal raw). */
static uint64_t typed_float_op(struct typed_mut *m, size_t i, uint64_t raw, int f32)
{
    rng_t *r = m->r;
    double v = typed_fval(raw, f32);
    struct go_value pv;

    switch (rng_below(r, 11)) {
    case 0:
        return typed_fraw(v + typed_copysign((double)(1 + rng_below(r, 16)),
                                             rng_bool(r) ? 1.0 : -1.0), f32);
    case 1:
        return typed_float_nudge(r, raw, f32);
    case 2:
        return typed_fraw(typed_float_scale(r, v), f32);
    case 3:
        return raw ^ (f32 ? TYPED_SIGN32 : TYPED_SIGN64);
    case 4:
        return typed_float_special(r, f32);
    case 5:
        return typed_fraw(typed_float_round(r, v, f32), f32);
    case 6:
        return rng_next(r);
    case 7:
        return typed_fraw(typed_float_random(r), f32);
    case 8:
        return raw ^ (1ULL << rng_below(r, f32 ? 32 : 64));
    case 9:
        return typed_float_from_torc(m, raw, f32);
    default:
        return typed_partner_value(m, i, &pv) ? typed_get_raw(&pv, m->s->type[i]) : raw;
    }
}

static void typed_mut_float(struct typed_mut *m, size_t i, size_t off)
{
    int f32 = m->s->type[i] == GO_FLOAT32;
    size_t w = f32 ? 4 : 8;
    uint64_t mask = f32 ? 0xffffffffULL : ~0ULL;
    uint64_t x = typed_load(m->d, m->len, off, w), v = x;

    for (int k = 0; k < TYPED_REROLLS && v == x; k++)
        v = typed_float_op(m, i, x, f32) & mask;
    if (v == x)
        v = x ^ 1;
    typed_store(m->d, off, w, v);
}

/* The mutation sources for one variable argument: the partner's same argument. */
static void typed_arg_src(const struct typed_mut *m, size_t i, struct mutate_src *sub)
{
    struct go_value pv;
    memset(sub, 0, sizeof *sub);
    if (m->src)
        *sub = *m->src;
    sub->partner = NULL;
    sub->partner_len = 0;
    if (typed_partner_value(m, i, &pv) && pv.bytes.len > 0) {
        sub->partner = pv.bytes.p;
        sub->partner_len = pv.bytes.len;
    }
}

/* mutator_mutate() on variable argument i alone: the bytes after it wait at
 * the end of the buffer meanwhile, then close up behind it.  Returns the new
 * length, or SIZE_MAX if the argument has no room to change. */
static size_t typed_mut_var(struct typed_mut *m, size_t i, const struct typed_layout *lay)
{
    size_t a = lay->off[i], l = lay->len[i], tail = m->len - a - l;
    size_t amax = l + (m->max_len - m->len), nl;
    int last = i == typed_last_var(m->s);
    struct mutate_src sub;
    uint8_t *rest = m->d + m->max_len - tail;

    if (!last && amax > UINT32_MAX)
        amax = UINT32_MAX;
    if (amax == 0)
        return SIZE_MAX;
    typed_arg_src(m, i, &sub);
    memmove(rest, m->d + a + l, tail);
    nl = mutator_mutate(m->r, m->d + a, l, amax, &sub);
    memmove(m->d + a + nl, rest, tail);
    if (!last)
        typed_store(m->d, a - TYPED_LEN_BYTES, TYPED_LEN_BYTES, nl);
    return m->len - l + nl;
}

/* Byte mutations over the whole form (one variable argument: it ends the
 * form, so only the boundary moves), then back to canonical. */
static size_t typed_mut_whole(struct typed_mut *m)
{
    size_t nl = mutator_mutate(m->r, m->d, m->len, m->max_len, m->src);
    size_t c = typed_canonicalize(m->s, m->d, nl, m->max_len);
    return c == SIZE_MAX ? nl : c;
}

static size_t typed_mutate_one(struct typed_mut *m)
{
    struct typed_layout lay;
    size_t whole = typed_nvar(m->s) == 1 ? 1 : 0;
    size_t k = (size_t)rng_below(m->r, m->n + whole), nl;
    enum go_type t;

    if (k == m->n)
        return typed_mut_whole(m);
    typed_scan(m->s, m->d, m->len, &lay);
    t = m->s->type[k];
    if (typed_is_variable(t)) {
        nl = typed_mut_var(m, k, &lay);
        return nl == SIZE_MAX ? m->len : nl;
    }
    if (t == GO_BOOL)
        m->d[lay.off[k]] ^= 1;
    else if (typed_is_float(t))
        typed_mut_float(m, k, lay.off[k]);
    else if (typed_is_integer(t))
        typed_mut_int(m, k, lay.off[k]);
    return m->len;
}

/* 1..TYPED_STACK_MAX, geometric. */
static size_t typed_stack_depth(rng_t *r)
{
    uint64_t x = rng_next(r) | (1ULL << (TYPED_STACK_MAX - 1));
    return 1 + (size_t)__builtin_ctzll(x);
}

/* Equal bytes give equal hashes; a collision only costs one more stack. */
static uint64_t typed_hash(const uint8_t *p, size_t n)
{
    const uint64_t k = 0x9e3779b97f4a7c15ULL;
    uint64_t h = n * k, w;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        memcpy(&w, p + i, sizeof w);
        h = (h ^ w) * k;
        h ^= h >> 31;
    }
    for (; i < n; i++)
        h = (h ^ p[i]) * k;
    return h ^ (h >> 29);
}

/* Last resort: the lowest bit of the first fixed argument, else a variable
 * argument with room to change. */
static size_t typed_force_change(struct typed_mut *m)
{
    struct typed_layout lay;
    typed_scan(m->s, m->d, m->len, &lay);
    for (size_t i = 0; i < m->n; i++) {
        if (!typed_is_variable(m->s->type[i]) && typed_width(m->s->type[i]) > 0) {
            m->d[lay.off[i]] ^= 1;
            return m->len;
        }
    }
    for (size_t i = 0; i < m->n; i++) {
        if (typed_is_variable(m->s->type[i])) {
            size_t nl = typed_mut_var(m, i, &lay);
            if (nl != SIZE_MAX)
                return nl;
        }
    }
    return m->len;
}

static size_t typed_mutate_in_env(rng_t *rng, const struct typed_schema *s, uint8_t *data,
                                  size_t len, size_t max_len, const struct mutate_src *src);

/* Float mutations do arithmetic; the worker's target may have changed the
 * rounding mode or turned on flush-to-zero (MXCSR: fesetround, -ffast-math's
 * start-up code), and the coordinator, which replays a mutation after a
 * death, runs with the defaults.  So mutations run with the default MXCSR
 * (round to nearest, no FTZ/DAZ, exceptions masked) and the caller's is put
 * back: two instructions, no libm. */
size_t typed_mutate(rng_t *rng, const struct typed_schema *s, uint8_t *data, size_t len,
                    size_t max_len, const struct mutate_src *src)
{
    unsigned int caller_csr = _mm_getcsr();
    _mm_setcsr(0x1f80);
    size_t n = typed_mutate_in_env(rng, s, data, len, max_len, src);
    _mm_setcsr(caller_csr);
    return n;
}

static size_t typed_mutate_in_env(rng_t *rng, const struct typed_schema *s, uint8_t *data,
                                  size_t len, size_t max_len, const struct mutate_src *src)
{
    struct typed_mut m = {.r = rng, .s = s, .n = typed_nargs(s), .d = data,
                          .max_len = max_len, .src = src};
    uint8_t snap[TYPED_SNAP_MAX];
    uint64_t h = 0;
    size_t c;

    if (max_len == 0)
        return 0;
    if (len > max_len)
        len = max_len; /* the caller broke the contract; stay in bounds */
    if (m.n == 1 && typed_is_variable(s->type[0]))
        return mutator_mutate(rng, data, len, max_len, src);
    c = typed_canonicalize(s, data, len, max_len);
    if (c == SIZE_MAX) /* not even the smallest form fits */
        return mutator_mutate(rng, data, len, max_len, src);
    if (m.n == 0)
        return c;
    if (c <= TYPED_SNAP_MAX)
        memcpy(snap, data, c);
    else
        h = typed_hash(data, c);
    m.len = c;
    for (size_t t = 0; t < TYPED_STACK_TRIES; t++) {
        size_t depth = typed_stack_depth(rng);
        for (size_t k = 0; k < depth; k++)
            m.len = typed_mutate_one(&m);
        if (m.len != c)
            return m.len;
        if (c <= TYPED_SNAP_MAX ? memcmp(snap, data, c) != 0 : typed_hash(data, c) != h)
            return m.len;
        /* Identical to the input: the next stack starts from it again. */
    }
    return typed_force_change(&m);
}

/* ---- minimization: the cursor ---------------------------------------------- */

enum typed_int_sub { TYPED_INT_ZERO = 0, TYPED_INT_LIFT = 1 };
enum typed_float_sub {
    TYPED_FLOAT_ZERO = 0, TYPED_FLOAT_TRUNC = 1, TYPED_FLOAT_DIGITS = 2, TYPED_FLOAT_LIFT = 3,
};
#define TYPED_SUB_MAX 0xffu

static uint32_t typed_pass(uint32_t stage) { return stage >> 16; }
static uint32_t typed_step(uint32_t stage) { return (stage >> 8) & 0xff; }
static uint32_t typed_sub(uint32_t stage) { return stage & 0xff; }

static uint32_t typed_passes(const struct typed_schema *s)
{
    return typed_nargs(s) > 1 ? 2 : 1;
}

static void typed_goto(struct min_cursor *cur, uint32_t pass, uint32_t step, uint32_t sub)
{
    cur->stage = pass << 16 | step << 8 | sub;
    cur->chunk = 0;
    cur->pos = 0;
}

static void typed_goto_done(struct min_cursor *cur)
{
    cur->stage = TYPED_MIN_DONE;
    cur->chunk = 0;
    cur->pos = 0;
}

/* Past the current step: the next argument, the next pass, or the end. */
static void typed_next_step(const struct typed_schema *s, struct min_cursor *cur)
{
    uint32_t pass = typed_pass(cur->stage), step = typed_step(cur->stage);
    if (step < typed_nargs(s))
        typed_goto(cur, pass, step + 1, 0);
    else if (pass + 1 < typed_passes(s))
        typed_goto(cur, pass + 1, 1, 0);
    else
        typed_goto_done(cur);
}

static void typed_set_sub(const struct typed_schema *s, struct min_cursor *cur, uint32_t sub)
{
    if (sub > TYPED_SUB_MAX)
        typed_next_step(s, cur);
    else
        typed_goto(cur, typed_pass(cur->stage), typed_step(cur->stage), sub);
}

/* The argument of step k >= 1: variable arguments first, then fixed ones,
 * each in declaration order. */
static size_t typed_step_arg(const struct typed_schema *s, uint32_t step)
{
    size_t n = typed_nargs(s), k = 0;
    for (int var = 1; var >= 0; var--)
        for (size_t i = 0; i < n; i++)
            if (typed_is_variable(s->type[i]) == var && ++k == step)
                return i;
    return n;
}

/* Binary lifting toward zero: the first candidate pos + 2^(63 - chunk)
 * below mag at or after the cursor; 0 when the sub-stage is over. */
static int typed_lift(struct min_cursor *cur, uint64_t mag, uint64_t *c)
{
    for (; cur->chunk < TYPED_LIFT_BITS; cur->chunk++) {
        *c = cur->pos + (1ULL << (63 - cur->chunk));
        if (*c < mag)
            return 1;
    }
    return 0;
}

static void typed_lift_skip(struct min_cursor *cur)
{
    if (cur->chunk < TYPED_LIFT_BITS) {
        cur->pos += 1ULL << (63 - cur->chunk);
        cur->chunk++;
    }
}

/* Past a rejected candidate of minimize()'s stages on a variable argument.
 * Only "the empty argument" needs the argument's length to go on (half of
 * it); UINT32_MAX stands for it and minimize() settles it to exactly that. */
static void typed_var_skip(const struct typed_schema *s, struct min_cursor *cur)
{
    struct min_cursor inner = {typed_sub(cur->stage), cur->chunk, cur->pos};
    if (inner.stage == MIN_STAGE_TAIL && inner.chunk == 0)
        inner.chunk = UINT32_MAX;
    else
        minimize_cursor_skip(&inner, 0);
    typed_set_sub(s, cur, inner.stage);
    cur->chunk = inner.chunk;
    cur->pos = inner.pos;
}

void typed_minimize_cursor_skip(const struct typed_schema *s, struct min_cursor *cur,
                                size_t len)
{
    uint32_t step = typed_step(cur->stage), sub = typed_sub(cur->stage);
    enum go_type t;

    (void)len;
    if (cur->stage == TYPED_MIN_DONE)
        return;
    if (typed_pass(cur->stage) >= typed_passes(s)) {
        typed_goto_done(cur);
        return;
    }
    if (step == 0 || step > typed_nargs(s)) {
        typed_next_step(s, cur);
        return;
    }
    t = s->type[typed_step_arg(s, step)];
    if (typed_is_variable(t))
        typed_var_skip(s, cur);
    else if ((typed_is_integer(t) && sub == TYPED_INT_LIFT) ||
             (typed_is_float(t) && sub == TYPED_FLOAT_LIFT))
        typed_lift_skip(cur);
    else if (typed_is_float(t) && sub == TYPED_FLOAT_DIGITS && cur->chunk < UINT32_MAX)
        cur->chunk++;
    else
        typed_set_sub(s, cur, sub + 1);
}

int typed_minimize_done(const struct min_cursor *cur)
{
    return cur->stage == TYPED_MIN_DONE;
}

/* ---- minimization: candidates ------------------------------------------------ */

struct typed_min {
    const struct typed_schema *s;
    size_t n;
    uint8_t *data;         /* the input, or the last kept candidate */
    size_t len;
    struct min_cursor *cur;
    minimize_try_fn try_fn;
    void *arg;
    uint8_t *cand;         /* room for the original length */
    size_t cand_len;
    size_t var_arg;        /* the argument the nested minimize() works on */
    int stopped;           /* try() said MIN_STOP inside the nested minimize() */
};

/* Encodes vals into m->cand, no longer than the input; 0 if it does not fit
 * (the input was a truncated form and only the canonical one is longer). */
static int typed_build(struct typed_min *m, const struct go_value *vals)
{
    size_t l = typed_encode(m->s, vals, m->cand, m->len);
    if (l == SIZE_MAX)
        return 0;
    m->cand_len = l;
    return 1;
}

static int typed_build_with(struct typed_min *m, const struct go_value *vals, size_t i,
                            const struct go_value *v)
{
    struct go_value c[TYPED_MAX_ARGS];
    memcpy(c, vals, m->n * sizeof c[0]);
    c[i] = *v;
    return typed_build(m, c);
}

static int typed_build_int(struct typed_min *m, const struct go_value *vals, size_t i,
                           uint64_t mag, int neg)
{
    struct go_value v = vals[i];
    v.u = neg ? 0 - mag : mag;
    return typed_build_with(m, vals, i, &v);
}

static int typed_build_float(struct typed_min *m, const struct go_value *vals, size_t i,
                             double c)
{
    struct go_value v = vals[i];
    if (v.type == GO_FLOAT32)
        v.f32 = (float)c;
    else
        v.f64 = c;
    return typed_build_with(m, vals, i, &v);
}

/* Step 0: the canonical form, when it differs from the input. */
static int typed_settle_canon(struct typed_min *m, const struct go_value *vals)
{
    return typed_pass(m->cur->stage) == 0 && typed_build(m, vals) &&
           (m->cand_len != m->len || memcmp(m->cand, m->data, m->len) != 0);
}

/* Each typed_settle_<kind> builds the candidate at or after the cursor and
 * returns 1, or returns 0 when the argument has no candidate left.  All of
 * an argument's candidates have the same length, so one that does not fit
 * ends the argument. */
static int typed_settle_int(struct typed_min *m, const struct go_value *vals, size_t i)
{
    struct min_cursor *cur = m->cur;
    int neg = typed_is_signed(m->s->type[i]) && vals[i].i < 0;
    uint64_t mag = neg ? 0 - vals[i].u : vals[i].u, c;

    if (typed_sub(cur->stage) == TYPED_INT_ZERO) {
        if (mag != 0)
            return typed_build_int(m, vals, i, 0, 0);
        typed_set_sub(m->s, cur, TYPED_INT_LIFT);
    }
    if (typed_sub(cur->stage) == TYPED_INT_LIFT && typed_lift(cur, mag, &c))
        return typed_build_int(m, vals, i, c, neg);
    return 0;
}

/* Rounded to d = chunk / 2 + 1 digits, side chunk % 2, for every d below
 * the digits v needs; a candidate must itself need at most d digits. */
static int typed_settle_digits(struct typed_min *m, const struct go_value *vals, size_t i,
                               double v, int f32)
{
    struct min_cursor *cur = m->cur;
    int need;

    if (!typed_finite(v) || v == 0)
        return 0;
    need = typed_digits(v, f32);
    for (; cur->chunk / 2 + 1 < (uint32_t)need; cur->chunk++) {
        int d = (int)(cur->chunk / 2) + 1;
        double c = typed_round_digits(v, d, (int)(cur->chunk & 1), f32);
        if (typed_finite(c) && c != 0 && !typed_same(c, v, f32) && typed_digits(c, f32) <= d)
            return typed_build_float(m, vals, i, c);
    }
    return 0;
}

/* An integral v toward zero, as integers are. */
static int typed_settle_float_lift(struct typed_min *m, const struct go_value *vals, size_t i,
                                   double v, int f32)
{
    double a = typed_fabs(v);
    uint64_t c;

    if (!typed_finite(v) || typed_trunc(v) != v || a >= 9223372036854775808.0)
        return 0;
    for (; typed_lift(m->cur, (uint64_t)a, &c); m->cur->chunk++) {
        double cf = f32 ? (double)(float)c : (double)c;
        if (cf < a)
            return typed_build_float(m, vals, i, typed_copysign(cf, v));
    }
    return 0;
}

static int typed_settle_float(struct typed_min *m, const struct go_value *vals, size_t i)
{
    struct min_cursor *cur = m->cur;
    int f32 = m->s->type[i] == GO_FLOAT32;
    double v = f32 ? (double)vals[i].f32 : vals[i].f64, t = typed_trunc(v);

    if (typed_sub(cur->stage) == TYPED_FLOAT_ZERO) {
        if (typed_get_raw(&vals[i], m->s->type[i]) != 0)
            return typed_build_float(m, vals, i, 0.0);
        typed_set_sub(m->s, cur, TYPED_FLOAT_TRUNC);
    }
    if (typed_sub(cur->stage) == TYPED_FLOAT_TRUNC) {
        if (typed_finite(v) && typed_fabs(v) >= 1 && !typed_same(t, v, f32))
            return typed_build_float(m, vals, i, t);
        typed_set_sub(m->s, cur, TYPED_FLOAT_DIGITS);
    }
    if (typed_sub(cur->stage) == TYPED_FLOAT_DIGITS) {
        if (typed_settle_digits(m, vals, i, v, f32))
            return 1;
        typed_set_sub(m->s, cur, TYPED_FLOAT_LIFT);
    }
    if (typed_sub(cur->stage) == TYPED_FLOAT_LIFT)
        return typed_settle_float_lift(m, vals, i, v, f32);
    return 0;
}

static int typed_settle_bool(struct typed_min *m, const struct go_value *vals, size_t i)
{
    struct go_value v = vals[i];
    if (typed_sub(m->cur->stage) != 0 || !v.b)
        return 0;
    v.b = 0;
    return typed_build_with(m, vals, i, &v);
}

/* For a variable argument: 1 means "run the nested minimize()". */
static int typed_settle_arg(struct typed_min *m, const struct go_value *vals, size_t i)
{
    enum go_type t = m->s->type[i];
    if (typed_is_variable(t))
        return typed_sub(m->cur->stage) < MIN_STAGE_DONE && vals[i].bytes.len > 0;
    if (t == GO_BOOL)
        return typed_settle_bool(m, vals, i);
    if (typed_is_float(t))
        return typed_settle_float(m, vals, i);
    if (typed_is_integer(t))
        return typed_settle_int(m, vals, i);
    return 0;
}

/* Moves the cursor to the first candidate at or after it (built into
 * m->cand, except for a variable argument); 0 when there is none. */
static int typed_settle(struct typed_min *m)
{
    struct go_value vals[TYPED_MAX_ARGS];
    struct min_cursor *cur = m->cur;

    for (;;) {
        uint32_t step = typed_step(cur->stage);
        if (cur->stage == TYPED_MIN_DONE)
            return 0;
        if (m->len == 0 || typed_pass(cur->stage) >= typed_passes(m->s)) {
            typed_goto_done(cur);
            return 0;
        }
        if (step <= m->n) {
            typed_decode(m->s, m->data, m->len, vals);
            if (step == 0 ? typed_settle_canon(m, vals)
                          : typed_settle_arg(m, vals, typed_step_arg(m->s, step)))
                return 1;
        }
        typed_next_step(m->s, cur);
    }
}

/* try() for the nested minimize(): the argument's candidate bytes framed
 * into the whole form, under the outer cursor. */
static int typed_nested_try(void *arg, const uint8_t *cand, size_t len,
                            const struct min_cursor *inner)
{
    struct typed_min *m = arg;
    struct go_value vals[TYPED_MAX_ARGS];
    uint32_t st = m->cur->stage;
    int r;

    typed_decode(m->s, m->data, m->len, vals);
    vals[m->var_arg].bytes.p = (uint8_t *)cand;
    vals[m->var_arg].bytes.len = len;
    if (!typed_build(m, vals))
        return MIN_REJECT;
    typed_goto(m->cur, typed_pass(st), typed_step(st), inner->stage);
    m->cur->chunk = inner->chunk;
    m->cur->pos = inner->pos;
    r = m->try_fn(m->arg, m->cand, m->cand_len, m->cur);
    if (r < 0) {
        m->stopped = 1;
        return MIN_STOP;
    }
    if (r != MIN_KEEP)
        return MIN_REJECT;
    memcpy(m->data, m->cand, m->cand_len);
    m->len = m->cand_len;
    return MIN_KEEP;
}

/* minimize() on variable argument i from the cursor; -1 if it stopped. */
static int typed_min_var(struct typed_min *m, size_t i)
{
    struct go_value vals[TYPED_MAX_ARGS];
    struct min_cursor inner = {typed_sub(m->cur->stage), m->cur->chunk, m->cur->pos};
    uint8_t *slice;
    size_t l;

    typed_decode(m->s, m->data, m->len, vals);
    l = vals[i].bytes.len;
    slice = malloc(l);
    if (!slice)
        return -1;
    memcpy(slice, vals[i].bytes.p, l);
    m->var_arg = i;
    m->stopped = 0;
    minimize(slice, l, &inner, typed_nested_try, m);
    free(slice);
    /* Not done and not stopped: minimize() found no memory. */
    return m->stopped || inner.stage < MIN_STAGE_DONE ? -1 : 0;
}

size_t typed_minimize(const struct typed_schema *s, uint8_t *data, size_t len,
                      struct min_cursor *cur, minimize_try_fn try_fn, void *arg)
{
    struct typed_min m = {.s = s, .n = typed_nargs(s), .data = data, .len = len,
                          .cur = cur, .try_fn = try_fn, .arg = arg};

    m.cand = malloc(len ? len : 1);
    if (!m.cand)
        return len;
    while (typed_settle(&m)) {
        uint32_t step = typed_step(cur->stage);
        if (step > 0 && typed_is_variable(s->type[typed_step_arg(s, step)])) {
            if (typed_min_var(&m, typed_step_arg(s, step)) < 0)
                break;
            typed_next_step(s, cur);
            continue;
        }
        int r = try_fn(arg, m.cand, m.cand_len, cur);
        if (r < 0)
            break;
        if (r == MIN_KEEP) {
            memcpy(data, m.cand, m.cand_len);
            m.len = m.cand_len;
        } else {
            typed_minimize_cursor_skip(s, cur, m.len);
        }
    }
    free(m.cand);
    return m.len;
}
