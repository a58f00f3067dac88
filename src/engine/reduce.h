/*
 * reduce.h - replacing a corpus entry by a shorter mutant of it that keeps
 * what the entry is in the corpus for (libFuzzer's -reduce_inputs idea).
 *
 * Coverage guidance keeps an input only for new coverage, so an input that
 * grew long (hit-count buckets reward length) stays long: every step found
 * from it is found in a long input, and each later step costs more (a
 * mutation hits the one byte that matters 1 time in len, and each run is
 * len times slower).  On a state machine that is the difference between a
 * run that solves it and one that stalls.  So while a worker fuzzes a base,
 * a mutant at least an eighth shorter that still has every feature the base
 * owns (sched_owned: the features of which it is the shortest holder) and
 * nothing new replaces the base, as the minimized form of a new input does.
 *
 * A keep list is the base's owned features as feature ids (counter * 8 +
 * bucket bit, sched_features_of), grouped per counter and resolved to the
 * live counters once per call, so the per-execution check is a handful of
 * loads, and only for mutants short enough.
 *
 * Owns: nothing; a struct reduce_keep is the caller's (the worker's, for
 * one FUZZ call).
 */
#ifndef FERRET_REDUCE_H
#define FERRET_REDUCE_H

#include <stddef.h>
#include <stdint.h>

#include "coverage.h"

#define REDUCE_KEEP_MAX 32

struct reduce_keep {
    size_t n;                          /* counters to check; 0 = no reduction */
    const uint8_t *live[REDUCE_KEEP_MAX]; /* the live counter */
    uint32_t at[REDUCE_KEEP_MAX];      /* its index in a coverage vector */
    uint8_t bits[REDUCE_KEEP_MAX];     /* bucket bits it must reach */
    uint8_t raw[REDUCE_KEEP_MAX];      /* 1: a raw feature byte (value profile) */
};

/* Longest mutant of a base of base_len bytes that may replace it: an eighth
 * shorter at least (a byte for bases under 16), so a base is not replaced
 * once per byte; 0 when none can (base_len < 2). */
static inline size_t reduce_max_len(size_t base_len)
{
    size_t cut = base_len / 8 ? base_len / 8 : 1;
    return base_len > cut ? base_len - cut : 0;
}

/* Builds k from n sorted feature ids over the live regions r[0..nr); ids
 * past the regions' counters, or more than REDUCE_KEEP_MAX counters, leave
 * k empty (no reduction).  Returns k->n. */
size_t reduce_prepare(struct reduce_keep *k, const uint32_t *ids, size_t n,
                      const struct sancov_region *r, size_t nr);

/* Hot path, before the scan clears the counters: 1 if every kept counter
 * reached its bits in the execution that just ran. */
static inline int reduce_kept_live(const struct reduce_keep *k)
{
    for (size_t i = 0; i < k->n; i++) {
        uint8_t v = k->raw[i] ? *k->live[i] : coverage_bucket[*k->live[i]];
        if ((v & k->bits[i]) != k->bits[i])
            return 0;
    }
    return 1;
}

/* 1 if the coverage vector cov (ncounters bytes) has every kept bit. */
int reduce_kept_cov(const struct reduce_keep *k, const uint8_t *cov, size_t ncounters);

/* 1 if cov (ncounters bytes) has every feature id of ids[0..n): the
 * coordinator's check of a worker's claim, which it does not trust. */
int reduce_has_features(const uint32_t *ids, size_t n, const uint8_t *cov, size_t ncounters);

/* The features of region [at, at + len) of a coverage vector that the runs
 * of a FUZZ call need not show (the runtime's value-profile skip map,
 * features_vp_skip): those already in mask, but for the bits k keeps there,
 * which reduce_kept_live reads live.  skip gets len bytes. */
void reduce_skip_map(uint8_t *skip, const uint8_t *mask, size_t at, size_t len,
                     const struct reduce_keep *k);

#endif
