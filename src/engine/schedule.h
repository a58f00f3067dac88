/*
 * schedule.h - which corpus entry to fuzz next: a rarity-aware weight in the
 * spirit of libFuzzer's entropic schedule, instead of Go's FIFO.
 *
 * A feature is one (counter, hit-count bucket) pair, or one value-profile
 * bit.  The scheduler counts, for every feature, how many corpus entries
 * have it; an entry's weight grows with the rarity of its features and with
 * how productive fuzzing it has been, and shrinks with its size, its
 * execution time and the number of times it was already fuzzed.
 *
 *   weight(e) = rarity(e) * size_factor(e) * speed_factor(e) * energy(e)
 *   rarity(e)       = sum over e's features f of 1 / freq(f)
 *   size_factor(e)  = 1 / (1 + log2(1 + len / 64))
 *   speed_factor(e) = clamp(mean_exec_ns / exec_ns, 1/4, 4)  (1 when unknown)
 *   energy(e)       = (finds + M * prior) / (picks + M),  M = SCHED_PRIOR_PICKS
 *   prior           = (1 + the run's finds) / (1 + the run's picks)
 * where picks = picks_before + fuzzed, and a new entry starts with the
 * finds and picks of the entry it was found from (sched_note_child): it
 * inherits its lineage's rate of finds per pick, not only the count.
 * An entry with no features (e.g. the empty input) has rarity 1/16.
 *
 * Energy is a rate, shrunk towards the run's own: an entry never picked has
 * the run's average rate, one that keeps finding has more, one that finds
 * nothing sinks towards 0 as its picks grow.  (It was (1 + 4 finds) /
 * (1 + fuzzed / 64), with a child inheriting the count of finds only: in a
 * 10-minute run, where most entries are picked once or twice, a lineage
 * that found a hundred things weighed 400 times a seed never picked, and on
 * libtiff the one seed that reaches the image decoders was not picked once
 * in 90 s; bench/LIBS.md, "Session twelve".)
 *
 * Owned by the coordinator only.  Entries are identified by their index in
 * the corpus (0..n-1, append-only), matching corpus.h.
 */
#ifndef FERRET_SCHEDULE_H
#define FERRET_SCHEDULE_H

#include <stddef.h>
#include <stdint.h>

#include "rng.h"

#define SCHED_NO_HOLDER UINT32_MAX
/* The prior's weight in an energy, in picks: an entry's own rate counts for
 * as much as the run's after this many picks of it (and its lineage). */
#define SCHED_PRIOR_PICKS 4

struct sched_entry {
    uint32_t *features;   /* sorted feature ids; owned */
    size_t nfeatures;
    size_t len;           /* input length */
    uint64_t exec_ns;     /* 0 = unknown */
    uint64_t fuzzed;      /* times chosen */
    uint64_t finds;       /* new coverage found while fuzzing it (and, from
                             sched_note_child, its lineage's before it) */
    uint64_t execs, succ; /* statistics only (-print_corpus_stats): mutated inputs of it
                             run, new inputs found among them; carried over, with
                             fuzzed and finds, to the minimized or reduced form that
                             replaces it (sched_carry_stats) */
    uint64_t picks_before; /* its lineage's picks when it was found: the picks of
                             the entry it was found from, and of that one's
                             (sched_note_child); with finds, the rate it inherits */
    int retired;          /* never picked again */
    double weight;        /* cached */
    double rarity;        /* cached: the sum over its features of 1/freq, as of
                             its last weighing (schedule.c) */
};

struct schedule {
    struct sched_entry *e;
    size_t n, cap;
    uint32_t *freq;       /* entries having each feature, indexed by feature id */
    uint32_t *holder;     /* per feature: the shortest live entry having it (the
                             earliest of equals), SCHED_NO_HOLDER when none is
                             known; what sched_owned() reads */
    size_t nfeat;         /* size of freq: ncounters * 8 */
    double *cumulative;   /* prefix sums of weights, rebuilt lazily */
    int dirty;            /* weights to recompute soon (schedule.c) */
    int stale;            /* frequencies moved since the last full refresh:
                             other weights are a little off (see sched_pick) */
    size_t picks_since_refresh;
    uint64_t finds, picks; /* the whole run's finds and picks: the prior rate in
                             every energy (read at each weighing; other weights
                             may lag it as they lag the rarities) */
};

/* Features of a coverage vector (one byte of bucket bits per counter):
 * id = counter * 8 + bit.  Returns a malloc'd sorted array and its size. */
uint32_t *sched_features_of(const uint8_t *cov, size_t ncounters, size_t *n);

int sched_init(struct schedule *s, size_t ncounters);
/* Adds an entry (its index is the previous s->n); takes ownership of
 * features.  Returns 0 or -1 when out of memory. */
int sched_add(struct schedule *s, uint32_t *features, size_t nfeatures, size_t len,
              uint64_t exec_ns);
void sched_set_exec_ns(struct schedule *s, size_t i, uint64_t exec_ns);
void sched_note_find(struct schedule *s, size_t i);
/* Entry child was found fuzzing entry parent: a find for parent, and child
 * starts with parent's finds and picks (its rate), so a lineage of finds
 * each made from the one before (a state machine one state further, a
 * parser one field deeper, each time) keeps its energy at its newest entry
 * instead of starting it from the run's average among all the others. */
void sched_note_child(struct schedule *s, size_t parent, size_t child);
/* n mutated inputs of entry i were run (statistics only: no weight moves). */
void sched_note_execs(struct schedule *s, size_t i, uint64_t n);
/* Entry to replaces entry from (its minimized or reduced form): from's
 * statistics and its energy's counts (fuzzed, picks_before, finds) are added to to's, so
 * a replacement carries on with the productivity of what it replaces (a
 * fresh count would lose a productive entry's boost each time it shrinks:
 * on the challenge's strcase that took 2.2x the executions).  An unknown
 * execution time (0) takes from's.  Weights are recomputed before the next
 * pick. */
void sched_carry_stats(struct schedule *s, size_t from, size_t to);
/* Entry i is gone (replaced by a smaller one): weight 0 for good, and its
 * features no longer count towards the others' rarity. */
void sched_retire(struct schedule *s, size_t i);
/* Picks an entry by weight and counts it as fuzzed; s->n must be > 0.
 * A new entry gets its exact weight at once, but the others' rarity is
 * recomputed only every max(16, n / 16) picks: a full refresh costs every
 * feature of every entry, and a target rich in coverage adds entries faster
 * than that can be paid for each time.  Deterministic: counted in picks. */
size_t sched_pick(struct schedule *s, rng_t *r);
/* The exact weight of entry i (a full refresh if anything moved); for tests
 * and stats. */
double sched_weight(struct schedule *s, size_t i);
/* The features entry i holds and no shorter (or equally short, earlier)
 * live entry holds: what a smaller input must keep to replace it without
 * the corpus losing a feature's smallest example (libFuzzer's -reduce_inputs
 * idea).  Writes up to max ids to out and returns how many there are (more
 * than max: the caller should not reduce that entry).  An entry retired
 * leaves its features without a known holder until another entry having
 * them is added, so an entry may own fewer than it would after a full
 * recount: it then only keeps less reducible, never loses a feature. */
size_t sched_owned(const struct schedule *s, size_t i, uint32_t *out, size_t max);
void sched_free(struct schedule *s);

/* What the workers' time went to, as cost: a call's wall time in a timed
 * run, its executions in an Nx run (so a fixed-seed Nx run repeats
 * whatever the machine's load).  The coordinator keeps one. */
struct sched_spend {
    uint64_t fuzz;     /* fuzzing */
    uint64_t minimize; /* minimizing coverage-expanding inputs */
};
/* Minimizing may have the next call while it has cost at most 1/div of
 * fuzzing. */
int sched_minimize_turn(const struct sched_spend *s, unsigned div);
/* New entries are fuzzed first, in the order found, when one execution of
 * theirs takes at most 1/SCHED_FIRST_LOOK_DIV of a fuzzing call (call_ns);
 * a slower one (exec_ns, 0 = unknown: not slow) waits for the weights,
 * whose speed factor counts its cost.  Otherwise a run whose every new entry
 * is slow and leads at once to another (libtiff with value profile: each
 * sort of a large directory, 0.04-0.3 s, brings a new distance feature)
 * never comes back to the weights, nor to the fast entries. */
#define SCHED_FIRST_LOOK_DIV 16
int sched_first_look(uint64_t exec_ns, uint64_t call_ns);

#endif
