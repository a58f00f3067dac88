/*
 * featbits.h - where libFuzzer-style features land: the index math of the
 * runtime's feature maps (src/runtime/featmap.c).  Pure inline functions, so the comparison hooks pay no call and the unit test
 * (tests/unit/test_featbits.c) checks the same code the runtime runs.
 *
 * A feature map is a bitmap: one bit per feature, a set of executions is
 * the OR of their maps, like a coverage vector's bucket bits (coverage.h,
 * "raw" regions).  Three maps:
 *
 *  - value profile (FEAT_VP_BITS): per compare site, the Hamming distance
 *    popcount(a ^ b) and the absolute distance |a - b|, each its own
 *    feature: an input whose operands are closer than any before, by either
 *    measure, is new.  The absolute distance counts exactly below 8 (so a
 *    count compared with a bound, `matches == 17`, takes its last steps one
 *    at a time) and by its bit length, 64 - clz(|a-b|), above (libFuzzer's
 *    clz(a-b)+1 scale).  Not exactly further out: a length check such as
 *    `size < 8` would keep an input for every length up to 40.  Per memory
 *    or string compare site, the number of equal leading bytes and the
 *    Hamming distance of the first byte that differs.
 *  - indirect calls (FEAT_INDIR_BITS): a hash of the (caller, callee) pair.
 *  - stack depth (FEAT_STACK_BITS): a thermometer.  A run whose deepest
 *    frame is depth bytes below the run's start sets bits [0, n) with
 *    n = feat_stack_bits(depth): one bit per 16 bytes (a frame on x86-64 is
 *    a multiple of 16) up to 256 KiB, then eight steps per power of two.
 *    Deeper than any input before = a bit never seen; shallower never is.
 *
 * Invariants: every index is below its map's size; the same operands at the
 * same site always give the same features (sites are offsets from the
 * target's first PC, runtime.h, so a fixed -seed repeats).
 *
 * Owns: nothing (pure inline functions and constants).
 */
#ifndef FERRET_FEATBITS_H
#define FERRET_FEATBITS_H

#include <stdint.h>

#define FEAT_VP_BITS (1u << 17)    /* 16 KiB: 512 compare sites of 256 features */
#define FEAT_INDIR_BITS (1u << 15) /* 4 KiB */
#define FEAT_STACK_LINEAR 16384u   /* 16-byte steps: up to 256 KiB */
#define FEAT_STACK_OCTAVES 14u     /* 256 KiB .. 4 GiB, eight steps each */
#define FEAT_STACK_BITS (FEAT_STACK_LINEAR + 8u * FEAT_STACK_OCTAVES)
/* Each map is watched in lines of 64 bytes (512 bits): a summary word has
 * one bit per line written since the last scan (coverage.c). */
#define FEAT_LINE_BITS 512u

static inline uint64_t feat_mix(uint64_t x)
{
    x ^= x >> 31;
    x *= 0x7fb5d329728ea185ULL;
    return x ^ (x >> 27);
}

/* The two value-profile features of an integer compare at site pc: the
 * site's 256 features are 0..64 Hamming, 96..164 distance. */
static inline uint32_t feat_vp_hamming(uint64_t pc, uint64_t a, uint64_t b)
{
    uint32_t h = (uint32_t)__builtin_popcountll(a ^ b); /* 0..64 */
    return (uint32_t)(feat_mix(pc) * 256 + h) & (FEAT_VP_BITS - 1);
}

/* |a - b| as a level: exact below 8, then 4 + its bit length (4..64 ->
 * 8..68).  Closer operands, lower level. */
static inline uint32_t feat_distance_level(uint64_t a, uint64_t b)
{
    uint64_t d = a > b ? a - b : b - a;
    return d < 8 ? (uint32_t)d : 4u + 64u - (uint32_t)__builtin_clzll(d);
}

static inline uint32_t feat_vp_distance(uint64_t pc, uint64_t a, uint64_t b)
{
    return (uint32_t)(feat_mix(pc) * 256 + 96 + feat_distance_level(a, b)) & (FEAT_VP_BITS - 1);
}

/* A memory or string compare at pc: equal leading bytes, then the Hamming
 * distance (0..8) of the first pair that differs. */
static inline uint32_t feat_vp_mem(uint64_t pc, uint32_t prefix, uint32_t hamming)
{
    return (uint32_t)(feat_mix(pc ^ ((uint64_t)prefix << 40) ^ 0x6d656dULL) * 16 + hamming) &
           (FEAT_VP_BITS - 1);
}

/* An indirect call from caller to callee (both offsets, runtime.h). */
static inline uint32_t feat_indir(uint64_t caller, uint64_t callee)
{
    return (uint32_t)feat_mix(caller * 0x9e3779b97f4a7c15ULL ^ callee) & (FEAT_INDIR_BITS - 1);
}

/* How many thermometer bits a run that reached depth bytes sets. */
static inline uint32_t feat_stack_bits(uint64_t depth)
{
    if (depth == 0)
        return 0;
    if (depth < 16ull * FEAT_STACK_LINEAR)
        return (uint32_t)(depth / 16) + 1;
    uint32_t log2 = 63u - (uint32_t)__builtin_clzll(depth); /* >= 18 */
    uint32_t octave = log2 - 18;
    if (octave >= FEAT_STACK_OCTAVES)
        return FEAT_STACK_BITS;
    return FEAT_STACK_LINEAR + octave * 8 + (uint32_t)((depth >> (log2 - 3)) & 7) + 1;
}

#endif
