/* test_featbits.c - the feature maps' index math (featbits.h), the rule of
 * and the scan of a raw region through its line summary (coverage.c). */
#include <string.h>

#include "check.h"
#include "coverage.h"
#include "featbits.h"

static void test_stack_bits(void)
{
    CHECK_EQ_U(feat_stack_bits(0), 0);
    CHECK_EQ_U(feat_stack_bits(1), 1);
    CHECK_EQ_U(feat_stack_bits(15), 1);
    CHECK_EQ_U(feat_stack_bits(16), 2);
    /* Every 16 bytes deeper is one bit more, up to 256 KiB... */
    for (uint64_t d = 32; d < 16ull * FEAT_STACK_LINEAR; d += 16)
        CHECK_EQ_U(feat_stack_bits(d), feat_stack_bits(d - 16) + 1);
    CHECK_EQ_U(feat_stack_bits(16ull * FEAT_STACK_LINEAR - 1), FEAT_STACK_LINEAR);
    /* ... then eight steps per power of two, never fewer bits for deeper. */
    CHECK_EQ_U(feat_stack_bits(1ull << 18), FEAT_STACK_LINEAR + 1);
    CHECK_EQ_U(feat_stack_bits((1ull << 18) + (1ull << 15)), FEAT_STACK_LINEAR + 2);
    CHECK_EQ_U(feat_stack_bits(1ull << 19), FEAT_STACK_LINEAR + 9);
    uint32_t last = 0;
    int monotone = 1, bounded = 1;
    for (uint64_t d = 1; d < (1ull << 40); d += d / 7 + 1) {
        uint32_t b = feat_stack_bits(d);
        monotone &= b >= last;
        bounded &= b <= FEAT_STACK_BITS;
        last = b;
    }
    CHECK(monotone);
    CHECK(bounded);
    CHECK_EQ_U(feat_stack_bits(~0ull), FEAT_STACK_BITS);
}

static void test_distance_level(void)
{
    CHECK_EQ_U(feat_distance_level(7, 7), 0);
    CHECK_EQ_U(feat_distance_level(17, 16), 1);
    CHECK_EQ_U(feat_distance_level(16, 17), 1);  /* symmetric */
    CHECK_EQ_U(feat_distance_level(0, 7), 7);    /* exact below 8 */
    CHECK_EQ_U(feat_distance_level(0, 8), 8);    /* then by bit length */
    CHECK_EQ_U(feat_distance_level(0, 15), 8);
    CHECK_EQ_U(feat_distance_level(0, 16), 9);
    CHECK_EQ_U(feat_distance_level(0, ~0ull), 63); /* capped: one word */
    CHECK_EQ_U(feat_distance_level(0, 1ull << 58), 63);
    CHECK_EQ_U(feat_distance_level(0, 1ull << 57), 62);
    /* Closer never gives a higher level. */
    int monotone = 1;
    for (uint64_t d = 1; d < (1ull << 40); d += d / 5 + 1)
        monotone &= feat_distance_level(1000, 1000 + d) >= feat_distance_level(1000, 1000 + d - 1);
    CHECK(monotone);
}

static void test_vp_indices(void)
{
    /* A thermometer: a closer level has every bit of a farther one and
     * more, so only coming closer than before is new. */
    int nested = 1;
    for (uint32_t l = 0; l < 63; l++)
        nested &= (feat_closer(l) & feat_closer(l + 1)) == feat_closer(l + 1) &&
                  feat_closer(l) != feat_closer(l + 1);
    CHECK(nested);
    CHECK(feat_closer(0) == ~0ull);
    CHECK(feat_closer(63) == 1ull << 63);
    /* A run's word is the OR of its compares': its closest level. */
    CHECK((feat_closer(9) | feat_closer(3) | feat_closer(40)) == feat_closer(3));
    CHECK_EQ_U(feat_hamming_level(0, 0), 0);
    CHECK_EQ_U(feat_hamming_level(0, 0xff), 8);
    CHECK_EQ_U(feat_hamming_level(0, ~0ull), 63); /* 64 counts as 63 */
    /* The runtime's hook counts the bits itself (POPCNT) and caps them
     * with feat_hamming_of: the same levels. */
    int same_level = 1;
    for (uint32_t k = 0; k <= 64; k++) {
        uint64_t x = k == 64 ? ~0ull : (1ull << k) - 1;
        same_level &= feat_hamming_of((uint32_t)__builtin_popcountll(x)) == feat_hamming_level(0, x);
        same_level &= feat_hamming_of(k) == (k > 63 ? 63 : k);
    }
    CHECK(same_level);
    /* All four words of a site lie in one summary line (featmap.h's
     * features_cmp sets the line's bit once), inside the map. */
    int same_line = 1, in_range = 1;
    for (uint64_t pc = 1; pc < 50000; pc += 7) {
        uint32_t w = feat_vp_word(pc);
        in_range &= w + FEAT_VP_SITE_WORDS - 1 < FEAT_VP_BITS / 64 && w / FEAT_VP_SITE_WORDS < FEAT_VP_SITES;
        same_line &= w / (FEAT_LINE_BITS / 64) == (w + FEAT_VP_SITE_WORDS - 1) / (FEAT_LINE_BITS / 64);
    }
    CHECK(in_range);
    CHECK(same_line);
    CHECK_EQ_U(feat_vp_word(99), feat_vp_word(99));
    /* Memory compares: a block per prefix length, 9 thermometer bits. */
    CHECK(feat_vp_mem(77, 3) != feat_vp_mem(77, 4));
    CHECK(feat_vp_mem(77, 31) + 9 <= FEAT_VP_BITS);
    CHECK_EQ_U(feat_vp_mem(77, 31) % 16, 0);
    CHECK_EQ_U(feat_mem_closer(0), 0x1ff);
    CHECK_EQ_U(feat_mem_closer(8), 0x100);
    CHECK_EQ_U(feat_mem_closer(2) & feat_mem_closer(5), feat_mem_closer(5));
    CHECK(feat_indir(0x100, 0x200) < FEAT_INDIR_BITS);
    CHECK(feat_indir(0x100, 0x200) != feat_indir(0x100, 0x240));
}

/* The outcome levels: exact where hit-count buckets are not, then by bit
 * length; within a word; monotone. */
static void test_outcome_levels(void)
{
    CHECK_EQ_U(feat_vp_run_level(1), 1);
    CHECK_EQ_U(feat_vp_run_level(5), 5);   /* buckets lump 4-7 together */
    CHECK_EQ_U(feat_vp_run_level(16), 16);
    CHECK_EQ_U(feat_vp_run_level(17), 16); /* 16-31 */
    CHECK_EQ_U(feat_vp_run_level(32), 17);
    CHECK_EQ_U(feat_vp_run_level(UINT32_MAX), 43);
    CHECK_EQ_U(feat_vp_eq_level(0), 0);
    CHECK_EQ_U(feat_vp_eq_level(24), 24);
    CHECK_EQ_U(feat_vp_eq_level(48), 48);
    CHECK_EQ_U(feat_vp_eq_level(49), 49);  /* 49-63 */
    CHECK_EQ_U(feat_vp_eq_level(63), 49);
    CHECK_EQ_U(feat_vp_eq_level(64), 50);
    CHECK_EQ_U(feat_vp_eq_level(0xffff), 59); /* the counters' ceiling */
    CHECK_EQ_U(feat_vp_eq_level(UINT32_MAX), 63);
    int monotone = 1, step = 1;
    for (uint32_t k = 1; k < 4000000; k += k / 7 + 1) {
        monotone &= feat_vp_run_level(k + 1) >= feat_vp_run_level(k);
        monotone &= feat_vp_eq_level(k + 1) >= feat_vp_eq_level(k);
    }
    /* One more equal outcome is one more level while exact. */
    for (uint32_t k = 0; k < FEAT_VP_EQ_EXACT; k++)
        step &= feat_vp_eq_level(k + 1) == feat_vp_eq_level(k) + 1;
    CHECK(monotone);
    CHECK(step);
}

/* A raw region is read only in the 64-byte lines its summary marks. */
static void test_raw_lines(void)
{
    static uint8_t map[4096], mask[4096], cov[4096];
    uint64_t lines[1] = {0};
    struct sancov_region r = {.start = map, .len = sizeof map, .raw = 1, .lines = lines};
    memset(mask, 0, sizeof mask);
    CHECK(coverage_scan_new(&r, 1, mask) == 0);
    map[700] = 4;
    lines[0] |= 1ull << (700 / 64);
    CHECK(coverage_scan_new(&r, 1, mask) != 0);
    CHECK(map[700] == 0 && lines[0] == 0); /* both cleared */
    mask[700] = 4;
    map[700] = 4;
    lines[0] |= 1ull << (700 / 64);
    CHECK(coverage_scan_new(&r, 1, mask) == 0); /* known */
    map[4095] = 1;
    lines[0] |= 1ull << 63;
    coverage_snapshot(&r, 1, cov);
    CHECK(cov[4095] == 1 && map[4095] == 0 && lines[0] == 0);
    map[10] = 1;
    map[4000] = 2;
    lines[0] = 1 | 1ull << (4000 / 64);
    coverage_clear(&r, 1);
    CHECK(map[10] == 0 && map[4000] == 0 && lines[0] == 0);
    /* The clear reads the summary: it clears the marked lines only (a bit
     * outside them breaks featmap.h's invariant; it would stay). */
    map[10] = 1;
    map[200] = 1;
    lines[0] = 1;
    coverage_clear(&r, 1);
    CHECK(map[10] == 0 && map[200] == 1 && lines[0] == 0);
    map[200] = 0;
}

int main(void)
{
    RUN(test_stack_bits);
    RUN(test_distance_level);
    RUN(test_vp_indices);
    RUN(test_outcome_levels);
    RUN(test_raw_lines);
    return CHECK_DONE("featbits");
}
