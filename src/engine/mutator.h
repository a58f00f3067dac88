/*
 * mutator.h - byte-level mutations of one input.
 *
 * Invariant (relied on by crash recovery in coordinator.c): the result of
 * mutator_mutate() is a pure function of (rng state, data, len, max_len,
 * src).  It reads no clock, no global state and no other memory.
 */
#ifndef FERRET_MUTATOR_H
#define FERRET_MUTATOR_H

#include <stddef.h>
#include <stdint.h>
#include "dict.h"
#include "rng.h"
#include "torc.h"

struct typed_schema;

#define MUTATE_WORD_MAX 32

/* Output only (never read by a mutation): the last comparison operand a
 * mutation wrote, so an input with new coverage can name the word that made
 * it (the automatic dictionary). */
struct mutate_trace {
    size_t len;
    uint8_t word[MUTATE_WORD_MAX];
    size_t tail_at; /* 1 + where ExtendCmp put its probe tail in the mutant;
                       0: the mutant has none (torc_freeze's tail_at) */
};

/* Everything besides the input itself that a mutation may draw on.  All of it
 * may come from shared memory a worker wrote: readers clamp every length. */
struct mutate_src {
    const uint8_t *partner;   /* another corpus entry, for cross-over; may be NULL */
    size_t partner_len;
    const struct torc *torc;  /* frozen table of recent compares; may be NULL */
    const struct dict_word *words; /* dictionary words; may be NULL */
    size_t nwords;
    struct mutate_trace *trace; /* may be NULL */
    int only_ascii;           /* -only_ascii: map the result to printable ASCII */
    const struct typed_schema *typed; /* a typed target's argument types (typed.h); NULL: bytes */
};

/* Applies a stack of 1..MUTATOR_MAX_STACK mutations to data[0..len) in place.
 * data has room for max_len bytes.  Returns the new length (<= max_len).
 * Never returns an input identical to the one it was given when max_len > 0
 * (it retries internally a bounded number of times). */
size_t mutator_mutate(rng_t *rng, uint8_t *data, size_t len, size_t max_len,
                      const struct mutate_src *src);

/* The table of named mutations, for stats and tests. */
size_t mutator_count(void);
const char *mutator_name(size_t i);
/* Applies mutation number i once; returns the new length, or (size_t)-1 if
 * that mutation cannot apply to this input (e.g. erase on an empty input). */
size_t mutator_apply(size_t i, rng_t *rng, uint8_t *data, size_t len,
                     size_t max_len, const struct mutate_src *src);

#define MUTATOR_MAX_STACK 8

#endif
