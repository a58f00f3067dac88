/*
 * typed_int.h - what the three parts of typed inputs share.  typed.h is the
 * public interface; this header is included by these three files only:
 *
 *   typed_form.c      the schema, the binary form (layout, decode, encode,
 *                     canonical form) and rounding a float to d significant
 *                     digits.  It defines every function declared below.
 *   typed_mutate.c    typed_mutate: mutation by type.
 *   typed_minimize.c  typed_minimize and its cursor: minimization by type.
 *
 * The small helpers are static inline, so each part compiles them into
 * itself as the single typed.c did: the schema's predicates, integers as
 * 64-bit words, the little-endian load and store of the form, and floats
 * taken apart by their bits (no libm: see typed_form.c).
 *
 * Owns: nothing: the shared declarations and static inline helpers of the
 * three typed_*.c files, which keep no state either.
 */
#ifndef FERRET_TYPED_INT_H
#define FERRET_TYPED_INT_H

#include <stddef.h>
#include <stdint.h>

#include "floatbits.h"
#include "typed.h"

#define TYPED_LEN_BYTES 4       /* u32 length before a variable argument */
#define TYPED_F64_DIGITS 16     /* digit counts the minimizer rounds to */
#define TYPED_F32_DIGITS 8
#define TYPED_SIGN64 0x8000000000000000ULL
#define TYPED_SIGN32 0x80000000ULL

/* ---- schema ----------------------------------------------------------------- */

static inline size_t typed_nargs(const struct typed_schema *s)
{
    return s->n < TYPED_MAX_ARGS ? s->n : TYPED_MAX_ARGS;
}

static inline int typed_is_signed(enum go_type t)
{
    return t == GO_INT || t == GO_INT8 || t == GO_INT16 || t == GO_INT32 || t == GO_INT64;
}

static inline int typed_is_float(enum go_type t)
{
    return t == GO_FLOAT32 || t == GO_FLOAT64;
}

static inline int typed_is_integer(enum go_type t)
{
    return !typed_is_variable(t) && !typed_is_float(t) && t != GO_BOOL && typed_width(t) > 0;
}

/* The last variable argument (it takes the rest of the buffer), or n. */
size_t typed_last_var(const struct typed_schema *s);

/* ---- integers as 64-bit words ------------------------------------------------ */

/* x cut to w bytes, then sign- or zero-extended back to 64 bits. */
static inline uint64_t typed_norm(uint64_t x, size_t w, int sg)
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

/* ---- binary form --------------------------------------------------------------- */

/* Where typed_decode finds each argument: a fixed one's value at off (its
 * bytes may lie partly past the end: they read as zero), a variable one's
 * len bytes at off. */
struct typed_layout {
    size_t off[TYPED_MAX_ARGS];
    size_t len[TYPED_MAX_ARGS];
};

static inline uint64_t typed_load(const uint8_t *d, size_t len, size_t off, size_t w)
{
    uint64_t v = 0;
    for (size_t k = 0; k < w; k++)
        if (off < len && k < len - off)
            v |= (uint64_t)d[off + k] << (8 * k);
    return v;
}

static inline void typed_store(uint8_t *d, size_t off, size_t w, uint64_t v)
{
    for (size_t k = 0; k < w; k++)
        d[off + k] = (uint8_t)(v >> (8 * k));
}

/* Fills lay from the form d[0..len) (never reads past len). */
void typed_scan(const struct typed_schema *s, const uint8_t *d, size_t len,
                struct typed_layout *lay);

/* The raw bits a fixed argument is stored as (cut to its width by the store). */
uint64_t typed_get_raw(const struct go_value *v, enum go_type t);

/* ---- floats by their bits ---------------------------------------------------- */

/* The value a float argument holds (exact for float32). */
static inline double typed_fval(uint64_t raw, int f32)
{
    return f32 ? (double)f32_from((uint32_t)raw) : f64_from(raw);
}

/* v as the argument's type, in raw bits (float32 rounds). */
static inline uint64_t typed_fraw(double v, int f32)
{
    return f32 ? f32_bits((float)v) : f64_bits(v);
}

static inline int typed_same(double a, double b, int f32)
{
    return typed_fraw(a, f32) == typed_fraw(b, f32);
}

static inline int typed_finite(double v)
{
    return ((f64_bits(v) >> 52) & 0x7ff) != 0x7ff;
}

static inline double typed_fabs(double v)
{
    return f64_from(f64_bits(v) & ~TYPED_SIGN64);
}

static inline double typed_copysign(double mag, double sign)
{
    return f64_from((f64_bits(mag) & ~TYPED_SIGN64) | (f64_bits(sign) & TYPED_SIGN64));
}

/* Toward zero, keeping the sign (-0.5 -> -0); infinities and NaN as they are. */
static inline double typed_trunc(double v)
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
static inline double typed_pow2(int k)
{
    return f64_from((uint64_t)(k + 1023) << 52);
}

/* v rounded to d significant digits: side 0 the nearest such number, side 1
 * the nearest one on the other side of v.  v itself when 0, Inf or NaN. */
double typed_round_digits(double v, int d, int side, int f32);

#endif
