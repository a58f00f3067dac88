/*
 * replay.h - the replay contract: the bytes of one FUZZ execution, rebuilt
 * from its parts.
 *
 * The worker makes each input of its hot loop with replay_build_input; when
 * it dies, the coordinator (crash.c) calls the same function with the rng
 * state the worker published and gets the same bytes back.  That is the
 * whole contract, and why it is one file below both of them:
 *
 *   worker (worker.c)                         coordinator (crash.c)
 *   replay_mutate_src(shm, partner) ----.    replay_mutate_src(worker's shm,
 *   state = rng_next(); publish state    |                     job's partner)
 *   replay_build_input(state, base) -----+--> replay_build_input(published
 *                                        |                     state, job's base)
 *                  the same bytes  <-----'
 *
 * Owns: the target's custom mutator and custom cross-over as both sides see
 * them (set once per process by replay_set_custom_mutator and
 * replay_set_custom_crossover; NULL: ferret's own mutators).
 *
 * LLVMFuzzerCustomCrossOver, as libFuzzer uses it, is one of the mutations:
 * with a custom mutator, one input in 2 is the cross-over of the base entry
 * and the partner; without, one in REPLAY_CROSSOVER_ODDS (byte targets only,
 * not typed ones).  Its seed and that choice come from the same stream, so a
 * cross-over input is rebuilt like any other.  If it returns 0 (nothing
 * made) or more than the room it was given, the input is mutated as usual.
 *
 * Invariant: replay_build_input is a pure function of its arguments, the
 * custom mutator and cross-over (if the target has them, and they are
 * themselves deterministic per seed) and the schema of the selected target
 * (corpus_schema).
 */
#ifndef FERRET_REPLAY_H
#define FERRET_REPLAY_H

#include <stddef.h>
#include <stdint.h>

#include "frame.h" /* FERRET_FRAME: under a custom mutator's crash */

struct mutate_src;
struct shm;

/* LLVMFuzzerCustomMutator's shape (via the runtime's target_custom_mutate). */
typedef size_t (*replay_custom_fn)(uint8_t *data, size_t len, size_t max_len, unsigned int seed);

/* LLVMFuzzerCustomCrossOver's shape (via target_custom_crossover). */
typedef size_t (*replay_crossover_fn)(const uint8_t *data1, size_t len1, const uint8_t *data2,
                                      size_t len2, uint8_t *out, size_t max_out, unsigned int seed);

/* Without a custom mutator, one input in this many is a custom cross-over. */
#define REPLAY_CROSSOVER_ODDS 16

/* Set once in each process, before the first replay_build_input. */
void replay_set_custom_mutator(replay_custom_fn fn);
void replay_set_custom_crossover(replay_crossover_fn fn);

/* The input for one FUZZ execution: base (cut to len_limit) mutated by the
 * stream seeded with rng_state.  buf has len_limit bytes of room. */
size_t replay_build_input(uint64_t rng_state, uint8_t *buf, const uint8_t *base,
                          size_t base_len, const struct mutate_src *src, size_t len_limit)
    FERRET_FRAME(replay_build_input);

/* The mutation sources a FUZZ call draws on: the partner and the frozen
 * compare table and dictionary in the worker's shared memory, and the
 * selected target's schema. */
void replay_mutate_src(struct mutate_src *src, const struct shm *s, const uint8_t *partner,
                       size_t partner_len);

#endif
