/*
 * sancov.c - SanitizerCoverage callbacks.
 *
 * clang's -fsanitize=fuzzer-no-link instruments the target with inline 8-bit
 * counters (one byte per edge, bumped in place, no call), a pc-table, and
 * calls for comparisons, switches and indirect calls.  This file receives the
 * module constructors' registrations and gives the engine the counter regions.
 * The comparison hooks are deliberately empty here: comparison feedback is
 * the search issue's work, and they must exist for the link to succeed.
 *
 * Invariant: registration happens in constructors, single-threaded, before
 * main(); afterwards the region table is read-only.
 */
#include <stddef.h>
#include <stdint.h>

#include "runtime.h"

static struct sancov_region regions[SANCOV_MAX_REGIONS];
static size_t nregions;
static size_t total;
static int regions_overflowed;

/* Each module's pc-table; kept for symbolizing features later. */
static const uintptr_t *pcs_start, *pcs_end;

size_t sancov_region_count(void) { return nregions; }
const struct sancov_region *sancov_regions(void) { return regions; }
size_t sancov_total(void) { return total; }

FERRET_EXPORT void __sanitizer_cov_8bit_counters_init(uint8_t *start, uint8_t *stop)
{
    if (start == stop)
        return;
    for (size_t i = 0; i < nregions; i++)
        if (regions[i].start == start)
            return; /* the same module registered twice */
    if (nregions == SANCOV_MAX_REGIONS) {
        regions_overflowed = 1; /* extra modules are simply not tracked */
        return;
    }
    regions[nregions].start = start;
    regions[nregions].len = (size_t)(stop - start);
    total += regions[nregions].len;
    nregions++;
}

FERRET_EXPORT void __sanitizer_cov_pcs_init(const uintptr_t *beg, const uintptr_t *end)
{
    if (!pcs_start) {
        pcs_start = beg;
        pcs_end = end;
    }
}

/* -fsanitize-coverage=stack-depth (implied by fuzzer-no-link on Linux). */
FERRET_EXPORT __thread uintptr_t __sancov_lowest_stack;

/* Comparison and call hooks: filled in by comparison feedback (issue 4). */
FERRET_EXPORT void __sanitizer_cov_trace_pc_indir(uintptr_t callee) { (void)callee; }
FERRET_EXPORT void __sanitizer_cov_trace_cmp1(uint8_t a, uint8_t b) { (void)a; (void)b; }
FERRET_EXPORT void __sanitizer_cov_trace_cmp2(uint16_t a, uint16_t b) { (void)a; (void)b; }
FERRET_EXPORT void __sanitizer_cov_trace_cmp4(uint32_t a, uint32_t b) { (void)a; (void)b; }
FERRET_EXPORT void __sanitizer_cov_trace_cmp8(uint64_t a, uint64_t b) { (void)a; (void)b; }
FERRET_EXPORT void __sanitizer_cov_trace_const_cmp1(uint8_t a, uint8_t b) { (void)a; (void)b; }
FERRET_EXPORT void __sanitizer_cov_trace_const_cmp2(uint16_t a, uint16_t b) { (void)a; (void)b; }
FERRET_EXPORT void __sanitizer_cov_trace_const_cmp4(uint32_t a, uint32_t b) { (void)a; (void)b; }
FERRET_EXPORT void __sanitizer_cov_trace_const_cmp8(uint64_t a, uint64_t b) { (void)a; (void)b; }
FERRET_EXPORT void __sanitizer_cov_trace_switch(uint64_t val, uint64_t *cases) { (void)val; (void)cases; }
FERRET_EXPORT void __sanitizer_cov_trace_div4(uint32_t val) { (void)val; }
FERRET_EXPORT void __sanitizer_cov_trace_div8(uint64_t val) { (void)val; }
FERRET_EXPORT void __sanitizer_cov_trace_gep(uintptr_t idx) { (void)idx; }
