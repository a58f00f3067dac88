/*
 * featbits.h - where libFuzzer-style features land: the index math of the
 * runtime's feature maps (src/runtime/featmap.c).  Pure inline functions,
 * so the comparison hooks pay no call and the unit test
 * (tests/unit/test_featbits.c) checks the same code the runtime runs.
 *
 * A feature map is a bitmap: one bit per feature, a set of executions is
 * the OR of their maps, like a coverage vector's bucket bits (coverage.h,
 * "raw" regions).  Three maps:
 *
 *  - value profile (FEAT_VP_BITS): per compare site, how close its
 *    operands came, by two measures: the Hamming distance popcount(a ^ b)
 *    and the absolute distance |a - b| as a level (exact below 8, so a
 *    count compared with a bound, `matches == 17`, takes its last steps one
 *    at a time, then by bit length: libFuzzer's clz scale).  Each measure is
 *    a thermometer from the far end: a compare at level l sets bits
 *    [l, 63] of the site's word (feat_closer), so a run's word is the
 *    closest it came, and an input is new only if it came closer than any
 *    before.  Not libFuzzer's rule (every distinct distance is a feature):
 *    with that, a mutant that moves any site *away* is new too, and on a
 *    target with many compares the corpus fills with such inputs and the
 *    entry one step from the goal gets a small share of the mutations (a
 *    32-byte key compared as eight words, seeded with seven right: 450
 *    entries and not solved in 300,000 executions; with value profile off,
 *    in a few hundred).
 *    Two more words per site count its outcomes in one execution, for a
 *    loop that compares input byte i with expected[i] at one instruction,
 *    where no compare gets closer as more bytes match: the run of equal
 *    outcomes the site's hits started with, when it hits again
 *    (feat_vp_run_level: a loop that stops at the first wrong byte got to
 *    byte k), and the count of its equal outcomes (feat_vp_eq_level: a loop
 *    that counts matching bytes got one more).  Both are thermometers from
 *    the near end (each level on the way is set), so only more than any
 *    input before is new, and both are exact where hit-count buckets lump
 *    4-7 and 8-15 together.
 *    Per memory or string compare site and number of equal leading bytes,
 *    the Hamming distance of the first byte that differs, likewise a
 *    thermometer (9 bits).
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

#define FEAT_VP_BITS (1u << 18)    /* 32 KiB: 1024 compare sites of four 64-bit words */
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

/* A level 0..63 as a thermometer from the far end: bits [level, 63].  A
 * closer level has every bit of a farther one, and one more. */
static inline uint64_t feat_closer(uint32_t level) { return ~0ull << level; }

/* An integer compare at site pc writes up to four 64-bit words of the map
 * (as an array of words): the Hamming thermometer at feat_vp_word(pc), the
 * distance one right after it, then the run and the count of equal
 * outcomes (feat_vp_run_level, feat_vp_eq_level).  A multiple of 4, so all
 * four lie in one 512-bit line; site w / 4 of FEAT_VP_SITES. */
#define FEAT_VP_SITE_WORDS 4u
#define FEAT_VP_SITES (FEAT_VP_BITS / 64 / FEAT_VP_SITE_WORDS)
static inline uint32_t feat_vp_word(uint64_t pc)
{
    return (uint32_t)(feat_mix(pc) * FEAT_VP_SITE_WORDS) & (FEAT_VP_BITS / 64 - 1);
}

/* A site's run of equal outcomes, as a level: its k-th hit (k from 1) in
 * one execution after k equal outcomes of it, k itself up to
 * FEAT_VP_RUN_EXACT, then 16 + log2(k) - 4 (16 for 16-31, 17 for 32-63,
 * ...), at most 63.  Reached when a loop that stops at the first wrong
 * byte gets to compare byte k at all: new even when byte k is not yet
 * right, where hit-count buckets lump 4-7 together.  Bit level of the
 * site's third word. */
#define FEAT_VP_RUN_EXACT 16u
static inline uint32_t feat_vp_run_level(uint32_t k)
{
    uint32_t lvl = k <= FEAT_VP_RUN_EXACT ? k : 16u + (31u - (uint32_t)__builtin_clz(k)) - 4u;
    return lvl < 63u ? lvl : 63u;
}

/* The number n of equal outcomes of one site in one execution, as a level:
 * exact up to FEAT_VP_EQ_EXACT, then 48 + bit length - 5 (49 for 49-63, 50
 * for 64-127, ...), at most 63; 0 for none.  Bit level of the site's
 * fourth word, set when the count reaches it, so the levels an execution
 * sets are 1..its count's: a thermometer.  More matches at one compare
 * than any input before is new (a loop counting matching bytes, where no
 * single compare gets closer). */
#define FEAT_VP_EQ_EXACT 48u
static inline uint32_t feat_vp_eq_level(uint32_t n)
{
    if (n <= FEAT_VP_EQ_EXACT)
        return n;
    uint32_t lvl = FEAT_VP_EQ_EXACT + (32u - (uint32_t)__builtin_clz(n)) - 5u;
    return lvl < 63u ? lvl : 63u;
}

/* A Hamming distance 0..64 as a level, 64 counted as 63 (every bit
 * differs: as far as 63).  Apart, so the runtime's hook can count the bits
 * with the POPCNT instruction (featmap.h). */
static inline uint32_t feat_hamming_of(uint32_t popcount) { return popcount > 63 ? 63 : popcount; }

/* popcount(a ^ b) as a level. */
static inline uint32_t feat_hamming_level(uint64_t a, uint64_t b)
{
    return feat_hamming_of((uint32_t)__builtin_popcountll(a ^ b));
}

/* |a - b| as a level: exact below 8, then 4 + its bit length (4..59 ->
 * 8..63; wider distances are 63 too).  Closer operands, lower level. */
static inline uint32_t feat_distance_level(uint64_t a, uint64_t b)
{
    uint64_t d = a > b ? a - b : b - a;
    if (d < 8)
        return (uint32_t)d;
    uint32_t l = 4u + 64u - (uint32_t)__builtin_clzll(d);
    return l > 63 ? 63 : l;
}

/* A memory or string compare at pc with prefix equal leading bytes: the
 * first bit of its 9-bit block (16-bit aligned), whose bits [h, 8] are set
 * for a first differing pair at Hamming distance h (0..8; 0 when the
 * compared bytes are all equal). */
static inline uint32_t feat_vp_mem(uint64_t pc, uint32_t prefix)
{
    return (uint32_t)(feat_mix(pc ^ ((uint64_t)prefix << 40) ^ 0x6d656dULL) * 16) & (FEAT_VP_BITS - 1);
}

/* The block's bits for Hamming distance h, from its first bit. */
static inline uint32_t feat_mem_closer(uint32_t h) { return (0x1ffu << h) & 0x1ffu; }

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
