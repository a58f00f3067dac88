/* self_kill.c - kills its own process with SIGKILL on any input that does
 * not start with 'a' (the seed does), as a target with a fatal "kill
 * switch" would; nothing is printed. */
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n >= 1 && d[0] != 'a')
        kill(getpid(), SIGKILL);
    return 0;
}
