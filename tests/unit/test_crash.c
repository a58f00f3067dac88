/* test_crash.c - the findings lifecycle (crash.c) driven without worker
 * processes: a worker slot with real shared memory and pipes, whose death
 * (a wait status), output (a sanitizer report written into its log pipe)
 * and shared-memory record are set by the test, as a dying worker would
 * leave them.  Links only crash.c and the layers below it (no runtime).
 *
 * Covers: what a death is filed as (crash, hang, out-of-memory by malloc
 * and by RSS, leak, a typed target's failure); the input recovered (a RUN's
 * entry, a FUZZ execution rebuilt by the replay contract, a hostile
 * candidate length refused); deduplication with -keep_going; minimization
 * (the call made, a smaller candidate that fails the same way taken, one
 * that fails another way not); the artifact written and the exit code, in
 * both dialects; a finding that cannot be written printed in hex. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "coordinator_int.h"
#include "hash.h"
#include "mutator.h"
#include "replay.h"
#include "report.h"
#include "rpc.h"

static char root[] = "/tmp/ferret-test-crash-XXXXXX";

#define MAX_LEN 4096

/* A report whose stack signature is the three frames named. */
#define REPORT(a, b, c)                                                        \
    "==7==ERROR: AddressSanitizer: SEGV on unknown address 0x000000000000\n"  \
    "    #0 0x4f1000 in " a " /src/p.c:10:3\n"                                 \
    "    #1 0x4f2000 in " b " /src/p.c:20:3\n"                                 \
    "    #2 0x4f3000 in " c " /src/p.c:30:3\n"                                 \
    "SUMMARY: AddressSanitizer: SEGV /src/p.c:10:3 in " a "\n"

struct fx {
    struct coordinator c;
    struct options o;
    struct worker w;
    int log_w;          /* the test writes the worker's output here */
    int call_r;         /* ... and reads the calls made to it here */
    char dir[256];      /* c.testdata (Go) or the artifact prefix (libFuzzer) */
    char prefix[300];
    uint8_t scratch[MAX_LEN];
};

static int nfx;

/* A coordinator in PH_FUZZ with one busy worker; args are extra flags. */
static void fx_init(struct fx *f, int libfuzzer, const char *a1, const char *a2)
{
    char *argv[5] = {"./t", libfuzzer ? "-runs=1" : "-fuzz", NULL, NULL, NULL};
    int argc = 2;
    char err[256];
    if (a1)
        argv[argc++] = (char *)a1;
    if (a2)
        argv[argc++] = (char *)a2;
    memset(f, 0, sizeof *f);
    CHECK(flags_parse(&f->o, argc, argv, err, sizeof err) == 0);
    snprintf(f->dir, sizeof f->dir, "%s/d%d", root, ++nfx);
    snprintf(f->prefix, sizeof f->prefix, "%s/", f->dir);
    mkdir(f->dir, 0755);
    if (libfuzzer)
        f->o.artifact_prefix = f->prefix;
    report_use_libfuzzer(libfuzzer);
    f->c.o = &f->o;
    f->c.target = "FuzzT";
    f->c.argv0 = "./t";
    f->c.testdata = f->dir;
    f->c.max_len = MAX_LEN;
    f->c.scratch = f->scratch;
    f->c.timeout_ns = 5 * SEC_NS;
    f->c.phase = PH_FUZZ;
    f->c.nw = 1;
    f->c.w = &f->w;
    struct supervisor s = {.max_len = MAX_LEN, .ncounters = 64};
    CHECK(sup_worker_init(&f->w, 0, &s) == 0);
    int lp[2], cp[2];
    CHECK(pipe(lp) == 0 && pipe(cp) == 0);
    fcntl(lp[0], F_SETFL, O_NONBLOCK);
    fcntl(cp[0], F_SETFL, O_NONBLOCK);
    f->w.log_fd = lp[0];
    f->log_w = lp[1];
    f->w.call_fd = cp[1];
    f->call_r = cp[0];
    f->w.st = W_BUSY;
    report_capture(1);
}

static void fx_free(struct fx *f)
{
    report_capture(0);
    close(f->log_w);
    close(f->call_r);
    if (f->w.log_fd >= 0)
        close(f->w.log_fd);
    close(f->w.call_fd);
    corpus_free(&f->c.corpus);
    flags_free(&f->o);
}

/* The worker's output before it died. */
static void fx_say(struct fx *f, const char *text)
{
    CHECK(write(f->log_w, text, strlen(text)) == (ssize_t)strlen(text));
}

/* The worker was running corpus entry data (a RUN call). */
static void fx_run(struct fx *f, const char *data)
{
    struct entry *e = corpus_append(&f->c.corpus, (const uint8_t *)data, strlen(data), NULL);
    f->w.job = (struct wjob){.op = RPC_RUN, .base = e};
    f->w.log_pos = 0; /* a new incarnation's output (sup_start) */
    f->w.kill_reason = KILL_NONE;
    f->w.hang_signalled_ns = 0;
    SHM_STORE(f->w.shm.hdr->state, SHM_RUN);
    SHM_STORE(f->w.shm.hdr->fault, SHM_FAULT_NONE);
    SHM_STORE(f->w.shm.hdr->dying, 0);
}

static int signalled(int sig) { return sig & 0x7f; } /* a wait status: killed by sig */

/* The file's contents equal data. */
static int file_is(const char *path, const char *data)
{
    char buf[256];
    int fd = path ? open(path, O_RDONLY) : -1;
    if (fd < 0)
        return 0;
    ssize_t n = read(fd, buf, sizeof buf);
    close(fd);
    return n == (ssize_t)strlen(data) && memcmp(buf, data, (size_t)n) == 0;
}

/* The run goes on until crash_advance writes what was found. */
static enum crash_outcome fx_advance(struct fx *f)
{
    enum crash_outcome o;
    for (int i = 0; i < 4; i++)
        if ((o = crash_advance(&f->c)) != CRASH_GO_ON)
            return o;
    return CRASH_GO_ON;
}

/* ---- what a death is filed as ------------------------------------------- */

static void test_crash_stops_fuzzing_and_is_written(void)
{
    struct fx f;
    fx_init(&f, 0, "-fuzzminimizetime=0", NULL);
    fx_run(&f, "ABC");
    fx_say(&f, "some output of the target\n" REPORT("parse_header", "parse", "LLVMFuzzerTestOneInput"));
    CHECK(crash_on_death(&f.c, &f.w, signalled(SIGSEGV), 0) == CRASH_STOP_FUZZING);
    CHECK_EQ_U(f.c.fd.n, 1);
    CHECK(f.c.fd.v[0]->kind == FINDING_CRASH);
    CHECK(strstr(f.c.fd.v[0]->reason, "signal SEGV") != NULL);
    CHECK(strstr(f.c.fd.v[0]->sig, "parse_header") != NULL);
    CHECK(f.c.fd.v[0]->mode == 0); /* minimization off */
    CHECK(crash_exit_code(&f.c) == 0); /* nothing written yet */
    f.c.phase = PH_CRASH; /* what the coordinator does with CRASH_STOP_FUZZING */
    CHECK(fx_advance(&f) == CRASH_ALL_DONE);
    CHECK(file_is(f.c.fd.v[0]->path, "ABC"));
    CHECK(strncmp(f.c.fd.v[0]->path, f.dir, strlen(f.dir)) == 0);
    CHECK(crash_exit_code(&f.c) == FERRET_EXIT_FINDING);
    const char *out = report_captured(NULL);
    CHECK(strstr(out, "--- FAIL") != NULL);
    CHECK(strstr(out, "parse_header") != NULL); /* the report is shown */
    fx_free(&f);
}

static void test_hang_is_not_minimized(void)
{
    struct fx f;
    fx_init(&f, 0, NULL, NULL); /* minimization on */
    fx_run(&f, "slow");
    f.w.kill_reason = KILL_HANG;
    CHECK(crash_on_death(&f.c, &f.w, signalled(SIGKILL), 0) == CRASH_STOP_FUZZING);
    CHECK(f.c.fd.v[0]->kind == FINDING_HANG);
    CHECK(strstr(f.c.fd.v[0]->reason, "-timeout") != NULL);
    CHECK(f.c.fd.v[0]->mode == 0); /* every try would cost a timeout */
    fx_free(&f);
}

static void test_hang_request_answered_by_a_crash_is_a_crash(void)
{
    struct fx f;
    fx_init(&f, 0, NULL, NULL);
    fx_run(&f, "dying");
    f.w.kill_reason = KILL_HANG;
    f.w.hang_signalled_ns = 1;
    SHM_STORE(f.w.shm.hdr->dying, 1); /* it was writing a crash report */
    fx_say(&f, REPORT("slow_report", "parse", "LLVMFuzzerTestOneInput"));
    CHECK(crash_on_death(&f.c, &f.w, signalled(SIGSEGV), 0) == CRASH_STOP_FUZZING);
    CHECK(f.c.fd.v[0]->kind == FINDING_CRASH);
    fx_free(&f);
}

static void test_oom_by_malloc_is_minimized_by_rss_is_not(void)
{
    struct fx f;
    fx_init(&f, 0, "-keep_going=1", NULL);
    fx_run(&f, "big");
    SHM_STORE(f.w.shm.hdr->fault, SHM_FAULT_MALLOC);
    SHM_STORE(f.w.shm.hdr->fault_arg, 123456789);
    fx_say(&f, "==7==ERROR: ferret: out-of-memory (malloc(123456789))\n"
               "    #0 0x4f1000 in grow_table /src/p.c:10:3\n");
    CHECK(crash_on_death(&f.c, &f.w, 1 << 8, 0) == CRASH_GO_ON); /* exit 1 */
    CHECK(f.c.fd.v[0]->kind == FINDING_OOM);
    CHECK(strstr(f.c.fd.v[0]->reason, "malloc(123456789)") != NULL);
    CHECK(f.c.fd.v[0]->mode == RPC_MIN_CRASH);

    fx_run(&f, "grows");
    fx_say(&f, "==7==ERROR: ferret: out-of-memory (used: 9000Mb)\n"
               "    #0 0x4f1000 in fill_cache /src/p.c:10:3\n");
    f.w.kill_reason = KILL_OOM;
    CHECK(crash_on_death(&f.c, &f.w, signalled(SIGKILL), 0) == CRASH_GO_ON);
    CHECK_EQ_U(f.c.fd.n, 2);
    CHECK(f.c.fd.v[1]->kind == FINDING_OOM);
    CHECK(strstr(f.c.fd.v[1]->reason, "-rss_limit_mb") != NULL);
    CHECK(f.c.fd.v[1]->mode == 0);

    fx_run(&f, "killed");
    fx_say(&f, REPORT("k", "l", "m"));
    CHECK(crash_on_death(&f.c, &f.w, signalled(SIGKILL), 1) == CRASH_GO_ON); /* the kernel's */
    CHECK(f.c.fd.v[f.c.fd.n - 1]->kind == FINDING_OOM);
    CHECK(strstr(f.c.fd.v[f.c.fd.n - 1]->reason, "OOM killer") != NULL);
    fx_free(&f);
}

/* A -keep_going run whose live worker reports input "LKS" as leaking,
 * with this report (then ending in summary, "" for none). */
static void fx_leak(struct fx *f, const char *summary)
{
    fx_init(f, 0, "-keep_going=1", NULL);
    fx_run(f, "x");
    memcpy(f->w.shm.input, "LKS", 3);
    f->w.reply = (struct rpc_reply){.status = RPC_LEAK, .len = 3};
    fx_say(f, "==7==ERROR: LeakSanitizer: detected memory leaks\n"
              "    #0 0x4f1000 in malloc\n    #1 0x4f2000 in make_node /src/p.c:5:3\n");
    fx_say(f, summary);
    CHECK(crash_on_report(&f->c, &f->w) == CRASH_GO_ON);
}

static void test_leak_and_failure_reported_by_a_live_worker(void)
{
    struct fx f;
    fx_leak(&f, "");
    CHECK(f.c.fd.v[0]->kind == FINDING_LEAK);
    CHECK(f.c.fd.v[0]->mode == RPC_MIN_LEAK);
    CHECK(f.c.fd.v[0]->len == 3 && memcmp(f.c.fd.v[0]->data, "LKS", 3) == 0);

    memcpy(f.w.shm.input, "bad", 3);
    f.w.reply = (struct rpc_reply){.status = RPC_FAILURE, .len = 3};
    snprintf(f.w.shm.hdr->fail_at, sizeof f.w.shm.hdr->fail_at, "t.c:12");
    snprintf(f.w.shm.hdr->msg, sizeof f.w.shm.hdr->msg, "t.c:12: want 1, got 2");
    SHM_STORE(f.w.shm.hdr->msg_len, (uint32_t)strlen("t.c:12: want 1, got 2"));
    CHECK(crash_on_report(&f.c, &f.w) == CRASH_GO_ON);
    struct finding *fl = f.c.fd.v[1];
    CHECK(fl->kind == FINDING_FAIL);
    CHECK(strcmp(fl->sig, "failure at t.c:12") == 0);
    CHECK(fl->report && strcmp(fl->report, "t.c:12: want 1, got 2") == 0);
    CHECK(fl->mode == RPC_MIN_FAIL);

    /* a hostile length: nothing recorded, the worker (a child in its own
     * group, as a real one is) killed */
    pid_t child = fork();
    if (child == 0) {
        setpgid(0, 0);
        pause();
        _exit(0);
    }
    setpgid(child, child);
    f.w.pid = f.w.wpid = child;
    f.w.keeper_fd = -1;
    f.w.reply = (struct rpc_reply){.status = RPC_LEAK, .len = (uint64_t)MAX_LEN + 1};
    CHECK(crash_on_report(&f.c, &f.w) == CRASH_GO_ON);
    CHECK_EQ_U(f.c.fd.n, 2);
    CHECK(f.w.kill_reason == KILL_PROTOCOL);
    int status = 0;
    CHECK(waitpid(child, &status, 0) == child && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    fx_free(&f);
}

/* ---- the input recovered -------------------------------------------------- */

/* A leak minimized by a worker whose log does not hold its report (with
 * two workers, the other one may minimize it): a call in which no candidate
 * leaked keeps the report as found, SUMMARY line and all; a call that
 * printed a smaller candidate's report takes that one. */
static void test_leak_minimized_elsewhere_keeps_its_report(void)
{
    struct fx f;
    fx_leak(&f, "SUMMARY: AddressSanitizer: 7 byte(s) leaked in 1 allocation(s).\n");
    struct finding *fl = f.c.fd.v[0];
    CHECK(fl->kind == FINDING_LEAK && fl->mode == RPC_MIN_LEAK);

    /* another worker (a log of its own, empty) minimizes: nothing leaks */
    f.w.log_pos = 0;
    CHECK(crash_dispatch(&f.c, &f.w) == 1);
    struct rpc_call call;
    CHECK(read(f.call_r, &call, sizeof call) == (ssize_t)sizeof call);
    memcpy(f.w.shm.input, "LKS", 3);
    f.w.reply = (struct rpc_reply){.status = RPC_OK, .len = 3, .count = 5};
    crash_on_minimize_done(&f.c, &f.w);
    CHECK(fl->report && strstr(fl->report, "SUMMARY: AddressSanitizer: 7 byte(s) leaked") != NULL);

    /* a call whose smaller candidate leaked: its report */
    fl->min_done = 0;
    CHECK(crash_dispatch(&f.c, &f.w) == 1);
    CHECK(read(f.call_r, &call, sizeof call) == (ssize_t)sizeof call);
    fx_say(&f, "==8==ERROR: LeakSanitizer: detected memory leaks\n"
               "    #0 0x4f1000 in malloc\n    #1 0x4f2000 in make_node /src/p.c:5:3\n"
               "SUMMARY: AddressSanitizer: 5 byte(s) leaked in 1 allocation(s).\n");
    memcpy(f.w.shm.input, "LK", 2);
    f.w.reply = (struct rpc_reply){.status = RPC_OK, .len = 2, .count = 4};
    crash_on_minimize_done(&f.c, &f.w);
    CHECK(fl->len == 2);
    CHECK(fl->report && strstr(fl->report, "5 byte(s) leaked") != NULL && strstr(fl->report, "7 byte(s)") == NULL);
    fx_free(&f);
}

static void test_fuzz_execution_rebuilt_by_the_replay_contract(void)
{
    struct fx f;
    fx_init(&f, 0, "-fuzzminimizetime=0", NULL);
    struct entry *base = corpus_append(&f.c.corpus, (const uint8_t *)"hello world", 11, NULL);
    struct entry *partner = corpus_append(&f.c.corpus, (const uint8_t *)"partner", 7, NULL);
    f.w.job = (struct wjob){.op = RPC_FUZZ, .base = base, .partner = partner, .len_limit = 64,
                            .limit = 100};
    SHM_STORE(f.w.shm.hdr->state, SHM_FUZZ);
    SHM_STORE(f.w.shm.hdr->rng, 0x1234567890abcdefULL);
    SHM_STORE(f.w.shm.hdr->count, 5);
    fx_say(&f, REPORT("a", "b", "c"));
    CHECK(crash_on_death(&f.c, &f.w, signalled(SIGABRT), 0) == CRASH_STOP_FUZZING);
    /* what the worker ran: the same contract, the same state */
    uint8_t want[MAX_LEN];
    struct mutate_src src;
    replay_mutate_src(&src, &f.w.shm, partner->data, partner->len);
    size_t n = replay_build_input(0x1234567890abcdefULL, want, base->data, base->len, &src, 64);
    struct finding *fd = f.c.fd.v[0];
    CHECK(fd->len == n && memcmp(fd->data, want, n) == 0);
    CHECK(!(fd->len == 11 && memcmp(fd->data, "hello world", 11) == 0)); /* not the base */
    CHECK_EQ_U(f.c.execs, 5); /* the executions it made count */
    fx_free(&f);
}

static void test_minimize_try_with_hostile_length_is_refused(void)
{
    struct fx f;
    fx_init(&f, 0, NULL, NULL);
    fx_run(&f, "AAAA");
    fx_say(&f, REPORT("a", "b", "c"));
    CHECK(crash_on_death(&f.c, &f.w, signalled(SIGSEGV), 0) == CRASH_STOP_FUZZING);
    f.c.phase = PH_CRASH;
    CHECK(crash_dispatch(&f.c, &f.w) == 1);
    SHM_STORE(f.w.shm.hdr->state, SHM_MIN_TRY);
    SHM_STORE(f.w.shm.hdr->cand_len, (uint64_t)MAX_LEN + 100);
    CHECK(crash_on_death(&f.c, &f.w, signalled(SIGSEGV), 0) == CRASH_GO_ON);
    CHECK(strstr(report_captured(NULL), "invalid candidate length") != NULL);
    CHECK(f.c.fd.v[0]->len == 4); /* unchanged */
    fx_free(&f);
}

/* ---- deduplication --------------------------------------------------------- */

static void test_keep_going_counts_hits_per_signature(void)
{
    struct fx f;
    fx_init(&f, 0, "-keep_going=1", "-fuzzminimizetime=0");
    const char *inputs[] = {"one", "two", "three"};
    for (int i = 0; i < 3; i++) {
        fx_run(&f, inputs[i]);
        fx_say(&f, i < 2 ? REPORT("bug_a", "parse", "LLVMFuzzerTestOneInput")
                         : REPORT("bug_b", "parse", "LLVMFuzzerTestOneInput"));
        CHECK(crash_on_death(&f.c, &f.w, signalled(SIGSEGV), 0) == CRASH_GO_ON);
    }
    CHECK_EQ_U(f.c.fd.n, 2);
    CHECK_EQ_U(f.c.fd.v[0]->hits, 2);
    CHECK_EQ_U(f.c.fd.v[1]->hits, 1);
    CHECK(f.c.fd.v[0]->len == 3 && memcmp(f.c.fd.v[0]->data, "one", 3) == 0); /* the first kept */
    CHECK(fx_advance(&f) == CRASH_GO_ON);
    crash_finish_all(&f.c);
    CHECK(file_is(f.c.fd.v[0]->path, "one"));
    CHECK(file_is(f.c.fd.v[1]->path, "three"));
    const char *out = report_captured(NULL);
    CHECK(strstr(out, "bug_a") && strstr(out, "bug_b"));
    CHECK(crash_exit_code(&f.c) == FERRET_EXIT_FINDING);
    fx_free(&f);
}

static void test_failure_after_the_first_is_ignored(void)
{
    struct fx f;
    fx_init(&f, 0, "-fuzzminimizetime=0", NULL);
    fx_run(&f, "first");
    fx_say(&f, REPORT("a", "b", "c"));
    CHECK(crash_on_death(&f.c, &f.w, signalled(SIGSEGV), 0) == CRASH_STOP_FUZZING);
    f.c.phase = PH_CRASH;
    fx_run(&f, "second");
    fx_say(&f, REPORT("x", "y", "z"));
    CHECK(crash_on_death(&f.c, &f.w, signalled(SIGSEGV), 0) == CRASH_GO_ON);
    CHECK_EQ_U(f.c.fd.n, 1);
    fx_free(&f);
}

/* ---- minimization ---------------------------------------------------------- */

static void test_minimization_keeps_only_the_same_failure(void)
{
    struct fx f;
    fx_init(&f, 0, "-fuzzminimizetime=100x", NULL);
    fx_run(&f, "AAAABBBB");
    fx_say(&f, REPORT("bug_a", "parse", "LLVMFuzzerTestOneInput"));
    CHECK(crash_on_death(&f.c, &f.w, signalled(SIGSEGV), 0) == CRASH_STOP_FUZZING);
    struct finding *fd = f.c.fd.v[0];
    CHECK(fd->mode == RPC_MIN_CRASH);
    CHECK(fd->found_path && file_is(fd->found_path, "AAAABBBB")); /* written as found */
    f.c.phase = PH_CRASH;

    /* the call: MINIMIZE in crash mode, with the input in shared memory */
    CHECK(crash_dispatch(&f.c, &f.w) == 1);
    struct rpc_call call;
    CHECK(read(f.call_r, &call, sizeof call) == (ssize_t)sizeof call);
    CHECK(call.op == RPC_MINIMIZE && call.mode == RPC_MIN_CRASH);
    CHECK_EQ_U(call.limit, 100);
    CHECK(memcmp(f.w.shm.input, "AAAABBBB", 8) == 0);

    /* a try fails the same way: taken */
    SHM_STORE(f.w.shm.hdr->state, SHM_MIN_TRY);
    memcpy(f.w.shm.cand, "AB", 2);
    SHM_STORE(f.w.shm.hdr->cand_len, 2);
    SHM_STORE(f.w.shm.hdr->count, 7);
    fx_say(&f, REPORT("bug_a", "parse", "LLVMFuzzerTestOneInput"));
    CHECK(crash_on_death(&f.c, &f.w, signalled(SIGSEGV), 0) == CRASH_GO_ON);
    CHECK(fd->len == 2 && memcmp(fd->data, "AB", 2) == 0);
    CHECK_EQ_U(fd->min_tries, 7);

    /* the next call resumes; its try dies of another bug: not taken */
    CHECK(crash_dispatch(&f.c, &f.w) == 1);
    CHECK(read(f.call_r, &call, sizeof call) == (ssize_t)sizeof call);
    CHECK_EQ_U(call.limit, 93); /* what is left of the budget */
    SHM_STORE(f.w.shm.hdr->state, SHM_MIN_TRY);
    memcpy(f.w.shm.cand, "A", 1);
    SHM_STORE(f.w.shm.hdr->cand_len, 1);
    SHM_STORE(f.w.shm.hdr->count, 1);
    fx_say(&f, REPORT("other_bug", "parse", "LLVMFuzzerTestOneInput"));
    CHECK(crash_on_death(&f.c, &f.w, signalled(SIGSEGV), 0) == CRASH_GO_ON);
    CHECK(fd->len == 2 && memcmp(fd->data, "AB", 2) == 0);

    /* a try that hangs is not the same failure either */
    CHECK(crash_dispatch(&f.c, &f.w) == 1);
    SHM_STORE(f.w.shm.hdr->state, SHM_MIN_TRY);
    SHM_STORE(f.w.shm.hdr->cand_len, 1);
    f.w.kill_reason = KILL_HANG;
    CHECK(crash_on_death(&f.c, &f.w, signalled(SIGKILL), 0) == CRASH_GO_ON);
    CHECK(fd->len == 2);
    f.w.kill_reason = KILL_NONE;

    /* the worker says it is done: written, the found file replaced */
    CHECK(crash_dispatch(&f.c, &f.w) == 1);
    char *found = strdup(fd->found_path);
    f.w.reply = (struct rpc_reply){.status = RPC_OK, .count = 3};
    crash_on_minimize_done(&f.c, &f.w);
    CHECK(fx_advance(&f) == CRASH_ALL_DONE);
    CHECK(file_is(fd->path, "AB"));
    CHECK(access(found, F_OK) != 0); /* the input as found is gone */
    free(found);
    CHECK(strstr(report_captured(NULL), "minimizing") != NULL);
    fx_free(&f);
}

static void test_stop_while_minimizing_writes_what_there_is(void)
{
    struct fx f;
    fx_init(&f, 0, NULL, NULL);
    fx_run(&f, "CCCC");
    fx_say(&f, REPORT("a", "b", "c"));
    CHECK(crash_on_death(&f.c, &f.w, signalled(SIGSEGV), 0) == CRASH_STOP_FUZZING);
    f.c.phase = PH_CRASH;
    CHECK(crash_dispatch(&f.c, &f.w) == 1);
    crash_requeue(&f.c, &f.w); /* the worker went away */
    f.c.stop_requested = 1;    /* Ctrl-C */
    CHECK(fx_advance(&f) == CRASH_ALL_DONE);
    CHECK(file_is(f.c.fd.v[0]->path, "CCCC"));
    fx_free(&f);
}

/* ---- artifacts and exit codes -------------------------------------------- */

static void test_libfuzzer_artifacts_and_exit_codes(void)
{
    static const struct {
        int kill_reason;
        int fault;
        const char *prefix;
        int exit_code;
    } cases[] = {
        {KILL_NONE, SHM_FAULT_NONE, "crash-", 77},
        {KILL_HANG, SHM_FAULT_NONE, "timeout-", 70},
        {KILL_NONE, SHM_FAULT_MALLOC, "oom-", 71},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct fx f;
        fx_init(&f, 1, NULL, NULL);
        fx_run(&f, "LF");
        f.w.kill_reason = cases[i].kill_reason;
        SHM_STORE(f.w.shm.hdr->fault, cases[i].fault);
        fx_say(&f, REPORT("a", "b", "c"));
        CHECK(crash_on_death(&f.c, &f.w, cases[i].kill_reason ? signalled(SIGKILL)
                                                               : signalled(SIGSEGV), 0)
              == CRASH_STOP_FUZZING);
        f.c.phase = PH_CRASH;
        CHECK(fx_advance(&f) == CRASH_ALL_DONE); /* written at once: not minimized */
        char want[512], sha[HASH_HEX_LEN + 1];
        hash_sha1_hex((const uint8_t *)"LF", 2, sha);
        snprintf(want, sizeof want, "%s%s%s", f.prefix, cases[i].prefix, sha);
        CHECK(f.c.fd.v[0]->path && strcmp(f.c.fd.v[0]->path, want) == 0);
        CHECK(file_is(want, "LF"));
        CHECK_EQ_U(crash_exit_code(&f.c), cases[i].exit_code);
        CHECK(strstr(report_captured(NULL), "Test unit written to") != NULL);
        fx_free(&f);
    }
}

/* libFuzzer's command line: a silent _exit(n) of the target ends the run
 * with n and no artifact (as libFuzzer's process would); one that began a
 * report (dying), -keep_going, and Go's command line keep it a finding. */
static void test_libfuzzer_silent_exit_ends_the_run(void)
{
    struct fx f;
    fx_init(&f, 1, NULL, NULL);
    fx_run(&f, "X27");
    CHECK(crash_on_death(&f.c, &f.w, 27 << 8, 0) == CRASH_ALL_DONE);
    CHECK_EQ_U(f.c.fd.n, 0);
    CHECK_EQ_U(crash_exit_code(&f.c), 27);
    CHECK(strstr(report_captured(NULL), "ended the process with status 27") != NULL);
    CHECK(strstr(report_captured(NULL), "Test unit written to") == NULL);
    fx_free(&f);

    fx_init(&f, 1, NULL, NULL); /* exit(3): the runtime's report began */
    fx_run(&f, "E3");
    SHM_STORE(f.w.shm.hdr->dying, 1);
    fx_say(&f, "==1== ERROR: libFuzzer: fuzz target exited\n");
    CHECK(crash_on_death(&f.c, &f.w, 3 << 8, 0) == CRASH_STOP_FUZZING);
    f.c.phase = PH_CRASH;
    CHECK(fx_advance(&f) == CRASH_ALL_DONE);
    CHECK_EQ_U(crash_exit_code(&f.c), 77);
    fx_free(&f);

    fx_init(&f, 1, "-ignore_crashes=1", NULL);
    fx_run(&f, "X27");
    CHECK(crash_on_death(&f.c, &f.w, 27 << 8, 0) == CRASH_GO_ON);
    CHECK_EQ_U(f.c.fd.n, 1);
    fx_free(&f);

    fx_init(&f, 0, "-fuzzminimizetime=0", NULL);
    fx_run(&f, "X27");
    CHECK(crash_on_death(&f.c, &f.w, 27 << 8, 0) == CRASH_STOP_FUZZING);
    CHECK_EQ_U(f.c.fd.n, 1);
    fx_free(&f);
}

/* libFuzzer's fork mode: a timeout or out-of-memory is written and fuzzing
 * goes on (-ignore_timeouts, -ignore_ooms default to 1 with -fork); a crash
 * stops it (-ignore_crashes=0) and its exit code wins.  Without -fork the
 * defaults do not hold; given, the flags do. */
static void test_fork_mode_ignores_timeouts_and_ooms(void)
{
    static const struct {
        const char *a1, *a2;
        int kill_reason, fault;
        enum crash_outcome found, written;
    } cases[] = {
        {"-fork=1", NULL, KILL_HANG, SHM_FAULT_NONE, CRASH_GO_ON, CRASH_GO_ON},
        {"-fork=1", NULL, KILL_NONE, SHM_FAULT_MALLOC, CRASH_GO_ON, CRASH_GO_ON},
        {"-fork=1", NULL, KILL_NONE, SHM_FAULT_NONE, CRASH_STOP_FUZZING, CRASH_ALL_DONE},
        {"-fork=1", "-ignore_timeouts=0", KILL_HANG, SHM_FAULT_NONE, CRASH_STOP_FUZZING, CRASH_ALL_DONE},
        {"-fork=1", "-ignore_ooms=0", KILL_NONE, SHM_FAULT_MALLOC, CRASH_STOP_FUZZING, CRASH_ALL_DONE},
        {NULL, NULL, KILL_HANG, SHM_FAULT_NONE, CRASH_STOP_FUZZING, CRASH_ALL_DONE},
        {"-ignore_timeouts=1", NULL, KILL_HANG, SHM_FAULT_NONE, CRASH_GO_ON, CRASH_GO_ON},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct fx f;
        fx_init(&f, 1, cases[i].a1, cases[i].a2);
        fx_run(&f, "LF");
        f.w.kill_reason = cases[i].kill_reason;
        SHM_STORE(f.w.shm.hdr->fault, cases[i].fault);
        fx_say(&f, REPORT("a", "b", "c"));
        CHECK(crash_on_death(&f.c, &f.w, cases[i].kill_reason ? signalled(SIGKILL) : signalled(SIGSEGV), 0)
              == cases[i].found);
        if (cases[i].found == CRASH_STOP_FUZZING)
            f.c.phase = PH_CRASH;
        CHECK(fx_advance(&f) == cases[i].written);
        CHECK(f.c.fd.n == 1 && f.c.fd.v[0]->path && file_is(f.c.fd.v[0]->path, "LF"));
        fx_free(&f);
    }
}

static void test_unwritable_finding_is_printed_in_hex(void)
{
    struct fx f;
    fx_init(&f, 0, "-fuzzminimizetime=0", NULL);
    char file[300];
    snprintf(file, sizeof file, "%s/a-file", f.dir);
    int fd = open(file, O_WRONLY | O_CREAT, 0644);
    close(fd);
    snprintf(f.dir, sizeof f.dir, "%s/below", file); /* not a directory */
    f.c.testdata = f.dir;
    fx_run(&f, "\x01\xfe");
    fx_say(&f, REPORT("a", "b", "c"));
    CHECK(crash_on_death(&f.c, &f.w, signalled(SIGSEGV), 0) == CRASH_STOP_FUZZING);
    f.c.phase = PH_CRASH;
    CHECK(fx_advance(&f) == CRASH_ALL_DONE);
    CHECK(crash_exit_code(&f.c) == FERRET_EXIT_WRITE);
    const char *out = report_captured(NULL);
    CHECK(strstr(out, "cannot write the failing input") != NULL);
    CHECK(strstr(out, "01fe") != NULL || strstr(out, "01 fe") != NULL);
    fx_free(&f);
}

int main(void)
{
    if (!mkdtemp(root)) {
        perror("mkdtemp");
        return 1;
    }
    RUN(test_crash_stops_fuzzing_and_is_written);
    RUN(test_hang_is_not_minimized);
    RUN(test_hang_request_answered_by_a_crash_is_a_crash);
    RUN(test_oom_by_malloc_is_minimized_by_rss_is_not);
    RUN(test_leak_and_failure_reported_by_a_live_worker);
    RUN(test_leak_minimized_elsewhere_keeps_its_report);
    RUN(test_fuzz_execution_rebuilt_by_the_replay_contract);
    RUN(test_minimize_try_with_hostile_length_is_refused);
    RUN(test_keep_going_counts_hits_per_signature);
    RUN(test_failure_after_the_first_is_ignored);
    RUN(test_minimization_keeps_only_the_same_failure);
    RUN(test_stop_while_minimizing_writes_what_there_is);
    RUN(test_libfuzzer_artifacts_and_exit_codes);
    RUN(test_libfuzzer_silent_exit_ends_the_run);
    RUN(test_fork_mode_ignores_timeouts_and_ooms);
    RUN(test_unwritable_finding_is_printed_in_hex);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    if (system(cmd) != 0)
        perror(cmd);
    return CHECK_DONE("crash");
}
