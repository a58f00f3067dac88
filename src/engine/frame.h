/*
 * frame.h - the names ferret's own functions take in a stack trace.
 *
 * ClusterFuzz, and other tools written for libFuzzer, name a crash by the
 * first frames of its stack that belong neither to the engine nor to the
 * sanitizers or the C library (clusterfuzz/stacktraces/constants.py,
 * STACK_FRAME_IGNORE_REGEXES); libFuzzer's own frames are left out by the
 * pattern ^fuzzer::.  A bug with fewer than three frames of its own would
 * otherwise get ferret's frames in its crash state (run_one, on_hang_signal,
 * over_limit...), and its dedup key would differ from libFuzzer's.
 *
 * So every ferret function that can be on the stack of a report -- under
 * the target (the loops that call it, LLVMFuzzerInitialize's caller, the
 * custom mutator's) or over it (the handlers and hooks that print the
 * report and its stack) -- takes a symbol name under fuzzer::ferret:: with
 * an asm label on its first declaration.  The debug info carries that name
 * as the function's linkage name, which the symbolizer prints as it is
 * (not mangled: nothing to demangle), e.g.
 *     #5 0x55d1 in fuzzer::ferret::run_one src/runtime/target.c:83:9
 * The code and the name in the source are unchanged; ferret's own stack
 * signatures (finding.c) leave fuzzer:: frames out as well.
 *
 * Invariant: a function with FERRET_FRAME is declared with it before any
 * use (the label must be on the first declaration).  tests/e2e/
 * test_lf_crash_state.sh fails when a report shows a frame of ferret's
 * sources under another name.
 *
 * Owns: nothing (one macro).
 */
#ifndef FERRET_FRAME_H
#define FERRET_FRAME_H

#define FERRET_FRAME(name) __asm__("fuzzer::ferret::" #name)

#endif
