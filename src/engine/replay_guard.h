/*
 * replay_guard.h - the regression run, supervised.
 *
 * The regression run (regress.c; libFuzzer's reproduce mode too) replays
 * inputs in-process.  On its own, such a process cannot fail on a target
 * that ends it with status 0 in the middle of an input (a SIGSEGV handler
 * calling _exit(0)), nor end if the target hangs with SIGALRM blocked.
 * replay_guard_start() therefore forks: the child replays exactly as before
 * (same stdout, stderr and stdin, the runtime's own crash reports), and
 * publishes in a small MAP_SHARED mapping which input it runs and whether it
 * is inside the target, since when; the parent waits and judges the end.
 *
 *   parent                                  child
 *     mmap the shared state, fork  ------>    replay_guard_input(name)   per input
 *     wait (SIGCHLD, or 100 ms)               replay_guard_exec_begin()  per execution
 *       in the target > timeout + grace:      target_run(...)
 *         SIGKILL, a timeout                  replay_guard_exec_end()
 *       in the target, RSS > -rss_limit_mb:   ...
 *         SIGKILL, out-of-memory              replay_guard_done()        all replayed
 *     the child ended: replay_guard_judge()
 *
 * Verdicts (replay_guard_judge): the child ended while an input was running
 *   - exited after the timeout, or killed by the parent for it: a timeout
 *     (1; libFuzzer mode: -timeout_exitcode, with libFuzzer's timeout line);
 *   - killed by the parent over -rss_limit_mb: out-of-memory (1; libFuzzer
 *     mode: 71, with libFuzzer's line);
 *   - with status 0: a failure (1; libFuzzer mode: -error_exitcode);
 *   - any other status or signal: mirrored (the runtime or a sanitizer has
 *     reported it), after one line naming the input unless the runtime's
 *     report named it (replay_guard_named).
 * Exit status 0 between two inputs, before the run finished, fails too.
 * Every other end (the run finished; start-up) is mirrored silently: an exit
 * status as is, a signal re-raised with its default action.
 *
 * Under a debugger (a tracer is attached), the run is not forked, so the
 * debugger sees the target crash as before.
 */
#ifndef FERRET_REPLAY_GUARD_H
#define FERRET_REPLAY_GUARD_H

#include <stdint.h>
#include <stdio.h>

/* Past the timeout, the child's own SIGALRM reports the hang with the
 * target's stack; the parent kills it only this much later.  Symbolizing
 * that stack on a loaded machine took over 2 s (the report was cut and
 * the input named as one that "did not stop"): 10 s, as a dying worker's
 * report gets far more in fuzzing (CRASH_REPORT_NS). */
#define REPLAY_GRACE_NS (10ULL * 1000000000ULL)
#define REPLAY_LF_OOM_EXIT 71 /* libFuzzer's exit code for out-of-memory */

struct replay_guard_opts {
    uint64_t timeout_ns;        /* per execution; 0: none (no backstop) */
    long long rss_limit_mb;     /* 0: none */
    int libfuzzer;              /* libFuzzer's lines and exit codes */
    int error_exitcode;         /* libFuzzer mode: a crash */
    int timeout_exitcode;       /* libFuzzer mode: a timeout */
};

/* 1 if a debugger (ptrace) is attached to this process. */
int replay_guard_traced(void);

/* Forks the replay.  Returns 0 in the child (replay, then call
 * replay_guard_done), and 1 in the parent once the child has ended, with
 * *exit_code the code to exit with (a signal death is re-raised in the
 * parent, which then does not return).  -1 (errno set) if the mapping or the
 * fork failed. */
int replay_guard_start(const struct replay_guard_opts *g, int *exit_code);

/* Child side; no-ops when not supervised. */
void replay_guard_input(const char *name); /* the input about to run (its report name) */
void replay_guard_exec_begin(void);        /* one execution of it starts */
void replay_guard_exec_end(void);          /* ... and is over */
/* The runtime's report of the running input named it (its dying hook,
 * async-signal-safe): the parent does not name it again. */
void replay_guard_named(void);
void replay_guard_done(void);              /* every input was replayed */

/* How the child ended, as the parent saw it. */
enum replay_phase { REPLAY_STARTING = 0, REPLAY_RUNNING, REPLAY_BETWEEN, REPLAY_DONE };
enum replay_kill { REPLAY_NOT_KILLED = 0, REPLAY_KILLED_HANG, REPLAY_KILLED_OOM };
struct replay_end {
    int status;                 /* waitpid's */
    enum replay_phase phase;    /* when it ended */
    uint64_t elapsed_ns;        /* REPLAY_RUNNING: of the execution */
    enum replay_kill killed;    /* the parent killed it, and why */
    uint64_t rss_mb;            /* REPLAY_KILLED_OOM: what was seen */
    const char *name;           /* the input (running, or the last one run) */
    int named;                  /* the child's report named it already */
};

/* Reports the verdict (report.h; the parent's pid in its lines) and returns
 * the exit code; *raise_sig is set to the signal to re-raise instead (0:
 * none).  No waiting, no signals (it records its verdict for
 * replay_guard_verdict, nothing else); the unit test calls it directly. */
int replay_guard_judge(const struct replay_guard_opts *g, const struct replay_end *e, int pid,
                       int *raise_sig);

/* The last verdict replay_guard_judge gave, by kind: the run passed (ended
 * with status 0 once done), an input timed out, went over -rss_limit_mb,
 * or failed any other way (a crash, a signal, exit status 0 mid-input, a
 * nonzero status: its report says what).  For the findings report over
 * files (findings_dir.c), whose replay of each file is one guarded run. */
enum replay_verdict { REPLAY_PASSED = 0, REPLAY_TIMEOUT, REPLAY_OOM, REPLAY_FAILED };
enum replay_verdict replay_guard_verdict(void);

#endif
