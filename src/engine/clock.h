/*
 * clock.h - the one clock every process of ferret reads: CLOCK_MONOTONIC in
 * nanoseconds.  Layer 0: owns nothing, depends on nothing of ferret's.
 */
#ifndef FERRET_CLOCK_H
#define FERRET_CLOCK_H

#include <stdint.h>

uint64_t engine_now_ns(void);

#endif
