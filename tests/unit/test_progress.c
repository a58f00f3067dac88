/* test_progress.c - a long operation's ETA, rate, durations and the limiter
 * of its lines (progress.c), with made-up timestamps. */
#include "check.h"
#include "progress.h"

#define S 1000000000ULL

static void test_eta(void)
{
    uint64_t eta = 7;
    CHECK(!progress_eta(0, 100, 5 * S, &eta));          /* nothing done: no rate */
    CHECK(!progress_eta(10, 0, 5 * S, &eta));           /* total not known */
    CHECK(!progress_eta(10, 5, 5 * S, &eta));           /* more done than the total */
    CHECK(!progress_eta(10, 100, 0, &eta));             /* no time has passed */
    CHECK_EQ_U(eta, 7);                                 /* untouched when unknown */
    CHECK(progress_eta(25, 100, 5 * S, &eta));          /* 5/s: 75 left, 15 s */
    CHECK_EQ_U(eta, 15 * S);
    CHECK(progress_eta(100, 100, 5 * S, &eta));         /* done: nothing left */
    CHECK_EQ_U(eta, 0);
    CHECK(progress_eta(3, 10, 1 * S, &eta));            /* 7 s / 3 = 2.333 s */
    CHECK_EQ_U(eta, 2333333333ULL);
    /* hours of nanoseconds times millions of inputs: no overflow */
    CHECK(progress_eta(1, 1000000, 3600 * S, &eta));
    CHECK_EQ_U(eta, 999999ULL * 3600 * S); /* 3.6e18 ns */
    CHECK(progress_eta(1, UINT64_MAX, UINT64_MAX, &eta)); /* beyond 64 bits: the largest */
    CHECK_EQ_U(eta, UINT64_MAX);
}

static void test_words(void)
{
    char b[32];
    progress_rate(b, sizeof b, 120, 3 * S);
    CHECK(!strcmp(b, "40/s"));
    progress_rate(b, sizeof b, 5, 3 * S);
    CHECK(!strcmp(b, "1.7/s"));
    progress_rate(b, sizeof b, 0, 3 * S);
    CHECK(!strcmp(b, "0.0/s"));
    progress_rate(b, sizeof b, 9, 0);
    CHECK(!strcmp(b, "?/s"));
    progress_duration(b, sizeof b, 0);
    CHECK(!strcmp(b, "0s"));
    progress_duration(b, sizeof b, 59 * S + S / 2);
    CHECK(!strcmp(b, "59s"));
    progress_duration(b, sizeof b, 187 * S);
    CHECK(!strcmp(b, "3m7s"));
    progress_duration(b, sizeof b, 7205 * S);
    CHECK(!strcmp(b, "2h0m5s"));
}

static void test_limiter(void)
{
    struct progress_limit l = {0};
    uint64_t t0 = 50 * S;
    CHECK(progress_allow(&l, 1, t0, t0, PROGRESS_NOW));              /* the first line, at once */
    CHECK(!progress_allow(&l, 1, t0, t0 + S, PROGRESS_NOW));         /* NOW counts only once */
    CHECK(!progress_allow(&l, 1, t0, t0 + 3 * S - 1, 0));            /* 1 ns short of 3 s */
    CHECK(progress_allow(&l, 1, t0, t0 + 3 * S, 0));                 /* 3 s after the last */
    CHECK(!progress_allow(&l, 1, t0, t0 + 5 * S, 0));
    CHECK(progress_allow(&l, 1, t0, t0 + 5 * S, PROGRESS_FINAL));    /* the end: always */
    CHECK(!progress_allow(&l, 1, t0, t0 + 7 * S, 0));                /* ... and it counts */
    CHECK(progress_allow(&l, 1, t0, t0 + 8 * S, 0));
    CHECK_EQ_U(l.shown, 4);
    /* another operation starts afresh: its first line 3 s after it began
     * (without PROGRESS_NOW), whatever the last one printed */
    uint64_t t1 = t0 + 8 * S + S / 2;
    CHECK(!progress_allow(&l, 2, t1, t1 + S, 0));
    CHECK(progress_allow(&l, 2, t1, t1 + 3 * S, 0));
    CHECK_EQ_U(l.shown, 1);
    /* the same operation begun again (a second finding): afresh too */
    CHECK(progress_allow(&l, 2, t1 + 10 * S, t1 + 10 * S, PROGRESS_NOW));
    /* a clock going back: only the final state gets through */
    CHECK(!progress_allow(&l, 2, t1 + 10 * S, t1, 0));
    CHECK(progress_allow(&l, 2, t1 + 10 * S, t1, PROGRESS_FINAL));
    /* whatever the ticks, never two lines less than 3 s apart */
    struct progress_limit m = {0};
    uint64_t last = 0;
    int lines = 0, close = 0;
    for (uint64_t t = 0; t <= 60 * S; t += 7 * S / 100) {
        if (progress_allow(&m, 3, 0, t, 0)) {
            close += lines && t - last < 3 * S;
            last = t;
            lines++;
        }
    }
    CHECK_EQ_U(close, 0);
    CHECK_EQ_U(lines, 19); /* at 3.01 s, then every 3.01 s (ticks of 70 ms) up to 57.19 s */
}

int main(void)
{
    RUN(test_eta);
    RUN(test_words);
    RUN(test_limiter);
    return CHECK_DONE("progress");
}
