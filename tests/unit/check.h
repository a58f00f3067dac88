/*
 * check.h - the smallest unit-test harness that does the job.
 *
 * CHECK(cond) records a pass or a failure (with file:line) and goes on;
 * CHECK_EQ_U(a, b) does the same for two unsigned values, printing both.
 *
 * RUN(test_fn) runs one test function (one behaviour) and prints, on stdout,
 *     ok   <module>/<name>
 *     FAIL <module>/<name> (k checks failed)
 * where <module> is the test file's name without "test_" and ".c"
 * (test_rpc.c: "rpc") and <name> the function's without "test_".  A test
 * function taking arguments runs as RUN_WITH(test_fn, arg...).  A test that
 * dies of a signal (SIGSEGV, SIGABRT...) is named too: "FAIL <module>/<name>
 * (crashed: signal N)", then the process dies of that signal as before.
 *
 * CHECK_DONE(name) prints "<name>: N passed, N failed" (every check, inside
 * RUN or not; CI reads this line) and returns the exit code.
 */
#ifndef FERRET_CHECK_H
#define FERRET_CHECK_H

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int check_passed, check_failed;

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (cond) {                                                            \
            check_passed++;                                                    \
        } else {                                                               \
            check_failed++;                                                    \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__,   \
                    #cond);                                                    \
        }                                                                      \
    } while (0)

#define CHECK_EQ_U(a, b)                                                       \
    do {                                                                       \
        unsigned long long check_a_ = (unsigned long long)(a);                 \
        unsigned long long check_b_ = (unsigned long long)(b);                 \
        if (check_a_ == check_b_) {                                            \
            check_passed++;                                                    \
        } else {                                                               \
            check_failed++;                                                    \
            fprintf(stderr, "%s:%d: CHECK failed: %s == %s (%llu != %llu)\n",  \
                    __FILE__, __LINE__, #a, #b, check_a_, check_b_);           \
        }                                                                      \
    } while (0)

#define CHECK_DONE(name)                                                       \
    (printf("%s: %d passed, %d failed\n", (name), check_passed, check_failed), \
     check_failed ? 1 : 0)

/* ---- named tests ----------------------------------------------------------- */

#define RUN(fn) RUN_WITH(fn, )
#define RUN_WITH(fn, ...)                                                      \
    do {                                                                       \
        int check_failed0_ = check_failed;                                     \
        check_begin_(__FILE__, #fn);                                           \
        fn(__VA_ARGS__);                                                       \
        check_end_(check_failed - check_failed0_);                             \
    } while (0)

/* "<module>/<name>" of the test running, and the line a crash prints. */
static char check_test_name_[160];
static char check_crash_line_[200];
static size_t check_crash_len_;

__attribute__((unused)) static void check_on_crash_(int sig)
{
    /* async-signal-safe: the line was formatted before the test ran, and
     * only the signal's number is appended here */
    char tail[32] = " (crashed: signal ";
    size_t k = sizeof " (crashed: signal " - 1;
    if (sig >= 10)
        tail[k++] = (char)('0' + sig / 10);
    tail[k++] = (char)('0' + sig % 10);
    tail[k++] = ')';
    tail[k++] = '\n';
    if (check_crash_len_ && (write(STDOUT_FILENO, check_crash_line_, check_crash_len_) < 0 ||
        write(STDOUT_FILENO, tail, k) < 0)) {
        /* nothing more to be done */
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

__attribute__((unused)) static void check_begin_(const char *file, const char *fn)
{
    static int handlers;
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    if (strncmp(base, "test_", 5) == 0)
        base += 5;
    size_t blen = strcspn(base, ".");
    if (strncmp(fn, "test_", 5) == 0)
        fn += 5;
    snprintf(check_test_name_, sizeof check_test_name_, "%.*s/%s", (int)blen, base, fn);
    snprintf(check_crash_line_, sizeof check_crash_line_, "FAIL %s", check_test_name_);
    check_crash_len_ = strlen(check_crash_line_);
    fflush(stdout);
    if (!handlers) {
        static const int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
        for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
            signal(sigs[i], check_on_crash_);
        handlers = 1;
    }
}

__attribute__((unused)) static void check_end_(int failed)
{
    if (failed)
        printf("FAIL %s (%d check%s failed)\n", check_test_name_, failed, failed == 1 ? "" : "s");
    else
        printf("ok   %s\n", check_test_name_);
    fflush(stdout);
    check_crash_len_ = 0;
}

#endif
