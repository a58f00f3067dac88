/*
 * replay_guard.c - the regression run, supervised: the fork, the shared
 * state, the parent's watch and its verdict (see replay_guard.h).
 *
 * Every line is the reporter's (report.h): the dialect has the words.
 *
 * Invariants:
 *  - the child writes the shared state, the parent only reads it; the child
 *    writes the name only outside the target (replay_guard_input), under an
 *    odd/even sequence number, so the parent never takes a name half written;
 *  - the parent runs no target code: it forks before LLVMFuzzerInitialize
 *    and before the runtime's handlers are installed (regress.c), holds no
 *    input and touches neither stdin nor stdout;
 *  - the child dies with the parent (PR_SET_PDEATHSIG); a SIGTERM, SIGINT,
 *    SIGHUP or SIGQUIT sent to the parent alone is passed on to the child,
 *    and the parent then ends as the child does.
 *
 * Owns: shared, the MAP_SHARED mapping (struct replay_shared: phase,
 * name_seq, start_ns, execs, named, the input's name) made by
 * replay_guard_start before the fork: written by the regression run's
 * child, only read by its parent; NULL when the run is not supervised.  In
 * the parent: child_pid and got_sig (the child and the last SIGTERM,
 * SIGINT, SIGHUP or SIGQUIT its handler passed on to it), those four
 * handlers, and watch's name (a static buffer for the verdict).
 * last_verdict: the kind of the last verdict replay_guard_judge gave
 * (replay_guard_verdict), written only by it.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "codes.h"
#include "replay_guard.h"
#include "report.h"

#define NAME_MAX_LEN 4352
#define POLL_NS (100ULL * 1000000ULL)

struct replay_shared {
    uint32_t phase;             /* enum replay_phase */
    uint32_t name_seq;          /* odd while name is being written */
    uint64_t start_ns;          /* CLOCK_MONOTONIC: the current execution's start */
    uint64_t execs;             /* executions begun */
    uint32_t named;             /* the runtime's report of the current input named it */
    uint32_t name_len;
    char name[NAME_MAX_LEN];
};

#define STORE(field, v) __atomic_store_n(&(field), (v), __ATOMIC_RELEASE)
#define LOAD(field) __atomic_load_n(&(field), __ATOMIC_ACQUIRE)

static struct replay_shared *shared; /* NULL: not supervised */
static volatile pid_t child_pid;
static volatile sig_atomic_t got_sig; /* the last forwardable signal this process received */

#define now_ns engine_now_ns

/* The start of a small /proc file, NUL-terminated; 0 if unreadable. */
static size_t read_proc(const char *path, char *buf, size_t size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    ssize_t n = read(fd, buf, size - 1);
    close(fd);
    if (n <= 0)
        return 0;
    buf[n] = 0;
    return (size_t)n;
}

int replay_guard_traced(void)
{
    char buf[4096];
    if (!read_proc("/proc/self/status", buf, sizeof buf))
        return 0;
    const char *p = strstr(buf, "TracerPid:");
    return p && strtol(p + strlen("TracerPid:"), NULL, 10) != 0;
}

/* ---- the child ----------------------------------------------------------- */

void replay_guard_input(const char *name)
{
    if (!shared)
        return;
    size_t n = strlen(name);
    if (n > NAME_MAX_LEN)
        n = NAME_MAX_LEN;
    uint32_t seq = shared->name_seq;
    STORE(shared->name_seq, seq + 1);
    memcpy(shared->name, name, n);
    STORE(shared->name_len, (uint32_t)n);
    STORE(shared->name_seq, seq + 2);
}

void replay_guard_exec_begin(void)
{
    if (!shared)
        return;
    STORE(shared->named, 0);
    STORE(shared->start_ns, now_ns());
    STORE(shared->execs, shared->execs + 1);
    STORE(shared->phase, (uint32_t)REPLAY_RUNNING);
}

void replay_guard_exec_end(void)
{
    if (shared)
        STORE(shared->phase, (uint32_t)REPLAY_BETWEEN);
}

void replay_guard_named(void)
{
    if (shared)
        STORE(shared->named, 1);
}

void replay_guard_done(void)
{
    if (shared)
        STORE(shared->phase, (uint32_t)REPLAY_DONE);
}

/* ---- the verdict ----------------------------------------------------------- */

static enum replay_verdict last_verdict; /* the last replay_guard_judge's */

enum replay_verdict replay_guard_verdict(void) { return last_verdict; }

static int judged(enum replay_verdict v, int code)
{
    last_verdict = v;
    return code;
}

int replay_guard_judge(const struct replay_guard_opts *g, const struct replay_end *e, int pid,
                       int *raise_sig)
{
    const char *name = e->name && *e->name ? e->name : "(an input)";
    int st = e->status;
    int exited = WIFEXITED(st), code = exited ? WEXITSTATUS(st) : 0;
    int sig = WIFSIGNALED(st) ? WTERMSIG(st) : 0;
    struct report_replay r = {.ctx = name, .pid = pid, .timeout_ns = g->timeout_ns};
    *raise_sig = 0;

    if (e->killed == REPLAY_KILLED_OOM) {
        r.used_mb = (long)e->rss_mb;
        r.limit_mb = g->rss_limit_mb;
        report_replay_oom(&r);
        return judged(REPLAY_OOM, g->libfuzzer ? REPLAY_LF_OOM_EXIT : FERRET_EXIT_FINDING);
    }
    /* Past the timeout, an exit is the child's own timeout report (SIGALRM);
     * a death by a signal is a crash whose report was slow. */
    int timed_out = e->killed == REPLAY_KILLED_HANG ||
                    (e->phase == REPLAY_RUNNING && exited && g->timeout_ns && e->elapsed_ns >= g->timeout_ns);
    if (timed_out) {
        r.killed = e->killed == REPLAY_KILLED_HANG;
        report_replay_timeout(&r);
        return judged(REPLAY_TIMEOUT, g->libfuzzer ? g->timeout_exitcode : FERRET_EXIT_FINDING);
    }
    if ((e->phase == REPLAY_RUNNING || e->phase == REPLAY_BETWEEN) && exited && code == 0) {
        report_replay_exit0(name, pid, e->phase == REPLAY_BETWEEN);
        return judged(REPLAY_FAILED, g->libfuzzer ? g->error_exitcode : FERRET_EXIT_FINDING);
    }
    /* Named once: the runtime's report (a sanitizer's death, a fatal
     * signal, exit()) names the input itself. */
    if (e->phase == REPLAY_RUNNING && (exited || sig) && !e->named)
        report_replay_died(name, code, sig);
    if (sig) {
        *raise_sig = sig;
        return judged(REPLAY_FAILED, 128 + sig);
    }
    return judged(exited && code == 0 ? REPLAY_PASSED : REPLAY_FAILED,
                  exited ? code : FERRET_EXIT_FINDING);
}

/* ---- the parent ------------------------------------------------------------ */

static void forward(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    got_sig = sig;
    /* A terminal's signals (SI_KERNEL) reach the child already: it is in
     * the same process group.  Those sent to this pid alone are passed on. */
    if (si->si_code <= 0 && child_pid > 0)
        kill(child_pid, sig);
}

static uint64_t rss_mb_of(pid_t pid)
{
    char path[64], buf[128];
    snprintf(path, sizeof path, "/proc/%ld/statm", (long)pid);
    if (!read_proc(path, buf, sizeof buf))
        return 0;
    unsigned long long size = 0, resident = 0;
    if (sscanf(buf, "%llu %llu", &size, &resident) != 2)
        return 0;
    return resident * (uint64_t)sysconf(_SC_PAGESIZE) >> 20;
}

/* The name the child published, if it is not being written. */
static void copy_name(char *dst, size_t cap)
{
    uint32_t seq = LOAD(shared->name_seq);
    uint32_t n = LOAD(shared->name_len);
    dst[0] = 0;
    if (seq & 1 || n > NAME_MAX_LEN)
        return;
    if (n >= cap)
        n = (uint32_t)cap - 1;
    memcpy(dst, shared->name, n);
    dst[n] = 0;
    if (LOAD(shared->name_seq) != seq)
        dst[0] = 0;
}

static int watch(const struct replay_guard_opts *g, pid_t pid, const sigset_t *chld, int *status)
{
    static char name[NAME_MAX_LEN + 1];
    struct replay_end e = {.name = name};
    for (;;) {
        pid_t r = waitpid(pid, status, WNOHANG);
        if (r == pid)
            break;
        if (r < 0 && errno != EINTR)
            return -1;
        uint64_t now = now_ns(), wait_ns = POLL_NS;
        enum replay_phase phase = (enum replay_phase)LOAD(shared->phase);
        if (phase == REPLAY_RUNNING && !e.killed) {
            uint64_t start = LOAD(shared->start_ns);
            uint64_t ran = start < now ? now - start : 0;
            uint64_t deadline = g->timeout_ns + REPLAY_GRACE_NS;
            if (g->timeout_ns && ran > deadline) {
                e.killed = REPLAY_KILLED_HANG;
            } else if (g->rss_limit_mb > 0) {
                uint64_t rss = rss_mb_of(pid);
                if (rss > (uint64_t)g->rss_limit_mb) {
                    e.killed = REPLAY_KILLED_OOM;
                    e.rss_mb = rss;
                }
            }
            if (e.killed) {
                copy_name(name, sizeof name);
                e.elapsed_ns = ran;
                kill(pid, SIGKILL);
            } else if (g->timeout_ns && deadline - ran < wait_ns) {
                wait_ns = deadline - ran + 1000000;
            }
        }
        struct timespec ts = {.tv_sec = (time_t)(wait_ns / 1000000000ULL),
                              .tv_nsec = (long)(wait_ns % 1000000000ULL)};
        sigtimedwait(chld, NULL, &ts);
    }
    if (!e.killed) {
        e.phase = (enum replay_phase)LOAD(shared->phase);
        uint64_t start = LOAD(shared->start_ns), now = now_ns();
        e.elapsed_ns = start < now ? now - start : 0;
        copy_name(name, sizeof name);
        e.named = LOAD(shared->named) != 0;
    } else {
        e.phase = REPLAY_RUNNING;
    }
    e.status = *status;
    int raise_sig, code;
    if (!e.killed && WIFSIGNALED(*status) && WTERMSIG(*status) == got_sig) {
        raise_sig = got_sig; /* Ctrl-C, a SIGTERM...: no finding, end as the child did */
        code = 128 + raise_sig;
    } else {
        code = replay_guard_judge(g, &e, (int)getpid(), &raise_sig);
    }
    fflush(stderr);
    if (raise_sig) {
        /* End as the child did, for whoever waits for us (a test runner).
         * No second core file: the child has dumped one if any. */
        struct rlimit no_core = {0, 0};
        sigset_t one;
        setrlimit(RLIMIT_CORE, &no_core);
        prctl(PR_SET_DUMPABLE, 0); /* not even to a core_pattern pipe */
        signal(raise_sig, SIG_DFL);
        sigemptyset(&one);
        sigaddset(&one, raise_sig);
        sigprocmask(SIG_UNBLOCK, &one, NULL);
        raise(raise_sig);
    }
    return code;
}

int replay_guard_start(const struct replay_guard_opts *g, int *exit_code)
{
    static const int forwarded[] = {SIGTERM, SIGINT, SIGHUP, SIGQUIT};
    sigset_t chld, old;
    shared = mmap(NULL, sizeof *shared, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (shared == MAP_FAILED) {
        shared = NULL;
        return -1;
    }
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, &old);
    fflush(NULL);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        int err = errno;
        sigprocmask(SIG_SETMASK, &old, NULL);
        munmap(shared, sizeof *shared);
        shared = NULL;
        errno = err;
        return -1;
    }
    if (pid == 0) {
        sigprocmask(SIG_SETMASK, &old, NULL);
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent) /* the parent is already gone */
            _exit(1);
        return 0;
    }
    child_pid = pid;
    for (size_t i = 0; i < sizeof forwarded / sizeof forwarded[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = forward;
        sa.sa_flags = SA_SIGINFO | SA_RESTART;
        sigaction(forwarded[i], &sa, NULL);
    }
    int status = 0;
    int code = watch(g, pid, &chld, &status);
    if (code < 0) { /* cannot happen: the child is ours */
        report_error("waiting for the regression run: %s\n", strerror(errno));
        code = FERRET_EXIT_INTERNAL;
    }
    *exit_code = code;
    return 1;
}
