/*
 * runtime.h - what the runtime (the part of libferret.a that the target's own
 * instrumentation calls into) offers the engine.
 *
 * Invariants:
 *  - the runtime is never coverage-instrumented, so nothing ferret does shows
 *    up as target coverage;
 *  - counter regions are registered by module constructors before main() and
 *    never change afterwards; sancov_total() is therefore fixed for the life
 *    of the process, and equal in the coordinator and its workers (same
 *    binary), which the ping checks.
 *
 * Owns: nothing: an interface.  The runtime's state is in its files: the
 * counter regions in sancov.c, the compare table in cmptrace.c, the heap's
 * counts and limit and the flags runtime_in_target and runtime_crashing
 * (declared here) in memory.c, the run's settings and signal handlers in
 * target.c.
 */
#ifndef FERRET_RUNTIME_H
#define FERRET_RUNTIME_H

#include <stddef.h>
#include <signal.h>
#include <stdint.h>

#include "codes.h"    /* TARGET_HANG_EXIT */
#include "coverage.h" /* struct sancov_region */
#include "frame.h"    /* FERRET_FRAME: ferret's frames are fuzzer::ferret:: in a stack */

#define FERRET_EXPORT __attribute__((visibility("default")))
/* A C library function (malloc, memcmp, ...) or sanitizer hook ferret
 * defines to watch the target: weak, so that a target's own definition of
 * the same name wins at link time (with libFuzzer such a target links too)
 * and ferret does without watching that one. */
#define FERRET_INTERPOSE __attribute__((visibility("default"), weak))

#define SANCOV_MAX_REGIONS 64

size_t sancov_region_count(void);
const struct sancov_region *sancov_regions(void);
size_t sancov_total(void);               /* counters in all regions */
/* Region i's pc-table: one (PC, flags) pair per counter, flags bit 0 set on
 * a function's entry block; NULL if the module has no pc-table. */
#define SANCOV_PC_FUNC_ENTRY 1
const uintptr_t *sancov_region_pcs(size_t i);
/* Appends a region of feature bits (featmap.c); call before any worker
 * or coordinator reads sancov_total().  lines: one bit per 64 bytes of the
 * region, set by whoever sets a bit in that line (coverage.h). */
void sancov_add_raw_region(uint8_t *start, size_t len, uint64_t *lines);
/* The code of counter index (of sancov_total()) as libFuzzer's -print_pcs
 * names it: "0x... in func file:line:col" under a sanitizer (its
 * symbolizer), "0x..." without.  -1 if no pc-table covers it. */
int sancov_describe_counter(size_t index, char *buf, size_t len);
/* Counter index's source position, "file:line" (-exit_on_src_pos); -1
 * without a pc-table or a symbolizer. */
int sancov_counter_src(size_t index, char *buf, size_t len);
/* Counter index's pc-table entry: its PC (the next instruction's) and
 * whether it is a function's entry; -1 if no pc-table covers it. */
int sancov_counter_pc(size_t index, uintptr_t *pc, int *func_entry);
/* The sanitizer symbolizer's description of pc in fmt (%F "in func", %s
 * file, %l line, %L file:line:col); -1 without a symbolizer. */
int sancov_symbolize(uintptr_t pc, const char *fmt, char *buf, size_t len);

/* memory.c: the target's heap.  memory_init() sets -malloc_limit_mb (bytes;
 * 0 = none) and a hook called just before the worker exits over it. */
#define RUNTIME_OOM_EXIT 78
void memory_init(size_t limit_bytes, void (*on_fault)(uint64_t size));
void memory_reset_counts(void);
int memory_counts_differ(void);
int memory_leak_check_available(void);
/* Runs LeakSanitizer now; nonzero (and a report on stderr) if leaks. */
int memory_leak_check(void);
/* LeakSanitizer's check at exit is skipped from now on (the coordinator's
 * and a worker's own buffers are not the target's leaks). */
void runtime_disable_exit_leak_check(void);

/* The words of the runtime's own reports.  They are written from signal
 * handlers and allocation hooks, so they are fixed text made up front: the
 * engine takes them from the output dialect (report.h:
 * report_runtime_words) and hands them down once (runtime_set_words); a
 * NULL template keeps the runtime's own, ferret's words (Go's dialect).
 * A template is written as it is, but for
 *   %p  the pid                 %c  " while running <input>", if one is named
 *   %i  the input's name alone ("" if none)
 *   %s  the stack (__sanitizer_print_stack_trace, if linked in)
 *   %z  the allocation's size   %m  -malloc_limit_mb
 *   %g  " SIGSEGV" (the fatal signal's name, after a space; "" if unknown)
 * An exit code < 0 keeps the runtime's own rule (target.c, memory.c). */
struct runtime_words {
    const char *timeout;     /* an input over -timeout (SIGALRM, the hang request) */
    const char *exited;      /* the target called exit() */
    const char *oom;         /* one allocation over -malloc_limit_mb */
    const char *signal;      /* a fatal signal no sanitizer handles */
    const char *const_input; /* the target wrote to its input */
    int timeout_exit, exit_exit, oom_exit;
};
/* What a template's % fields stand for in one report. */
struct runtime_vars {
    const char *context;     /* the input running (target_set_context), or NULL */
    uint64_t size;           /* %z */
    const char *sig;         /* %g: "SIGSEGV", or NULL */
};
/* Takes w (copied; its strings must live as long as the process). */
void runtime_set_words(const struct runtime_words *w);
const struct runtime_words *runtime_get_words(void);
/* Writes tmpl to stderr; async-signal-safe (write(2) only, no malloc). */
void runtime_write(const char *tmpl, const struct runtime_vars *v) FERRET_FRAME(runtime_write);

/* cmptrace.c: comparison feedback. */
struct torc;
/* The live table of recent compares of this process. */
const struct torc *cmptrace_table(void);
/* Records a compare at site pc (an offset, as cmptrace.c keys its own) into
 * the live table, as SanitizerCoverage's hooks do: an integer compare of
 * size 1, 2, 4 or 8 bytes, or a memory compare (lengths clamped to
 * TORC_MEM_MAX; the memory one only while the target runs).  For the
 * plugin's hooks (cmpwide.c). */
void cmptrace_record_int(uintptr_t pc, uint64_t a, uint64_t b, uint8_t size);
void cmptrace_record_mem(uintptr_t pc, const void *a, size_t la, const void *b, size_t lb);
extern volatile int runtime_in_target; /* 1 while the target runs */
/* 1 once a report of ferret's own is being written (a fatal signal, an
 * allocation over the limit): a hang request then lets it finish. */
extern volatile sig_atomic_t runtime_crashing;

/* featmap.c: libFuzzer's extra feature sources (featbits.h): value
 * profile, indirect caller/callee pairs, stack depth, in three raw regions
 * after the target's counters.  features_register() goes first thing in
 * main(), before anything reads sancov_total(), in every role. */
void features_register(void);
/* Value profile on (1) or off (0) from the next compare on: main(), from
 * -use_value_profile; a worker, around the runs of a FUZZ call that need
 * none (vp_quiet).  Returns the setting it replaced. */
int features_set_value_profile(int on);
/* Where the value-profile map lies in a coverage vector: its first
 * counter index (of sancov_total()), and its length in bytes in *len (0 if
 * it is not registered). */
size_t features_vp_region(size_t *len);
/* From the next compare on, the value-profile features whose bit is set in
 * skip (laid out as that region: features_vp_region's len bytes, as 64-bit
 * words) are not written: a run then shows only the others.  NULL writes
 * every feature.  skip must stay unchanged while in use.  Returns the
 * previous skip map (NULL if none), to put it back. */
const uint64_t *features_vp_skip(const uint64_t *skip);
/* Around each run of the target, in the function that calls it: frame is
 * that function's frame address; depth is measured from it. */
void features_stack_begin(uintptr_t frame);
void features_stack_end(void);

/* target.c: running the user's code. */
int target_init(int *argc, char ***argv) FERRET_FRAME(target_init); /* calls LLVMFuzzerInitialize if any */
void target_run(const uint8_t *data, size_t len) FERRET_FRAME(target_run);
/* target_run, checking that the target left its input alone only when
 * check_input is set (the fuzzing loop's sample: the copy and compare are
 * most of the cost of an execution of a small target). */
void target_run_checked(const uint8_t *data, size_t len, int check_input) FERRET_FRAME(target_run_checked);
/* The bytes target is fn instead of LLVMFuzzerTestOneInput
 * (LLVMFuzzerRunDriver's callback). */
void target_set_bytes_fn(int (*fn)(const uint8_t *data, size_t size));
/* 1 if the binary defines LLVMFuzzerTestOneInput or was given a callback (it may hold only typed
 * targets, registry.h). */
int target_has_bytes_fn(void);
/* Installs handlers that name the fatal signal (or exit) of a run on stderr;
 * "context" is printed with it (e.g. the file being replayed), may be NULL. */
void target_install_crash_reporting(void);
/* The coordinator sends this to a hung worker before killing it, by
 * sigqueue() with TARGET_HANG_TOKEN as the value; the worker prints the
 * target's stack and exits with TARGET_HANG_EXIT (codes.h).  A realtime signal no
 * sanitizer uses; sent by anyone else (the target), it does what it would
 * do without ferret. */
#define TARGET_HANG_SIGNAL (SIGRTMIN + 4)
#define TARGET_HANG_TOKEN 0x68616e67 /* "hang" */
/* Called (from a signal handler: async-signal-safe only) when the process
 * starts writing a crash report: a fatal signal, a sanitizer's report, an
 * exit() from the target, a const input overwritten. */
void target_set_dying_hook(void (*fn)(void));
/* Regression mode: an input running longer than ns is a failure (SIGALRM). */
void target_set_timeout(uint64_t ns);
void target_set_context(const char *context);
/* Regression mode: an exit() from inside the target exits 1, whatever its
 * status (a worker leaves the status alone: the coordinator reports it). */
void target_set_exit_is_failure(int on);
int target_has_custom_mutator(void);
size_t target_custom_mutate(uint8_t *data, size_t len, size_t max_len,
                            unsigned int seed) FERRET_FRAME(target_custom_mutate);
int target_has_custom_crossover(void);
size_t target_custom_crossover(const uint8_t *data1, size_t len1, const uint8_t *data2, size_t len2,
                               uint8_t *out, size_t max_out, unsigned int seed)
    FERRET_FRAME(target_custom_crossover);

/* sancov.c: compare sites (cmptrace.c) are keyed by their offset from this
 * PC: the target's first instrumented one, from the PC table. */
extern uintptr_t sancov_pc_base;

/* ---- msan.c: MemorySanitizer builds (no-ops in any other) ---- */
/* The engine's code is not checked: called first thing in main(). */
void msan_engine_mode(void);
/* What the engine wrote and hands the target is initialized. */
void msan_unpoison(const void *p, size_t n);
/* Around every call into the target's code (nparams: the callee's). */
void msan_enter_target(size_t nparams);
void msan_leave_target(void);

#endif
