/* Unit tests for the value-profile hook (featmap.h) and its maps
 * (featmap.c): the per-execution outcome counters and the skip map.
 * featmap.c is compiled in here with stand-ins for the few sancov.c
 * symbols it uses (unit tests link the engine only). */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "../../src/runtime/featmap.c"

/* sancov.c's, as featmap.c uses them */
__thread uintptr_t __sancov_lowest_stack;
void sancov_add_raw_region(uint8_t *start, size_t len, uint64_t *lines) { (void)start, (void)len, (void)lines; }
size_t sancov_region_count(void) { return 0; }
const struct sancov_region *sancov_regions(void) { return NULL; }

#define PC 0x1234u

static uint32_t word_of_site(void) { return feat_vp_word(PC); }

static void clear_maps(void)
{
    memset(features_vp_words, 0, sizeof features_vp_words);
    memset(features_vp_lines, 0, sizeof features_vp_lines);
}

/* One execution: n compares at the site, the first eq of them equal. */
static void run_loop(uint32_t n, uint32_t eq)
{
    int frame;
    features_stack_begin((uintptr_t)&frame);
    __sancov_lowest_stack = (uintptr_t)&frame; /* no depth */
    for (uint32_t i = 0; i < n; i++)
        features_cmp(PC, i < eq ? 7 : 8, 7, 1);
    features_stack_end();
}

/* Each execution counts its own outcomes: a run of 5 equal outcomes, then a
 * run of 2, leaves the count-of-equal bits of 5 (not 7). */
static void test_counts_per_execution(void)
{
    clear_maps();
    run_loop(5, 5);
    run_loop(2, 2);
    uint32_t w = word_of_site();
    CHECK(features_vp_words[w + 3] & (1ull << feat_vp_eq_level(5)));
    CHECK(!(features_vp_words[w + 3] & (1ull << feat_vp_eq_level(6))));
    CHECK(features_vp_words[w + 2] & (1ull << feat_vp_run_level(4))); /* hit 5 after 4 equal */
    CHECK(!(features_vp_words[w + 2] & (1ull << feat_vp_run_level(5))));
}

/* When the epoch wraps, the counters of the last epoch must not be read as
 * current: the run after the wrap counts from 0. */
static void test_epoch_wrap(void)
{
    clear_maps();
    features_vp_epoch = ~0ull << 32; /* the last epoch before the wrap */
    for (int i = 0; i < 9; i++)      /* counted in that epoch */
        features_cmp(PC, 7, 7, 1);
    clear_maps();
    run_loop(1, 1); /* begins a new epoch: wraps */
    uint32_t w = word_of_site();
    CHECK(features_vp_epoch != 0);
    CHECK(features_vp_words[w + 3] & (1ull << feat_vp_eq_level(1)));
    CHECK(!(features_vp_words[w + 3] & (1ull << feat_vp_eq_level(2))));
    CHECK_EQ_U(features_vp_hits[w / FEAT_VP_SITE_WORDS] & 0xffffffffu, 1u | 1u << 16);
}

/* Bits the skip map has are not written; a compare with nothing left marks
 * no line, yet its counters still count (a later hit's run level is right). */
static void test_skip_map(void)
{
    static uint64_t skip[FEAT_VP_BITS / 64];
    clear_maps();
    memset(skip, 0xff, sizeof skip);
    uint32_t w = word_of_site();
    skip[w + 3] &= ~(1ull << feat_vp_eq_level(3)); /* only the third equal outcome is wanted */
    features_vp_skip(skip);
    int frame;
    features_stack_begin((uintptr_t)&frame);
    features_cmp(PC, 7, 7, 1);
    features_cmp(PC, 7, 7, 1);
    int marked_early = features_vp_lines[w / (FEAT_LINE_BITS / 64) / 64] != 0;
    features_cmp(PC, 7, 7, 1);
    features_stack_end();
    features_vp_skip(NULL);
    CHECK(!marked_early);
    CHECK_EQ_U(features_vp_words[w + 3], 1ull << feat_vp_eq_level(3));
    CHECK_EQ_U(features_vp_words[w] | features_vp_words[w + 1] | features_vp_words[w + 2], 0);
    CHECK(features_vp_lines[w / (FEAT_LINE_BITS / 64) / 64] != 0);
}

int main(void)
{
    RUN(test_counts_per_execution);
    RUN(test_epoch_wrap);
    RUN(test_skip_map);
    return CHECK_DONE("featmap");
}
