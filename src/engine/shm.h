/*
 * shm.h - the shared memory between the coordinator and one worker.
 *
 * Each worker has its own sealed memfd, laid out as
 *
 *   +--------+--------+-------+---------+---------+-----------+-----------+-----------+
 *   | header | torc   | words | input   | partner | candidate | coverage  | unstable  |
 *   |  4 KiB | frozen | dict  | max_len | max_len | max_len   | ncounters | ncounters |
 *   +--------+--------+-------+---------+---------+-----------+-----------+-----------+
 *
 * unstable [W] marks counters whose hit counts differed between two runs of
 * the same input (flaky coverage: never counted as new; the stats' stability).
 * torc is the worker's frozen table of recent compares [W] and words the
 * dictionary (user's -dict plus automatic) [C]; a mutation draws only on
 * these two, so the coordinator can replay it from shared memory.
 *
 * and all workers map one more memfd read-only: the coordinator's global
 * coverage mask (one byte of hit-count bucket bits per counter).
 *
 * Ownership of the header fields is marked [C] (written by the coordinator
 * only), [W] (written by the worker only).  The coordinator never trusts a
 * [W] field: every length is checked against its own copy of the layout
 * (shm_check_len), never against a value read from the header.
 *
 * What the input that is running *right now* is, so the coordinator can
 * recover it after the worker dies without a word (the zero-copy rule: the
 * worker never copies an input into shared memory per execution):
 *
 *   state          the running input is
 *   SHM_IDLE       nothing
 *   SHM_RUN        input[0..input_len), exactly (baseline runs)
 *   SHM_FUZZ       mutate(rng, base = input[0..input_len), partner,
 *                         torc, words, len_limit)
 *   SHM_MIN_TRY    candidate[0..cand_len), cursor says which step made it
 *
 * Hang detection reads runs: the coordinator calls a worker hung when runs
 * has not moved for -timeout, so the limit is on one execution, whatever a
 * call does between two (deflaking re-runs, minimization tries).  dying
 * tells a slow crash report (a busy symbolizer) from a hang.
 */
#ifndef FERRET_SHM_H
#define FERRET_SHM_H

#include <stddef.h>
#include <stdint.h>

#include "dict.h"
#include "minimize.h"
#include "torc.h"

#define SHM_MAGIC 0x46455252u /* "FERR" */
#define SHM_HEADER_SIZE 4096

enum shm_state { SHM_IDLE = 0, SHM_RUN = 1, SHM_FUZZ = 2, SHM_MIN_TRY = 3 };

#define SHM_WORDS_MAX 512
#define SHM_MSG_MAX 2048

struct shm_words {
    uint32_t n;              /* [C] entries in w (clamped by readers) */
    uint32_t version;        /* [C] bumped on change */
    struct dict_word w[SHM_WORDS_MAX];
};

struct shm_header {
    uint32_t magic;          /* [C] SHM_MAGIC */
    uint32_t header_size;    /* [C] SHM_HEADER_SIZE */
    uint64_t max_len;        /* [C] size of each input area */
    uint64_t ncounters;      /* [C] size of the coverage area */
    uint64_t input_len;      /* [C] before a call; [W] in a reply that returns an input */
    uint64_t partner_len;    /* [C] */
    /* Progress, written by the worker with plain stores while it runs. */
    uint64_t count;          /* [W] executions started in the current call */
    uint64_t rng;            /* [W] SHM_FUZZ: rng state the running mutation started from */
    uint32_t state;          /* [W] enum shm_state */
    uint32_t stop;           /* [C] nonzero: end the current call early */
    uint64_t cand_len;       /* [W] SHM_MIN_TRY: candidate length */
    struct min_cursor cursor;/* [W] SHM_MIN_TRY: the step that made the candidate */
    uint32_t fault;          /* [W] enum shm_fault: why the worker is about to die */
    uint32_t only_ascii;     /* [C] -only_ascii: mutations make printable inputs */
    uint64_t fault_arg;      /* [W] SHM_FAULT_MALLOC: the allocation size */
    uint32_t msg_len;        /* [W] RPC_FAILURE: bytes of msg (clamped by readers) */
    char msg[SHM_MSG_MAX];   /* [W] RPC_FAILURE: what a typed target logged (ferret_fail...) */
    char fail_at[64];        /* [W] RPC_FAILURE: "file.c:12" of the first failure (NUL not trusted) */
    /* Set to 0 by the coordinator when it starts a worker (sup_start). */
    uint64_t runs;           /* [W] target executions started by this incarnation: every run
                                (fuzzing, deflaking, minimizing), so a hang is one execution */
    uint32_t dying;          /* [W] nonzero: a crash report is being written (a fatal signal's
                                or a sanitizer's handler is running): not a hang */
};

enum shm_fault { SHM_FAULT_NONE = 0, SHM_FAULT_MALLOC = 1 };

_Static_assert(sizeof(struct shm_header) <= SHM_HEADER_SIZE, "the header must fit its page");

struct shm {
    int fd;
    uint8_t *base;           /* the whole mapping */
    size_t size;
    size_t max_len;          /* the mapper's own copy: never re-read from the header */
    size_t ncounters;
    struct shm_header *hdr;
    struct torc *torc;
    struct shm_words *words;
    uint8_t *input, *partner, *cand, *cov, *unstable;
};

size_t shm_size_for(size_t max_len, size_t ncounters);
/* Coordinator: create, size, seal (no grow, no shrink) and map a worker's memfd. */
int shm_create(struct shm *s, size_t max_len, size_t ncounters);
/* Worker: map an inherited memfd and validate the header against its own
 * idea of ncounters. */
int shm_attach(struct shm *s, int fd, size_t ncounters);
void shm_destroy(struct shm *s);
/* 1 if a length reported by the worker fits an input area. */
int shm_check_len(const struct shm *s, uint64_t len);

/* The global coverage mask: created writable by the coordinator, then sealed
 * against new writable mappings; workers map it read-only. */
int shm_mask_create(int *fd, uint8_t **mask, size_t ncounters);
int shm_mask_attach(int fd, const uint8_t **mask, size_t ncounters);

/* Relaxed atomics for the [W] progress fields: plain stores, no fences that
 * cost anything on x86-64, but not torn or elided by the compiler. */
#define SHM_STORE(field, v) __atomic_store_n(&(field), (v), __ATOMIC_RELEASE)
#define SHM_LOAD(field) __atomic_load_n(&(field), __ATOMIC_ACQUIRE)

#endif
