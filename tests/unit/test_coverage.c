/* test_coverage.c - hit-count buckets, the hot scan, and mask algebra. */
#include <string.h>

#include "check.h"
#include "coverage.h"

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
    return CHECK_DONE("coverage");
}
