/* Starts a child process on each of its first two inputs (per process); the
 * child records its pid as a file in $FAULT_DIR, then sleeps 60 s.  The
 * children keep every descriptor they inherit (pipes, memfds), as a careless
 * target's helper would. */
#include <fcntl.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

static volatile unsigned sink;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    static int forks;
    if (forks < 2) {
        forks++;
        pid_t pid = fork();
        if (pid == 0) {
            const char *dir = getenv("FAULT_DIR");
            char path[4096];
            if (dir) {
                snprintf(path, sizeof path, "%s/child.%ld", dir, (long)getpid());
                int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
                if (fd >= 0)
                    close(fd);
            }
            sleep(60);
            _exit(0);
        }
    }
    for (size_t i = 0; i < n && i < 8; i++)
        if (d[i] & 1)
            sink++;
    return 0;
}
