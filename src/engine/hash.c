/*
 * hash.c - SHA-1 as specified in FIPS 180-1: 512-bit blocks, 80-word message
 * schedule, five 32-bit chaining words, big-endian throughout.  Used only to
 * name files by content, so one-shot over a buffer is all we need.
 *
 * Owns: nothing (a pure function of the buffer; the round constants are
 * read-only).
 */
#include "hash.h"

#include <string.h>

static uint32_t rol32(uint32_t x, unsigned n)
{
    return (x << n) | (x >> (32 - n));
}

static uint32_t load_be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
           (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static void store_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

/* f_t and K_t for round t (FIPS 180-1, section 5). */
static uint32_t round_f(unsigned t, uint32_t b, uint32_t c, uint32_t d)
{
    if (t < 20)
        return (b & c) | (~b & d);
    if (t < 40 || t >= 60)
        return b ^ c ^ d;
    return (b & c) | (b & d) | (c & d);
}

static const uint32_t round_k[4] = {0x5a827999u, 0x6ed9eba1u, 0x8f1bbcdcu,
                                    0xca62c1d6u};

static void compress(uint32_t h[5], const uint8_t block[64])
{
    uint32_t w[80], a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];

    for (unsigned t = 0; t < 16; t++)
        w[t] = load_be32(block + 4 * t);
    for (unsigned t = 16; t < 80; t++)
        w[t] = rol32(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    for (unsigned t = 0; t < 80; t++) {
        uint32_t tmp = rol32(a, 5) + round_f(t, b, c, d) + e + w[t] +
                       round_k[t / 20];
        e = d;
        d = c;
        c = rol32(b, 30);
        b = a;
        a = tmp;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
}

void hash_sha1(const uint8_t *data, size_t len, uint8_t out[20])
{
    uint32_t h[5] = {0x67452301u, 0xefcdab89u, 0x98badcfeu, 0x10325476u,
                     0xc3d2e1f0u};
    uint8_t tail[128] = {0};
    size_t full = len - len % 64, rest = len % 64;
    size_t tail_len = rest < 56 ? 64 : 128;
    uint64_t bits = (uint64_t)len * 8;

    for (size_t i = 0; i < full; i += 64)
        compress(h, data + i);
    if (rest)
        memcpy(tail, data + full, rest);
    tail[rest] = 0x80;
    store_be32(tail + tail_len - 8, (uint32_t)(bits >> 32));
    store_be32(tail + tail_len - 4, (uint32_t)bits);
    compress(h, tail);
    if (tail_len == 128)
        compress(h, tail + 64);
    for (unsigned i = 0; i < 5; i++)
        store_be32(out + 4 * i, h[i]);
}

void hash_sha1_hex(const uint8_t *data, size_t len, char out[HASH_HEX_LEN + 1])
{
    static const char hex[] = "0123456789abcdef";
    uint8_t d[20];

    hash_sha1(data, len, d);
    for (unsigned i = 0; i < 20; i++) {
        out[2 * i] = hex[d[i] >> 4];
        out[2 * i + 1] = hex[d[i] & 15];
    }
    out[HASH_HEX_LEN] = '\0';
}
