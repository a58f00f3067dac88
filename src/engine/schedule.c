/*
 * schedule.c - the weighted corpus schedule behind schedule.h.
 *
 * Invariants:
 *  - freq[f] is the number of entries whose feature list holds f (f < nfeat;
 *    larger ids are ignored everywhere, repeated ids count once).
 *  - cumulative[0..n) always holds prefix sums of the entries' weights
 *    (at most a few picks stale, see below), and an entry whose own
 *    statistics change (added, a find, a child's inherited finds, a
 *    replacement's carried ones, a time) gets its weight at once (reweigh).
 *    The others' weights may lag: stale != 0 (an entry was added or
 *    retired: the others' rarity moved a little) recomputes all of them,
 *    O(total features + n), at the latest max(16, n/16) picks later;
 *    dirty != 0 (a find, a time: the chain's weights, the prior rate in
 *    every energy, the mean behind every speed factor): on a corpus of fewer than 256 entries every weight is
 *    recomputed, rarity too, at the next pick; on a larger one the weights
 *    only, from each entry's cached rarity (O(n), reweigh_all), n/256 picks
 *    later, the rarities waiting for the stale refresh.  (Recomputing every
 *    rarity at each pick after a find took 95 % of the coordinator's time,
 *    23 % of a core, on jansson: 2,400 entries, about 14 finds a second.)
 *  - Staleness accepted: a pick updates the picked entry's weight in O(1)
 *    (only its energy changed), but the prefix sums are rebuilt only when
 *    that entry's fuzzed count reaches a power of two or a multiple of 64.
 *    Energy goes as 1 / (picks + SCHED_PRIOR_PICKS), so between two such
 *    counts it falls by less than half: each entry is sampled with a weight
 *    at most ~2x too high, and rebuilds cost O(n) at most log2(64) + 1
 *    times in an entry's first 64 picks and once per 64 after.  The rebuild
 *    also recomputes that entry's weight exactly, so rounding drift never
 *    spans more than 63 multiplications.
 *  - sched_add always takes ownership of features, even when it fails.
 *  - holder[f], when known, is a live entry having f, the shortest one
 *    (equal lengths keep the earlier entry) as long as no holder of f was
 *    retired.  Retiring a holder forgets it (SCHED_NO_HOLDER) rather than
 *    searching every entry: the next entry added with f becomes its holder,
 *    even if a shorter one has f.  That errs on the safe side: a holder
 *    too many only makes sched_owned() ask a reduction to keep more.  In
 *    the coordinator a replacement is added before the entry it replaces is
 *    retired, so for the features it kept it is the holder already.
 *
 * No libm: log2 is computed by log2_pos below, so the library links
 * without -lm.  "len / 64" and "fuzzed / 64" in the formula are real
 * divisions, not integer ones.
 *
 * Owns: no state of its own.  Of the struct schedule the caller keeps (the
 * coordinator's sched, coordinator_int.h), only this file writes the
 * fields: the entries (each one's features array is taken over by sched_add
 * and freed here), freq, holder, cumulative, dirty, stale and the refresh
 * count.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "schedule.h"

#define EMPTY_RARITY (1.0 / 16)
#define REBUILD_EVERY 64
#define MAX_COUNTERS (((size_t)UINT32_MAX + 1) / 8) /* ids must fit uint32 */

/*
 * log2 of a positive, normal, finite double without libm.  The bit pattern
 * gives x = 2^e * m with m in [1, 2); m is folded into [sqrt(1/2), sqrt(2))
 * and ln(m) = 2 atanh(t), t = (m - 1) / (m + 1), |t| <= 0.1716, from the
 * odd series t + t^3/3 + ... cut after t^25 (error < 1e-19).  Exact 0 for
 * powers of two; within a few ulps elsewhere.  Returns 0 for other inputs.
 */
static double log2_pos(double x)
{
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    int bexp = (int)((b >> 52) & 0x7ff);
    if (x <= 0 || bexp == 0 || bexp == 0x7ff)
        return 0;
    int e = bexp - 1023;
    b = (b & ((1ULL << 52) - 1)) | (1023ULL << 52);
    double m;
    memcpy(&m, &b, sizeof m);
    if (m > 1.4142135623730951) {
        m *= 0.5;
        e++;
    }
    double t = (m - 1) / (m + 1), t2 = t * t, s = 0;
    for (int k = 25; k >= 1; k -= 2)
        s = s * t2 + 1.0 / k;
    return e + 2 * t * s * 1.4426950408889634; /* 1 / ln 2 */
}

uint32_t *sched_features_of(const uint8_t *cov, size_t ncounters, size_t *n)
{
    *n = 0;
    if (ncounters > MAX_COUNTERS)
        return NULL;
    size_t count = 0;
    for (size_t i = 0; i < ncounters; i++)
        count += (size_t)__builtin_popcount(cov[i]);
    uint32_t *f = malloc(count ? count * sizeof *f : 1);
    if (!f)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < ncounters; i++)
        for (unsigned bit = 0; bit < 8; bit++)
            if (cov[i] >> bit & 1)
                f[k++] = (uint32_t)(i * 8 + bit);
    *n = count;
    return f;
}

int sched_init(struct schedule *s, size_t ncounters)
{
    memset(s, 0, sizeof *s);
    if (ncounters > MAX_COUNTERS)
        return -1;
    s->nfeat = ncounters * 8;
    s->freq = calloc(s->nfeat ? s->nfeat : 1, sizeof *s->freq);
    s->holder = malloc((s->nfeat ? s->nfeat : 1) * sizeof *s->holder);
    if (!s->freq || !s->holder) {
        free(s->freq);
        free(s->holder);
        s->freq = s->holder = NULL;
        return -1;
    }
    memset(s->holder, 0xff, (s->nfeat ? s->nfeat : 1) * sizeof *s->holder); /* SCHED_NO_HOLDER */
    return 0;
}

static int grow(struct schedule *s)
{
    if (s->n < s->cap)
        return 0;
    size_t cap = s->cap ? s->cap * 2 : 64;
    struct sched_entry *e = realloc(s->e, cap * sizeof *e);
    if (!e)
        return -1;
    s->e = e; /* larger than cap says until both succeed: harmless */
    double *c = realloc(s->cumulative, cap * sizeof *c);
    if (!c)
        return -1;
    s->cumulative = c;
    s->cap = cap;
    return 0;
}

/* Runs the next statement with f = each distinct in-range feature of e
 * (the list is sorted, so repeats are adjacent). */
#define FOR_EACH_FEATURE(s, e, f)                                              \
    for (size_t k_ = 0; k_ < (e)->nfeatures; k_++)                             \
        if (((f) = (e)->features[k_]) < (s)->nfeat &&                          \
            (k_ == 0 || (e)->features[k_ - 1] != (f)))

static double mean_exec_ns(const struct schedule *s);
static double prior_rate(const struct schedule *s);
static double entry_weight(const struct schedule *s, struct sched_entry *e, double mean,
                           double prior);
static void rebuild_prefix(struct schedule *s);

/* Entry i's own statistics changed: its weight now, O(its features + n). */
static void reweigh(struct schedule *s, size_t i)
{
    s->e[i].weight = entry_weight(s, &s->e[i], mean_exec_ns(s), prior_rate(s));
    rebuild_prefix(s);
}

int sched_add(struct schedule *s, uint32_t *features, size_t nfeatures, size_t len,
              uint64_t exec_ns)
{
    if (grow(s) != 0) {
        free(features);
        return -1;
    }
    struct sched_entry *e = &s->e[s->n];
    *e = (struct sched_entry){.features = features, .nfeatures = nfeatures,
                              .len = len, .exec_ns = exec_ns};
    uint32_t f;
    FOR_EACH_FEATURE(s, e, f) {
        s->freq[f]++;
        if (s->holder[f] == SCHED_NO_HOLDER || len < s->e[s->holder[f]].len)
            s->holder[f] = (uint32_t)s->n;
    }
    s->n++;
    if (exec_ns)
        s->dirty = 1; /* the mean, hence every speed factor, moves */
    s->stale = 1;
    e->weight = entry_weight(s, e, mean_exec_ns(s), prior_rate(s));
    s->cumulative[s->n - 1] = (s->n > 1 ? s->cumulative[s->n - 2] : 0) + e->weight;
    return 0;
}

void sched_set_exec_ns(struct schedule *s, size_t i, uint64_t exec_ns)
{
    if (i >= s->n)
        return;
    s->e[i].exec_ns = exec_ns;
    s->dirty = 1; /* the mean, hence every speed factor, may change */
    reweigh(s, i);
}

void sched_note_execs(struct schedule *s, size_t i, uint64_t n)
{
    if (i < s->n)
        s->e[i].execs += n;
}

void sched_carry_stats(struct schedule *s, size_t from, size_t to)
{
    if (from >= s->n || to >= s->n || from == to)
        return;
    s->e[to].execs += s->e[from].execs;
    s->e[to].succ += s->e[from].succ;
    s->e[to].finds += s->e[from].finds;
    s->e[to].fuzzed += s->e[from].fuzzed;
    s->e[to].picks_before += s->e[from].picks_before;
    if (!s->e[to].exec_ns)
        s->e[to].exec_ns = s->e[from].exec_ns; /* a shorter form is rarely slower */
    s->dirty = 1;
    reweigh(s, to);
}

void sched_note_find(struct schedule *s, size_t i)
{
    if (i >= s->n)
        return;
    s->e[i].finds++;
    s->e[i].succ++;
    s->finds++;
    s->dirty = 1; /* the prior, in every energy, moved too */
    reweigh(s, i);
}

/* The parent's find and the child's inherited energy: both weights, then
 * one prefix rebuild (each pass is O(n)). */
void sched_note_child(struct schedule *s, size_t parent, size_t child)
{
    if (parent >= s->n || child >= s->n || child == parent) {
        sched_note_find(s, parent);
        return;
    }
    struct sched_entry *p = &s->e[parent], *c = &s->e[child];
    p->finds++;
    p->succ++;
    s->finds++;
    c->finds = p->finds;
    c->picks_before = p->picks_before + p->fuzzed;
    s->dirty = 1;
    double mean = mean_exec_ns(s), prior = prior_rate(s);
    p->weight = entry_weight(s, p, mean, prior);
    c->weight = entry_weight(s, c, mean, prior);
    rebuild_prefix(s);
}

void sched_retire(struct schedule *s, size_t i)
{
    if (i >= s->n || s->e[i].retired)
        return;
    struct sched_entry *e = &s->e[i];
    uint32_t f;
    FOR_EACH_FEATURE(s, e, f) {
        s->freq[f]--;
        if (s->holder[f] == i)
            s->holder[f] = SCHED_NO_HOLDER; /* the next entry having f takes it */
    }
    free(e->features);
    e->features = NULL;
    e->nfeatures = 0;
    e->retired = 1;
    e->weight = 0;
    s->stale = 1;
    rebuild_prefix(s);
}

/* Mean exec_ns over entries where it is known; 0 when none is. */
static double mean_exec_ns(const struct schedule *s)
{
    double sum = 0;
    size_t known = 0;
    for (size_t i = 0; i < s->n; i++)
        if (s->e[i].exec_ns && !s->e[i].retired) {
            sum += (double)s->e[i].exec_ns;
            known++;
        }
    return known ? sum / (double)known : 0;
}

static double rarity_of(const struct schedule *s, const struct sched_entry *e)
{
    double rarity = 0;
    size_t counted = 0;
    uint32_t f;
    FOR_EACH_FEATURE(s, e, f) {
        rarity += 1.0 / s->freq[f];
        counted++;
    }
    return counted ? rarity : EMPTY_RARITY;
}

/* Finds per pick over the whole run, with one of each to start: the energy
 * an entry has before its own picks say otherwise. */
static double prior_rate(const struct schedule *s)
{
    return (1.0 + (double)s->finds) / (1.0 + (double)s->picks);
}

/* The weight from the entry's cached rarity: O(1). */
static double weight_of(const struct sched_entry *e, double mean, double prior)
{
    if (e->retired)
        return 0;
    double size = 1 / (1 + log2_pos(1 + (double)e->len / 64));
    double speed = 1;
    if (e->exec_ns && mean > 0) {
        speed = mean / (double)e->exec_ns;
        speed = speed < 0.25 ? 0.25 : speed > 4 ? 4 : speed;
    }
    double picks = (double)(e->picks_before + e->fuzzed);
    double energy = ((double)e->finds + SCHED_PRIOR_PICKS * prior) / (picks + SCHED_PRIOR_PICKS);
    return e->rarity * size * speed * energy;
}

/* Its rarity anew, O(its features), then its weight. */
static double entry_weight(const struct schedule *s, struct sched_entry *e, double mean,
                           double prior)
{
    e->rarity = e->retired ? 0 : rarity_of(s, e);
    return weight_of(e, mean, prior);
}

static void rebuild_prefix(struct schedule *s)
{
    double sum = 0;
    for (size_t i = 0; i < s->n; i++) {
        sum += s->e[i].weight;
        s->cumulative[i] = sum;
    }
}

static void refresh(struct schedule *s)
{
    double mean = mean_exec_ns(s), prior = prior_rate(s);
    for (size_t i = 0; i < s->n; i++)
        s->e[i].weight = entry_weight(s, &s->e[i], mean, prior);
    rebuild_prefix(s);
    s->dirty = s->stale = 0;
    s->picks_since_refresh = 0;
}

/* Every weight from the cached rarities, O(n): what a find or a time
 * moves (energies, the mean behind the speed factors). */
static void reweigh_all(struct schedule *s)
{
    double mean = mean_exec_ns(s), prior = prior_rate(s);
    for (size_t i = 0; i < s->n; i++)
        s->e[i].weight = weight_of(&s->e[i], mean, prior);
    rebuild_prefix(s);
    s->dirty = 0;
}

#define REFRESH_MIN_PICKS 16
#define SCHED_SMALL 256 /* below: a find refreshes every weight at the next pick */
static void refresh_for_pick(struct schedule *s)
{
    size_t every = s->n / 16 > REFRESH_MIN_PICKS ? s->n / 16 : REFRESH_MIN_PICKS;
    if (s->n < SCHED_SMALL) { /* exact after every find, as ever */
        if (s->dirty || (s->stale && s->picks_since_refresh >= every))
            refresh(s);
    } else if (s->stale && s->picks_since_refresh >= every) {
        refresh(s);
    } else if (s->dirty && s->picks_since_refresh >= s->n / SCHED_SMALL) {
        reweigh_all(s); /* rarities as of the last refresh */
    }
    s->picks_since_refresh++;
}

/* Smallest i with cumulative[i] > target, clamped to n - 1. */
static size_t search(const struct schedule *s, double target)
{
    size_t lo = 0, hi = s->n - 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->cumulative[mid] > target)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

size_t sched_pick(struct schedule *s, rng_t *r)
{
    if (s->n == 0)
        return 0;
    refresh_for_pick(s);
    double total = s->cumulative[s->n - 1];
    double u = (double)(rng_next(r) >> 11) * 0x1p-53;
    size_t i = total > 0 ? search(s, u * total) : (size_t)rng_below(r, s->n);
    struct sched_entry *e = &s->e[i];
    e->fuzzed++;
    s->picks++;
    if ((e->fuzzed & (e->fuzzed - 1)) == 0 || e->fuzzed % REBUILD_EVERY == 0) {
        e->weight = entry_weight(s, e, mean_exec_ns(s), prior_rate(s));
        rebuild_prefix(s);
    } else {
        /* energy(picks) / energy(picks - 1); finds (and, but for this
         * pick's share, the prior) unchanged */
        double picks = (double)(e->picks_before + e->fuzzed);
        e->weight *= (picks - 1 + SCHED_PRIOR_PICKS) / (picks + SCHED_PRIOR_PICKS);
    }
    return i;
}

double sched_weight(struct schedule *s, size_t i)
{
    if (i >= s->n)
        return 0;
    if (s->dirty || s->stale)
        refresh(s);
    return s->e[i].weight;
}

size_t sched_owned(const struct schedule *s, size_t i, uint32_t *out, size_t max)
{
    if (i >= s->n || s->e[i].retired)
        return 0;
    size_t k = 0;
    uint32_t f;
    FOR_EACH_FEATURE(s, &s->e[i], f)
        if (s->holder[f] == i) {
            if (k < max)
                out[k] = f;
            k++;
        }
    return k;
}

void sched_free(struct schedule *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->e[i].features);
    free(s->e);
    free(s->freq);
    free(s->holder);
    free(s->cumulative);
    memset(s, 0, sizeof *s);
}

int sched_minimize_turn(const struct sched_spend *s, unsigned div)
{
    return s->minimize * div <= s->fuzz;
}

int sched_first_look(uint64_t exec_ns, uint64_t call_ns)
{
    return exec_ns <= call_ns / SCHED_FIRST_LOOK_DIV;
}
