/* fork_fail_shim.c - LD_PRELOAD'ed into the coordinator: fork() fails with
 * EAGAIN after $FORK_FAIL_AFTER successful calls, as it does when the
 * process limit is reached. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

pid_t fork(void)
{
    static int calls;
    static pid_t (*real_fork)(void);
    const char *after = getenv("FORK_FAIL_AFTER");
    if (!real_fork)
        real_fork = (pid_t(*)(void))dlsym(RTLD_NEXT, "fork");
    if (after && ++calls > atoi(after)) {
        errno = EAGAIN;
        return -1;
    }
    return real_fork();
}
