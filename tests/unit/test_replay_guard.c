/* test_replay_guard.c - the supervised regression run's verdicts: how the
 * child ended -> the lines printed and the exit code (replay_guard_judge),
 * and the verdict it records (replay_guard_verdict). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "check.h"
#include "replay_guard.h"
#include "report.h"

#define SEC 1000000000ULL
#define EXITED(c) ((c) << 8)        /* a waitpid status: exit status c */
#define SIGNALED(s) (s)             /* ... killed by signal s */

static const char *out;
static int raised;

/* The verdict, in g's dialect; out: what the reporter printed. */
static int judge(const struct replay_guard_opts *g, struct replay_end e)
{
    report_use_libfuzzer(g->libfuzzer);
    report_capture(1);
    int code = replay_guard_judge(g, &e, 42, &raised);
    out = report_captured(NULL);
    return code;
}

int main(void)
{
    struct replay_guard_opts go = {.timeout_ns = 10 * SEC, .rss_limit_mb = 2048,
                                   .error_exitcode = 77, .timeout_exitcode = 70};
    struct replay_guard_opts lf = go;
    lf.libfuzzer = 1;
    CHECK(WIFEXITED(EXITED(3)) && WEXITSTATUS(EXITED(3)) == 3);
    CHECK(WIFSIGNALED(SIGNALED(SIGSEGV)) && WTERMSIG(SIGNALED(SIGSEGV)) == SIGSEGV);

    /* Status 0 in the middle of an input is a failure, named. */
    struct replay_end e = {.status = EXITED(0), .phase = REPLAY_RUNNING, .elapsed_ns = SEC / 10, .name = "t/abc"};
    CHECK_EQ_U(judge(&go, e), 1);
    CHECK(!raised);
    CHECK(strstr(out, "==42== ERROR: ferret: the target exited with status 0 while running t/abc\n"));
    CHECK(strstr(out, "SUMMARY: ferret: the target exited with status 0\n"));
    CHECK_EQ_U(replay_guard_verdict(), REPLAY_FAILED);
    CHECK_EQ_U(judge(&lf, e), 77);
    /* ... and between two inputs, before the run finished. */
    e.phase = REPLAY_BETWEEN;
    CHECK_EQ_U(judge(&go, e), 1);
    CHECK(strstr(out, "after running t/abc, before the regression run finished"));
    /* Status 0 once done, or before any input: a pass, silently. */
    e.phase = REPLAY_DONE;
    CHECK_EQ_U(judge(&go, e), 0);
    CHECK_EQ_U(strlen(out), 0);
    CHECK_EQ_U(replay_guard_verdict(), REPLAY_PASSED);
    e.phase = REPLAY_STARTING;
    CHECK_EQ_U(judge(&lf, e), 0);
    CHECK_EQ_U(strlen(out), 0);

    /* Any other end mid-input is mirrored, after one line naming the input. */
    e = (struct replay_end){.status = EXITED(1), .phase = REPLAY_RUNNING, .elapsed_ns = SEC, .name = "t/abc"};
    CHECK_EQ_U(judge(&go, e), 1);
    CHECK(strstr(out, "ferret: the failing input is t/abc (the target exited with status 1)\n"));
    CHECK_EQ_U(judge(&lf, e), 1);
    e.status = EXITED(23);
    CHECK_EQ_U(judge(&go, e), 23);
    e.status = SIGNALED(SIGSEGV);
    CHECK_EQ_U(judge(&go, e), 128 + SIGSEGV);
    CHECK_EQ_U(raised, SIGSEGV);
    CHECK(strstr(out, "ferret: the failing input is t/abc (the target was killed by signal SIGSEGV)\n"));
    /* Outside an input: mirrored silently (LeakSanitizer at exit, a typed FAIL). */
    e.phase = REPLAY_DONE;
    e.status = EXITED(23);
    CHECK_EQ_U(judge(&go, e), 23);
    CHECK_EQ_U(strlen(out), 0);
    CHECK_EQ_U(replay_guard_verdict(), REPLAY_FAILED); /* findings_dir.c reads the report */
    e.status = SIGNALED(SIGABRT);
    CHECK_EQ_U(judge(&go, e), 128 + SIGABRT);
    CHECK_EQ_U(raised, SIGABRT);

    /* An exit past the timeout: a timeout, whatever the status. */
    e = (struct replay_end){.status = EXITED(1), .phase = REPLAY_RUNNING, .elapsed_ns = 10 * SEC + 1,
                            .name = "t/h"};
    CHECK_EQ_U(judge(&go, e), 1);
    CHECK(!raised);
    CHECK(strstr(out, "ferret: the failing input is t/h (timeout: it ran for more than 10s)\n"));
    CHECK_EQ_U(replay_guard_verdict(), REPLAY_TIMEOUT);
    /* libFuzzer's dialect: the child's own report said it in libFuzzer's
     * words (runtime_words): nothing more. */
    CHECK_EQ_U(judge(&lf, e), 70);
    CHECK_EQ_U(strlen(out), 0);
    e.status = EXITED(0);
    CHECK_EQ_U(judge(&lf, e), 70);
    /* A death by a signal past it: a crash whose report was slow. */
    e.status = SIGNALED(SIGSEGV);
    CHECK_EQ_U(judge(&go, e), 128 + SIGSEGV);
    CHECK_EQ_U(raised, SIGSEGV);
    CHECK(strstr(out, "(the target was killed by signal SIGSEGV)"));
    CHECK_EQ_U(replay_guard_verdict(), REPLAY_FAILED);
    CHECK_EQ_U(judge(&lf, e), 128 + SIGSEGV);
    /* Killed by the parent (SIGALRM blocked). */
    e = (struct replay_end){.status = SIGNALED(SIGKILL), .phase = REPLAY_RUNNING, .elapsed_ns = 12 * SEC,
                            .killed = REPLAY_KILLED_HANG, .name = "t/h"};
    CHECK_EQ_U(judge(&go, e), 1);
    CHECK(!raised);
    CHECK(strstr(out, "==42== ERROR: ferret: timeout: the target has been running one input for longer than "
                      "-timeout (10s) while running t/h, and did not stop; killed\n"));
    CHECK(strstr(out, "SUMMARY: ferret: timeout\n"));
    CHECK_EQ_U(replay_guard_verdict(), REPLAY_TIMEOUT);
    lf.timeout_exitcode = 55;
    CHECK_EQ_U(judge(&lf, e), 55);
    CHECK(strstr(out, "==42== ERROR: libFuzzer: timeout after 10 seconds\n"));
    CHECK(strstr(out, "ferret: the failing input is t/h\n"));

    /* Killed by the parent over -rss_limit_mb. */
    e = (struct replay_end){.status = SIGNALED(SIGKILL), .phase = REPLAY_RUNNING, .elapsed_ns = SEC,
                            .killed = REPLAY_KILLED_OOM, .rss_mb = 3000, .name = "t/m"};
    CHECK_EQ_U(judge(&go, e), 1);
    CHECK(strstr(out, "==42== ERROR: ferret: out-of-memory (used: 3000Mb; exceeds: 2048Mb) while running t/m\n"));
    CHECK_EQ_U(replay_guard_verdict(), REPLAY_OOM);
    CHECK_EQ_U(judge(&lf, e), REPLAY_LF_OOM_EXIT);
    CHECK(strstr(out, "==42== ERROR: libFuzzer: out-of-memory (used: 3000Mb; exceeds: 2048Mb)\n"));

    /* No name published (the child died while writing it). */
    e = (struct replay_end){.status = EXITED(0), .phase = REPLAY_RUNNING, .name = ""};
    CHECK_EQ_U(judge(&go, e), 1);
    CHECK(strstr(out, "while running (an input)\n"));

    /* A crash whose report named the input already: not named again. */
    e = (struct replay_end){.status = EXITED(1), .phase = REPLAY_RUNNING, .elapsed_ns = SEC, .name = "t/abc",
                            .named = 1};
    CHECK_EQ_U(judge(&go, e), 1);
    CHECK_EQ_U(strlen(out), 0);
    e.status = SIGNALED(SIGSEGV);
    CHECK_EQ_U(judge(&lf, e), 128 + SIGSEGV);
    CHECK_EQ_U(strlen(out), 0);
    report_capture(0);
    return CHECK_DONE("replay_guard");
}
