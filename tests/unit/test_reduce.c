/* test_reduce.c - keep lists (reduce.h): ids resolved to live counters
 * across regions, bits of one counter merged, hit-count buckets and raw
 * (value-profile) bytes checked, the refusals that leave a list empty, the
 * coordinator's check of a reported coverage vector, the length rule, and
 * the value-profile skip map a FUZZ call builds from the mask. */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "reduce.h"

static uint8_t r0[4], r1[3], vp[2];
static const struct sancov_region regions[] = {
    {r0, sizeof r0, 0}, {r1, sizeof r1, 0}, {vp, sizeof vp, 1},
};
#define NR (sizeof regions / sizeof regions[0])

static void clear(void)
{
    memset(r0, 0, sizeof r0);
    memset(r1, 0, sizeof r1);
    memset(vp, 0, sizeof vp);
}

static void test_prepare(void)
{
    struct reduce_keep k;
    /* counter 1 bucket 0 (1 hit) and bucket 3 (4-7 hits), counter 5 (r1[1])
     * bucket 1, counter 7 (vp[0], raw) bit 6 */
    const uint32_t ids[] = {1 * 8 + 0, 1 * 8 + 3, 5 * 8 + 1, 7 * 8 + 6};
    CHECK_EQ_U(reduce_prepare(&k, ids, 4, regions, NR), 3);
    CHECK(k.live[0] == &r0[1] && k.bits[0] == 0x09 && !k.raw[0]);
    CHECK(k.live[1] == &r1[1] && k.bits[1] == 0x02 && k.at[1] == 5);
    CHECK(k.live[2] == &vp[0] && k.bits[2] == 0x40 && k.raw[2]);
}

static void test_kept_live(void)
{
    struct reduce_keep k;
    const uint32_t ids[] = {0 * 8 + 3, 4 * 8 + 0, 7 * 8 + 6};
    reduce_prepare(&k, ids, 3, regions, NR);
    clear();
    r0[0] = 5;     /* 4-7 hits: bucket bit 3 */
    r1[0] = 1;     /* 1 hit: bucket bit 0 */
    vp[0] = 0x40;  /* raw: the bit itself */
    CHECK(reduce_kept_live(&k));
    r0[0] = 9;     /* 8-15 hits: bucket 4, not 3 */
    CHECK(!reduce_kept_live(&k));
    r0[0] = 4;
    vp[0] = 0x04;  /* raw bytes are not bucketed: bit 2 is not bit 6 */
    CHECK(!reduce_kept_live(&k));
    vp[0] = 0x44;
    CHECK(reduce_kept_live(&k));
    r1[0] = 0;
    CHECK(!reduce_kept_live(&k));
}

static void test_refusals(void)
{
    struct reduce_keep k;
    const uint32_t past[] = {3 * 8, 9 * 8}; /* 9 counters in all: id 72 is past them */
    CHECK_EQ_U(reduce_prepare(&k, past, 2, regions, NR), 0);
    CHECK_EQ_U(k.n, 0);
    uint32_t many[REDUCE_KEEP_MAX + 1];
    static uint8_t big[REDUCE_KEEP_MAX + 1];
    const struct sancov_region one = {big, sizeof big, 0};
    for (uint32_t i = 0; i <= REDUCE_KEEP_MAX; i++)
        many[i] = i * 8;
    CHECK_EQ_U(reduce_prepare(&k, many, REDUCE_KEEP_MAX + 1, &one, 1), 0);
    CHECK_EQ_U(reduce_prepare(&k, many, REDUCE_KEEP_MAX, &one, 1), REDUCE_KEEP_MAX);
    CHECK_EQ_U(reduce_prepare(&k, many, 0, &one, 1), 0); /* owns nothing: no reduction */
}

static void test_cov_checks(void)
{
    struct reduce_keep k;
    const uint32_t ids[] = {1 * 8 + 0, 1 * 8 + 3, 5 * 8 + 1};
    reduce_prepare(&k, ids, 3, regions, NR);
    uint8_t cov[9] = {0};
    cov[1] = 0x09;
    cov[5] = 0x02;
    CHECK(reduce_kept_cov(&k, cov, sizeof cov));
    CHECK(reduce_has_features(ids, 3, cov, sizeof cov));
    CHECK(!reduce_kept_cov(&k, cov, 5)); /* a shorter vector: counter 5 is not in it */
    CHECK(!reduce_has_features(ids, 3, cov, 5));
    cov[1] = 0x08;
    CHECK(!reduce_kept_cov(&k, cov, sizeof cov));
    CHECK(!reduce_has_features(ids, 3, cov, sizeof cov));
}

static void test_max_len(void)
{
    CHECK_EQ_U(reduce_max_len(0), 0);
    CHECK_EQ_U(reduce_max_len(1), 0);
    CHECK_EQ_U(reduce_max_len(2), 1);
    CHECK_EQ_U(reduce_max_len(15), 14);
    CHECK_EQ_U(reduce_max_len(16), 14);
    CHECK_EQ_U(reduce_max_len(3000), 2625);
}

/* The skip map of a FUZZ call: the mask's bytes over the region, but for
 * the bits the keep list needs to see live; keep entries outside the
 * region change nothing. */
static void test_skip_map(void)
{
    struct reduce_keep k;
    /* counter 0 (r0, not in the skipped region) bucket 1, counters 7 and
     * 8 (vp[0], vp[1]) bits 6 and 0 */
    const uint32_t ids[] = {0 * 8 + 1, 7 * 8 + 6, 8 * 8 + 0};
    CHECK_EQ_U(reduce_prepare(&k, ids, 3, regions, NR), 3);
    uint8_t mask[9] = {0xff, 0, 0, 0, 0, 0, 0, 0xf0, 0x0f};
    uint8_t skip[2] = {0xaa, 0xaa};
    reduce_skip_map(skip, mask, 7, 2, &k);
    CHECK_EQ_U(skip[0], 0xb0); /* 0xf0 but bit 6 */
    CHECK_EQ_U(skip[1], 0x0e); /* 0x0f but bit 0 */
    struct reduce_keep none;
    reduce_prepare(&none, ids, 0, regions, NR);
    reduce_skip_map(skip, mask, 7, 2, &none);
    CHECK_EQ_U(skip[0], 0xf0); /* no keep list: the mask as it is */
    CHECK_EQ_U(skip[1], 0x0f);
}

int main(void)
{
    RUN(test_skip_map);
    RUN(test_prepare);
    RUN(test_kept_live);
    RUN(test_refusals);
    RUN(test_cov_checks);
    RUN(test_max_len);
    return CHECK_DONE("reduce");
}
