/*
 * cmpwide.c - the compares SanitizerCoverage cannot see, reported by
 * ferret's LLVM pass plugin (src/plugin/ferret_pass.cpp; the hooks'
 * contract is cmpwide.h): floating-point compares (float, double, x86 long
 * double) and integer compares of odd width or wider than 64 bits.  They go
 * into the same table of recent compares (torc.h) as SanitizerCoverage's,
 * through cmptrace.c, so input-to-state (cmpmut.c) needs nothing new:
 *  - float and double: integer compares of size 4 and 8 on the IEEE bits.
 *    Input-to-state finds a's bits in the input and writes b's; for a range
 *    compare it also gets b's neighbour on the far side from a (floatstep.c:
 *    fcmp_steps), so `x > 1234.5 && x < 1234.6` is one write away: b and
 *    its neighbours are the values at the edge of every branch;
 *  - long double: memory compares of the 10 bytes of the value (and of the
 *    neighbours, as above);
 *  - wide or odd integers: a memory compare of the ceil(bits/8) bytes,
 *    little-endian (the bytes of the value in the input), and an integer
 *    compare per 64-bit word whose width is 1, 2, 4 or 8 bytes (so __int128
 *    gets its two halves, each with input-to-state's other encodings).
 *
 * Invariants:
 *  - the hooks record only while the target runs (runtime_in_target);
 *  - a compare site is keyed by its return address as an offset, as
 *    cmptrace.c's hooks are (PC_OF there), so fixed-seed runs repeat;
 *  - the entries a hook records are a pure function of its arguments, in a
 *    fixed order (b, then the neighbour above, then the one below);
 *  - a plain build (no plugin) never calls these: it only misses them.
 *
 * Owns: nothing: the table it writes is cmptrace.c's (through
 * cmptrace_record_int and cmptrace_record_mem).
 */
#include "cmpwide.h"

#include <stdint.h>
#include <string.h>

#include "floatstep.h"
#include "runtime.h"

#define SITE() ((uintptr_t)__builtin_return_address(0) - sancov_pc_base)

static int step_kind(uint32_t pred)
{
    switch (pred & CMPW_KIND_MASK) {
    case CMPW_EQ:
    case CMPW_NE:
        return FSTEP_EQUALITY;
    case CMPW_GT:
    case CMPW_GE:
    case CMPW_LT:
    case CMPW_LE:
        return FSTEP_RANGE;
    default:
        return FSTEP_NONE;
    }
}

/* -1, 0, 1 as a < b, a == b, a > b; 2 if either is NaN. */
#define ORDER(a, b) ((a) < (b) ? -1 : (a) > (b) ? 1 : (a) == (b) ? 0 : 2)

/* fcmp_steps' answer when it is b alone (an equality, or no order asked,
 * with a and b apart): the common case, made without the call. */
#define ONLY_B(order, kind) ((order) != 0 && (kind) != FSTEP_RANGE)

static float f32_of(uint32_t bits)
{
    float v;
    memcpy(&v, &bits, sizeof v);
    return v;
}

static double f64_of(uint64_t bits)
{
    double v;
    memcpy(&v, &bits, sizeof v);
    return v;
}

/* b and its neighbours as fcmp_steps lists them (out of line: the hooks'
 * common path stays a call and a store). */
static __attribute__((noinline)) void record_steps32(uintptr_t pc, uint32_t a, uint32_t b, int order,
                                                     int kind)
{
    int steps[3];
    size_t n = fcmp_steps(order, kind, steps);
    for (size_t i = 0; i < n; i++)
        cmptrace_record_int(pc, a, steps[i] ? f32_step(b, steps[i] > 0) : b, 4);
}

static __attribute__((noinline)) void record_steps64(uintptr_t pc, uint64_t a, uint64_t b, int order,
                                                     int kind)
{
    int steps[3];
    size_t n = fcmp_steps(order, kind, steps);
    for (size_t i = 0; i < n; i++)
        cmptrace_record_int(pc, a, steps[i] ? f64_step(b, steps[i] > 0) : b, 8);
}

FERRET_EXPORT void __ferret_trace_fcmp4(uint32_t a, uint32_t b, uint32_t pred)
{
    if (!runtime_in_target)
        return;
    uintptr_t pc = SITE();
    int order = ORDER(f32_of(a), f32_of(b)), kind = step_kind(pred);
    if (ONLY_B(order, kind))
        cmptrace_record_int(pc, a, b, 4);
    else
        record_steps32(pc, a, b, order, kind);
}

FERRET_EXPORT void __ferret_trace_fcmp8(uint64_t a, uint64_t b, uint32_t pred)
{
    if (!runtime_in_target)
        return;
    uintptr_t pc = SITE();
    int order = ORDER(f64_of(a), f64_of(b)), kind = step_kind(pred);
    if (ONLY_B(order, kind))
        cmptrace_record_int(pc, a, b, 8);
    else
        record_steps64(pc, a, b, order, kind);
}

/* The 10 bytes of a long double as it lies in memory, and its value. */
static long double f80_of(uint8_t out[10], uint64_t lo, uint64_t hi)
{
    uint16_t se = (uint16_t)hi;
    long double v = 0;
    memcpy(out, &lo, 8);
    memcpy(out + 8, &se, 2);
    memcpy(&v, out, 10);
    return v;
}

FERRET_EXPORT void __ferret_trace_fcmp10(uint64_t a_lo, uint64_t a_hi, uint64_t b_lo,
                                         uint64_t b_hi, uint32_t pred)
{
    if (!runtime_in_target)
        return;
    uintptr_t pc = SITE();
    uint8_t a[10], b[10], t[10];
    long double va = f80_of(a, a_lo, a_hi), vb = f80_of(b, b_lo, b_hi);
    int steps[3];
    size_t n = fcmp_steps(ORDER(va, vb), step_kind(pred), steps);
    for (size_t i = 0; i < n; i++) {
        if (steps[i])
            f80_step(b, t, steps[i] > 0);
        else
            memcpy(t, b, sizeof t);
        if (memcmp(a, t, sizeof t) != 0)
            cmptrace_record_mem(pc, a, sizeof a, t, sizeof t);
    }
}

/* The integer size (1, 2, 4, 8) of a word of n bytes, 0 if none fits. */
static uint8_t word_size(unsigned n)
{
    return n == 1 || n == 2 || n == 4 || n >= 8 ? (uint8_t)(n >= 8 ? 8 : n) : 0;
}

/* No predicate: b is what equality needs, and a range's b + 1 and b - 1
 * are input-to-state's own offsets of the low word (cmpmut.c). */
FERRET_EXPORT void __ferret_trace_icmp_wide(uint64_t a_lo, uint64_t a_hi, uint64_t b_lo,
                                            uint64_t b_hi, uint32_t bits)
{
    if (!runtime_in_target || bits < CMPW_MIN_BITS || bits > CMPW_MAX_BITS)
        return;
    if (a_lo == b_lo && a_hi == b_hi)
        return;
    uintptr_t pc = SITE();
    unsigned len = (bits + 7) / 8;
    uint64_t a[2] = { a_lo, a_hi }, b[2] = { b_lo, b_hi };
    cmptrace_record_mem(pc, a, len, b, len);
    for (unsigned w = 0; w * 8 < len; w++) {
        uint8_t size = word_size(len - w * 8);
        if (size)
            cmptrace_record_int(pc, a[w], b[w], size);
    }
}
