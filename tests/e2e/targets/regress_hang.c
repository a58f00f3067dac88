/* Loops forever on inputs starting with 'H'; on inputs starting with 'B' it
 * first blocks SIGALRM (so only a watcher outside the process can end it). */
#include <signal.h>
#include <stddef.h>
#include <stdint.h>

static volatile unsigned long spins;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n >= 1 && d[0] == 'B') {
        sigset_t s;
        sigemptyset(&s);
        sigaddset(&s, SIGALRM);
        sigprocmask(SIG_BLOCK, &s, NULL);
    }
    if (n >= 1 && (d[0] == 'H' || d[0] == 'B'))
        for (;;)
            spins++;
    return 0;
}
