/*
 * floatstep.h - the neighbours of a floating-point value, on its encoding,
 * and which of them a compare's branch needs (floatstep.c).  Used by the
 * runtime's float compare hooks (runtime/cmpwide.c) to fill the table of
 * recent compares with values that satisfy equality and range compares.
 * Declared in the core layer so that the unit tests reach them.
 */
#ifndef FERRET_FLOATSTEP_H
#define FERRET_FLOATSTEP_H

#include <stddef.h>
#include <stdint.h>

/* The next representable value above (up != 0) or below bits, as
 * nextafter(x, +/-inf) would give it: +0 and -0 step to the smallest
 * subnormal of the direction's sign, an infinity in its own direction and
 * a NaN are returned unchanged. */
uint32_t f32_step(uint32_t bits, int up);
uint64_t f64_step(uint64_t bits, int up);
/* The same for an x86 80-bit long double, 10 bytes little-endian
 * (significand with its explicit integer bit, then sign and exponent);
 * in and out may be the same buffer. */
void f80_step(const uint8_t in[10], uint8_t out[10], int up);

/* What a compare asks of its operands. */
#define FSTEP_NONE 0     /* nothing about their values (ordered, unordered) */
#define FSTEP_EQUALITY 1 /* ==, != */
#define FSTEP_RANGE 2    /* <, <=, >, >= */

/* Which values to offer for a compare of a against b, given their order
 * (-1: a < b, 0: equal, 1: a > b, 2: unordered, a NaN) and what the compare
 * asks (FSTEP_*): writes to steps[] 0
 * for b itself, +1 for the value just above b, -1 for the one just below,
 * and returns how many (at most 3).  Each value offered flips the compare's
 * outcome for the input that holds it in place of a: b for equality; for a
 * range, the far side of b from a (both sides when a equals b or is
 * NaN); and when a equals b under an equality, the value above b. */
size_t fcmp_steps(int order, int kind, int steps[3]);

#endif
