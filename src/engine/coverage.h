/*
 * coverage.h - hit-count buckets, the per-execution scan, and mask algebra.
 *
 * A "coverage vector" has one byte per 8-bit counter; each byte holds the
 * bucket bit of that counter's hit count (1, 2, 3, 4-7, 8-15, 16-31, 32-127,
 * 128+ -> bits 0..7), so a set of executions is the OR of their vectors.
 * The global mask is such an OR over the whole corpus.
 *
 * A raw region (featmap.c) holds feature bits as they are, no buckets;
 * with a lines summary only the 64-byte lines it marks are read.
 *
 * Invariant: after coverage_scan_new() or coverage_snapshot() the live
 * counters (and a raw region's lines summary) are all zero again, ready for
 * the next execution.
 */
#ifndef FERRET_COVERAGE_H
#define FERRET_COVERAGE_H

#include <stddef.h>
#include <stdint.h>

/* One module's inline 8-bit counters (registered by the runtime, sancov.c). */
struct sancov_region {
    uint8_t *start;
    size_t len;
    int raw;       /* bytes are feature bits (featmap.c), not hit counters */
    uint64_t *lines; /* raw only, or NULL: bit k set = bytes [64k, 64k+64) may be
                        nonzero; the scans read only those lines and clear them */
};

extern const uint8_t coverage_bucket[256];

/* Hot path: clears the live counters and returns nonzero if any bucket they
 * reached is missing from mask. */
int coverage_scan_new(const struct sancov_region *r, size_t nr, const uint8_t *mask);
/* Clears the live counters, writing their bucket bits to out[0..total). */
void coverage_snapshot(const struct sancov_region *r, size_t nr, uint8_t *out);
/* Clears the live counters; of a raw region with a lines summary, only the
 * lines it marks (no bit is ever set outside them, featmap.h). */
void coverage_clear(const struct sancov_region *r, size_t nr);

int coverage_has_new(const uint8_t *cov, const uint8_t *mask, size_t n);
/* The same, but bytes [at, at + len) do not count (value profile's map,
 * while its gate is shut: vpgate.h); a range past n counts everything. */
int coverage_has_new_beside(const uint8_t *cov, const uint8_t *mask, size_t n, size_t at,
                            size_t len);
/* out = cov & ~mask; returns the number of bits set in out. */
size_t coverage_diff(uint8_t *out, const uint8_t *cov, const uint8_t *mask, size_t n);
/* 1 if every bit of keep is set in cov. */
int coverage_has_all(const uint8_t *cov, const uint8_t *keep, size_t n);

/* What a minimized input must keep (coverage minimization, coordinator.c):
 * the bucket bits its original brought, and every other edge the original
 * hit, in any bucket.  Keeping only the new bits strips a container format
 * down to the tag that brought them (libtiff's directories: bench/LIBS.md),
 * and the corpus loses the structure the decoders need.  A keep byte of an edge
 * counter (one of the first nedges, not a feature map's) that is
 * COV_ANY_BUCKET asks only that the edge be hit: one execution's bucket
 * byte is one-hot, so 0xff never names a real set of buckets there.  (A
 * feature map's byte holds raw bits, where 0xff is a real value.) */
#define COV_ANY_BUCKET 0xff
static inline int coverage_keeps_byte(uint8_t cov, uint8_t keep, int edge)
{
    return edge && keep == COV_ANY_BUCKET ? cov != 0 : (keep & cov) == keep;
}
/* 1 if cov keeps every byte of keep (coverage_keeps_byte). */
int coverage_keeps(const uint8_t *cov, const uint8_t *keep, size_t nedges, size_t n);
/* The instrumented code's counters: the regions before the first raw one
 * (the feature maps, featmap.c, come last). */
size_t coverage_edge_counters(const struct sancov_region *r, size_t nr);
void coverage_merge(uint8_t *mask, const uint8_t *cov, size_t n);
size_t coverage_bits(const uint8_t *cov, size_t n);
/* Counters with at least one bucket bit: the "edges" figure in stats. */
size_t coverage_edges(const uint8_t *cov, size_t n);

#endif
