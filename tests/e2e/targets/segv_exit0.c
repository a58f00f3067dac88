/* On inputs starting with 'S': a NULL write, and the target's own SIGSEGV
 * handler (installed in LLVMFuzzerInitialize, over any sanitizer's) ends the
 * process with _exit(0).  A crash all the same. */
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

static volatile int *volatile nowhere;

static void on_segv(int sig)
{
    (void)sig;
    _exit(0);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_segv;
    sigaction(SIGSEGV, &sa, NULL);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n >= 1 && d[0] == 'S')
        *nowhere = 1;
    return 0;
}
