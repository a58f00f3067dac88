/*
 * codes.h - the exit codes every role of a ferret binary returns, and the
 * contract between a worker and the coordinator that starts it (its
 * environment variable, its exit code for lost pipes).  Layer 0: depends
 * on nothing; documented in README.md ("Exit codes").
 *
 * Owns: nothing (constants only).
 */
#ifndef FERRET_CODES_H
#define FERRET_CODES_H

/* Exit codes; documented in README.md ("Exit codes") and, from this table,
 * in the man page ferret(1) (tools/ferret-man.c): X(name, code, meaning)
 * makes FERRET_EXIT_<name> = code, so a code added here is documented. */
#define FERRET_EXIT_CODES(X)                                                                  \
    X(OK, 0, "fuzzing ended (the budget spent, or Ctrl-C / SIGTERM) with no failure; a regression run: every input passed") \
    X(FINDING, 1, "a crasher or hang was found and written, or a replayed input failed (this wins over anything that went wrong after it)") \
    X(USAGE, 2, "an unknown flag, a bad or out-of-range value, or Go-style and libFuzzer flags mixed: one line naming them") \
    X(INPUT, 3, "a file or directory that was named, or the seed or cache corpus, cannot be read") \
    X(WRITE, 4, "a corpus, crasher or report file cannot be written") \
    X(WORKER, 5, "a worker terminated without fuzzing (the target dies during start-up) and nothing was found") \
    X(INTERNAL, 6, "a system failure (out of memory, no memfd, fork failed) and nothing was found") \
    X(TOOL, 7, "a program ferret needs is missing or failed (llvm-symbolizer for -coverage_report)")

enum ferret_exit {
#define FERRET_EXIT_ENUM(name, code, meaning) FERRET_EXIT_##name = code,
    FERRET_EXIT_CODES(FERRET_EXIT_ENUM)
#undef FERRET_EXIT_ENUM
};

#define FERRET_WORKER_ENV "FERRET_WORKER"
/* A worker that lost its pipes exits with this, outside any input: the
 * coordinator restarts it without recording a finding. */
#define WORKER_EXIT_LOST 121
/* A worker asked for a hang's stack (runtime.h, TARGET_HANG_SIGNAL) exits
 * with this once it has printed it. */
#define TARGET_HANG_EXIT 77

#endif
