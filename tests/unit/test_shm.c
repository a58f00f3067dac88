/* test_shm.c - shared-memory layout, header validation, seals, lengths. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "check.h"
#include "shm.h"

static void test_layout(void)
{
    struct shm s, w;
    CHECK(shm_create(&s, 1000, 333) == 0);
    CHECK(s.size >= SHM_HEADER_SIZE + sizeof(struct torc) + sizeof(struct shm_words) + 3 * 1000 + 333);
    CHECK(s.size % 4096 == 0);
    /* header | torc | words | input | partner | candidate | coverage, no overlap */
    CHECK((uint8_t *)s.torc == s.base + SHM_HEADER_SIZE);
    CHECK((uint8_t *)s.words >= (uint8_t *)(s.torc + 1));
    CHECK(s.input >= (uint8_t *)(s.words + 1));
    CHECK(s.partner == s.input + 1000 && s.cand == s.partner + 1000 && s.cov == s.cand + 1000);
    CHECK(s.cov + 333 <= s.base + s.size);
    memcpy(s.input, "hello", 5);
    s.hdr->input_len = 5;
    /* The worker side sees the same bytes through its own mapping. */
    CHECK(shm_attach(&w, dup(s.fd), 333) == 0);
    CHECK(w.max_len == 1000 && memcmp(w.input, "hello", 5) == 0);
    w.hdr->count = 77;
    CHECK(s.hdr->count == 77);
    shm_destroy(&w);
    /* Lengths a worker reports are checked against the creator's layout. */
    CHECK(shm_check_len(&s, 0));
    CHECK(shm_check_len(&s, 1000));
    CHECK(!shm_check_len(&s, 1001));
    CHECK(!shm_check_len(&s, UINT64_MAX));
    /* Sealed: nobody can shrink the file under the coordinator's mapping. */
    CHECK(ftruncate(s.fd, 10) != 0 && errno == EPERM);
    CHECK(ftruncate(s.fd, (off_t)s.size * 2) != 0);
    shm_destroy(&s);
}

static void test_bad_headers(void)
{
    struct shm s, w;
    CHECK(shm_create(&s, 64, 16) == 0);
    CHECK(shm_attach(&w, dup(s.fd), 17) != 0);     /* a different binary */
    s.hdr->magic = 0xdeadbeef;
    CHECK(shm_attach(&w, dup(s.fd), 16) != 0);     /* not ours */
    s.hdr->magic = SHM_MAGIC;
    s.hdr->max_len = (uint64_t)1 << 40;             /* a length that lies */
    CHECK(shm_attach(&w, dup(s.fd), 16) != 0);
    s.hdr->max_len = 64;
    s.hdr->header_size = 12;
    CHECK(shm_attach(&w, dup(s.fd), 16) != 0);
    s.hdr->header_size = SHM_HEADER_SIZE;
    CHECK(shm_attach(&w, dup(s.fd), 16) == 0);
    shm_destroy(&w);
    shm_destroy(&s);
}

static void test_mask(void)
{
    int fd;
    uint8_t *mask;
    const uint8_t *ro;
    CHECK(shm_mask_create(&fd, &mask, 100) == 0);
    mask[7] = 0x5a;
    CHECK(shm_mask_attach(fd, &ro, 100) == 0);
    CHECK(ro[7] == 0x5a);
    /* No new writable mapping once sealed (kernels >= 5.1). */
    void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK(p == MAP_FAILED);
    close(fd);
}

int main(void)
{
    RUN(test_layout);
    RUN(test_bad_headers);
    RUN(test_mask);
    return CHECK_DONE("shm");
}
