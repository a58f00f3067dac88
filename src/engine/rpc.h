/*
 * rpc.h - calls from the coordinator to a worker, over a pair of pipes.
 *
 * A call and its reply are fixed-size records, each written with one write()
 * (both are well under PIPE_BUF, so a write is never split).  Inputs do not
 * travel on the pipes; they sit in the worker's shared memory (shm.h).
 *
 *   coordinator                         worker
 *     PING ------------------------------> (checks shm, ncounters)
 *          <------------------------------ reply {ncounters}
 *     RUN input ------------------------->  run once, coverage -> shm.cov
 *          <------------------------------ reply {duration_ns}
 *     FUZZ base+partner, seed, limit ---->  loop: mutate, run, scan
 *          <------------------------------ reply {count, NEW_COVERAGE: input+cov in shm,
 *                                                   or REDUCED: a shorter base, cov in shm}
 *     MINIMIZE input, mode, cursor ------>  minimize() with try() = run
 *          <------------------------------ reply {count, len; cov in shm}
 *     (close the call pipe) ------------->  exit(0)
 *
 * Invariant: the coordinator treats every reply as untrusted: rpc_reply_check
 * rejects a wrong magic, an op that does not match the call, or an unknown
 * status; lengths are checked by the caller against its own shm layout.
 */
#ifndef FERRET_RPC_H
#define FERRET_RPC_H

#include <stddef.h>
#include <stdint.h>

#include "minimize.h"

#define RPC_MAGIC 0x46455243u /* "FERC" */

enum rpc_op { RPC_PING = 1, RPC_RUN = 2, RPC_FUZZ = 3, RPC_MINIMIZE = 4 };

enum rpc_status {
    RPC_OK = 0,            /* call done, nothing to report */
    RPC_NEW_COVERAGE = 1,  /* FUZZ: input[0..len) has deflaked new coverage, cov in shm */
    RPC_LEAK = 2,          /* FUZZ, RUN: input[0..len) leaks memory (report on stderr) */
    RPC_FAILURE = 3,       /* FUZZ, RUN: input[0..len) failed a typed target's check
                              (ferret_fail/ferret_fatal); its message in shm msg */
    RPC_REDUCED = 4,       /* FUZZ: input[0..len) is shorter than the base by an
                              eighth and still has every feature of the call's
                              keep list, nothing new; cov in shm (re-run) */
};

/* Features a FUZZ call's base owns (sched_owned): a mutant that keeps them
 * all and is shorter replaces it.  A base owning more is not reduced. */
#define RPC_KEEP_MAX 32

enum rpc_min_mode {
    RPC_MIN_CRASH = 1,     /* keep: the candidate kills the worker (never returns) */
    RPC_MIN_COVERAGE = 2,  /* keep: every bit of the mask in shm.cov is still hit */
    RPC_MIN_LEAK = 3,      /* keep: the candidate still leaks memory */
    RPC_MIN_FAIL = 4,      /* keep: the candidate still fails (typed targets) */
    RPC_MIN_CLEANSE = 5,   /* as CRASH, but cleanse() (bytes replaced) instead of minimize() */
};

struct rpc_call {
    uint32_t magic;
    uint32_t op;
    uint64_t seed;         /* FUZZ: rng seed for this call */
    uint64_t limit;        /* FUZZ: executions; MINIMIZE: tries; 0 = no limit */
    uint64_t duration_ms;  /* FUZZ, MINIMIZE: end the call after this long; 0 = no limit */
    uint32_t mode;         /* MINIMIZE: enum rpc_min_mode */
    uint32_t vp_quiet;     /* FUZZ: 1 = run without value profile: its novelty
                              alone reports nothing (vpgate.h) */
    uint64_t len_limit;    /* FUZZ: longest input to make (<= max_len) */
    struct min_cursor cursor; /* MINIMIZE: where to resume */
    uint32_t nkeep;        /* FUZZ: features in keep; 0 = do not reduce the base */
    uint32_t keep[RPC_KEEP_MAX]; /* FUZZ: feature ids, counter * 8 + bucket bit */
};

struct rpc_reply {
    uint32_t magic;
    uint32_t op;
    uint32_t status;       /* enum rpc_status */
    uint32_t pad;
    uint64_t count;        /* executions done in this call */
    uint64_t len;          /* input length returned in shm.input, if any */
    uint64_t duration_ns;  /* RUN: how long the run took; FUZZ with new coverage: one run of it */
    uint64_t ncounters;    /* PING: the worker's counter count */
    uint32_t word_len;     /* NEW_COVERAGE: comparison operand that made it (<= 32) */
    uint8_t word[32];
    uint32_t diag;         /* enum rpc_diag bits: the target misbehaved */
    uint32_t diag_arg;     /* RPC_DIAG_FD_LEAK: descriptors open */
};

enum rpc_diag {
    RPC_DIAG_FD_LEAK = 1,  /* far more file descriptors open than at start-up */
    RPC_DIAG_CHDIR = 2,    /* the working directory changed (the worker changed it back) */
    RPC_DIAG_FORK = 4,     /* the target started child processes */
};

/* Blocking, retried on EINTR; 0 on success, -1 on error or EOF. */
int rpc_write_all(int fd, const void *buf, size_t len);
int rpc_read_all(int fd, void *buf, size_t len);

/* 1 if a reply is well-formed for a call of the given op. */
int rpc_reply_check(const struct rpc_reply *r, uint32_t op);

#endif
