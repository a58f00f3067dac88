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

/* Exit codes; documented in README.md ("Exit codes"). */
enum ferret_exit {
    FERRET_EXIT_OK = 0,        /* done; nothing found (or stopped by Ctrl-C) */
    FERRET_EXIT_FINDING = 1,   /* a crasher/hang was found, or a replayed input failed */
    FERRET_EXIT_USAGE = 2,     /* bad flag or value */
    FERRET_EXIT_INPUT = 3,     /* a named file or directory is missing or unreadable */
    FERRET_EXIT_WRITE = 4,     /* a corpus or crasher file could not be written */
    FERRET_EXIT_WORKER = 5,    /* a worker terminated without fuzzing (start-up failure) */
    FERRET_EXIT_INTERNAL = 6,  /* out of memory, no memfd, and other system failures */
    FERRET_EXIT_TOOL = 7,      /* a program ferret runs is missing or failed (llvm-symbolizer) */
};

#define FERRET_WORKER_ENV "FERRET_WORKER"
/* A worker that lost its pipes exits with this, outside any input: the
 * coordinator restarts it without recording a finding. */
#define WORKER_EXIT_LOST 121
/* A worker asked for a hang's stack (runtime.h, TARGET_HANG_SIGNAL) exits
 * with this once it has printed it. */
#define TARGET_HANG_EXIT 77

#endif
