/*
 * featmap.h - libFuzzer's extra feature sources, as bits the comparison
 * hooks and the target runner set inline (the math is featbits.h's; the
 * maps, their switches and their registration are featmap.c's):
 *  - value profile (comparison distances), written only while value
 *    profile is on (features_vp_on: -use_value_profile, on by default);
 *  - indirect caller/callee pairs and stack depth, always.
 *
 * Invariant: a bit is never set without its line's summary bit, so the
 * per-execution scan (coverage.c) reads only the lines an execution wrote.
 *
 * Owns: nothing: declarations and inline writers of featmap.c's state.
 */
#ifndef FERRET_FEATMAP_H
#define FERRET_FEATMAP_H

#include <stdint.h>

#include "featbits.h"

extern int features_vp_on;
extern uint8_t features_vp_map[FEAT_VP_BITS / 8];
extern uint64_t features_vp_lines[FEAT_VP_BITS / FEAT_LINE_BITS / 64];
extern uint8_t features_indir_map[FEAT_INDIR_BITS / 8];
extern uint64_t features_indir_lines[1];

static inline void features_set(uint8_t *map, uint64_t *lines, uint32_t f)
{
    map[f >> 3] |= (uint8_t)(1u << (f & 7));
    uint32_t line = f / FEAT_LINE_BITS;
    lines[line >> 6] |= 1ull << (line & 63);
}

/* An integer compare (or switch case, division, index) at site pc: its
 * two features (feat_vp_hamming, feat_vp_distance) lie in the site's
 * 256-bit block, so in one 512-bit line: the site is hashed once and the
 * line's summary bit set once (the hottest store ferret has after the
 * counters themselves). */
static inline void features_cmp(uint64_t pc, uint64_t a, uint64_t b)
{
    uint32_t h = feat_vp_hamming(pc, a, b), d = feat_vp_distance(pc, a, b);
    features_vp_map[h >> 3] |= (uint8_t)(1u << (h & 7));
    features_vp_map[d >> 3] |= (uint8_t)(1u << (d & 7));
    uint32_t line = h / FEAT_LINE_BITS; /* = d / FEAT_LINE_BITS */
    features_vp_lines[line >> 6] |= 1ull << (line & 63);
}

/* A memory compare at pc of a[0..n) with b[0..n) that found them unequal. */
static inline void features_mem(uint64_t pc, const uint8_t *a, const uint8_t *b, uint32_t n)
{
    uint32_t i = 0;
    while (i < n && a[i] == b[i])
        i++;
    uint32_t h = i < n ? (uint32_t)__builtin_popcount((unsigned)(a[i] ^ b[i])) : 0;
    features_set(features_vp_map, features_vp_lines, feat_vp_mem(pc, i, h));
}

static inline void features_indirect(uint64_t caller, uint64_t callee)
{
    features_set(features_indir_map, features_indir_lines, feat_indir(caller, callee));
}

#endif
