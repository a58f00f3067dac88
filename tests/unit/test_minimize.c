/*
 * test_minimize.c - minimize() reaches known minimal sizes, honours MIN_STOP,
 * never tries the unchanged input or a longer one, and resumes from a saved
 * cursor exactly where an uninterrupted run would have gone on.
 */
#include "minimize.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"

#define MAX_LOG 20000

typedef int (*prop_fn)(const uint8_t *d, size_t n);

struct tctx {
    prop_fn prop;
    uint8_t best[2048]; /* last kept input, to check every candidate against */
    size_t best_len;
    long calls;
    long stop_at;       /* answer MIN_STOP on this call (1-based), 0 = never */
    int stop_verdict;   /* property value of the candidate we stopped on */
    struct min_cursor saved;
    uint8_t cand[2048];
    size_t cand_len;
    int bad;            /* tried unchanged / longer input, or cursor stage bad */
    uint64_t log[MAX_LOG]; /* fingerprint of every candidate, in order */
};

static uint64_t fingerprint(const uint8_t *d, size_t n)
{
    uint64_t h = 1469598103934665603ULL ^ n;
    for (size_t i = 0; i < n; i++)
        h = (h ^ d[i]) * 1099511628211ULL;
    return h;
}

static void tctx_init(struct tctx *t, prop_fn prop, const uint8_t *d, size_t n)
{
    memset(t, 0, sizeof(*t));
    t->prop = prop;
    memcpy(t->best, d, n);
    t->best_len = n;
}

static int try_cb(void *arg, const uint8_t *cand, size_t len,
                  const struct min_cursor *cur)
{
    struct tctx *t = arg;
    int ok;

    if (len > t->best_len ||
        (len == t->best_len && memcmp(cand, t->best, len) == 0) ||
        cur->stage >= MIN_STAGE_DONE)
        t->bad++;
    if (t->calls < MAX_LOG)
        t->log[t->calls] = fingerprint(cand, len);
    t->calls++;
    ok = t->prop(cand, len);
    if (t->stop_at && t->calls == t->stop_at) {
        t->saved = *cur;
        memcpy(t->cand, cand, len);
        t->cand_len = len;
        t->stop_verdict = ok;
        return MIN_STOP;
    }
    if (ok) {
        memcpy(t->best, cand, len);
        t->best_len = len;
        return MIN_KEEP;
    }
    return MIN_REJECT;
}

/* ---- properties ---- */

static int has_fuzz(const uint8_t *d, size_t n)
{
    return memmem(d, n, "FUZZ", 4) != NULL;
}

/* 'F', 'U', 'Z', 'Z' in that order, anything in between. */
static int has_fuzz_spread(const uint8_t *d, size_t n)
{
    const char *want = "FUZZ";
    for (size_t i = 0; i < n && *want; i++)
        if (d[i] == (uint8_t)*want)
            want++;
    return *want == 0;
}

static int len_ge_10(const uint8_t *d, size_t n)
{
    (void)d;
    return n >= 10;
}

static int a_then_z(const uint8_t *d, size_t n)
{
    return n > 0 && d[0] == 'A' && memchr(d + 1, 'Z', n - 1) != NULL;
}

static int always(const uint8_t *d, size_t n)
{
    (void)d;
    (void)n;
    return 1;
}

static int never(const uint8_t *d, size_t n)
{
    (void)d;
    (void)n;
    return 0;
}

static int len3_mid01(const uint8_t *d, size_t n)
{
    return n == 3 && d[1] == 0x01;
}

/* Deterministic filler: bytes from a fixed LCG, avoiding the letters the
 * properties look for. */
static void fill(uint8_t *d, size_t n, uint32_t seed)
{
    for (size_t i = 0; i < n; i++) {
        seed = seed * 1664525u + 1013904223u;
        uint8_t b = (uint8_t)(seed >> 24);
        d[i] = (b == 'F' || b == 'U' || b == 'Z' || b == 'A') ? 0x80 : b;
    }
}

/* Runs minimize() from a zero cursor on a copy; result in out/out_len. */
static size_t run(struct tctx *t, prop_fn prop, const uint8_t *in, size_t n,
                  uint8_t *out)
{
    struct min_cursor cur = {0};
    size_t r;

    memcpy(out, in, n);
    tctx_init(t, prop, in, n);
    r = minimize(out, n, &cur, try_cb, t);
    CHECK_EQ_U(cur.stage, MIN_STAGE_DONE);
    CHECK_EQ_U(t->bad, 0);
    CHECK_EQ_U(r, t->best_len);
    CHECK(memcmp(out, t->best, r) == 0);
    return r;
}

static struct tctx T, U; /* large: keep off the stack */
static uint8_t in[2048], out[2048], out2[2048];

static void test_fuzz_needle(void)
{
    fill(in, 100, 1);
    memcpy(in + 37, "FUZZ", 4);
    size_t r = run(&T, has_fuzz, in, 100, out);
    CHECK_EQ_U(r, 4);
    CHECK(memcmp(out, "FUZZ", 4) == 0);
}

static void test_len_ge_10(void)
{
    fill(in, 100, 2);
    size_t r = run(&T, len_ge_10, in, 100, out);
    CHECK_EQ_U(r, 10);
    for (size_t i = 0; i < r; i++)
        CHECK(out[i] >= 0x20 && out[i] <= 0x7e);
}

static void test_a_then_z(void)
{
    fill(in, 64, 3);
    in[0] = 'A';
    in[50] = 'Z';
    size_t r = run(&T, a_then_z, in, 64, out);
    CHECK_EQ_U(r, 2);
    CHECK(memcmp(out, "AZ", 2) == 0);
}

static void test_always_never(void)
{
    fill(in, 50, 4);
    CHECK_EQ_U(run(&T, always, in, 50, out), 0);
    CHECK_EQ_U(T.calls, 1); /* the empty input comes first */

    fill(in, 50, 5);
    CHECK_EQ_U(run(&T, never, in, 50, out), 50);
    CHECK(memcmp(out, in, 50) == 0);

    /* Empty and one-byte inputs. */
    CHECK_EQ_U(run(&T, never, in, 0, out), 0);
    CHECK_EQ_U(T.calls, 0);
    in[0] = 0x7f;
    CHECK_EQ_U(run(&T, never, in, 1, out), 1);
    CHECK_EQ_U(out[0], 0x7f);
}

static void test_printable(void)
{
    memcpy(in, "\xff\x01\xfe", 3);
    size_t r = run(&T, len3_mid01, in, 3, out);
    CHECK_EQ_U(r, 3);
    CHECK(memcmp(out, "0\x01" "0", 3) == 0);
}

static void test_stop(void)
{
    for (long k = 1; k <= 12; k++) {
        struct min_cursor cur = {0};
        fill(in, 100, 6);
        memcpy(in + 37, "FUZZ", 4);
        memcpy(out, in, 100);
        tctx_init(&T, has_fuzz, in, 100);
        T.stop_at = k;
        size_t r = minimize(out, 100, &cur, try_cb, &T);
        CHECK_EQ_U(T.calls, k);
        CHECK(has_fuzz(out, r));
        CHECK_EQ_U(r, T.best_len);
        CHECK(memcmp(out, T.best, r) == 0);
    }
}

/* The 1000-byte needle case: total tries must stay roughly linear. */
static long needle_1000(uint32_t seed, size_t off)
{
    fill(in, 1000, seed);
    memcpy(in + off, "FUZZ", 4);
    size_t r = run(&T, has_fuzz, in, 1000, out);
    CHECK_EQ_U(r, 4);
    CHECK(memcmp(out, "FUZZ", 4) == 0);
    CHECK(T.calls < 5000);
    return T.calls;
}

static void test_cost(void)
{
    long worst = 0, c;
    size_t offs[] = {0, 1, 37, 499, 500, 511, 512, 700, 996};
    for (size_t i = 0; i < sizeof(offs) / sizeof(offs[0]); i++) {
        c = needle_1000(7 + (uint32_t)i, offs[i]);
        worst = c > worst ? c : worst;
    }
    printf("# minimize: 1000-byte input, 4-byte needle: at most %ld tries\n",
           worst);

    /* Harder: the needle's letters spread out, and nothing removable. */
    fill(in, 1000, 20);
    in[3] = 'F', in[333] = 'U', in[666] = 'Z', in[998] = 'Z';
    CHECK_EQ_U(run(&T, has_fuzz_spread, in, 1000, out), 4);
    CHECK(memcmp(out, "FUZZ", 4) == 0);
    CHECK(T.calls < 5000);
    printf("# minimize: 1000 bytes, needle spread out: %ld tries\n", T.calls);
    fill(in, 1000, 21);
    CHECK_EQ_U(run(&T, never, in, 1000, out), 1000);
    CHECK(T.calls < 5000);
    printf("# minimize: 1000 bytes, nothing removable: %ld tries\n", T.calls);
}

/*
 * Kill the run at try number k, then resume as the header says: with the
 * candidate and the same cursor if it had the property, else with the old
 * input (what minimize() returned) and the skipped cursor.  The resumed run
 * must try exactly the candidates the uninterrupted run tried after k and
 * end with the same bytes.
 */
static int resume_matches(prop_fn prop, const uint8_t *input, size_t n,
                          const uint8_t *want, size_t want_len, long k,
                          int *verdict)
{
    struct min_cursor cur = {0};
    size_t r;

    memcpy(out2, input, n);
    tctx_init(&T, prop, input, n);
    T.stop_at = k;
    r = minimize(out2, n, &cur, try_cb, &T);
    if (T.calls != k)
        return 0;
    cur = T.saved;
    *verdict = T.stop_verdict;
    if (T.stop_verdict) {
        memcpy(out2, T.cand, T.cand_len);
        r = T.cand_len;
    } else {
        minimize_cursor_skip(&cur, r);
    }
    tctx_init(&T, prop, out2, r);
    r = minimize(out2, r, &cur, try_cb, &T);
    if (T.bad || r != want_len || memcmp(out2, want, r) != 0)
        return 0;
    if (T.calls != U.calls - k)
        return 0;
    return memcmp(T.log, U.log + k, (size_t)T.calls * sizeof(U.log[0])) == 0;
}

/* After MIN_STOP, calling again with the returned bytes and the cursor
 * retries the very candidate that was stopped. */
static int retry_matches(prop_fn prop, const uint8_t *input, size_t n,
                         const uint8_t *want, size_t want_len, long k)
{
    struct min_cursor cur = {0};
    size_t r;

    memcpy(out2, input, n);
    tctx_init(&T, prop, input, n);
    T.stop_at = k;
    r = minimize(out2, n, &cur, try_cb, &T);
    tctx_init(&T, prop, out2, r);
    r = minimize(out2, r, &cur, try_cb, &T);
    if (T.bad || r != want_len || memcmp(out2, want, r) != 0)
        return 0;
    if (T.calls != U.calls - k + 1)
        return 0;
    return memcmp(T.log, U.log + k - 1,
                  (size_t)T.calls * sizeof(U.log[0])) == 0;
}

static void resume_case(prop_fn prop, const uint8_t *input, size_t n)
{
    int kept = 0, skipped = 0, bad_resume = 0, bad_retry = 0, verdict = 0;
    uint8_t want[2048];
    size_t want_len = run(&U, prop, input, n, want);

    for (long k = 1; k <= U.calls; k++) {
        if (!resume_matches(prop, input, n, want, want_len, k, &verdict))
            bad_resume++;
        if (verdict)
            kept++;
        else
            skipped++;
        if (!retry_matches(prop, input, n, want, want_len, k))
            bad_retry++;
    }
    CHECK_EQ_U(bad_resume, 0);
    CHECK_EQ_U(bad_retry, 0);
    CHECK(kept > 0);    /* both resume paths were exercised */
    CHECK(skipped > 0);
}

static void test_resume(void)
{
    fill(in, 100, 8);
    memcpy(in + 37, "FUZZ", 4);
    resume_case(has_fuzz, in, 100);

    fill(in, 40, 9);
    resume_case(len_ge_10, in, 40);

    fill(in, 64, 10);
    in[0] = 'A';
    in[50] = 'Z';
    in[51] = 0x01;
    resume_case(a_then_z, in, 64);

    memcpy(in, "\xff\x01\xfe", 3);
    resume_case(len3_mid01, in, 3);
}

/* A skipped cursor on the same input goes on with the next candidate. */
static void test_skip(void)
{
    struct min_cursor cur = {0};
    long first_calls;

    fill(in, 100, 11);
    memcpy(in + 37, "FUZZ", 4);
    run(&U, has_fuzz, in, 100, out);
    first_calls = U.calls;

    /* Skipping the very first candidate (the empty input, rejected anyway)
     * must give the same run minus its first try. */
    memcpy(out2, in, 100);
    minimize_cursor_skip(&cur, 100);
    CHECK_EQ_U(cur.stage, MIN_STAGE_TAIL);
    CHECK_EQ_U(cur.chunk, 50);
    tctx_init(&T, has_fuzz, in, 100);
    size_t r = minimize(out2, 100, &cur, try_cb, &T);
    CHECK_EQ_U(r, 4);
    CHECK_EQ_U(T.calls, first_calls - 1);
    CHECK(memcmp(T.log, U.log + 1, (size_t)T.calls * sizeof(U.log[0])) == 0);

    /* Skipping an accepted candidate: that cut is never made. */
    memset(&cur, 0, sizeof(cur));
    memset(in, 'x', 8);
    minimize_cursor_skip(&cur, 8); /* skip the empty input */
    minimize_cursor_skip(&cur, 8); /* skip cutting 4 */
    CHECK_EQ_U(cur.chunk, 2);
    memcpy(out2, in, 8);
    tctx_init(&T, always, in, 8);
    r = minimize(out2, 8, &cur, try_cb, &T);
    CHECK_EQ_U(r, 1);   /* 8 -> 6 -> 4 -> 2 by cuts of 2, then a cut of 1 */
    CHECK_EQ_U(T.bad, 0);
    CHECK(T.log[0] == fingerprint(in, 6));

    /* Stage transitions of the skip itself. */
    struct min_cursor c = {MIN_STAGE_TAIL, 1, 0};
    minimize_cursor_skip(&c, 10);
    CHECK_EQ_U(c.stage, MIN_STAGE_RANGES);
    c = (struct min_cursor){MIN_STAGE_RANGES, 4, 8};
    minimize_cursor_skip(&c, 10);
    CHECK_EQ_U(c.pos, 12);
    c = (struct min_cursor){MIN_STAGE_PRINTABLE, 0, 3};
    minimize_cursor_skip(&c, 10);
    CHECK_EQ_U(c.chunk, 1);
    CHECK_EQ_U(c.pos, 3);
    c = (struct min_cursor){MIN_STAGE_DONE, 0, 0};
    minimize_cursor_skip(&c, 10);
    CHECK_EQ_U(c.stage, MIN_STAGE_DONE);
}

/* A cursor of a later stage starts there; DONE tries nothing. */
static void test_start_stage(void)
{
    struct min_cursor cur = {MIN_STAGE_PRINTABLE, 0, 0};
    memcpy(in, "\x01\x02", 2);
    memcpy(out, in, 2);
    tctx_init(&T, always, in, 2);
    CHECK_EQ_U(minimize(out, 2, &cur, try_cb, &T), 2);
    CHECK(memcmp(out, "00", 2) == 0);
    CHECK_EQ_U(T.calls, 2);

    cur = (struct min_cursor){MIN_STAGE_DONE, 0, 0};
    tctx_init(&T, always, in, 2);
    CHECK_EQ_U(minimize(out, 2, &cur, try_cb, &T), 2);
    CHECK_EQ_U(T.calls, 0);
}

int main(void)
{
    RUN(test_fuzz_needle);
    RUN(test_len_ge_10);
    RUN(test_a_then_z);
    RUN(test_always_never);
    RUN(test_printable);
    RUN(test_stop);
    RUN(test_cost);
    RUN(test_resume);
    RUN(test_skip);
    RUN(test_start_stage);
    return CHECK_DONE("minimize");
}
