/*
 * supervise.c - starting, calling and killing worker processes (see
 * supervise.h for the state diagram).
 *
 * Invariants:
 *  - every pipe end the coordinator keeps is O_CLOEXEC and, for reading,
 *    O_NONBLOCK: no worker can block the coordinator;
 *  - a worker's shared memory outlives its process: a restarted worker
 *    re-attaches to the same sealed memfd;
 *  - a signal goes to the worker only while /proc says its parent is its
 *    keeper (our unreaped child): never to a pid that was reused.
 *
 * Owns: in the coordinator: the [S] fields of each worker slot
 * (supervise.h), the processes it starts (the binary re-executed, each the
 * keeper of its worker, contain.c), their four pipes (call, reply, output,
 * keeper report; the coordinator's ends O_CLOEXEC, the read ends
 * non-blocking), each slot's output ring (log) and shared memory
 * (shm_create at sup_worker_init, the header reset at each start); and env,
 * the static FERRET_WORKER=... string sup_start hands to putenv in the
 * child.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "clock.h"
#include "codes.h"
#include "contain.h"
#include "runtime.h"
#include "supervise.h"

/* How long a keeper gets, after the worker was killed, to kill the rest and
 * die before the coordinator kills it too (its own sweep gives up at 2 s). */
#define KEEPER_GRACE_NS (3 * 1000000000ULL)

int sup_worker_init(struct worker *w, int id, const struct supervisor *s)
{
    memset(w, 0, sizeof *w);
    w->id = id;
    w->call_fd = w->reply_fd = w->log_fd = w->keeper_fd = -1;
    /* Orphans of the target whose keeper was killed come to us (contain.h). */
    contain_coordinator_init();
    w->log = malloc(LOG_RING_SIZE);
    if (!w->log)
        return -1;
    if (shm_create(&w->shm, s->max_len, s->ncounters) != 0)
        return -1;
    return 0;
}

static void set_nonblock(int fd)
{
    int fl = fcntl(fd, F_GETFL);
    fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

static void clear_cloexec(int fd)
{
    int fl = fcntl(fd, F_GETFD);
    fcntl(fd, F_SETFD, fl & ~FD_CLOEXEC);
}

/* In the child between fork and exec: only async-signal-safe calls. */
static void child_exec(char **argv, const char *env, int call_rd, int reply_wr,
                       int log_wr, int shm_fd, int mask_fd, int keeper_wr)
{
    sigset_t all;
    sigemptyset(&all);
    sigprocmask(SIG_SETMASK, &all, NULL);
    signal(SIGPIPE, SIG_DFL);
    signal(SIGXFSZ, SIG_DFL);
    setpgid(0, 0);
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0)
        dup2(devnull, 0);
    dup2(log_wr, 1);
    dup2(log_wr, 2);
    clear_cloexec(call_rd);
    clear_cloexec(reply_wr);
    clear_cloexec(shm_fd);
    clear_cloexec(mask_fd);
    clear_cloexec(keeper_wr);
    putenv((char *)env);
    execv("/proc/self/exe", argv);
    _exit(127);
}

static int make_pipes(int call[2], int reply[2], int log[2], int keeper[2])
{
    call[0] = call[1] = reply[0] = reply[1] = log[0] = log[1] = keeper[0] = keeper[1] = -1;
    if (pipe2(call, O_CLOEXEC) || pipe2(reply, O_CLOEXEC) || pipe2(log, O_CLOEXEC) ||
        pipe2(keeper, O_CLOEXEC))
        return -1;
    return 0;
}

static void close_pair(int p[2])
{
    if (p[0] >= 0)
        close(p[0]);
    if (p[1] >= 0)
        close(p[1]);
}

int sup_start(struct worker *w, const struct supervisor *s)
{
    int call[2], reply[2], log[2], keeper[2];
    static char env[256];
    if (make_pipes(call, reply, log, keeper) != 0)
        goto close_pipes;
    /* the sixth field is for the keeper (contain.c); worker_attach reads five */
    snprintf(env, sizeof env, "%s=%ld,%d,%d,%d,%d,%d", FERRET_WORKER_ENV, (long)getpid(),
             call[0], reply[1], w->shm.fd, s->mask_fd, keeper[1]);
    w->starts++;
    memset(w->shm.hdr, 0, offsetof(struct shm_header, input_len));
    w->shm.hdr->magic = SHM_MAGIC;
    w->shm.hdr->header_size = SHM_HEADER_SIZE;
    w->shm.hdr->max_len = w->shm.max_len;
    w->shm.hdr->ncounters = w->shm.ncounters;
    w->shm.hdr->state = SHM_IDLE;
    w->shm.hdr->count = 0;
    w->shm.hdr->runs = 0;
    w->shm.hdr->dying = 0;
    w->shm.hdr->fault = SHM_FAULT_NONE;
    w->shm.hdr->only_ascii = (uint32_t)s->only_ascii;
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        goto close_pipes;
    if (pid == 0)
        child_exec(s->argv, env, call[0], reply[1], log[1], w->shm.fd, s->mask_fd, keeper[1]);
    setpgid(pid, pid); /* also in the child: whichever runs first */
    close(call[0]);
    close(reply[1]);
    close(log[1]);
    close(keeper[1]);
    w->pid = pid;
    w->wpid = 0;
    w->keeper_fd = keeper[0];
    w->kgot = 0;
    w->orphans = 0;
    w->kill_ns = 0;
    set_nonblock(w->keeper_fd);
    w->call_fd = call[1];
    w->reply_fd = reply[0];
    w->log_fd = log[0];
    set_nonblock(w->reply_fd);
    set_nonblock(w->log_fd);
    w->st = W_STARTING;
    w->kill_reason = KILL_NONE;
    w->reply_got = 0;
    w->log_pos = 0;
    w->started_ns = w->progress_ns = engine_now_ns();
    w->progress_count = 0;
    w->hang_signalled_ns = 0;
    struct rpc_call ping = {.magic = RPC_MAGIC, .op = RPC_PING};
    /* If it already died, the write fails with EPIPE: not an error of ours;
     * its death is reaped as "terminated without fuzzing". */
    sup_call(w, &ping);
    return 0;
close_pipes:
    close_pair(call);
    close_pair(reply);
    close_pair(log);
    close_pair(keeper);
    return -1;
}

int sup_call(struct worker *w, const struct rpc_call *c)
{
    w->reply_got = 0;
    w->progress_ns = engine_now_ns();
    w->progress_count = SHM_LOAD(w->shm.hdr->runs);
    w->job.op = c->op;
    SHM_STORE(w->shm.hdr->count, 0); /* not the last call's count, for live stats */
    SHM_STORE(w->shm.hdr->state, SHM_IDLE);
    if (w->st != W_STARTING)
        w->st = W_BUSY;
    /* A call record is far below PIPE_BUF and the pipe is empty between
     * calls, so this write never blocks. */
    return rpc_write_all(w->call_fd, c, sizeof *c);
}

/* Reads the worker's pid if the keeper has reported it (contain.h), then
 * closes the pipe.  At EOF without a pid (a keeper that died before
 * saying), the keeper's own pid stands for the worker's. */
static void keeper_read(struct worker *w)
{
    while (w->keeper_fd >= 0) {
        ssize_t n = read(w->keeper_fd, w->krec + w->kgot, sizeof w->krec - w->kgot);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            return;
        if (n <= 0) {
            close(w->keeper_fd);
            w->keeper_fd = -1;
            if (w->wpid <= 0)
                w->wpid = w->pid;
            return;
        }
        w->kgot += (size_t)n;
        if (w->kgot < sizeof w->krec)
            continue;
        int32_t v;
        memcpy(&v, w->krec, sizeof v);
        w->wpid = v > 0 ? (pid_t)v : w->pid;
        close(w->keeper_fd); /* that is all a keeper says */
        w->keeper_fd = -1;
    }
}

/* The worker's pid while it is alive below its keeper (or is the keeper),
 * else 0: not reported yet, or already dead.  Checked against /proc each
 * time, so a signal never reaches a pid that was reused. */
static pid_t live_worker(struct worker *w)
{
    if (w->pid <= 0)
        return 0;
    keeper_read(w);
    if (w->wpid <= 0)
        return 0;
    if (w->wpid == w->pid)
        return w->pid; /* no keeper: our own child, not reaped yet */
    return contain_parent_of(w->wpid) == w->pid ? w->wpid : 0;
}

int sup_read_reply(struct worker *w)
{
    while (w->reply_got < sizeof w->reply) {
        ssize_t n = read(w->reply_fd, (char *)&w->reply + w->reply_got,
                         sizeof w->reply - w->reply_got);
        if (n > 0) {
            w->reply_got += (size_t)n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            return 0;
        return -1;
    }
    w->reply_got = 0;
    /* The target's orphans live with the keeper, where the worker's own
     * check (its children) cannot see them: the keeper's children are
     * looked at here, and the diagnosis added to the worker's. */
    keeper_read(w);
    if (!w->orphans && w->wpid > 0 && w->wpid != w->pid)
        w->orphans = contain_has_orphans(w->pid, w->wpid);
    if (w->orphans)
        w->reply.diag |= RPC_DIAG_FORK;
    return 1;
}

void sup_drain_log(struct worker *w)
{
    char buf[8192];
    if (w->log_fd < 0)
        return;
    for (;;) {
        ssize_t n = read(w->log_fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        for (ssize_t i = 0; i < n; i++)
            w->log[(w->log_pos + (size_t)i) % LOG_RING_SIZE] = buf[i];
        w->log_pos += (size_t)n;
    }
}

char *sup_log_tail(const struct worker *w, size_t *len)
{
    return sup_log_since(w, 0, len);
}

char *sup_log_since(const struct worker *w, size_t pos, size_t *len)
{
    size_t n = pos < w->log_pos ? w->log_pos - pos : 0;
    if (n > LOG_RING_SIZE)
        n = LOG_RING_SIZE;
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    size_t start = w->log_pos - n;
    for (size_t i = 0; i < n; i++)
        out[i] = w->log[(start + i) % LOG_RING_SIZE];
    out[n] = 0;
    *len = n;
    return out;
}

void sup_kill(struct worker *w, enum wkill why)
{
    if (w->pid <= 0)
        return;
    if (w->kill_reason == KILL_NONE)
        w->kill_reason = why;
    uint64_t now = engine_now_ns();
    pid_t t = live_worker(w);
    if (!w->kill_ns)
        w->kill_ns = now;
    if (t > 0) {
        /* The worker and its group; its keeper then kills every other
         * process the target started and dies as the worker died. */
        kill(-t, SIGKILL);
        kill(t, SIGKILL);
    }
    if (w->wpid <= 0 || now - w->kill_ns > KEEPER_GRACE_NS) {
        /* No worker reported yet (the keeper may not have made it), or a
         * keeper that takes too long: the keeper itself and its group.
         * What it leaves comes to us and is killed after the reap.  (A
         * worker already dead is left to its keeper, which is about to
         * die as it did.) */
        kill(-w->pid, SIGKILL);
        kill(w->pid, SIGKILL);
    }
}

void sup_signal_hang(struct worker *w)
{
    if (w->pid <= 0 || w->hang_signalled_ns)
        return;
    w->kill_reason = KILL_HANG;
    w->hang_signalled_ns = engine_now_ns();
    union sigval token = {.sival_int = TARGET_HANG_TOKEN};
    pid_t t = live_worker(w);
    if (t > 0)
        sigqueue(t, TARGET_HANG_SIGNAL, token); /* the token: from us, not the target */
}

uint64_t sup_rss_mb(struct worker *w)
{
    char path[64];
    unsigned long long size = 0, resident = 0;
    pid_t t = live_worker(w);
    if (t <= 0)
        return 0;
    snprintf(path, sizeof path, "/proc/%ld/statm", (long)t);
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    if (fscanf(f, "%llu %llu", &size, &resident) != 2)
        resident = 0;
    fclose(f);
    return resident * (uint64_t)sysconf(_SC_PAGESIZE) >> 20;
}

void sup_close_calls(struct worker *w)
{
    if (w->call_fd >= 0)
        close(w->call_fd);
    w->call_fd = -1;
}

void sup_reaped(struct worker *w)
{
    sup_drain_log(w);
    if (w->pid > 0) /* never kill(0): that is our own group */
        kill(-w->pid, SIGKILL); /* leave no grandchildren behind */
    sup_close_calls(w);
    if (w->reply_fd >= 0)
        close(w->reply_fd);
    if (w->log_fd >= 0)
        close(w->log_fd);
    if (w->keeper_fd >= 0)
        close(w->keeper_fd);
    w->reply_fd = w->log_fd = w->keeper_fd = -1;
    w->pid = w->wpid = 0;
    w->st = W_DOWN;
}

void sup_kill_strays(const struct worker *w, int n)
{
    pid_t keep[n > 0 ? n : 1];
    size_t k = 0;
    for (int i = 0; i < n; i++)
        if (w[i].pid > 0)
            keep[k++] = w[i].pid;
    contain_kill_strays(keep, k);
}

void sup_replied(struct worker *w)
{
    w->st = W_IDLE;
}

void sup_close_log(struct worker *w)
{
    if (w->log_fd >= 0)
        close(w->log_fd);
    w->log_fd = -1;
}

void sup_close_reply(struct worker *w)
{
    if (w->reply_fd >= 0)
        close(w->reply_fd);
    w->reply_fd = -1;
}

void sup_retire(struct worker *w, enum wkill why)
{
    w->kill_reason = why;
    SHM_STORE(w->shm.hdr->stop, 1);
    sup_close_calls(w);
}

int sup_progressed(struct worker *w, uint64_t runs, uint64_t now)
{
    if (runs == w->progress_count)
        return 0;
    w->progress_count = runs;
    w->progress_ns = now;
    return 1;
}
