/*
 * featmap.c - the feature maps of libFuzzer's extra sources (featmap.h,
 * featbits.h): value profile, indirect caller/callee pairs, stack depth.
 *
 * Each map is a "raw" counter region (coverage.h) appended after the
 * target's own counters by features_register(), which main() calls before
 * anything reads sancov_total(): every role of the binary (coordinator,
 * workers, regression run) registers the same three, whatever the flags,
 * so coverage vectors, the global mask and the corpus's feature sets have
 * one layout in every process, with value profile on or off.  A map that
 * is not written costs the scan one summary word.
 *
 * Value profile is written only while features_vp_on: main() sets it from
 * -use_value_profile (on by default, unlike libFuzzer, but gated: see the
 * README's "Value profile's gate").  A worker parses the same command line
 * as the coordinator, so every process agrees; it turns value profile off
 * for the fuzzing runs of a call made while the gate is shut (vp_quiet)
 * and back on for every snapshot.
 *
 * Stack depth: clang's -fsanitize-coverage=stack-depth (implied by
 * -fsanitize=fuzzer-no-link on Linux) makes each instrumented function
 * lower __sancov_lowest_stack (sancov.c) to its frame address.  The runner
 * (target.c) resets it to its own frame just before calling the target
 * (features_stack_begin) and afterwards (features_stack_end) writes the
 * depth reached, measured from that same frame, as a thermometer.  A
 * target built without stack-depth never lowers it: depth 0, no bits.
 *
 * Value profile's outcome features (featbits.h): features_vp_hits counts,
 * per site, the hits and equal outcomes of the current execution, tagged
 * with its epoch.  features_stack_begin starts a new epoch before every
 * run, so each run counts from 0 (also after target code called the hooks
 * outside a run: LLVMFuzzerInitialize, a custom mutator) without zeroing
 * anything; when the 32-bit epoch wraps, the counters are zeroed once.
 *
 * Skipping (featmap.h): features_vp_skip_map points at zero_skip, no
 * feature skipped, but while a caller has set its own map
 * (features_vp_skip, runtime.h): the worker's fuzzing loop, with the
 * features it need not see; the caller keeps that map unchanged while set.
 *
 * Owns: in every process of the binary: features_vp_on (value profile's
 * switch), features_popcnt (whether the CPU counts bits, found once),
 * features_vp_skip_map (the map in use, the caller's or zero_skip),
 * features_vp_hits (the per-execution hit and equal-outcome counts of
 * compare sites, written by the compare hooks), features_vp_epoch (the
 * current execution's tag on them), the three maps and their
 * line summaries (written by the hooks in cmptrace.c and by
 * features_stack_end while the target runs, cleared by the coverage scan),
 * stack_origin (the runner's frame of the current run).
 */
#include <string.h>
#if defined(__x86_64__)
#include <cpuid.h>
#endif

#include "featmap.h"
#include "runtime.h"

int features_vp_on;
int features_popcnt;
static const uint64_t zero_skip[FEAT_VP_BITS / 64];
const uint64_t *features_vp_skip_map = zero_skip;
uint64_t features_vp_words[FEAT_VP_BITS / 64];
uint64_t features_vp_lines[FEAT_VP_BITS / FEAT_LINE_BITS / 64];
uint64_t features_vp_hits[FEAT_VP_SITES];
uint64_t features_vp_epoch = 1ull << 32;
uint8_t features_indir_map[FEAT_INDIR_BITS / 8];
uint64_t features_indir_lines[1];

#define STACK_BYTES ((FEAT_STACK_BITS + 511) / 512 * 64) /* whole lines */
static uint8_t stack_map[STACK_BYTES];
static uint64_t stack_lines[(STACK_BYTES / 64 + 63) / 64];
static uintptr_t stack_origin;

_Static_assert(FEAT_INDIR_BITS / FEAT_LINE_BITS <= 64, "one summary word for the indirect-call map");

extern __thread uintptr_t __sancov_lowest_stack; /* sancov.c */

static int cpu_has_popcnt(void)
{
#if defined(__x86_64__)
    unsigned a, b, c, d;
    return __get_cpuid(1, &a, &b, &c, &d) && (c & bit_POPCNT);
#else
    return 0;
#endif
}

void features_register(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    features_popcnt = cpu_has_popcnt();
    sancov_add_raw_region((uint8_t *)features_vp_words, sizeof features_vp_words, features_vp_lines);
    sancov_add_raw_region(features_indir_map, sizeof features_indir_map, features_indir_lines);
    sancov_add_raw_region(stack_map, sizeof stack_map, stack_lines);
}

int features_set_value_profile(int on)
{
    int was = features_vp_on;
    features_vp_on = on != 0;
    return was;
}

/* A new epoch for the outcome counters: every site's count starts at 0. */
static void new_epoch(void)
{
    features_vp_epoch += 1ull << 32;
    if (features_vp_epoch == 0) { /* wrapped: no counter may look current */
        memset(features_vp_hits, 0, sizeof features_vp_hits);
        features_vp_epoch = 1ull << 32;
    }
}

size_t features_vp_region(size_t *len)
{
    const struct sancov_region *r = sancov_regions();
    size_t at = 0;
    for (size_t i = 0; i < sancov_region_count(); at += r[i].len, i++)
        if (r[i].start == (uint8_t *)features_vp_words) {
            *len = r[i].len;
            return at;
        }
    *len = 0;
    return 0;
}

const uint64_t *features_vp_skip(const uint64_t *skip)
{
    const uint64_t *old = features_vp_skip_map == zero_skip ? NULL : features_vp_skip_map;
    features_vp_skip_map = skip ? skip : zero_skip;
    return old;
}

void features_stack_begin(uintptr_t frame)
{
    new_epoch(); /* what was counted before is not this run's */
    stack_origin = frame;
    __sancov_lowest_stack = frame;
}

/* Sets bits [0, n) of the stack map and their lines. */
static void thermometer(uint32_t n)
{
    if (n <= 8) { /* the usual case: a shallow target, one byte */
        stack_map[0] |= (uint8_t)((1u << n) - 1);
        stack_lines[0] |= 1;
        return;
    }
    memset(stack_map, 0xff, n / 8);
    if (n % 8)
        stack_map[n / 8] |= (uint8_t)((1u << (n % 8)) - 1);
    uint32_t lines = (n + FEAT_LINE_BITS - 1) / FEAT_LINE_BITS;
    for (uint32_t k = 0; k < lines / 64; k++)
        stack_lines[k] = ~0ull;
    if (lines % 64)
        stack_lines[lines / 64] |= (1ull << (lines % 64)) - 1;
}

void features_stack_end(void)
{
    uintptr_t low = __sancov_lowest_stack;
    if (low < stack_origin)
        thermometer(feat_stack_bits(stack_origin - low));
}
