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
extern uint64_t features_vp_words[FEAT_VP_BITS / 64]; /* the map, as words */
extern uint64_t features_vp_lines[FEAT_VP_BITS / FEAT_LINE_BITS / 64];
/* A compare site's hits (low 16 bits) and equal outcomes (high 16 bits) in
 * the current execution, each saturating at 0xffff; featmap.c zeroes the
 * counters of every site in a line a run wrote (by the line summary)
 * before and after the run. */
#define FEAT_VP_COUNT_MAX 0xffffu
extern uint32_t features_vp_hits[FEAT_VP_SITES];
extern uint8_t features_indir_map[FEAT_INDIR_BITS / 8];
extern uint64_t features_indir_lines[1];

static inline void features_set(uint8_t *map, uint64_t *lines, uint32_t f)
{
    map[f >> 3] |= (uint8_t)(1u << (f & 7));
    uint32_t line = f / FEAT_LINE_BITS;
    lines[line >> 6] |= 1ull << (line & 63);
}

/* An integer compare (or switch case, division, index) at site pc: its
 * thermometer words (featbits.h) lie in one 512-bit line; the outcome
 * words only when outcomes is set (not for a switch's cases: a state
 * machine's switch matches one case every iteration, and counting it
 * would reward input length; test_reduce_inputs), so the site is
 * hashed once, its counters loaded and stored once (sites sharing words
 * share them: deterministic, merely coarser) and the line's summary bit
 * set once (the hottest store ferret has after the counters themselves). */
static inline void features_cmp(uint64_t pc, uint64_t a, uint64_t b, int outcomes)
{
    uint32_t w = feat_vp_word(pc), site = w / FEAT_VP_SITE_WORDS;
    uint32_t v = features_vp_hits[site], k = v & FEAT_VP_COUNT_MAX, eq = v >> 16;
    features_vp_words[w] |= feat_closer(feat_hamming_level(a, b));
    features_vp_words[w + 1] |= feat_closer(feat_distance_level(a, b));
    if (outcomes) { /* not a switch case: see cmptrace.c */
        if (k != 0 && eq == k) /* every earlier hit was equal */
            features_vp_words[w + 2] |= 1ull << feat_vp_run_level(k);
        if (a == b) {
            eq += eq != FEAT_VP_COUNT_MAX;
            features_vp_words[w + 3] |= 1ull << feat_vp_eq_level(eq);
        }
        features_vp_hits[site] = (k + (k != FEAT_VP_COUNT_MAX)) | eq << 16;
    }
    uint32_t line = w / (FEAT_LINE_BITS / 64);
    features_vp_lines[line >> 6] |= 1ull << (line & 63);
}

/* A memory compare at pc of a[0..n) with b[0..n) that found them unequal:
 * the 9-bit thermometer of its first differing byte, in the block of its
 * prefix length (two bytes of the map, in one line: the block is 16-bit
 * aligned). */
static inline void features_mem(uint64_t pc, const uint8_t *a, const uint8_t *b, uint32_t n)
{
    uint32_t i = 0;
    while (i < n && a[i] == b[i])
        i++;
    uint32_t h = i < n ? (uint32_t)__builtin_popcount((unsigned)(a[i] ^ b[i])) : 0;
    uint32_t f = feat_vp_mem(pc, i), bits = feat_mem_closer(h);
    uint8_t *map = (uint8_t *)features_vp_words;
    map[f >> 3] |= (uint8_t)bits;
    map[(f >> 3) + 1] |= (uint8_t)(bits >> 8);
    uint32_t line = f / FEAT_LINE_BITS;
    features_vp_lines[line >> 6] |= 1ull << (line & 63);
}

static inline void features_indirect(uint64_t caller, uint64_t callee)
{
    features_set(features_indir_map, features_indir_lines, feat_indir(caller, callee));
}

#endif
