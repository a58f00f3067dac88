/*
 * sancov.c - SanitizerCoverage callbacks.
 *
 * clang's -fsanitize=fuzzer-no-link instruments the target with inline 8-bit
 * counters (one byte per edge, bumped in place, no call), a pc-table, and
 * calls for comparisons, switches and indirect calls.  This file receives the
 * module constructors' registrations and gives the engine the counter regions
 * (the comparison hooks are in cmptrace.c), and names a counter's code from
 * the modules' pc-tables (-print_pcs).
 *
 * Invariant: registration happens in constructors, single-threaded, before
 * main(); afterwards the region table is read-only.
 *
 * Owns: in every process of the binary: regions, nregions, total,
 * regions_overflowed (the counter regions the module constructors register
 * before main(), and the feature maps, added at the start of main() by
 * featmap.c; read-only afterwards), region_pcs (each region's pc-table,
 * for -print_pcs and -coverage_report; set by constructors, fixed
 * afterwards), sancov_pc_base (the origin of the compare sites'
 * offsets in cmptrace.c: that table's first PC, else the executable's
 * start; set by constructors, fixed afterwards), and __sancov_lowest_stack
 * (per thread, written by the instrumentation; reset before each run and
 * read after it by featmap.c).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "runtime.h"

static struct sancov_region regions[SANCOV_MAX_REGIONS];
static size_t nregions;
static size_t total;
static int regions_overflowed;

/* Each module's pc-table (pairs of PC and flags, one per counter of its
 * region: a module's constructor registers its counters, then its table),
 * for naming a counter's code (-print_pcs). */
static const uintptr_t *region_pcs[SANCOV_MAX_REGIONS];

__attribute__((weak)) void __sanitizer_symbolize_pc(void *pc, const char *fmt, char *out, size_t len);

/* The origin of compare sites' offsets (runtime.h): the PC table's first
 * PC, else (no pc-table instrumentation) the start of the executable, set
 * after every module constructor (priority 2) has had its say. */
uintptr_t sancov_pc_base;
extern char __executable_start[];

__attribute__((constructor(101))) static void default_pc_base(void)
{
    if (!sancov_pc_base)
        sancov_pc_base = (uintptr_t)__executable_start;
}

void sancov_add_raw_region(uint8_t *start, size_t len, uint64_t *lines)
{
    if (nregions == SANCOV_MAX_REGIONS || len == 0)
        return;
    regions[nregions].start = start;
    regions[nregions].len = len;
    regions[nregions].raw = 1;
    regions[nregions].lines = lines;
    total += len;
    nregions++;
}

size_t sancov_region_count(void) { return nregions; }
const struct sancov_region *sancov_regions(void) { return regions; }
size_t sancov_total(void) { return total; }
const uintptr_t *sancov_region_pcs(size_t i) { return i < nregions ? region_pcs[i] : NULL; }

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
    static int seen;
    if (!seen) { /* the first module's table */
        seen = 1;
        if (beg < end)
            sancov_pc_base = beg[0]; /* the compare table's origin (cmptrace.c) */
    }
    size_t k = nregions - 1;
    if (nregions == 0 || regions[k].raw || region_pcs[k] || (size_t)(end - beg) != 2 * regions[k].len)
        return; /* not the table of the last module's counters: that module's PCs stay unnamed */
    region_pcs[k] = beg;
}

int sancov_counter_pc(size_t index, uintptr_t *pc, int *func_entry)
{
    for (size_t k = 0; k < nregions; index -= regions[k].len, k++) {
        if (index >= regions[k].len)
            continue;
        if (!region_pcs[k])
            return -1;
        *pc = region_pcs[k][2 * index] + 1; /* the next instruction's, as libFuzzer names it */
        *func_entry = (region_pcs[k][2 * index + 1] & 1) != 0; /* PCFlags: function entry */
        return 0;
    }
    return -1;
}

int sancov_symbolize(uintptr_t pc, const char *fmt, char *buf, size_t len)
{
    if (!__sanitizer_symbolize_pc || len == 0)
        return -1;
    buf[0] = 0;
    __sanitizer_symbolize_pc((void *)pc, fmt, buf, len);
    return 0;
}

int sancov_counter_src(size_t index, char *buf, size_t len)
{
    uintptr_t pc;
    int entry;
    if (sancov_counter_pc(index, &pc, &entry) != 0)
        return -1;
    return sancov_symbolize(pc, "%s:%l", buf, len);
}

int sancov_describe_counter(size_t index, char *buf, size_t len)
{
    uintptr_t pc;
    int entry;
    if (sancov_counter_pc(index, &pc, &entry) != 0)
        return -1;
    if (sancov_symbolize(pc, "%p %F %L", buf, len) != 0) /* %F: "in func" */
        return snprintf(buf, len, "%p", (void *)pc) < 0 ? -1 : 0;
    return 0;
}

/* -fsanitize-coverage=stack-depth (implied by fuzzer-no-link on Linux):
 * each instrumented function lowers it to its frame address; featmap.c
 * resets it before each run and reads it after. */
FERRET_EXPORT __thread uintptr_t __sancov_lowest_stack;

