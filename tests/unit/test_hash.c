/*
 * test_hash.c - SHA-1 against the FIPS 180-1 vectors and against sha1sum for
 * the lengths around the padding boundaries (55/56 bytes in the last block
 * decide whether the length fits; 64 is exactly one block).
 */
#include "hash.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"

static int hex_is(const void *data, size_t len, const char *want)
{
    char got[HASH_HEX_LEN + 1];

    memset(got, '?', sizeof(got));
    hash_sha1_hex(data, len, got);
    if (got[HASH_HEX_LEN] != '\0' || strcmp(got, want) != 0) {
        fprintf(stderr, "len %zu: got %.41s want %s\n", len, got, want);
        return 0;
    }
    return 1;
}

static void test_fips_vectors(void)
{
    const char *s2 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

    CHECK(hex_is("", 0, "da39a3ee5e6b4b0d3255bfef95601890afd80709"));
    CHECK(hex_is(NULL, 0, "da39a3ee5e6b4b0d3255bfef95601890afd80709"));
    CHECK(hex_is("abc", 3, "a9993e364706816aba3e25717850c26c9cd0d89d"));
    /* FIPS 180-1 appendix B; also what sha1sum and Python's hashlib say. */
    CHECK(hex_is(s2, strlen(s2), "84983e441c3bd26ebaae4aa1f95129e5e54670f1"));

    size_t n = 1000000;
    char *a = malloc(n);
    CHECK(a != NULL);
    if (a) {
        memset(a, 'a', n);
        CHECK(hex_is(a, n, "34aa973cd4c4daa4f61eeb2bdbad27316534016f"));
        free(a);
    }
}

/* Expected values from: head -c N /dev/zero | tr '\0' x | sha1sum */
static void test_boundaries(void)
{
    static const struct {
        size_t len;
        const char *hex;
    } v[] = {
        {55, "cef734ba81a024479e09eb5a75b6ddae62e6abf1"},
        {56, "901305367c259952f4e7af8323f480d59f81335b"},
        {63, "0ddc4e0cccd9a12850deb5abb0853a4425559fec"},
        {64, "bb2fa3ee7afb9f54c6dfb5d021f14b1ffe40c163"},
        {65, "78c741ddc482e4cdf8c474a0876347a0905b6233"},
        {119, "4300320394f7ee239bcdce7d3b8bcee173a0cd5c"},
        {120, "ceb2821639c4b6dcb10bce0e522ca2e608ce056d"},
        {128, "150fa3fbdc899bd0b8f95a9fb6027f564d953762"},
    };
    char buf[128];

    memset(buf, 'x', sizeof(buf));
    for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
        CHECK(hex_is(buf, v[i].len, v[i].hex));
}

/* Bytes >= 0x80 (no sign-extension slips): bytes (i*7+3) & 255 for
 * i < 1000, checked with python3 | sha1sum. */
static void test_binary(void)
{
    uint8_t buf[1000];

    for (size_t i = 0; i < sizeof(buf); i++)
        buf[i] = (uint8_t)(i * 7 + 3);
    CHECK(hex_is(buf, sizeof(buf), "4231a8a50a10fa9758db8ec71fdef855b751048a"));
}

/* The raw digest matches the hex form. */
static void test_raw(void)
{
    static const uint8_t want[20] = {0xa9, 0x99, 0x3e, 0x36, 0x47, 0x06, 0x81,
                                     0x6a, 0xba, 0x3e, 0x25, 0x71, 0x78, 0x50,
                                     0xc2, 0x6c, 0x9c, 0xd0, 0xd8, 0x9d};
    uint8_t got[20];

    hash_sha1((const uint8_t *)"abc", 3, got);
    CHECK(memcmp(got, want, 20) == 0);
}

int main(void)
{
    RUN(test_fips_vectors);
    RUN(test_boundaries);
    RUN(test_binary);
    RUN(test_raw);
    return CHECK_DONE("hash");
}
