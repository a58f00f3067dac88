/*
 * contain.c - the keeper: every process a target starts dies with its
 * worker, whatever it does to get away (setsid(), a double fork, a new
 * process group) and however the worker dies, the coordinator's SIGKILL
 * included.
 *
 * The process the coordinator starts (the binary re-executed with
 * FERRET_WORKER set) splits in two in a constructor, before the target's
 * own constructors and before main():
 *
 *   coordinator ── keeper ── worker (main(), the target) ── the target's children ...
 *
 * The keeper runs only the code below.  It is a child subreaper
 * (PR_SET_CHILD_SUBREAPER): a descendant of the worker whose parent dies
 * (a daemon's double fork, anything orphaned) is re-parented to the keeper,
 * never to init, so the whole tree the target starts stays below it; the
 * keeper reaps those orphans as they die, so none lingers as a zombie.
 *
 *  - The worker dies (crash, hang kill, exit at shutdown, SIGKILL from
 *    anyone): the keeper reaps it, then kills every child it has left, round
 *    after round (each death re-parents the next generation to it), until
 *    none is left; then it dies the way the worker died (same exit status,
 *    same signal), and that is what the coordinator's waitpid() sees.
 *  - The coordinator dies (SIGKILL included): the keeper's parent-death
 *    signal (PR_SET_PDEATHSIG, a real-time signal it waits for) makes it
 *    kill the worker and sweep the same way.
 *
 * The worker is the keeper's only own child; it keeps every property it had
 * as the coordinator's child: its own process group, PR_SET_PDEATHSIG
 * (now tied to the keeper), the same descriptors.  The keeper tells the
 * coordinator, on a pipe (the spec's sixth field), the worker's pid: hang
 * signals, RSS checks and kills go to the worker.  A keeper with a child
 * other than the worker has adopted an orphan of the target; the
 * coordinator looks after each reply (contain_has_orphans) and warns that
 * the target starts child processes, as it does for the worker's own.
 *
 * Second line: the coordinator is a child subreaper too.  If a keeper is
 * itself killed from outside, its worker dies of its parent-death signal,
 * and what either leaves behind is re-parented to the coordinator, which
 * kills every child of its own that is not a keeper it started
 * (contain_kill_strays, after each reap).
 *
 * Fallback: with FERRET_KEEPER=0, or where the keeper cannot be made
 * (PR_SET_CHILD_SUBREAPER fails, Linux before 3.4; fork fails), the process
 * the coordinator started is the worker, as before: its process group is
 * killed with it, and orphans of the target come to the coordinator (still
 * a subreaper), which kills them at its next reap; but when the coordinator
 * is SIGKILLed, the target's children outlive it.
 *
 * A PID namespace per worker would contain the tree too, but needs
 * privileges, gives the target's children pids that differ from the
 * worker's view (getppid() == 0), and breaks LeakSanitizer in the worker
 * (its tracer is created in the new namespace and cannot find its parent).
 *
 * Owns: no file-scope state.  In a process the coordinator started, before
 * main(): it marks the four descriptors of the FERRET_WORKER spec
 * close-on-exec and, when it makes a keeper, becomes it (child subreaper,
 * PR_SET_PDEATHSIG to a real-time signal, SIGCHLD and that signal blocked,
 * its own descriptors: stdin, stdout and stderr on /dev/null, the report
 * pipe's write end on 3, nothing else), forks the worker and rewrites the
 * worker's FERRET_WORKER to name the keeper.  In the coordinator: its
 * child-subreaper flag (contain_coordinator_init); it kills strays it finds
 * but keeps no record of them.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "contain.h"
#include "codes.h"

#define KEEPER_SIGNAL (SIGRTMIN + 6)          /* the keeper's parent-death signal */
#define KEEPER_POLL_S 1                       /* how often it checks its parent, besides the signal */
#define SWEEP_LIMIT_NS (2000 * 1000000ULL)    /* longest a sweep waits for deaths */
#define SWEEP_BATCH 256

/* ---- listing processes ------------------------------------------------- */

/* Appends the pids listed in path ("12 34 ") to out[n..max); returns the
 * new count (which may pass max), or -1 if path cannot be opened. */
static long read_pid_list(const char *path, pid_t *out, size_t max, size_t n)
{
    char buf[4096];
    long cur = -1;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    for (;;) {
        ssize_t k = read(fd, buf, sizeof buf);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        for (ssize_t i = 0; i < k; i++) {
            if (buf[i] >= '0' && buf[i] <= '9') {
                cur = (cur < 0 ? 0 : cur) * 10 + (buf[i] - '0');
            } else if (cur >= 0) {
                if (n < max)
                    out[n] = (pid_t)cur;
                n++;
                cur = -1;
            }
        }
    }
    if (cur >= 0) {
        if (n < max)
            out[n] = (pid_t)cur;
        n++;
    }
    close(fd);
    return (long)n;
}

pid_t contain_parent_of(pid_t pid)
{
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t k = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (k <= 0)
        return -1;
    buf[k] = 0;
    char *p = strrchr(buf, ')'); /* the name may hold spaces and parentheses */
    char state;
    long ppid;
    if (!p || sscanf(p + 1, " %c %ld", &state, &ppid) != 2)
        return -1;
    return (pid_t)ppid;
}

static int numeric(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

/* Without /proc/<pid>/task/<tid>/children (a kernel without
 * CONFIG_PROC_CHILDREN): every process whose parent is pid. */
static size_t scan_for_children(pid_t pid, pid_t *out, size_t max)
{
    size_t n = 0;
    DIR *d = opendir("/proc");
    if (!d)
        return 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (numeric(e->d_name)) {
            pid_t p = (pid_t)atol(e->d_name);
            if (contain_parent_of(p) == pid) {
                if (n < max)
                    out[n] = p;
                n++;
            }
        }
    closedir(d);
    return n;
}

size_t contain_children(pid_t pid, pid_t *out, size_t max)
{
    char path[96];
    size_t n = 0;
    int listed = 0;
    snprintf(path, sizeof path, "/proc/%ld/task", (long)pid);
    DIR *d = opendir(path);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            if (!numeric(e->d_name))
                continue;
            snprintf(path, sizeof path, "/proc/%ld/task/%s/children", (long)pid, e->d_name);
            long r = read_pid_list(path, out, max, n);
            if (r >= 0) {
                n = (size_t)r;
                listed = 1;
            }
        }
        closedir(d);
    }
    return listed ? n : scan_for_children(pid, out, max);
}

/* ---- the coordinator's side ---------------------------------------------- */

int contain_coordinator_init(void)
{
    return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
}

int contain_has_orphans(pid_t keeper, pid_t worker)
{
    char path[64];
    pid_t kids[8];
    snprintf(path, sizeof path, "/proc/%ld/task/%ld/children", (long)keeper, (long)keeper);
    long n = read_pid_list(path, kids, 8, 0);
    for (long i = 0; i < n && i < 8; i++)
        if (kids[i] != worker)
            return 1;
    return n > 8;
}

size_t contain_kill_strays(const pid_t *keep, size_t nkeep)
{
    pid_t kids[SWEEP_BATCH];
    size_t killed = 0;
    size_t n = contain_children(getpid(), kids, SWEEP_BATCH);
    for (size_t i = 0; i < n && i < SWEEP_BATCH; i++) {
        size_t j = 0;
        while (j < nkeep && keep[j] != kids[i])
            j++;
        if (j == nkeep && kill(kids[i], SIGKILL) == 0)
            killed++;
    }
    return killed;
}

/* ---- the keeper ------------------------------------------------------------ */

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static void put_record(int fd, int32_t v)
{
    while (fd >= 0 && write(fd, &v, sizeof v) < 0 && errno == EINTR)
        ;
}

/* stdin, stdout and stderr on /dev/null, report on 3, nothing else open:
 * the keeper must hold no pipe end or memfd of the worker's, so the
 * coordinator sees EOF when the worker's side closes. */
static int quiet_descriptors(int report)
{
    if (report != 3) {
        if (dup2(report, 3) < 0) {
            report = -1;
        } else {
            close(report);
            report = 3;
        }
    }
    int null = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (null >= 0) {
        dup2(null, 0);
        dup2(null, 1);
        dup2(null, 2);
        if (null > 3)
            close(null);
    }
#ifdef SYS_close_range
    if (syscall(SYS_close_range, 4U, ~0U, 0U) == 0)
        return report;
#endif
    for (;;) { /* no close_range (before Linux 5.9): what /proc/self/fd lists */
        int fds[256], n = 0;
        DIR *d = opendir("/proc/self/fd");
        if (!d)
            break;
        struct dirent *e;
        while ((e = readdir(d)) && n < 256)
            if (numeric(e->d_name) && atoi(e->d_name) > 3 && atoi(e->d_name) != dirfd(d))
                fds[n++] = atoi(e->d_name);
        closedir(d);
        if (n == 0)
            break;
        for (int i = 0; i < n; i++)
            close(fds[i]);
    }
    return report;
}

/* Kills every child of the keeper, generation after generation (a child's
 * children are re-parented to the keeper as it dies), and reaps them.
 * group: the worker's process group, killed first (the target's children
 * that stayed in it, whoever their parent).  Gives up after SWEEP_LIMIT_NS
 * (a process stuck in the kernel); the coordinator kills what is left. */
static void sweep(pid_t group)
{
    uint64_t end = now_ns() + SWEEP_LIMIT_NS;
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    if (group > 0)
        kill(-group, SIGKILL);
    for (;;) {
        pid_t kids[SWEEP_BATCH];
        size_t n = contain_children(getpid(), kids, SWEEP_BATCH);
        for (size_t i = 0; i < n && i < SWEEP_BATCH; i++)
            kill(kids[i], SIGKILL);
        pid_t p;
        while ((p = waitpid(-1, NULL, WNOHANG | __WALL)) > 0)
            ;
        if (p < 0 && errno == ECHILD)
            return; /* no child left, dead or alive */
        if (now_ns() > end)
            return;
        struct timespec t = {0, 10 * 1000000L};
        sigtimedwait(&chld, NULL, &t);
    }
}

/* Dies the way the worker died: the coordinator reads the worker's status
 * from the keeper's. */
static void die_as(int status)
{
    if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        struct rlimit none = {0, 0};
        sigset_t s;
        setrlimit(RLIMIT_CORE, &none); /* the worker's core file, if any, is the one wanted */
        signal(sig, SIG_DFL);
        sigemptyset(&s);
        sigaddset(&s, sig);
        sigprocmask(SIG_UNBLOCK, &s, NULL);
        kill(getpid(), sig);
        _exit(128 + sig);
    }
    _exit(WIFEXITED(status) ? WEXITSTATUS(status) : FERRET_EXIT_INTERNAL);
}

__attribute__((noreturn)) static void keeper_run(pid_t worker, pid_t coord, int report,
                                                 const sigset_t *waitset)
{
    signal(SIGPIPE, SIG_IGN); /* a report to a dead coordinator fails, and that is all */
    report = quiet_descriptors(report);
    prctl(PR_SET_NAME, "ferret-keeper", 0, 0, 0);
    put_record(report, (int32_t)worker);
    for (;;) {
        struct timespec t = {KEEPER_POLL_S, 0};
        int sig = sigtimedwait(waitset, NULL, &t);
        if (sig == KEEPER_SIGNAL || getppid() != coord) {
            /* The coordinator is gone: nobody will call this worker again. */
            kill(-worker, SIGKILL);
            kill(worker, SIGKILL);
            sweep(0);
            _exit(0);
        }
        int status;
        pid_t p;
        while ((p = waitpid(-1, &status, WNOHANG | __WALL)) > 0)
            if (p == worker) {
                sweep(worker);
                die_as(status);
            }
    }
}

/* Splits this process into keeper and worker.  Returns 1 in the worker,
 * 0 (still one process) if no keeper could be made; never returns in the
 * keeper. */
static int keeper_split(pid_t coord, const int fds[4], int report)
{
    sigset_t waitset, old;
    struct sigaction dfl, old_chld;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&waitset);
    sigaddset(&waitset, SIGCHLD);
    sigaddset(&waitset, KEEPER_SIGNAL);
    if (prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0)
        return 0;
    sigprocmask(SIG_BLOCK, &waitset, &old);
    sigaction(SIGCHLD, &dfl, &old_chld); /* not SIG_IGN: the worker's status is wanted */
    pid_t keeper = getpid();
    pid_t worker = fork();
    if (worker < 0) {
        sigaction(SIGCHLD, &old_chld, NULL);
        sigprocmask(SIG_SETMASK, &old, NULL);
        prctl(PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0);
        return 0;
    }
    if (worker == 0) {
        char spec[160];
        prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0); /* dies with its keeper (worker_attach sets it too) */
        setpgid(0, 0); /* its own process group, as a worker always had: a group kill never hits the keeper */
        sigaction(SIGCHLD, &old_chld, NULL);
        sigprocmask(SIG_SETMASK, &old, NULL);
        close(report);
        /* worker_attach checks that its parent is the one named here */
        snprintf(spec, sizeof spec, "%ld,%d,%d,%d,%d", (long)keeper, fds[0], fds[1], fds[2], fds[3]);
        setenv(FERRET_WORKER_ENV, spec, 1);
        return 1;
    }
    prctl(PR_SET_PDEATHSIG, KEEPER_SIGNAL, 0, 0, 0);
    if (getppid() != coord) { /* the coordinator died before that */
        kill(worker, SIGKILL);
        sweep(0);
        _exit(FERRET_EXIT_INTERNAL);
    }
    keeper_run(worker, coord, report, &waitset);
}

/* Before the target's constructors (priority 101: the first one a program
 * may use) and before main(), in a process the coordinator started. */
__attribute__((constructor(101))) static void contain_boot(void)
{
    const char *spec = getenv(FERRET_WORKER_ENV);
    long coord;
    int fds[4] = {-1, -1, -1, -1}, report = -1;
    if (!spec)
        return;
    int n = sscanf(spec, "%ld,%d,%d,%d,%d,%d", &coord, &fds[0], &fds[1], &fds[2], &fds[3], &report);
    if (n < 5 || (long)getppid() != coord)
        return; /* not started by a live coordinator: worker_attach says so */
    /* A program the target executes gets neither the pipes nor the memfds. */
    for (int i = 0; i < 4; i++)
        if (fds[i] > 2)
            fcntl(fds[i], F_SETFD, FD_CLOEXEC);
    if (n < 6 || report < 0)
        return;
    const char *opt = getenv(CONTAIN_KEEPER_ENV);
    if ((!opt || strcmp(opt, "0") != 0) && keeper_split((pid_t)coord, fds, report))
        return; /* the worker; the keeper told the coordinator its pid */
    put_record(report, (int32_t)getpid()); /* no keeper: this process is the worker */
    close(report);
}
