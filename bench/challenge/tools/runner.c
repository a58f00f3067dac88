/* runner CPUFILE CMD...: runs CMD as the child of a child subreaper, for
 * bench/challenge.sh.  Every process the fuzzer leaves behind (afl-fuzz
 * leaves its CmpLog fork server stopped, and never reaps that server's
 * children) is re-parented to the runner, killed once CMD has exited, and
 * reaped, so no run outlives its measurement and the CPU time of the whole
 * process tree is counted.  Writes that CPU time (user+sys, seconds) to
 * CPUFILE; exits with CMD's status, or 128+signal if CMD died of one. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

/* SIGKILL every child we still have (re-parented orphans included) */
static void kill_children(void)
{
    char path[64], buf[8192];
    snprintf(path, sizeof path, "/proc/%d/task/%d/children", (int)getpid(), (int)getpid());
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    size_t len = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[len] = 0;
    char *p = buf, *end;
    for (;;) {
        long pid = strtol(p, &end, 10);
        if (end == p)
            break;
        if (pid > 0)
            kill((pid_t)pid, SIGKILL);
        p = end;
    }
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: runner CPUFILE CMD...\n");
        return 2;
    }
    if (prctl(PR_SET_CHILD_SUBREAPER, 1) != 0) {
        perror("prctl(PR_SET_CHILD_SUBREAPER)");
        return 2;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 2;
    }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        perror(argv[2]);
        _exit(127);
    }
    int st = 0;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR) {
            perror("waitpid");
            return 2;
        }
    int rc = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    for (;;) {
        int other;
        kill_children();
        if (waitpid(-1, &other, 0) < 0 && errno == ECHILD)
            break;
    }
    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);
    FILE *f = fopen(argv[1], "w");
    if (f) {
        fprintf(f, "%.3f\n", (double)ru.ru_utime.tv_sec + (double)ru.ru_stime.tv_sec +
                                 (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6);
        fclose(f);
    }
    return rc;
}
