/* test_coverage.c - hit-count buckets, the hot scan, and mask algebra. */
#include <string.h>

#include "check.h"
#include "coverage.h"

/* coverage_keeps: an edge's COV_ANY_BUCKET asks for any bucket; a feature
 * map's 0xff (raw bits) asks for all eight bits; other bytes for their bits. */
static void test_keeps(void)
{
    uint8_t keep[20] = {0}, cov[20] = {0};
    keep[1] = COV_ANY_BUCKET; /* an edge: any bucket */
    keep[9] = 4;              /* an edge: its new bucket */
    keep[17] = 0xff;          /* a feature map's byte: every bit */
    cov[1] = 1; cov[9] = 4; cov[17] = 0xff;
    CHECK(coverage_keeps(cov, keep, 12, 20));
    cov[1] = 128;             /* another bucket of the same edge: kept */
    CHECK(coverage_keeps(cov, keep, 12, 20));
    cov[1] = 0;               /* the edge lost: not kept */
    CHECK(!coverage_keeps(cov, keep, 12, 20));
    cov[1] = 2; cov[9] = 8;   /* the new bucket lost */
    CHECK(!coverage_keeps(cov, keep, 12, 20));
    cov[9] = 4 | 8; cov[17] = 0x7f; /* a raw byte missing one bit */
    CHECK(!coverage_keeps(cov, keep, 12, 20));
    CHECK(coverage_keeps(cov, keep, 18, 20) && coverage_keeps_byte(0x7f, 0xff, 1));
    cov[17] = 0xff;
    CHECK(coverage_keeps(cov, keep, 12, 20));
    keep[19] = COV_ANY_BUCKET; /* the tail after the last full word */
    CHECK(!coverage_keeps(cov, keep, 20, 20));
    cov[19] = 32;
    CHECK(coverage_keeps(cov, keep, 20, 20));
    struct sancov_region r[3] = {{cov, 5, 0, NULL}, {cov, 7, 0, NULL}, {keep, 8, 1, NULL}};
    CHECK_EQ_U(coverage_edge_counters(r, 3), 12);
}

/* coverage_has_new_beside: new bits inside [at, at + len) do not count;
 * before, after, or with a range that does not fit, they do. */
static void test_has_new_beside(void)
{
    uint8_t mask[40] = {0}, cov[40] = {0};
    cov[20] = 1; /* inside [16, 32) */
    CHECK(coverage_has_new(cov, mask, 40));
    CHECK(!coverage_has_new_beside(cov, mask, 40, 16, 16));
    CHECK(coverage_has_new_beside(cov, mask, 40, 16, 0));  /* an empty range */
    CHECK(coverage_has_new_beside(cov, mask, 40, 30, 20)); /* past the end */
    cov[15] = 2; /* just before */
    CHECK(coverage_has_new_beside(cov, mask, 40, 16, 16));
    cov[15] = 0;
    cov[32] = 4; /* just after */
    CHECK(coverage_has_new_beside(cov, mask, 40, 16, 16));
    mask[32] = 4;
    CHECK(!coverage_has_new_beside(cov, mask, 40, 16, 16));
    cov[39] = 8; /* the tail */
    CHECK(coverage_has_new_beside(cov, mask, 40, 16, 16));
    CHECK(!coverage_has_new_beside(cov, mask, 40, 16, 24)); /* a range to the end */
}

int main(void)
{
    /* Buckets: 1, 2, 3, 4-7, 8-15, 16-31, 32-127, 128+. */
    static const struct { int count; uint8_t bit; } b[] = {
        {0, 0}, {1, 1}, {2, 2}, {3, 4}, {4, 8}, {7, 8}, {8, 16}, {15, 16},
        {16, 32}, {31, 32}, {32, 64}, {127, 64}, {128, 128}, {255, 128}};
    for (size_t i = 0; i < sizeof b / sizeof b[0]; i++)
        CHECK_EQ_U(coverage_bucket[b[i].count], b[i].bit);

    /* Two regions of awkward sizes, so the word loop and the tail both run. */
    uint8_t r1[13] = {0}, r2[21] = {0};
    struct sancov_region regs[2] = {{.start = r1, .len = sizeof r1}, {.start = r2, .len = sizeof r2}};
    uint8_t mask[34] = {0}, cov[34];
    r1[12] = 1;
    r2[9] = 5;
    CHECK(coverage_scan_new(regs, 2, mask) != 0);
    /* The scan cleared the counters. */
    CHECK(r1[12] == 0 && r2[9] == 0);
    r1[12] = 1;
    r2[9] = 5;
    coverage_snapshot(regs, 2, cov);
    CHECK(cov[12] == 1 && cov[13 + 9] == 8 && coverage_bits(cov, 34) == 2);
    CHECK(coverage_edges(cov, 34) == 2);
    coverage_merge(mask, cov, 34);
    /* Same hits again: nothing new. A different bucket of a known counter: new. */
    r1[12] = 1;
    r2[9] = 6;
    CHECK(coverage_scan_new(regs, 2, mask) == 0);
    r2[9] = 9;
    CHECK(coverage_scan_new(regs, 2, mask) != 0);
    uint8_t diff[34];
    r2[9] = 9;
    r1[0] = 200;
    coverage_snapshot(regs, 2, cov);
    CHECK(coverage_has_new(cov, mask, 34));
    CHECK_EQ_U(coverage_diff(diff, cov, mask, 34), 2);
    CHECK(diff[0] == 128 && diff[13 + 9] == 16 && diff[12] == 0);
    CHECK(coverage_has_all(cov, diff, 34));
    cov[0] = 0;
    CHECK(!coverage_has_all(cov, diff, 34));
    test_keeps();
    test_has_new_beside();
    return CHECK_DONE("coverage");
}
