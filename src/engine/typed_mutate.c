/*
 * typed_mutate.c - typed_mutate: mutation of a typed input argument by
 * argument, each by its type (typed.h says what each type gets): integers
 * as numbers within their type's range, floats as numbers and as bits, bool
 * flipped, []byte and string by mutator_mutate() on that argument alone,
 * and with one variable argument sometimes the whole buffer.
 *
 * Defines typed_mutate and all it alone uses: the tables of interesting
 * values, the numeric operations, comparison feedback (torc) for numbers,
 * the stacking and the last-resort change.  The form's layout and the float
 * helpers come from typed_form.c through typed_int.h.
 *
 * Invariants:
 *  - Purity: typed_mutate's result depends only on (rng state, schema,
 *    data[0..len), len, max_len, src contents): no global that changes, no
 *    clock, no allocation, no read of data[len..max_len).  Crash recovery
 *    replays it in another process from the rng word alone.  That includes
 *    the floating-point environment: typed_mutate runs with the default
 *    MXCSR whatever the target left (see typed_mutate).
 *  - Canonical output: typed_mutate starts from the canonical form of its
 *    input (typed_canonicalize) and hands back canonical forms (unless
 *    max_len is below the smallest form: then the bytes are mutated raw).
 *  - Bounds: writes stay inside data[0..max_len).
 *  - No libm (see typed_form.c).
 *
 * Owns: nothing (pure; its tables of interesting values are read-only, and
 * struct typed_mut lives on the stack of one call).
 */
#include "typed_int.h"

#include <float.h>
#include <math.h> /* INFINITY only: the macro, no libm call */
#include <string.h>
#include <xmmintrin.h> /* _mm_getcsr, _mm_setcsr: see typed_mutate */

#define TYPED_STACK_MAX 4       /* mutations stacked by one typed_mutate */
#define TYPED_STACK_TRIES 8     /* stacks tried before forcing a change */
#define TYPED_REROLLS 8         /* draws to find a different value */
#define TYPED_ARITH_MAX 35      /* largest |delta| of integer arithmetic */
#define TYPED_SNAP_MAX 4096     /* inputs up to this are snapshotted, larger ones hashed */

/* ---- schema ----------------------------------------------------------------- */

/* How many variable arguments s has. */
static size_t typed_nvar(const struct typed_schema *s)
{
    size_t n = typed_nargs(s), k = 0;
    for (size_t i = 0; i < n; i++)
        k += (size_t)typed_is_variable(s->type[i]);
    return k;
}

/* ---- integer ranges ---------------------------------------------------------- */

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
