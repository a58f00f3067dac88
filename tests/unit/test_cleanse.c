/*
 * test_cleanse.c - cleanse() replaces exactly the bytes that do not matter
 * with ' ' or 0xff (never changing the length, never trying the unchanged
 * input), repeats passes while one changed something (at most
 * CLEANSE_PASSES), honours MIN_STOP, and resumes from a saved cursor, after
 * a kept or a rejected candidate, exactly as an uninterrupted run goes on.
 */
#include "cleanse.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"

#define MAX_LOG 4096

typedef int (*prop_fn)(const uint8_t *d, size_t n);

struct tctx {
    prop_fn prop;
    uint8_t cur[256];   /* the input as kept so far */
    size_t len;
    long calls, stop_at, die_at; /* MIN_STOP / "process dies" on this call (1-based) */
    struct min_cursor saved;     /* the cursor as try() saw it (persisted) */
    uint8_t cand[256];
    int died_kept;               /* the candidate we "died" on had the property */
    int bad;                     /* a candidate of another length, or unchanged, or not one byte off */
    uint64_t log[MAX_LOG];
};

static uint64_t fingerprint(const uint8_t *d, size_t n)
{
    uint64_t h = 1469598103934665603ULL ^ n;
    for (size_t i = 0; i < n; i++)
        h = (h ^ d[i]) * 1099511628211ULL;
    return h;
}

static int try_cb(void *arg, const uint8_t *cand, size_t len, const struct min_cursor *cur)
{
    struct tctx *t = arg;
    size_t diff = 0;
    for (size_t i = 0; i < len && len == t->len; i++)
        diff += cand[i] != t->cur[i];
    if (len != t->len || diff != 1)
        t->bad++;
    if (t->calls < MAX_LOG)
        t->log[t->calls] = fingerprint(cand, len);
    t->calls++;
    t->saved = *cur;
    memcpy(t->cand, cand, len);
    int ok = t->prop(cand, len);
    if (t->calls == t->stop_at)
        return MIN_STOP;
    if (t->calls == t->die_at) {
        t->died_kept = ok;
        return MIN_STOP; /* the caller plays the dead process: it resumes from t->saved */
    }
    if (ok)
        memcpy(t->cur, cand, len);
    return ok ? MIN_KEEP : MIN_REJECT;
}

static void tctx_init(struct tctx *t, prop_fn prop, const char *s)
{
    memset(t, 0, sizeof *t);
    t->prop = prop;
    t->len = strlen(s);
    memcpy(t->cur, s, t->len);
}

/* Crashes while the input starts with 'A' (ClusterFuzz's crash_with_A_fuzzer). */
static int first_is_A(const uint8_t *d, size_t n) { return n > 0 && d[0] == 'A'; }
/* Needs "KEY" at 2..4 and a byte 0xff or 'z' at 7. */
static int key_at_2(const uint8_t *d, size_t n)
{
    return n >= 8 && memcmp(d + 2, "KEY", 3) == 0 && (d[7] == 'z' || d[7] == 0xff);
}
static int always(const uint8_t *d, size_t n) { (void)d; return n > 0; }
static int never(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }

static void test_crash_with_A(void)
{
    struct tctx t;
    struct min_cursor cur = {0};
    tctx_init(&t, first_is_A, "AAAA");
    uint8_t d[8];
    memcpy(d, "AAAA", 4);
    size_t n = cleanse(d, 4, &cur, try_cb, &t);
    CHECK_EQ_U(n, 3);
    CHECK(memcmp(d, "A   ", 4) == 0);
    CHECK(cleanse_done(&cur));
    CHECK_EQ_U(t.bad, 0);
    /* pass 1: byte 0 (' ', 0xff rejected), bytes 1..3 kept at once; pass 2
     * finds only replacement bytes and the 'A': its two tries, rejected */
    CHECK_EQ_U(t.calls, 2 + 3 + 2);
}

static void test_keeps_what_matters(void)
{
    struct tctx t;
    struct min_cursor cur = {0};
    const char *in = "xxKEYyyzq";
    tctx_init(&t, key_at_2, in);
    uint8_t d[16];
    memcpy(d, in, 9);
    cleanse(d, 9, &cur, try_cb, &t);
    /* 'z' at 7 becomes 0xff (allowed), the rest that does not matter ' ' */
    CHECK(memcmp(d, "  KEY  \xff ", 9) == 0);
    CHECK_EQ_U(t.bad, 0);
}

/* At most CLEANSE_PASSES passes; none at all for bytes already ' '/0xff;
 * a property that never holds: two tries per byte, one pass. */
static void test_passes(void)
{
    struct tctx t;
    struct min_cursor cur = {0};
    uint8_t d[4] = {' ', 0xff, ' ', 0xff};
    tctx_init(&t, always, "    ");
    CHECK_EQ_U(cleanse(d, 4, &cur, try_cb, &t), 0);
    CHECK_EQ_U(t.calls, 0);
    CHECK(cleanse_done(&cur));
    memset(&cur, 0, sizeof cur);
    tctx_init(&t, never, "abc");
    memcpy(d, "abc", 3);
    CHECK_EQ_U(cleanse(d, 3, &cur, try_cb, &t), 0);
    CHECK_EQ_U(t.calls, 6);
    CHECK(memcmp(d, "abc", 3) == 0);
    memset(&cur, 0, sizeof cur);
    CHECK_EQ_U(cleanse(d, 0, &cur, try_cb, &t), 0); /* empty: nothing to do */
}

/* Stopping on call k and calling again (same bytes, same cursor) retries
 * that candidate; dying on call k and resuming as a worker's coordinator
 * does (the candidate if it had the property, else the old input and
 * cleanse_cursor_skip) gives the same tries and result as no interruption. */
static void test_resume(void)
{
    const char *in = "xxKEYyyzqrs";
    size_t n = strlen(in);
    struct tctx ref;
    struct min_cursor cur = {0};
    uint8_t want[32];
    tctx_init(&ref, key_at_2, in);
    memcpy(want, in, n);
    cleanse(want, n, &cur, try_cb, &ref);
    CHECK(ref.calls > 10 && ref.calls < MAX_LOG);
    for (int dying = 0; dying <= 1; dying++)
        for (long k = 1; k <= ref.calls; k++) {
            struct tctx t;
            uint8_t d[32];
            tctx_init(&t, key_at_2, in);
            memcpy(d, in, n);
            memset(&cur, 0, sizeof cur);
            if (dying)
                t.die_at = k;
            else
                t.stop_at = k;
            cleanse(d, n, &cur, try_cb, &t);
            if (dying) {
                cur = t.saved;
                if (t.died_kept) {
                    memcpy(d, t.cand, n);
                    memcpy(t.cur, t.cand, n);
                } else {
                    cleanse_cursor_skip(&cur);
                }
            } /* else MIN_STOP: d and cur as returned; that candidate is tried again */
            long before = t.calls;
            cleanse(d, n, &cur, try_cb, &t);
            CHECK(memcmp(d, want, n) == 0);
            CHECK_EQ_U(t.bad, 0);
            CHECK_EQ_U(t.calls - (dying ? 0 : 1), ref.calls);
            for (long i = 0; i < ref.calls && i < before; i++)
                CHECK(t.log[i] == ref.log[i]);
        }
}

int main(void)
{
    RUN(test_crash_with_A);
    RUN(test_keeps_what_matters);
    RUN(test_passes);
    RUN(test_resume);
    return CHECK_DONE("cleanse");
}
