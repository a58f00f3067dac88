/* Hostile: on inputs starting with 'S', finds its own memfd:ferret-worker in
 * /proc/self/fd, maps it and writes 0xff over the first 256 bytes (the
 * header: magic, lengths, count, rng, state, stop, cursor, fault...).  Then,
 * if FAULT_SHM_MODE=crash, it dies (NULL write); otherwise it returns.  If
 * FAULT_MARK is set, the first scribble in a process creates that file. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static volatile unsigned sink;

static void scribble(void)
{
    DIR *dir = opendir("/proc/self/fd");
    struct dirent *de;
    if (!dir)
        return;
    while ((de = readdir(dir))) {
        char path[64], link[256];
        snprintf(path, sizeof path, "/proc/self/fd/%s", de->d_name);
        ssize_t n = readlink(path, link, sizeof link - 1);
        if (n <= 0)
            continue;
        link[n] = 0;
        if (!strstr(link, "memfd:ferret-worker"))
            continue;
        int fd = atoi(de->d_name);
        unsigned char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (p != MAP_FAILED) {
            memset(p, 0xff, 256);
            munmap(p, 4096);
            const char *mark = getenv("FAULT_MARK");
            int mfd = mark ? open(mark, O_WRONLY | O_CREAT | O_CLOEXEC, 0644) : -1;
            if (mfd >= 0)
                close(mfd);
        }
    }
    closedir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n >= 1 && d[0] == 'S') {
        scribble();
        const char *mode = getenv("FAULT_SHM_MODE");
        if (mode && strcmp(mode, "crash") == 0)
            *(volatile int *)0 = 1;
        return 0;
    }
    for (size_t i = 0; i < n && i < 8; i++)
        if (d[i] & 1)
            sink++;
    return 0;
}
