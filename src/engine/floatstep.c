/*
 * floatstep.c - a floating-point value's neighbours, computed on its bits
 * (no libm: targets link without -lm), and the choice of which neighbours a
 * compare needs (floatstep.h).
 *
 * IEEE binary32 and binary64: with the sign aside, the encodings of the
 * non-negative values are ordered as integers, so the next value away from
 * zero is bits + 1 and the next toward zero bits - 1; zero steps to the
 * smallest subnormal.  The x87 80-bit format has an explicit integer bit:
 * stepping the 64-bit significand past all ones carries into the exponent
 * and sets the integer bit; a subnormal that reaches the integer bit
 * becomes normal (exponent 1), and the reverse on the way down.
 *
 * Invariants: pure functions of their arguments; NaN in gives the same NaN
 * out; an infinity steps toward zero only.
 *
 * Owns: nothing (pure functions over what the caller passes).
 */
#include "floatstep.h"

#include <string.h>

/* The step of an IEEE value of width w bits whose infinity's magnitude is
 * inf: away from zero when the direction and the sign agree. */
static uint64_t ieee_step(uint64_t x, int up, unsigned w, uint64_t inf)
{
    uint64_t sign = 1ULL << (w - 1);
    uint64_t mag = x & (sign - 1);
    if (mag > inf)
        return x; /* NaN */
    if (mag == 0)
        return up ? 1 : (sign | 1);
    int away = ((x & sign) == 0) == (up != 0);
    if (away)
        return mag == inf ? x : x + 1;
    return x - 1;
}

uint32_t f32_step(uint32_t bits, int up)
{
    return (uint32_t)ieee_step(bits, up, 32, 0x7f800000u);
}

uint64_t f64_step(uint64_t bits, int up)
{
    return ieee_step(bits, up, 64, 0x7ff0000000000000ULL);
}

#define F80_INT_BIT 0x8000000000000000ULL
#define F80_EXP_MAX 0x7fff

/* Magnitude one step up: the significand's carry goes to the exponent. */
static void f80_away(uint64_t *m, unsigned *e)
{
    if (++*m == 0) {
        *m = F80_INT_BIT;
        ++*e; /* 0x7ffe with all ones becomes 0x7fff: infinity */
    } else if (*e == 0 && *m == F80_INT_BIT) {
        *e = 1; /* the largest subnormal's successor is normal */
    }
}

/* Magnitude one step down (it is not zero). */
static void f80_toward(uint64_t *m, unsigned *e)
{
    if (*e == 0 || *m != F80_INT_BIT) {
        --*m;
    } else if (*e == 1) {
        *e = 0;
        *m = F80_INT_BIT - 1;
    } else {
        --*e;
        *m = ~0ULL;
    }
}

void f80_step(const uint8_t in[10], uint8_t out[10], int up)
{
    uint64_t m;
    uint16_t se;
    memcpy(&m, in, 8);
    memcpy(&se, in + 8, 2);
    unsigned sign = se & 0x8000u, e = se & F80_EXP_MAX;
    int nan = e == F80_EXP_MAX && (m << 1) != 0;
    int away = (sign == 0) == (up != 0);
    if (nan || (e == F80_EXP_MAX && away)) {
        memmove(out, in, 10);
        return;
    }
    if (e == 0 && m == 0) {
        m = 1;
        sign = up ? 0 : 0x8000u;
    } else if (away) {
        f80_away(&m, &e);
    } else {
        f80_toward(&m, &e);
    }
    se = (uint16_t)(sign | e);
    memcpy(out, &m, 8);
    memcpy(out + 8, &se, 2);
}

size_t fcmp_steps(int order, int kind, int steps[3])
{
    size_t n = 0;
    if (order != 0)
        steps[n++] = 0; /* b itself: equality, and >= or <= */
    if (kind == FSTEP_RANGE) {
        if (order != 1)
            steps[n++] = 1; /* just above b: a > b */
        if (order != -1)
            steps[n++] = -1; /* just below b: a < b */
    } else if (kind == FSTEP_EQUALITY && order == 0) {
        steps[n++] = 1; /* a value that differs */
    }
    return n;
}
