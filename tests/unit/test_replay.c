/* test_replay.c - the replay contract (replay.h) with the target's
 * LLVMFuzzerCustomCrossOver: it is called with the base and the partner, on
 * one input in REPLAY_CROSSOVER_ODDS (one in 2 with a custom mutator), and
 * the same rng state rebuilds the same bytes. */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "mutator.h"
#include "replay.h"

static unsigned calls;
static size_t last_len1, last_len2;

static size_t xo(const uint8_t *d1, size_t n1, const uint8_t *d2, size_t n2, uint8_t *out,
                 size_t max, unsigned int seed)
{
    calls++;
    last_len1 = n1;
    last_len2 = n2;
    if (seed % 5 == 0)
        return 0; /* nothing made: the input is mutated as usual */
    size_t n = n1 + n2 + 1 < max ? n1 + n2 + 1 : max;
    memcpy(out, d1, n1 < n ? n1 : n);
    if (n > n1)
        memcpy(out + n1, d2, n - n1 - 1 < n2 ? n - n1 - 1 : n2);
    out[n - 1] = (uint8_t)seed;
    return seed % 7 == 0 ? max + 100 : n; /* and sometimes lies about the length */
}

static size_t mine(uint8_t *d, size_t n, size_t max, unsigned int seed)
{
    (void)max;
    if (n)
        d[0] = (uint8_t)seed;
    return n;
}

static void test_crossover_is_a_mutation(void)
{
    const uint8_t base[] = "base-entry", partner[] = "PARTNER";
    struct mutate_src src = {.partner = partner, .partner_len = 7};
    uint8_t a[64], b[64];
    replay_set_custom_crossover(xo);
    calls = 0;
    unsigned crossed = 0;
    for (uint64_t state = 1; state <= 16000; state++) {
        unsigned before = calls;
        size_t la = replay_build_input(state, a, base, 10, &src, sizeof a);
        if (calls != before) {
            CHECK(last_len1 == 10 && last_len2 == 7);
            crossed += la == 18 && !memcmp(a, "base-entryPARTNER", 17);
        }
        CHECK(la <= sizeof a);
        size_t lb = replay_build_input(state, b, base, 10, &src, sizeof b);
        CHECK(la == lb && !memcmp(a, b, la)); /* rebuilt byte for byte */
    }
    calls /= 2; /* each state built twice */
    CHECK(calls > 16000 / 2 / REPLAY_CROSSOVER_ODDS && calls < 16000 * 2 / REPLAY_CROSSOVER_ODDS);
    CHECK(crossed > 0);
    /* with a custom mutator: one in two */
    replay_set_custom_mutator(mine);
    calls = 0;
    for (uint64_t state = 1; state <= 1000; state++)
        (void)replay_build_input(state, a, base, 10, &src, sizeof a);
    CHECK(calls > 400 && calls < 600);
    /* no partner, an empty base or a typed target: never */
    calls = 0;
    struct mutate_src none = {0};
    for (uint64_t state = 1; state <= 1000; state++) {
        (void)replay_build_input(state, a, base, 10, &none, sizeof a);
        (void)replay_build_input(state, a, base, 0, &src, sizeof a);
    }
    CHECK_EQ_U(calls, 0);
    replay_set_custom_mutator(NULL);
    replay_set_custom_crossover(NULL);
}

int main(void)
{
    RUN(test_crossover_is_a_mutation);
    return CHECK_DONE("replay");
}
