/*
 * ferret.h - the public interface of libferret.a.
 *
 * A harness needs nothing from this header: ferret speaks libFuzzer's API, so
 * a file that defines LLVMFuzzerTestOneInput links against libferret.a as it
 * is.  The declarations below are the hooks ferret calls (all but the first
 * are optional) and the few functions ferret exports to targets.
 *
 * Every symbol libferret.a exports is one of: main, LLVMFuzzer*,
 * __sanitizer_cov_* / __sancov_* (SanitizerCoverage callbacks), or ferret_*.
 */
#ifndef FERRET_H
#define FERRET_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The target: called once per input.  Return 0 (other values are reserved). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Optional: called once in each process that runs the target, before the
 * first input. */
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Optional: replaces ferret's mutator.  Must be deterministic for a given
 * seed, or crash recovery cannot rebuild the input a worker died on. */
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size,
                               unsigned int seed);

/* Optional: custom cross-over of two inputs (same determinism rule). */
size_t LLVMFuzzerCustomCrossOver(const uint8_t *data1, size_t size1,
                                 const uint8_t *data2, size_t size2,
                                 uint8_t *out, size_t max_out_size,
                                 unsigned int seed);

/* Provided by ferret: applies ferret's built-in mutations, for custom
 * mutators that want to fall back on them. */
size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);

/* The ferret version string, e.g. "0.1.0". */
const char *ferret_version(void);

#ifdef __cplusplus
}
#endif

#endif
