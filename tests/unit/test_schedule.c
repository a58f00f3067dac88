/* test_schedule.c - feature extraction, every factor of the weight formula
 * against hand-computed values, and picks distributed by weight. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "schedule.h"

#define NEAR(a, b) ((a) - (b) < 1e-9 * (b) && (b) - (a) < 1e-9 * (b))

/* A malloc'd copy of ids, for sched_add to own. */
static uint32_t *feats(const uint32_t *ids, size_t n)
{
    uint32_t *f = malloc(n ? n * sizeof *f : 1);
    if (n)
        memcpy(f, ids, n * sizeof *f);
    return f;
}

static void add(struct schedule *s, const uint32_t *ids, size_t n, size_t len,
                uint64_t exec_ns)
{
    CHECK(sched_add(s, feats(ids, n), n, len, exec_ns) == 0);
}

static void test_features_of(void)
{
    const uint8_t cov[] = {0x00, 0x81, 0x04, 0x00, 0xff};
    const uint32_t want[] = {8, 15, 18, 32, 33, 34, 35, 36, 37, 38, 39};
    size_t n = 99;
    uint32_t *f = sched_features_of(cov, sizeof cov, &n);
    CHECK(f != NULL);
    CHECK_EQ_U(n, sizeof want / sizeof want[0]);
    CHECK(f && n == 11 && memcmp(f, want, sizeof want) == 0);
    free(f);

    const uint8_t zero[3] = {0};
    f = sched_features_of(zero, sizeof zero, &n);
    CHECK(f != NULL);
    CHECK_EQ_U(n, 0);
    free(f);
    f = sched_features_of(NULL, 0, &n);
    CHECK(f != NULL);
    CHECK_EQ_U(n, 0);
    free(f);
}

/* Expected values below were computed independently with Python's math.log2:
 * size_factor(len) = 1 / (1 + log2(1 + len / 64)). */
#define SIZE_10 0.8268198083685285
#define SIZE_10000 0.1205267083655566
#define SIZE_100 0.4241687979909469
#define SIZE_1000 0.19781288439542116

static void test_rarity_and_exact(void)
{
    struct schedule s;
    CHECK(sched_init(&s, 4) == 0);
    /* A: {1, 2}, len 100, 1000 ns.  B: {2, 3}, len 1000, 3000 ns.
     * C: no features, len 0, unknown speed.  freq: 1->1, 2->2, 3->1. */
    add(&s, (const uint32_t[]){1, 2}, 2, 100, 1000);
    add(&s, (const uint32_t[]){2, 3}, 2, 1000, 3000);
    add(&s, NULL, 0, 0, 0);
    /* mean = 2000: speed(A) = 2, speed(B) = 2/3; rarity(A) = rarity(B) = 1.5 */
    CHECK(NEAR(sched_weight(&s, 0), 1.5 * SIZE_100 * 2.0));
    CHECK(NEAR(sched_weight(&s, 1), 1.5 * SIZE_1000 * (2.0 / 3)));
    CHECK(sched_weight(&s, 2) == 1.0 / 16); /* empty: rarity 1/16, rest 1 */
    CHECK(sched_weight(&s, 3) == 0);        /* out of range */
    sched_free(&s);

    /* A has a feature of its own; B only the common one. */
    CHECK(sched_init(&s, 2) == 0);
    add(&s, (const uint32_t[]){0, 9}, 2, 64, 0);
    add(&s, (const uint32_t[]){0}, 1, 64, 0);
    add(&s, (const uint32_t[]){0}, 1, 64, 0);
    CHECK(sched_weight(&s, 0) > sched_weight(&s, 1));
    CHECK(NEAR(sched_weight(&s, 0), (1.0 / 3 + 1) * 0.5)); /* log2(2) = 1 */
    CHECK(NEAR(sched_weight(&s, 1), 1.0 / 3 * 0.5));
    /* A new holder of feature 9 makes A less rare. */
    add(&s, (const uint32_t[]){9}, 1, 64, 0);
    CHECK(NEAR(sched_weight(&s, 0), (1.0 / 3 + 0.5) * 0.5));
    sched_free(&s);

    /* Ids beyond ncounters * 8 are ignored; none left means "empty". */
    CHECK(sched_init(&s, 1) == 0);
    add(&s, (const uint32_t[]){3, 100}, 2, 0, 0);
    add(&s, (const uint32_t[]){200}, 1, 0, 0);
    CHECK(NEAR(sched_weight(&s, 0), 1.0));
    CHECK(sched_weight(&s, 1) == 1.0 / 16);
    sched_free(&s);

    /* ncounters == 0 works: every entry is featureless. */
    CHECK(sched_init(&s, 0) == 0);
    add(&s, NULL, 0, 0, 0);
    CHECK(sched_weight(&s, 0) == 1.0 / 16);
    sched_free(&s);
}

static void test_size(void)
{
    struct schedule s;
    CHECK(sched_init(&s, 1) == 0);
    add(&s, (const uint32_t[]){5}, 1, 10, 0);
    add(&s, (const uint32_t[]){5}, 1, 10000, 0);
    double small = sched_weight(&s, 0), big = sched_weight(&s, 1);
    CHECK(small > big);
    CHECK(NEAR(small, 0.5 * SIZE_10));
    CHECK(NEAR(big, 0.5 * SIZE_10000));
    CHECK(NEAR(small / big, SIZE_10 / SIZE_10000));
    sched_free(&s);
}

static void test_speed(void)
{
    struct schedule s;
    CHECK(sched_init(&s, 1) == 0);
    /* mean = 50500: fast = 50.5 -> clamped to 4; slow = 0.505. */
    add(&s, (const uint32_t[]){0}, 1, 0, 1000);
    add(&s, (const uint32_t[]){0}, 1, 0, 100000);
    add(&s, (const uint32_t[]){0}, 1, 0, 0); /* unknown: 1, not in the mean */
    CHECK(sched_weight(&s, 0) > sched_weight(&s, 1));
    CHECK(NEAR(sched_weight(&s, 0), 4.0 / 3));
    CHECK(NEAR(sched_weight(&s, 1), 0.505 / 3));
    CHECK(NEAR(sched_weight(&s, 2), 1.0 / 3));
    /* Learning the third one's time changes the mean, hence everyone. */
    sched_set_exec_ns(&s, 2, 1000000); /* mean = 367000 */
    CHECK(NEAR(sched_weight(&s, 1), 3.67 / 3));
    CHECK(NEAR(sched_weight(&s, 2), 0.367 / 3));
    sched_free(&s);

    /* Nine at 1000 ns, one at 1e6: mean 100900, slow = 0.1009 -> 1/4. */
    CHECK(sched_init(&s, 1) == 0);
    for (int i = 0; i < 9; i++)
        add(&s, (const uint32_t[]){0}, 1, 0, 1000);
    add(&s, (const uint32_t[]){0}, 1, 0, 1000000);
    CHECK(NEAR(sched_weight(&s, 0), 4.0 / 10));
    CHECK(NEAR(sched_weight(&s, 9), 0.25 / 10));
    sched_free(&s);
}

/* Energy is a rate of finds per pick, shrunk towards the run's rate (the
 * prior) by SCHED_PRIOR_PICKS picks' worth. */
static void test_energy(void)
{
    struct schedule s;
    rng_t r = {42};
    const double m = SCHED_PRIOR_PICKS;
    CHECK(sched_init(&s, 1) == 0);
    add(&s, (const uint32_t[]){0}, 1, 0, 0);
    CHECK(NEAR(sched_weight(&s, 0), 1.0)); /* no finds, no picks: the prior, 1 */
    sched_note_find(&s, 0);
    sched_note_find(&s, 0);
    /* prior (1 + 2) / (1 + 0) = 3; energy (2 + 3m) / m */
    CHECK(NEAR(sched_weight(&s, 0), (2 + 3 * m) / m));
    /* The only entry is always picked; each pick lowers the energy, and
     * at the 64th it is recomputed with the prior of that moment. */
    double last = sched_weight(&s, 0);
    int falls = 1;
    for (int i = 0; i < 64; i++) {
        CHECK_EQ_U(sched_pick(&s, &r), 0);
        falls &= s.e[0].weight < last;
        last = s.e[0].weight;
    }
    CHECK(falls);
    CHECK_EQ_U(s.e[0].fuzzed, 64);
    CHECK_EQ_U(s.picks, 64);
    CHECK(NEAR(s.e[0].weight, (2 + m * 3.0 / 65) / (64 + m)));
    sched_free(&s);
}

/* An entry never picked weighs the run's rate, whatever the others found:
 * a lineage with many finds and few picks does not starve it. */
static void test_energy_unpicked(void)
{
    struct schedule s;
    CHECK(sched_init(&s, 8) == 0);
    add(&s, (const uint32_t[]){0}, 1, 0, 0); /* 0: a seed never picked */
    add(&s, (const uint32_t[]){1}, 1, 0, 0); /* 1: a lineage of 100 finds */
    for (int i = 0; i < 100; i++) {
        add(&s, (const uint32_t[]){(uint32_t)(2 + i)}, 1, 0, 0);
        sched_note_child(&s, 1, s.n - 1);
    }
    /* No pick yet: the run's rate is 101 finds per pick; entry 0 has it,
     * entry 1 (100 finds) about the same. */
    double prior = 101.0;
    CHECK(NEAR(sched_weight(&s, 0), prior));
    CHECK(NEAR(sched_weight(&s, 1), (100 + SCHED_PRIOR_PICKS * prior) / SCHED_PRIOR_PICKS));
    /* The old energy (1 + 4 finds) / (1 + fuzzed / 64) made it 401 to 1. */
    CHECK(sched_weight(&s, 1) < 2 * sched_weight(&s, 0));
    sched_free(&s);
}

/* The prefix sums lag a picked entry's weight by less than 2x: they are
 * rebuilt at its 1st, 2nd, 4th, ... 64th pick and every 64th after
 * (rebuilt at multiples of 64 only, a new entry would be drawn with its
 * unpicked weight for 63 picks, about 16x its own). */
static void test_prefix_lag(void)
{
    struct schedule s;
    rng_t r = {11};
    CHECK(sched_init(&s, 1) == 0);
    add(&s, (const uint32_t[]){0}, 1, 0, 0);
    add(&s, (const uint32_t[]){1}, 1, 0, 0);
    add(&s, (const uint32_t[]){2}, 1, 0, 0);
    sched_weight(&s, 0); /* every weight exact */
    int ok = 1;
    for (int i = 0; i < 3000; i++) {
        sched_pick(&s, &r);
        for (size_t j = 0; j < s.n; j++) {
            double drawn = s.cumulative[j] - (j ? s.cumulative[j - 1] : 0);
            ok &= drawn <= 2 * s.e[j].weight * (1 + 1e-9);
            ok &= drawn >= s.e[j].weight * (1 - 1e-9);
        }
    }
    CHECK(ok);
    CHECK(s.picks == 3000);
    sched_free(&s);
}

/* Two entries, rarity 3 vs 1, all else equal: weights exactly 3:1.
 * Returns 1 on success (no CHECK here: it runs 100000 times). */
static int build_3_to_1(struct schedule *s)
{
    if (sched_init(s, 1) != 0)
        return 0;
    int ok = sched_add(s, feats((const uint32_t[]){0, 1, 2}, 3), 3, 0, 0) == 0;
    ok &= sched_add(s, feats((const uint32_t[]){3}, 1), 1, 0, 0) == 0;
    return ok;
}

static void test_distribution(void)
{
    struct schedule s;
    rng_t r = {12345};
    /* Weights 3:1 at every pick: a fresh schedule per pick, so energy
     * decay does not enter. */
    size_t count[2] = {0};
    int ok = 1;
    for (int i = 0; i < 100000; i++) {
        ok &= build_3_to_1(&s);
        ok &= NEAR(sched_weight(&s, 0), 3 * sched_weight(&s, 1));
        count[sched_pick(&s, &r)]++;
        sched_free(&s);
    }
    CHECK(ok);
    double ratio = (double)count[0] / (double)count[1];
    CHECK(ratio > 3 * 0.97 && ratio < 3 * 1.03);

    /* One schedule picked 100000 times: energies decay with picks, so each
     * pick must follow the weights of that moment.  Summing the current
     * probability before every pick gives the expected count.  (In the
     * long run a / b -> sqrt(3): a share x = 3(1-x) / (3(1-x) + x).) */
    CHECK(build_3_to_1(&s));
    double expect = 0;
    count[0] = count[1] = 0;
    for (int i = 0; i < 100000; i++) {
        double w0 = sched_weight(&s, 0), w1 = sched_weight(&s, 1);
        expect += w0 / (w0 + w1);
        count[sched_pick(&s, &r)]++;
    }
    CHECK((double)count[0] > expect * 0.98 && (double)count[0] < expect * 1.02);
    ratio = (double)count[0] / (double)count[1];
    CHECK(ratio > 1.7320508 * 0.97 && ratio < 1.7320508 * 1.03);
    sched_free(&s);

    /* One entry with 4 finds among 39 plain ones: prior (1 + 4) / 1 = 5,
     * energies (4 + 5m) / m against 5m / m. */
    CHECK(sched_init(&s, 8) == 0);
    for (uint32_t f = 0; f < 40; f++)
        add(&s, (const uint32_t[]){f}, 1, 0, 0);
    for (int k = 0; k < 4; k++)
        sched_note_find(&s, 7);
    CHECK(NEAR(sched_weight(&s, 7), (4 + 5.0 * SCHED_PRIOR_PICKS) / (5.0 * SCHED_PRIOR_PICKS) *
                                        sched_weight(&s, 0)));
    size_t hits = 0;
    expect = 0;
    for (int i = 0; i < 20000; i++) {
        double total = 0;
        for (size_t j = 0; j < s.n; j++)
            total += sched_weight(&s, j);
        expect += sched_weight(&s, 7) / total;
        hits += sched_pick(&s, &r) == 7;
    }
    CHECK((double)hits > expect * 0.95 && (double)hits < expect * 1.05);
    sched_free(&s);
}

/* A retired entry (replaced by its minimized form) is never picked, and its
 * features stop counting towards the others' rarity and the mean speed. */
static void test_retire(void)
{
    struct schedule s;
    rng_t r = {99};
    CHECK(sched_init(&s, 4) == 0);
    add(&s, (const uint32_t[]){1, 2}, 2, 64, 1000);  /* 0: the input as found */
    add(&s, (const uint32_t[]){0, 2}, 2, 64, 1000);  /* 1: another entry */
    add(&s, (const uint32_t[]){1, 2}, 2, 64, 3000);  /* 2: its minimized form */
    /* freq: 0->1, 1->2, 2->3; mean 5000/3 */
    CHECK(NEAR(sched_weight(&s, 2), (0.5 + 1.0 / 3) * 0.5 * (5000.0 / 3 / 3000)));
    sched_retire(&s, 0);
    CHECK(sched_weight(&s, 0) == 0);
    /* freq: 1->1, 2->2; mean 2000: speed(2) = 2/3, speed(1) = 2 */
    CHECK(NEAR(sched_weight(&s, 2), (1 + 0.5) * 0.5 * (2.0 / 3)));
    CHECK(NEAR(sched_weight(&s, 1), (1 + 0.5) * 0.5 * 2));
    sched_retire(&s, 0); /* twice: no effect */
    sched_retire(&s, 7); /* out of range: no effect */
    CHECK(NEAR(sched_weight(&s, 2), (1 + 0.5) * 0.5 * (2.0 / 3)));
    size_t picked0 = 0;
    for (int i = 0; i < 10000; i++)
        picked0 += sched_pick(&s, &r) == 0;
    CHECK_EQ_U(picked0, 0);
    sched_free(&s);
}

/* A new entry's weight is exact at once; the others' (whose rarity it
 * changed) are caught up within max(16, n / 16) picks, and a pick after
 * that sees every weight exact. */
static void test_amortized_refresh(void)
{
    struct schedule s, exact;
    rng_t r = {5};
    CHECK(sched_init(&s, 4) == 0);
    CHECK(sched_init(&exact, 4) == 0);
    add(&s, (const uint32_t[]){1}, 1, 64, 0);
    add(&s, (const uint32_t[]){2}, 1, 64, 0);
    add(&exact, (const uint32_t[]){1}, 1, 64, 0);
    add(&exact, (const uint32_t[]){2}, 1, 64, 0);
    sched_pick(&s, &r); /* first pick: full refresh */
    rng_t r2 = {5};
    sched_pick(&exact, &r2); /* the same pick: the same prior (no finds in one pick) */
    add(&s, (const uint32_t[]){1}, 1, 64, 0);
    add(&exact, (const uint32_t[]){1}, 1, 64, 0);
    CHECK(NEAR(s.e[2].weight, sched_weight(&exact, 2))); /* exact at once */
    CHECK(s.stale);
    /* entry 0 still has its old rarity (1, not 1/2) until the refresh */
    CHECK(s.e[0].weight > sched_weight(&exact, 0) * 1.5);
    for (int i = 0; i < 17; i++)
        sched_pick(&s, &r);
    CHECK(!s.stale);
    sched_free(&s);
    sched_free(&exact);
}

static void build(struct schedule *s)
{
    CHECK(sched_init(s, 16) == 0);
    for (uint32_t i = 0; i < 50; i++)
        add(s, (const uint32_t[]){i % 7, 20 + i % 13, 100 + i}, 3, i * 37,
            i % 3 ? 1000 + i * 50 : 0);
}

static void test_determinism(void)
{
    struct schedule a, b;
    build(&a);
    build(&b);
    rng_t ra = {777}, rb = {777};
    int same = 1;
    for (int i = 0; i < 5000; i++) {
        if (i % 500 == 0) {
            sched_note_find(&a, (size_t)i % 50);
            sched_note_find(&b, (size_t)i % 50);
        }
        same &= sched_pick(&a, &ra) == sched_pick(&b, &rb);
    }
    CHECK(same);
    CHECK(memcmp(a.cumulative, b.cumulative, a.n * sizeof(double)) == 0);
    sched_free(&a);
    sched_free(&b);
    CHECK(a.e == NULL && a.n == 0);
}

/* sched_owned: an entry owns the features of which it is the shortest
 * holder (the earliest of equals); a retired holder's features go to the
 * next entry added with them. */
static void test_owned(void)
{
    struct schedule s;
    CHECK(sched_init(&s, 4) == 0);
    const uint32_t a[] = {1, 2, 9}, b[] = {1, 2, 3}, c[] = {2, 3, 9}, d[] = {1, 3};
    add(&s, a, 3, 100, 0); /* 0: shortest so far of 1, 2, 9 */
    add(&s, b, 3, 10, 0);  /* 1: shorter: takes 1 and 2, and 3 is new */
    add(&s, c, 3, 10, 0);  /* 2: as short as 1 (1 keeps 2 and 3), takes 9 */
    uint32_t out[8];
    CHECK_EQ_U(sched_owned(&s, 0, out, 8), 0);
    CHECK_EQ_U(sched_owned(&s, 1, out, 8), 3);
    CHECK(out[0] == 1 && out[1] == 2 && out[2] == 3);
    CHECK_EQ_U(sched_owned(&s, 2, out, 8), 1);
    CHECK(out[0] == 9);
    CHECK_EQ_U(sched_owned(&s, 1, out, 2), 3); /* more than max: the count */
    sched_retire(&s, 1);
    CHECK_EQ_U(sched_owned(&s, 1, out, 8), 0); /* retired: owns nothing */
    add(&s, d, 2, 50, 0);  /* 3: 1 and 3 had no holder left: 3 takes them */
    CHECK_EQ_U(sched_owned(&s, 3, out, 8), 2);
    CHECK(out[0] == 1 && out[1] == 3);
    CHECK_EQ_U(sched_owned(&s, 0, out, 8), 0); /* 2 still had no holder: unknown */
    CHECK_EQ_U(sched_owned(&s, 99, out, 8), 0);
    sched_free(&s);
}

/* A replacement carries on with the energy of what it replaces. */
static void test_carry_energy(void)
{
    struct schedule s, eight;
    rng_t r = {7};
    const uint32_t ids[] = {1};
    CHECK(sched_init(&s, 1) == 0);
    add(&s, ids, 1, 10, 0);
    sched_note_find(&s, 0);
    sched_note_find(&s, 0);
    CHECK_EQ_U(sched_pick(&s, &r), 0); /* fuzzed once */
    add(&s, ids, 1, 8, 0);             /* its replacement */
    sched_carry_stats(&s, 0, 1);
    sched_retire(&s, 0);
    CHECK_EQ_U(s.e[1].finds, 2);
    CHECK_EQ_U(s.e[1].fuzzed, 1);
    /* energy (2 + m prior) / (1 + m), prior (1 + 2) / (1 + 1), times a
     * fresh 8-byte entry's weight (whose energy is its prior, 1) */
    CHECK(sched_init(&eight, 1) == 0);
    add(&eight, ids, 1, 8, 0);
    const double m = SCHED_PRIOR_PICKS;
    double want = sched_weight(&eight, 0) * (2 + m * 1.5) / (1 + m);
    CHECK(NEAR(sched_weight(&s, 1), want));
    sched_free(&s);
    sched_free(&eight);
}

/* A new entry starts with the finds and picks of the entry it was found
 * from: the newest entry of a lineage of finds weighs what its parent did. */
static void test_child_energy(void)
{
    struct schedule s;
    const uint32_t a[] = {1}, b[] = {2};
    CHECK(sched_init(&s, 1) == 0);
    add(&s, a, 1, 10, 0);
    sched_note_find(&s, 0);
    sched_note_find(&s, 0);
    add(&s, b, 1, 10, 0);
    sched_note_child(&s, 0, 1);
    CHECK_EQ_U(s.e[0].finds, 3);
    CHECK_EQ_U(s.e[1].finds, 3);
    CHECK(NEAR(sched_weight(&s, 1), sched_weight(&s, 0))); /* same rarity, size, energy */
    rng_t r = {3};
    for (int i = 0; i < 20; i++)
        sched_pick(&s, &r);
    add(&s, (const uint32_t[]){3}, 1, 10, 0);
    size_t parent = s.e[0].fuzzed ? 0 : 1;
    sched_note_child(&s, parent, 2);
    CHECK_EQ_U(s.e[2].picks_before, s.e[parent].picks_before + s.e[parent].fuzzed);
    CHECK_EQ_U(s.e[2].finds, 4);
    CHECK(NEAR(sched_weight(&s, 2), sched_weight(&s, parent))); /* the same rate */
    sched_note_child(&s, 5, 1); /* out of range: nothing */
    CHECK_EQ_U(s.e[1].finds, 3);
    sched_free(&s);
}

/* A replacement whose time is unknown takes the one it replaces; a known
 * one keeps its own. */
static void test_carry_exec_ns(void)
{
    struct schedule s;
    const uint32_t ids[] = {1};
    CHECK(sched_init(&s, 1) == 0);
    add(&s, ids, 1, 100, 5000);
    add(&s, ids, 1, 50, 0);
    add(&s, ids, 1, 40, 700);
    sched_carry_stats(&s, 0, 1);
    CHECK_EQ_U(s.e[1].exec_ns, 5000);
    sched_carry_stats(&s, 0, 2);
    CHECK_EQ_U(s.e[2].exec_ns, 700);
    sched_free(&s);
}

/* A new entry is fuzzed first when a call holds 16 of its executions;
 * an unknown time (0) is not slow. */
static void test_first_look(void)
{
    const uint64_t call = 100000000; /* 100 ms */
    CHECK(sched_first_look(0, call));
    CHECK(sched_first_look(1000, call));
    CHECK(sched_first_look(6250000, call));
    CHECK(!sched_first_look(6250001, call));
    CHECK(!sched_first_look(200000000, call));
}

/* Minimizing may cost up to a third of fuzzing. */
static void test_minimize_turn(void)
{
    struct sched_spend sp = {0, 0};
    CHECK(sched_minimize_turn(&sp, 3));
    sp.minimize = 1;
    CHECK(!sched_minimize_turn(&sp, 3));
    sp.fuzz = 3;
    CHECK(sched_minimize_turn(&sp, 3));
    sp.minimize = 2;
    CHECK(!sched_minimize_turn(&sp, 3));
    sp.fuzz = 6;
    CHECK(sched_minimize_turn(&sp, 3));
}

/* A find's weights: the entry whose statistics changed has its weight at
 * once and the prefix sums stay exact; the others are refreshed at the next
 * pick on a small corpus, only n/256 picks later on a large one. */
static void test_refresh_after_find(void)
{
    for (size_t n = 100; n <= 600; n += 500) {
        struct schedule s;
        CHECK(sched_init(&s, 4096) == 0);
        for (size_t i = 0; i < n; i++) {
            const uint32_t ids[] = {(uint32_t)(i % 50), (uint32_t)(1000 + i)};
            add(&s, ids, 2, 10 + i % 7, 0);
        }
        rng_t r = {1};
        sched_pick(&s, &r); /* a refresh: every weight exact */
        sched_note_child(&s, 3, n - 1);
        CHECK(s.dirty);
        double sum = 0;
        for (size_t i = 0; i < n; i++)
            sum += s.e[i].weight;
        CHECK(NEAR(s.cumulative[n - 1], sum));
        CHECK_EQ_U(s.e[n - 1].finds, s.e[3].finds);
        double child = s.e[n - 1].weight;
        sched_pick(&s, &r);
        if (n < 256) {
            CHECK(!s.dirty); /* refreshed at this pick */
        } else {
            CHECK(s.dirty);  /* 600 / 256 = 2 picks later */
            sched_pick(&s, &r);
            sched_pick(&s, &r);
            CHECK(!s.dirty);
        }
        CHECK(child > 0);
        sched_free(&s);
    }
}

int main(void)
{
    RUN(test_features_of);
    RUN(test_rarity_and_exact);
    RUN(test_size);
    RUN(test_speed);
    RUN(test_energy);
    RUN(test_energy_unpicked);
    RUN(test_prefix_lag);
    RUN(test_distribution);
    RUN(test_determinism);
    RUN(test_retire);
    RUN(test_amortized_refresh);
    RUN(test_owned);
    RUN(test_carry_energy);
    RUN(test_child_energy);
    RUN(test_refresh_after_find);
    RUN(test_carry_exec_ns);
    RUN(test_first_look);
    RUN(test_minimize_turn);
    return CHECK_DONE("schedule");
}
