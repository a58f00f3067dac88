/*
 * shm.c - memfd shared memory for one worker, and the global coverage mask.
 * See shm.h for the layout and who owns which field.
 *
 * Invariant: a worker's memfd is sealed against growing and shrinking before
 * the worker exists, so no worker can make the coordinator's mapping fault.
 *
 * Owns: no file-scope state.  It creates the memfds (a worker's
 * "ferret-worker", sealed against growing and shrinking; the coverage
 * mask's "ferret-coverage") and maps them; of a struct shm only this file
 * writes the fields (fd, base, size, the mapper's own max_len and
 * ncounters, the area pointers), and of a header it writes magic,
 * header_size, max_len and ncounters at creation.  Who writes the other
 * header fields and the areas is marked [C]/[W] in shm.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "shm.h"

#ifndef F_SEAL_FUTURE_WRITE
#define F_SEAL_FUTURE_WRITE 0x0010
#endif

static size_t round_page(size_t n) { return (n + 4095) & ~(size_t)4095; }

#define TORC_AREA round_page(sizeof(struct torc))
#define WORDS_AREA round_page(sizeof(struct shm_words))

size_t shm_size_for(size_t max_len, size_t ncounters)
{
    return round_page(SHM_HEADER_SIZE + TORC_AREA + WORDS_AREA + 3 * max_len + 2 * ncounters);
}

static void shm_layout(struct shm *s)
{
    s->hdr = (struct shm_header *)s->base;
    s->torc = (struct torc *)(s->base + SHM_HEADER_SIZE);
    s->words = (struct shm_words *)(s->base + SHM_HEADER_SIZE + TORC_AREA);
    s->input = s->base + SHM_HEADER_SIZE + TORC_AREA + WORDS_AREA;
    s->partner = s->input + s->max_len;
    s->cand = s->partner + s->max_len;
    s->cov = s->cand + s->max_len;
    s->unstable = s->cov + s->ncounters;
}

static int memfd_sized(const char *name, size_t size, int seals)
{
    int fd = memfd_create(name, MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (fd < 0)
        return -1;
    if (ftruncate(fd, (off_t)size) != 0)
        goto close_fd;
    if (fcntl(fd, F_ADD_SEALS, seals) != 0)
        goto close_fd;
    return fd;
close_fd:
    close(fd);
    return -1;
}

int shm_create(struct shm *s, size_t max_len, size_t ncounters)
{
    memset(s, 0, sizeof *s);
    s->max_len = max_len;
    s->ncounters = ncounters;
    s->size = shm_size_for(max_len, ncounters);
    s->fd = memfd_sized("ferret-worker", s->size, F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_SEAL);
    if (s->fd < 0)
        return -1;
    s->base = mmap(NULL, s->size, PROT_READ | PROT_WRITE, MAP_SHARED, s->fd, 0);
    if (s->base == MAP_FAILED)
        goto close_fd;
    shm_layout(s);
    s->hdr->magic = SHM_MAGIC;
    s->hdr->header_size = SHM_HEADER_SIZE;
    s->hdr->max_len = max_len;
    s->hdr->ncounters = ncounters;
    return 0;
close_fd:
    close(s->fd);
    s->fd = -1;
    return -1;
}

int shm_attach(struct shm *s, int fd, size_t ncounters)
{
    struct shm_header h;
    memset(s, 0, sizeof *s);
    if (pread(fd, &h, sizeof h, 0) != (ssize_t)sizeof h)
        return -1;
    if (h.magic != SHM_MAGIC || h.header_size != SHM_HEADER_SIZE ||
        h.ncounters != ncounters || h.max_len > ((size_t)1 << 32))
        return -1;
    s->fd = fd;
    s->max_len = (size_t)h.max_len;
    s->ncounters = ncounters;
    s->size = shm_size_for(s->max_len, ncounters);
    s->base = mmap(NULL, s->size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (s->base == MAP_FAILED)
        return -1;
    shm_layout(s);
    return 0;
}

void shm_destroy(struct shm *s)
{
    if (s->base && s->base != MAP_FAILED)
        munmap(s->base, s->size);
    if (s->fd >= 0)
        close(s->fd);
    s->base = NULL;
    s->fd = -1;
}

int shm_check_len(const struct shm *s, uint64_t len) { return len <= s->max_len; }

int shm_mask_create(int *fd, uint8_t **mask, size_t ncounters)
{
    size_t size = round_page(ncounters ? ncounters : 1);
    *fd = memfd_sized("ferret-coverage", size, F_SEAL_GROW | F_SEAL_SHRINK);
    if (*fd < 0)
        return -1;
    *mask = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, *fd, 0);
    if (*mask == MAP_FAILED)
        goto close_fd;
    /* Workers may map it, but never writable (best effort: older kernels lack it). */
    fcntl(*fd, F_ADD_SEALS, F_SEAL_FUTURE_WRITE | F_SEAL_SEAL);
    return 0;
close_fd:
    close(*fd);
    *fd = -1;
    return -1;
}

int shm_mask_attach(int fd, const uint8_t **mask, size_t ncounters)
{
    size_t size = round_page(ncounters ? ncounters : 1);
    void *p = mmap(NULL, size, PROT_READ, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED)
        return -1;
    *mask = p;
    return 0;
}
