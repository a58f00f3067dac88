/*
 * floatbits.h - a float or double as its bits and back, for code that must
 * keep NaN payloads and -0 exactly (the Go corpus encoding, typed inputs,
 * their tests).  memcpy, so no aliasing rule is broken.
 *
 * Owns: nothing (pure inline functions).
 */
#ifndef FERRET_FLOATBITS_H
#define FERRET_FLOATBITS_H

#include <stdint.h>
#include <string.h>

static inline uint64_t f64_bits(double v)
{
    uint64_t b;
    memcpy(&b, &v, sizeof b);
    return b;
}

static inline double f64_from(uint64_t b)
{
    double v;
    memcpy(&v, &b, sizeof v);
    return v;
}

static inline uint32_t f32_bits(float v)
{
    uint32_t b;
    memcpy(&b, &v, sizeof b);
    return b;
}

static inline float f32_from(uint32_t b)
{
    float v;
    memcpy(&v, &b, sizeof v);
    return v;
}

#endif
