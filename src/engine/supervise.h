/*
 * supervise.h - worker processes as the coordinator sees them: start (by
 * re-executing this binary), call, read replies and output, kill, reap.
 *
 * Life of one worker slot (all fields owned by the coordinator):
 *
 *            start()           PING reply              call()
 *   DOWN ------------> STARTING ---------> IDLE ----------------> BUSY
 *    ^                    |                  ^                      |
 *    |  died before PING  |                  |       reply          |
 *    |  ("terminated      |                  +----------------------+
 *    |   without fuzzing")|                                         |
 *    +--------------------+<----------- died / killed --------------+
 *
 * A worker runs in its own process group (Ctrl-C at the terminal reaches
 * only the coordinator) with PR_SET_PDEATHSIG (it dies with the
 * coordinator).  Its stdout and stderr go to a pipe the coordinator drains
 * into a bounded ring: the tail of the last incarnation's output, which is
 * where a sanitizer report lands.
 *
 * The process the coordinator starts is the worker's keeper (contain.c):
 * it forks the worker before main() and stays behind as a child subreaper,
 * so every process the target starts dies with the worker, and it dies the
 * way the worker died.  w->pid is the keeper (what waitpid() returns);
 * hang signals, RSS checks and kills go to the worker, whose pid the keeper
 * reports on w->keeper_fd.  With FERRET_KEEPER=0, or where no keeper can
 * be made, the keeper reports its own pid and is the worker, as before.
 */
#ifndef FERRET_SUPERVISE_H
#define FERRET_SUPERVISE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "corpus.h"
#include "rpc.h"
#include "shm.h"

#define LOG_RING_SIZE (64 * 1024)

enum wstate { W_DOWN = 0, W_STARTING, W_IDLE, W_BUSY };
enum wkill { KILL_NONE = 0, KILL_HANG, KILL_SHUTDOWN, KILL_PROTOCOL, KILL_STARTUP, KILL_OOM, KILL_RECYCLE };

/* What the coordinator asked of a busy worker: its own copy, never re-read
 * from shared memory, so a dead or hostile worker cannot change it. */
struct wjob {
    uint32_t op;
    struct entry *base;         /* FUZZ: the corpus entry mutated; RUN: the entry run */
    struct entry *partner;      /* FUZZ: cross-over partner */
    uint64_t limit;             /* FUZZ: executions asked for */
    uint64_t len_limit;         /* FUZZ: longest input the mutator may make */
    int vp_quiet;               /* FUZZ: run without value profile (vpgate.h) */
    uint8_t *input;             /* MINIMIZE: the input sent (malloc'd) */
    size_t input_len;
    uint32_t mode;              /* MINIMIZE: enum rpc_min_mode */
    void *cand;                 /* MINIMIZE coverage: the queued candidate */
    int sync;                   /* RUN: an entry imported from -sync_dir */
    uint64_t start_ns;          /* FUZZ, MINIMIZE: when the call was made (its cost, calls.c) */
    size_t log_pos;             /* MINIMIZE: the worker's log_pos when the call was made:
                                   what it printed since is the call's (sup_log_since) */
};

/* [S]: written by supervise.c only; [C]: the coordinator's own records
 * about this worker (coordinator.c, calls.c, crash.c). */
struct worker {
    int id;                     /* [S] slot number, fixed */
    pid_t pid;                  /* [S] the keeper: the coordinator's child */
    pid_t wpid;                 /* [S] the worker below it, once reported (== pid without a keeper) */
    int keeper_fd;              /* [S] where the keeper reports wpid (contain.h), non-blocking; -1 once read */
    unsigned char krec[4];      /* [S] a report being read */
    size_t kgot;                /* [S] */
    int orphans;                /* [S] its keeper adopted a process the target started */
    uint64_t kill_ns;           /* [S] first sup_kill of this incarnation; 0 = none */
    enum wstate st;             /* [S] the state diagram above */
    enum wkill kill_reason;     /* [S] why it is being ended (sup_kill, sup_retire) */
    int call_fd, reply_fd, log_fd; /* [S] */
    struct shm shm;             /* [S] mapping; the header's fields per shm.h */
    struct wjob job;            /* [C] what was asked of it (sup_call sets op) */
    struct rpc_reply reply;     /* [S] partial reply being read */
    size_t reply_got;           /* [S] */
    uint64_t started_ns;        /* [S] when this incarnation started */
    unsigned starts;            /* [S] incarnations started (restarts: starts - 1) */
    uint64_t progress_count;    /* [S] hdr->runs when it last moved (sup_progressed) */
    uint64_t progress_ns;       /* [S] ... and when */
    uint64_t hang_signalled_ns; /* [S] when it was asked for a stack trace; 0 = not */
    uint32_t words_version;     /* [C] version of the dictionary in its shm */
    uint64_t execs;             /* [C] its FUZZ executions credited so far (calls.c) */
    int last_minimized;         /* [C] its last call was a coverage minimization */
    int ext_kills;              /* [C] killed by SIGKILL/SIGTERM from outside while busy, in a row
                                   (no reply between) */
    char *log;                  /* [S] ring of LOG_RING_SIZE bytes */
    size_t log_pos;             /* [S] total bytes ever written (ring index = pos % size) */
};

struct supervisor {
    char **argv;                /* re-executed as is */
    int mask_fd;
    size_t max_len, ncounters;
    int only_ascii;
};

int sup_worker_init(struct worker *w, int id, const struct supervisor *s);
int sup_start(struct worker *w, const struct supervisor *s);
int sup_call(struct worker *w, const struct rpc_call *c);
/* Reads what is available on the reply pipe: 1 when a whole reply is in
 * w->reply, 0 when not yet, -1 on EOF or error. */
int sup_read_reply(struct worker *w);
/* Drains the output pipe into the ring; returns 0 at EOF or when drained. */
void sup_drain_log(struct worker *w);
/* Copies the ring's contents (oldest first) into a malloc'd string. */
char *sup_log_tail(const struct worker *w, size_t *len);
/* What the worker printed since its log stood at pos (the ring's last
 * LOG_RING_SIZE bytes at most; empty if nothing, or if pos is not behind
 * log_pos), malloc'd and NUL-terminated, its length in *len. */
char *sup_log_since(const struct worker *w, size_t pos, size_t *len);
void sup_kill(struct worker *w, enum wkill why);
/* A hang: ask the worker for the target's stack first; sup_kill follows. */
void sup_signal_hang(struct worker *w);
/* Ends the worker gently: its call (if any) is asked to stop and its call
 * pipe closed, so it exits when it reads EOF; why says what follows
 * (KILL_SHUTDOWN: not restarted, KILL_RECYCLE: restarted). */
void sup_retire(struct worker *w, enum wkill why);
/* runs is the worker's count of started executions (shm hdr->runs): 1 and
 * the clock restarted at now if it moved since the last look, else 0. */
int sup_progressed(struct worker *w, uint64_t runs, uint64_t now);
/* A whole reply was read: STARTING (the ping's) or BUSY -> IDLE. */
void sup_replied(struct worker *w);
/* The output pipe, or the reply pipe, reached EOF: closed. */
void sup_close_log(struct worker *w);
void sup_close_reply(struct worker *w);
/* After the process is reaped: closes its pipes, marks it DOWN. */
void sup_reaped(struct worker *w);
void sup_close_calls(struct worker *w);
/* The worker's resident memory in MiB (0 if unknown). */
uint64_t sup_rss_mb(struct worker *w);
/* After reaping: kill every child of the coordinator that is not one of
 * the n workers' keepers (what a keeper killed from outside left behind;
 * the coordinator is a child subreaper, see contain.h). */
void sup_kill_strays(const struct worker *w, int n);

#endif
