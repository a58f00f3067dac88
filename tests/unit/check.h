/*
 * check.h - the smallest unit-test harness that does the job.
 *
 * CHECK(cond) records a pass or a failure (with file:line) and goes on;
 * CHECK_DONE() prints "<name>: N passed, N failed" and returns the exit code.
 */
#ifndef FERRET_CHECK_H
#define FERRET_CHECK_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int check_passed, check_failed;

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (cond) {                                                            \
            check_passed++;                                                    \
        } else {                                                               \
            check_failed++;                                                    \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__,   \
                    #cond);                                                    \
        }                                                                      \
    } while (0)

#define CHECK_EQ_U(a, b)                                                       \
    do {                                                                       \
        unsigned long long check_a_ = (unsigned long long)(a);                 \
        unsigned long long check_b_ = (unsigned long long)(b);                 \
        if (check_a_ == check_b_) {                                            \
            check_passed++;                                                    \
        } else {                                                               \
            check_failed++;                                                    \
            fprintf(stderr, "%s:%d: CHECK failed: %s == %s (%llu != %llu)\n",  \
                    __FILE__, __LINE__, #a, #b, check_a_, check_b_);           \
        }                                                                      \
    } while (0)

#define CHECK_DONE(name)                                                       \
    (printf("%s: %d passed, %d failed\n", (name), check_passed, check_failed), \
     check_failed ? 1 : 0)

/* The bits of a float or double and back (NaN payloads, -0). */
static inline uint64_t bits64(double v)
{
    uint64_t b;
    memcpy(&b, &v, sizeof b);
    return b;
}

static inline double from64(uint64_t b)
{
    double v;
    memcpy(&v, &b, sizeof v);
    return v;
}

static inline uint32_t bits32(float v)
{
    uint32_t b;
    memcpy(&b, &v, sizeof b);
    return b;
}

static inline float from32(uint32_t b)
{
    float v;
    memcpy(&v, &b, sizeof v);
    return v;
}

#endif
