/* test_rpc.c - the coordinator's side of the worker protocol: a reply is
 * untrusted (rpc_reply_check accepts only the right magic, the call's own
 * op and a status that op may answer), and rpc_read_all/rpc_write_all move
 * whole records across short reads and writes, EINTR and EOF. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "rpc.h"

static const uint32_t ops[] = {RPC_PING, RPC_RUN, RPC_FUZZ, RPC_MINIMIZE};
#define NOPS (sizeof ops / sizeof ops[0])

/* The protocol's table (rpc.h), written out independently of rpc.c. */
static int status_allowed(uint32_t op, uint32_t status)
{
    switch (status) {
    case RPC_OK:
        return 1;
    case RPC_NEW_COVERAGE:
    case RPC_REDUCED:
        return op == RPC_FUZZ;
    case RPC_LEAK:
    case RPC_FAILURE:
        return op == RPC_FUZZ || op == RPC_RUN;
    default:
        return 0;
    }
}

static struct rpc_reply reply(uint32_t op, uint32_t status)
{
    struct rpc_reply r;
    memset(&r, 0, sizeof r);
    r.magic = RPC_MAGIC;
    r.op = op;
    r.status = status;
    return r;
}

static void test_every_status_with_every_op(void)
{
    static const uint32_t statuses[] = {RPC_OK, RPC_NEW_COVERAGE, RPC_LEAK, RPC_FAILURE, RPC_REDUCED};
    for (size_t i = 0; i < NOPS; i++)
        for (size_t s = 0; s < sizeof statuses / sizeof statuses[0]; s++) {
            struct rpc_reply r = reply(ops[i], statuses[s]);
            CHECK_EQ_U(rpc_reply_check(&r, ops[i]), status_allowed(ops[i], statuses[s]));
        }
    /* spelled out, so the table above is not the only statement of it */
    struct rpc_reply r = reply(RPC_PING, RPC_NEW_COVERAGE);
    CHECK(!rpc_reply_check(&r, RPC_PING));
    r = reply(RPC_MINIMIZE, RPC_LEAK);
    CHECK(!rpc_reply_check(&r, RPC_MINIMIZE));
    r = reply(RPC_RUN, RPC_FAILURE);
    CHECK(rpc_reply_check(&r, RPC_RUN));
    r = reply(RPC_RUN, RPC_NEW_COVERAGE);
    CHECK(!rpc_reply_check(&r, RPC_RUN));
    r = reply(RPC_FUZZ, RPC_NEW_COVERAGE);
    CHECK(rpc_reply_check(&r, RPC_FUZZ));
    r = reply(RPC_FUZZ, RPC_REDUCED);
    CHECK(rpc_reply_check(&r, RPC_FUZZ));
    r = reply(RPC_MINIMIZE, RPC_REDUCED);
    CHECK(!rpc_reply_check(&r, RPC_MINIMIZE));
}

static void test_unknown_status(void)
{
    static const uint32_t bad[] = {5, 6, 0x100, 0x80000000u, 0xffffffffu};
    for (size_t i = 0; i < NOPS; i++)
        for (size_t s = 0; s < sizeof bad / sizeof bad[0]; s++) {
            struct rpc_reply r = reply(ops[i], bad[s]);
            CHECK(!rpc_reply_check(&r, ops[i]));
        }
}

static void test_wrong_magic(void)
{
    static const uint32_t bad[] = {0, RPC_MAGIC ^ 1, RPC_MAGIC ^ 0x80000000u, 0x43524546u /* byte-swapped */,
                                   0xffffffffu};
    for (size_t i = 0; i < NOPS; i++)
        for (size_t m = 0; m < sizeof bad / sizeof bad[0]; m++) {
            struct rpc_reply r = reply(ops[i], RPC_OK);
            r.magic = bad[m];
            CHECK(!rpc_reply_check(&r, ops[i]));
        }
}

/* A reply to another call (a stale reply, or a confused worker) is refused,
 * whatever its status. */
static void test_wrong_op(void)
{
    for (size_t i = 0; i < NOPS; i++)
        for (size_t j = 0; j < NOPS; j++)
            for (uint32_t s = RPC_OK; s <= RPC_FAILURE; s++) {
                struct rpc_reply r = reply(ops[j], s);
                if (i != j)
                    CHECK(!rpc_reply_check(&r, ops[i]));
            }
    static const uint32_t bad[] = {0, 5, 0x101, 0xffffffffu};
    for (size_t i = 0; i < NOPS; i++)
        for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++) {
            struct rpc_reply r = reply(bad[b], RPC_OK);
            CHECK(!rpc_reply_check(&r, ops[i]));
        }
}

/* The other fields are the caller's to check against its shm layout:
 * rpc_reply_check neither looks at them nor is upset by them. */
static void test_other_fields_ignored(void)
{
    struct rpc_reply r = reply(RPC_FUZZ, RPC_NEW_COVERAGE);
    memset(&r.pad, 0xff, sizeof r - offsetof(struct rpc_reply, pad));
    CHECK(rpc_reply_check(&r, RPC_FUZZ));
}

static uint64_t xs = 0x9e3779b97f4a7c15ull;
static uint64_t next(void)
{
    xs ^= xs << 13;
    xs ^= xs >> 7;
    xs ^= xs << 17;
    return xs;
}

/* Random bytes, and random bytes under a valid magic and op: accepted only
 * when the three checked fields say so. */
static void test_garbage(void)
{
    int accepted = 0;
    for (int k = 0; k < 200000; k++) {
        struct rpc_reply r;
        uint8_t *p = (uint8_t *)&r;
        for (size_t i = 0; i < sizeof r; i++)
            p[i] = (uint8_t)next();
        uint32_t op = ops[next() % NOPS];
        if (k & 1) {
            r.magic = RPC_MAGIC;
            r.op = op;
            r.status = (uint32_t)(next() % 8);
        }
        int want = r.magic == RPC_MAGIC && r.op == op && status_allowed(op, r.status);
        int got = rpc_reply_check(&r, op);
        if (got != want) {
            CHECK_EQ_U(got, want);
            return;
        }
        accepted += got;
    }
    CHECK(accepted > 0); /* the odd half really exercised the accepting side */
}

/* ---- reading and writing over a pipe ------------------------------------------ */

static void fill(uint8_t *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (uint8_t)(i * 131 + seed + (i >> 8));
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

/* A child writes buf in pieces of `piece` bytes, pausing between them, then
 * closes the pipe; returns the read end. */
static int slow_writer(const uint8_t *buf, size_t len, size_t piece, long pause_ms, pid_t *pid)
{
    int fd[2];
    if (pipe(fd) != 0)
        return -1;
    *pid = fork();
    if (*pid == 0) {
        close(fd[0]);
        for (size_t off = 0; off < len; off += piece) {
            size_t n = len - off < piece ? len - off : piece;
            if (write(fd[1], buf + off, n) != (ssize_t)n)
                _exit(1);
            sleep_ms(pause_ms);
        }
        _exit(0);
    }
    close(fd[1]);
    return fd[0];
}

static int child_ok(pid_t pid)
{
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            return 0;
    return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

static void test_round_trip(void)
{
    int fd[2];
    CHECK(pipe(fd) == 0);
    struct rpc_call call = {.magic = RPC_MAGIC, .op = RPC_FUZZ, .seed = 42, .limit = 4096,
                            .len_limit = 100};
    struct rpc_call got;
    memset(&got, 0, sizeof got);
    CHECK(rpc_write_all(fd[1], &call, sizeof call) == 0);
    CHECK(rpc_read_all(fd[0], &got, sizeof got) == 0);
    CHECK(memcmp(&call, &got, sizeof call) == 0);
    struct rpc_reply r = reply(RPC_FUZZ, RPC_NEW_COVERAGE), rr;
    r.count = 77;
    r.len = 9;
    CHECK(rpc_write_all(fd[1], &r, sizeof r) == 0);
    CHECK(rpc_read_all(fd[0], &rr, sizeof rr) == 0);
    CHECK(memcmp(&r, &rr, sizeof r) == 0 && rpc_reply_check(&rr, RPC_FUZZ));
    /* nothing to move: no system call needed, success */
    CHECK(rpc_write_all(fd[1], &r, 0) == 0);
    CHECK(rpc_read_all(fd[0], &rr, 0) == 0);
    close(fd[0]);
    close(fd[1]);
}

/* The record arrives a byte (then 7 bytes) at a time: one read() returns
 * part of it, and rpc_read_all keeps reading until it has it all. */
static void test_short_reads(void)
{
    struct rpc_reply r = reply(RPC_RUN, RPC_OK), got;
    r.duration_ns = 123456789;
    static const size_t pieces[] = {1, 7};
    for (size_t k = 0; k < 2; k++) {
        pid_t pid;
        int rfd = slow_writer((const uint8_t *)&r, sizeof r, pieces[k], 1, &pid);
        CHECK(rfd >= 0);
        memset(&got, 0, sizeof got);
        CHECK(rpc_read_all(rfd, &got, sizeof got) == 0);
        CHECK(memcmp(&r, &got, sizeof r) == 0);
        CHECK(child_ok(pid));
        close(rfd);
    }
}

/* The writer goes away: before anything (EOF at once) or halfway through a
 * record (a truncated reply is an error, never a short success). */
static void test_eof(void)
{
    struct rpc_reply r = reply(RPC_PING, RPC_OK), got;
    int fd[2];
    CHECK(pipe(fd) == 0);
    close(fd[1]);
    CHECK(rpc_read_all(fd[0], &got, sizeof got) == -1);
    close(fd[0]);

    pid_t pid;
    int rfd = slow_writer((const uint8_t *)&r, sizeof r / 2, 5, 1, &pid);
    CHECK(rfd >= 0);
    CHECK(rpc_read_all(rfd, &got, sizeof got) == -1);
    CHECK(child_ok(pid));
    close(rfd);

    /* a whole record, then EOF: the record reads, the next read fails */
    rfd = slow_writer((const uint8_t *)&r, sizeof r, sizeof r, 0, &pid);
    CHECK(rpc_read_all(rfd, &got, sizeof got) == 0 && memcmp(&r, &got, sizeof r) == 0);
    CHECK(rpc_read_all(rfd, &got, 1) == -1);
    CHECK(child_ok(pid));
    close(rfd);
}

/* The reader goes away: writing fails (EPIPE, with SIGPIPE ignored as the
 * coordinator does) instead of blocking or succeeding. */
static void test_reader_gone(void)
{
    struct sigaction ign = {.sa_handler = SIG_IGN}, old;
    sigaction(SIGPIPE, &ign, &old);
    int fd[2];
    CHECK(pipe(fd) == 0);
    close(fd[0]);
    struct rpc_call call = {.magic = RPC_MAGIC, .op = RPC_PING};
    errno = 0;
    CHECK(rpc_write_all(fd[1], &call, sizeof call) == -1);
    CHECK(errno == EPIPE);
    close(fd[1]);
    sigaction(SIGPIPE, &old, NULL);
}

static void test_bad_fd(void)
{
    struct rpc_reply r;
    CHECK(rpc_read_all(-1, &r, sizeof r) == -1);
    CHECK(rpc_write_all(-1, &r, sizeof r) == -1);
    int fd[2];
    CHECK(pipe(fd) == 0);
    CHECK(rpc_read_all(fd[1], &r, sizeof r) == -1);  /* the wrong end */
    CHECK(rpc_write_all(fd[0], &r, sizeof r) == -1);
    close(fd[0]);
    close(fd[1]);
}

static volatile sig_atomic_t alarms;
static int alarm_fd = -1; /* the handler tells the other process it ran */
static void on_alarm(int sig)
{
    alarms++;
    if (alarm_fd >= 0 && write(alarm_fd, "!", 1) < 0) {
        /* the other side is gone: its check fails */
    }
}

/* The other process's side: waits until the alarm went off. */
static void wait_for_alarm(int go)
{
    char b;
    while (read(go, &b, 1) < 0 && errno == EINTR)
        ;
}

/* A signal handler installed without SA_RESTART interrupts the blocked
 * read() or write() with EINTR; the call is retried, not failed.  The other
 * end moves only once the alarm went off, so the call is blocked when it
 * comes (however loaded the machine). */
static void test_eintr(void)
{
    struct sigaction sa = {.sa_handler = on_alarm}, old; /* no SA_RESTART */
    sigaction(SIGALRM, &sa, &old);
    struct itimerval t = {.it_value = {0, 20000}}, off = {{0, 0}, {0, 0}};

    /* read: the writer writes once the timer fired (at 20 ms) */
    struct rpc_reply r = reply(RPC_MINIMIZE, RPC_OK), got;
    int fd[2], go[2];
    CHECK(pipe(fd) == 0 && pipe(go) == 0);
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        close(go[1]);
        wait_for_alarm(go[0]);
        _exit(rpc_write_all(fd[1], &r, sizeof r) == 0 ? 0 : 1);
    }
    close(fd[1]);
    close(go[0]);
    alarm_fd = go[1];
    alarms = 0;
    setitimer(ITIMER_REAL, &t, NULL);
    CHECK(rpc_read_all(fd[0], &got, sizeof got) == 0);
    setitimer(ITIMER_REAL, &off, NULL);
    CHECK(alarms == 1);
    CHECK(memcmp(&r, &got, sizeof r) == 0);
    CHECK(child_ok(pid));
    close(fd[0]);
    close(go[1]);

    /* write: the pipe is full before the call (so its first write() blocks
     * having written nothing), the reader drains it once the timer fired */
    enum { N = 256 << 10 };
    uint8_t *buf = malloc(N);
    CHECK(buf != NULL);
    if (!buf)
        return;
    fill(buf, N, 9);
    CHECK(pipe(fd) == 0);
    fcntl(fd[1], F_SETFL, O_NONBLOCK);
    size_t full = 0;
    uint8_t zero[512] = {0};
    for (ssize_t n; (n = write(fd[1], zero, sizeof zero)) > 0;)
        full += (size_t)n;
    fcntl(fd[1], F_SETFL, 0);
    CHECK(full > 0);
    CHECK(pipe(go) == 0);
    pid = fork();
    if (pid == 0) {
        close(fd[1]);
        close(go[1]);
        wait_for_alarm(go[0]);
        uint8_t *in = malloc(full + N);
        _exit(in && rpc_read_all(fd[0], in, full + N) == 0 && memcmp(in + full, buf, N) == 0 ? 0 : 1);
    }
    close(fd[0]);
    close(go[0]);
    alarm_fd = go[1];
    alarms = 0;
    setitimer(ITIMER_REAL, &t, NULL);
    CHECK(rpc_write_all(fd[1], buf, N) == 0);
    setitimer(ITIMER_REAL, &off, NULL);
    CHECK(alarms == 1);
    close(fd[1]);
    CHECK(child_ok(pid));
    close(go[1]);
    alarm_fd = -1;
    free(buf);
    sigaction(SIGALRM, &old, NULL);
}

/* A write() to a pipe blocks until all is written, unless a signal comes
 * after part of it went: then it returns the part.  With a timer ticking
 * every millisecond and a slow reader, most writes are short ones; every
 * byte still arrives, in order, once. */
static void test_short_writes(void)
{
    enum { N = 1 << 20 };
    uint8_t *buf = malloc(N);
    CHECK(buf != NULL);
    if (!buf)
        return;
    fill(buf, N, 3);
    int fd[2];
    CHECK(pipe(fd) == 0);
    fcntl(fd[1], F_SETPIPE_SZ, 4096); /* the smallest pipe */
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[1]);
        uint8_t *in = malloc(N);
        size_t off = 0;
        while (in && off < N) {
            size_t want = (off * 7 + 1) % 3001 + 1; /* odd-sized reads */
            ssize_t n = read(fd[0], in + off, want < N - off ? want : N - off);
            if (n <= 0)
                _exit(2);
            off += (size_t)n;
            if (off % 64 == 0)
                sleep_ms(1);
        }
        uint8_t extra;
        _exit(!in ? 5 : memcmp(in, buf, N) != 0 ? 3 : read(fd[0], &extra, 1) != 0 ? 4 : 0);
    }
    close(fd[0]);
    struct sigaction sa = {.sa_handler = on_alarm}, old; /* no SA_RESTART */
    sigaction(SIGALRM, &sa, &old);
    struct itimerval t = {{0, 1000}, {0, 1000}}, off = {{0, 0}, {0, 0}};
    alarms = 0;
    setitimer(ITIMER_REAL, &t, NULL);
    CHECK(rpc_write_all(fd[1], buf, N) == 0);
    setitimer(ITIMER_REAL, &off, NULL);
    sigaction(SIGALRM, &old, NULL);
    CHECK(alarms > 0);
    close(fd[1]);
    CHECK(child_ok(pid));
    free(buf);
}

/* The protocol's premise: a record is written with one write() that is never
 * split, because both are well under PIPE_BUF. */
static void test_records_fit_pipe_buf(void)
{
    CHECK(sizeof(struct rpc_call) <= PIPE_BUF);
    CHECK(sizeof(struct rpc_reply) <= PIPE_BUF);
}

int main(void)
{
    RUN(test_every_status_with_every_op);
    RUN(test_unknown_status);
    RUN(test_wrong_magic);
    RUN(test_wrong_op);
    RUN(test_other_fields_ignored);
    RUN(test_garbage);
    RUN(test_round_trip);
    RUN(test_short_reads);
    RUN(test_short_writes);
    RUN(test_eof);
    RUN(test_reader_gone);
    RUN(test_bad_fd);
    RUN(test_eintr);
    RUN(test_records_fit_pipe_buf);
    return CHECK_DONE("rpc");
}
