/*
 * replay.c - the replay contract (see replay.h): one FUZZ execution's input,
 * rebuilt the same way by the worker that runs it and by the coordinator
 * that recovers it after the worker died.
 *
 * Owns: the custom mutator and cross-over pointers (custom: the target's
 * LLVMFuzzerCustomMutator, crossover: its LLVMFuzzerCustomCrossOver, or
 * NULL), written once per process, by worker_main in a worker and by the
 * coordinator's set-up (fuzz.c).
 */
#include <string.h>

#include "corpus.h"
#include "mutator.h"
#include "replay.h"
#include "rng.h"
#include "shm.h"
#include "typed.h"

static replay_custom_fn custom;       /* the target's own mutator, or NULL */
static replay_crossover_fn crossover; /* the target's own cross-over, or NULL */

void replay_set_custom_mutator(replay_custom_fn fn) { custom = fn; }
void replay_set_custom_crossover(replay_crossover_fn fn) { crossover = fn; }

/* LLVMFuzzerCustomCrossOver of base and the partner into buf, when this
 * input's draw picks it (replay.h); 0 when not picked or nothing made.
 * Under the target's cross-over: named in its crash stack (frame.h). */
static size_t custom_crossover(rng_t *rng, uint8_t *buf, const uint8_t *base, size_t base_len,
                               const struct mutate_src *src, size_t len_limit)
    FERRET_FRAME(custom_crossover);
static size_t custom_crossover(rng_t *rng, uint8_t *buf, const uint8_t *base, size_t base_len,
                               const struct mutate_src *src, size_t len_limit)
{
    if (src->typed || !base_len || !src->partner_len)
        return 0;
    if (rng_below(rng, custom ? 2 : REPLAY_CROSSOVER_ODDS) != 0)
        return 0;
    size_t len = crossover(base, base_len, src->partner, src->partner_len, buf, len_limit,
                           (unsigned int)rng_next(rng));
    return len <= len_limit ? len : 0; /* one that lies made bytes it did not write: not taken */
}

size_t replay_build_input(uint64_t rng_state, uint8_t *buf, const uint8_t *base,
                          size_t base_len, const struct mutate_src *src, size_t len_limit)
{
    rng_t rng = {rng_state};
    if (base_len > len_limit)
        base_len = len_limit;
    const struct typed_schema *schema = src->typed;
    /* the hook is tested here, not inside: without one the fuzzing loop
     * makes no call for it */
    size_t len = crossover ? custom_crossover(&rng, buf, base, base_len, src, len_limit) : 0;
    if (len == 0) { /* not a cross-over: a mutation of base */
        memcpy(buf, base, base_len);
        if (custom)
            len = custom(buf, base_len, len_limit, (unsigned int)rng_next(&rng));
        else if (schema)
            len = typed_mutate(&rng, schema, buf, base_len, len_limit, src);
        else
            len = mutator_mutate(&rng, buf, base_len, len_limit, src);
    }
    if (len > len_limit)
        len = len_limit; /* a custom mutator may lie */
    if (src->only_ascii && !schema) /* typed: numbers and lengths stay as they are */
        for (size_t i = 0; i < len; i++) {
            uint8_t ch = buf[i] & 0x7f;
            buf[i] = (ch >= 0x20 && ch < 0x7f) || (ch >= '\t' && ch <= '\r') ? ch : ' ';
        }
    return len;
}

void replay_mutate_src(struct mutate_src *src, const struct shm *s, const uint8_t *partner,
                       size_t partner_len)
{
    uint32_t n = SHM_LOAD(s->words->n);
    memset(src, 0, sizeof *src);
    src->partner = partner;
    src->partner_len = partner_len;
    src->torc = s->torc;
    src->words = s->words->w;
    src->nwords = n <= SHM_WORDS_MAX ? n : SHM_WORDS_MAX;
    src->only_ascii = s->hdr->only_ascii != 0;
    src->typed = corpus_schema();
}
