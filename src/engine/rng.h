/*
 * rng.h - the deterministic PRNG every random choice in ferret draws from.
 *
 * The whole state is one 64-bit word, so a worker can publish it to shared
 * memory with a single store before each execution.  The coordinator replays
 * a mutation from that word alone: same state, same input, same partner and
 * same max_len always give the same bytes (see mutator.h).
 *
 * Owns: nothing: the state is the caller's rng_t, one 64-bit word (the
 * coordinator's c->rng, a worker's for each FUZZ call, replay.c's for each
 * input it builds, the one LLVMFuzzerMutate keeps in main.c).
 */
#ifndef FERRET_RNG_H
#define FERRET_RNG_H

#include <stdint.h>

typedef struct rng {
    uint64_t s;
} rng_t;

/* wyrand: one add, one 128-bit multiply, one xor. Passes BigCrush. */
static inline uint64_t rng_next(rng_t *r)
{
    r->s += 0xa0761d6478bd642fULL;
    __uint128_t m = (__uint128_t)r->s * (r->s ^ 0xe7037ed1a0b428dbULL);
    return (uint64_t)(m >> 64) ^ (uint64_t)m;
}

/* Uniform-enough value in [0, n); n == 0 yields 0. */
static inline uint64_t rng_below(rng_t *r, uint64_t n)
{
    if (n == 0)
        return 0;
    return (uint64_t)(((__uint128_t)rng_next(r) * n) >> 64);
}

static inline int rng_bool(rng_t *r)
{
    return (int)(rng_next(r) >> 63);
}

#endif
