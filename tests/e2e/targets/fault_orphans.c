/* On its first input (per worker process) starts processes meant to outlive
 * the worker, one per word of $FAULT_MODE (comma-separated):
 *   fork        a child;
 *   setsid      a child that calls setsid() (its own session and process
 *               group: a kill of the worker's group misses it);
 *   grandchild  a daemon's double fork: a child calls setsid(), starts a
 *               grandchild and exits at once (the target waits for it), so
 *               the grandchild's parent is gone.
 * Each of them writes its pid as $FAULT_DIR/<mode>.<pid>, ignores SIGHUP,
 * SIGINT and SIGTERM and sleeps 60 s, keeping every descriptor it
 * inherited (pipes, memfds), as a careless helper would. */
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile unsigned sink;

static void linger(const char *mode)
{
    const char *dir = getenv("FAULT_DIR");
    char path[4096];
    signal(SIGHUP, SIG_IGN);
    signal(SIGINT, SIG_IGN);
    signal(SIGTERM, SIG_IGN);
    if (dir) {
        snprintf(path, sizeof path, "%s/%s.%ld", dir, mode, (long)getpid());
        int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
        if (fd >= 0)
            close(fd);
    }
    sleep(60);
    _exit(0);
}

static void start(const char *mode)
{
    pid_t pid = fork();
    if (pid != 0) {
        if (pid > 0 && strcmp(mode, "grandchild") == 0)
            waitpid(pid, NULL, 0); /* the middle process exits at once */
        return;
    }
    if (strcmp(mode, "setsid") == 0 || strcmp(mode, "grandchild") == 0)
        setsid();
    if (strcmp(mode, "grandchild") == 0 && fork() != 0)
        _exit(0);
    linger(mode);
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    static int started;
    if (!started) {
        started = 1;
        const char *modes = getenv("FAULT_MODE");
        char buf[256], *save = NULL;
        snprintf(buf, sizeof buf, "%s", modes ? modes : "fork");
        for (char *m = strtok_r(buf, ",", &save); m; m = strtok_r(NULL, ",", &save))
            start(m);
    }
    for (size_t i = 0; i < n && i < 8; i++)
        if (d[i] & 1)
            sink++;
    return 0;
}
