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
 * Skipping: a value-profile bit set in features_vp_skip_map is not
 * written.  The worker's fuzzing loop points it at features the global mask
 * already has and that the run need not show (features_vp_skip,
 * runtime.h); everywhere else it points at an all-zero map (every feature
 * written), so snapshots stay complete.  A compare that came no closer and
 * counted no more outcomes than the corpus did then writes no feature and
 * marks no line: it costs the skip map's loads and the store of its site's
 * counter word (README, "Feature sources").
 *
 * Outcome counters: features_vp_hits holds, per site, the current
 * execution's hits and equal outcomes, tagged with the execution's epoch
 * (features_vp_epoch, advanced by featmap.c before every run): a counter of
 * another epoch reads as 0, so nothing is zeroed between runs.
 *
 * Owns: nothing: declarations and inline writers of featmap.c's state.
 */
#ifndef FERRET_FEATMAP_H
#define FERRET_FEATMAP_H

#include <stdint.h>

#include "featbits.h"

extern int features_vp_on;
extern int features_popcnt; /* the CPU has POPCNT (features_register) */
extern const uint64_t *features_vp_skip_map; /* FEAT_VP_BITS / 64 words, never NULL */
extern uint64_t features_vp_words[FEAT_VP_BITS / 64]; /* the map, as words */
extern uint64_t features_vp_lines[FEAT_VP_BITS / FEAT_LINE_BITS / 64];
/* A compare site's hits (bits 0-15) and equal outcomes (bits 16-31) in the
 * execution whose epoch is in bits 32-63, each saturating at 0xffff;
 * features_vp_epoch is the current epoch, shifted likewise (never 0, so a
 * zeroed counter is of no epoch). */
#define FEAT_VP_COUNT_MAX 0xffffu
extern uint64_t features_vp_hits[FEAT_VP_SITES];
extern uint64_t features_vp_epoch;
extern uint8_t features_indir_map[FEAT_INDIR_BITS / 8];
extern uint64_t features_indir_lines[1];

static inline void features_set(uint8_t *map, uint64_t *lines, uint32_t f)
{
    map[f >> 3] |= (uint8_t)(1u << (f & 7));
    uint32_t line = f / FEAT_LINE_BITS;
    lines[line >> 6] |= 1ull << (line & 63);
}

/* popcount(x): the POPCNT instruction when the CPU has it (ferret is
 * built for any x86-64, where the builtin is a dozen instructions), the
 * builtin otherwise. */
static inline uint32_t features_popcount(uint64_t x)
{
#if defined(__x86_64__) && !defined(__POPCNT__)
    if (features_popcnt) {
        uint64_t n;
        __asm__("popcntq %1, %0" : "=r"(n) : "r"(x));
        return (uint32_t)n;
    }
#endif
    return (uint32_t)__builtin_popcountll(x);
}

static inline void features_vp_mark(uint32_t word)
{
    uint32_t line = word / (FEAT_LINE_BITS / 64);
    features_vp_lines[line >> 6] |= 1ull << (line & 63);
}

/* An integer compare (or switch case, division, index) at site pc: its
 * thermometer words (featbits.h) lie in one 512-bit line, so the site is
 * hashed once and the line's summary bit set once (the hottest code ferret
 * has after the counters themselves).  The outcome words only when
 * outcomes is set (not for a switch's cases: a state machine's switch
 * matches one case every iteration, and counting it would reward input
 * length; test_reduce_inputs; nor for a byte compared with a constant,
 * for the same reason: test_feat_const_bytes); then the site's counter
 * word is loaded and stored once (sites sharing words share it:
 * deterministic, merely coarser).  Bits the skip map has are not written; with none left, the
 * hook writes no feature and marks no line. */
static inline void features_cmp(uint64_t pc, uint64_t a, uint64_t b, int outcomes)
{
    uint32_t w = feat_vp_word(pc);
    const uint64_t *skip = features_vp_skip_map;
    uint64_t h = 0, d = 0, run = 0, eqs = 0;
    if ((skip[w] & skip[w + 1]) != ~0ull) { /* else no distance is new: a site that got equal */
        h = feat_closer(feat_hamming_of(features_popcount(a ^ b))) & ~skip[w];
        d = feat_closer(feat_distance_level(a, b)) & ~skip[w + 1];
    }
    if (outcomes) { /* not a switch case: see cmptrace.c */
        uint32_t site = w / FEAT_VP_SITE_WORDS;
        uint64_t v = features_vp_hits[site], epoch = features_vp_epoch;
        v = (v ^ epoch) >> 32 ? 0 : v; /* another execution's: none yet */
        uint32_t k = (uint32_t)v & FEAT_VP_COUNT_MAX, eq = (uint32_t)(v >> 16) & FEAT_VP_COUNT_MAX;
        if (k != 0 && eq == k) /* every earlier hit was equal */
            run = (1ull << feat_vp_run_level(k)) & ~skip[w + 2];
        if (a == b) {
            eq += eq != FEAT_VP_COUNT_MAX;
            eqs = (1ull << feat_vp_eq_level(eq)) & ~skip[w + 3];
        }
        features_vp_hits[site] = epoch | (k + (k != FEAT_VP_COUNT_MAX)) | (uint64_t)eq << 16;
    }
    if (!(h | d | run | eqs))
        return;
    features_vp_words[w] |= h;
    features_vp_words[w + 1] |= d;
    features_vp_words[w + 2] |= run;
    features_vp_words[w + 3] |= eqs;
    features_vp_mark(w);
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
    const uint8_t *skip = (const uint8_t *)features_vp_skip_map;
    uint8_t lo = (uint8_t)(bits & ~skip[f >> 3]), hi = (uint8_t)((bits >> 8) & ~skip[(f >> 3) + 1]);
    if (!(lo | hi))
        return;
    uint8_t *map = (uint8_t *)features_vp_words;
    map[f >> 3] |= lo;
    map[(f >> 3) + 1] |= hi;
    features_vp_mark(f / 64);
}

static inline void features_indirect(uint64_t caller, uint64_t callee)
{
    features_set(features_indir_map, features_indir_lines, feat_indir(caller, callee));
}

#endif
