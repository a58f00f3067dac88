/*
 * test_cmpmut.c - unit tests for src/engine/cmpmut.c.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

#include "check.h"
#include "cmpmut.h"
#include "floattext.h"

#define NONE ((size_t)-1)
#define MAXC 256

static struct i2s_cand cands[MAXC];

/* Index of the first candidate with this encoding and position, or NONE. */
static size_t find_cand(size_t n, enum i2s_encoding enc, size_t pos)
{
    for (size_t i = 0; i < n; i++)
        if (cands[i].enc == enc && cands[i].pos == pos)
            return i;
    return NONE;
}

static size_t count_enc(size_t n, enum i2s_encoding enc)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += cands[i].enc == enc;
    return k;
}

/* Same candidates, field by field (memcmp of the structs would compare
 * their padding, which nothing writes). */
static int same_cands(const struct i2s_cand *a, const struct i2s_cand *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i].pos != b[i].pos || a[i].old_len != b[i].old_len ||
            a[i].new_len != b[i].new_len || a[i].enc != b[i].enc ||
            memcmp(a[i].bytes, b[i].bytes, a[i].new_len) != 0)
            return 0;
    return 1;
}

/* Does candidate i rewrite old_len bytes into exactly want[0..want_len)? */
static int cand_is(size_t i, size_t old_len, const void *want, size_t want_len)
{
    return i != NONE && cands[i].old_len == old_len &&
           cands[i].new_len == want_len &&
           memcmp(cands[i].bytes, want, want_len) == 0;
}

static size_t int_cands(const void *d, size_t len, uint64_t from, uint64_t to,
                        unsigned size)
{
    return i2s_int_candidates(d, len, from, to, size, cands, MAXC);
}

/* A memory compare of n bytes on each side. */
static size_t mem_cands(const void *d, size_t len, const void *from,
                        const void *to, size_t n)
{
    return i2s_mem_candidates(d, len, from, n, to, n, cands, MAXC);
}

static size_t mutate_mem(rng_t *r, uint8_t *d, size_t len, size_t max_len,
                         const void *from, const void *to, size_t n)
{
    return i2s_mutate_mem(r, d, len, max_len, from, n, to, n);
}

/* Applies the candidate (enc, pos) to text and checks the result. */
static void check_text(const char *in, uint64_t from, uint64_t to,
                       unsigned size, enum i2s_encoding enc, size_t pos,
                       const char *want)
{
    uint8_t buf[128];
    size_t len = strlen(in);
    memcpy(buf, in, len);
    size_t i = find_cand(int_cands(buf, len, from, to, size), enc, pos);
    CHECK(i != NONE);
    if (i == NONE)
        return;
    size_t n = i2s_apply(buf, len, sizeof buf, &cands[i]);
    CHECK_EQ_U(n, strlen(want));
    CHECK(n == strlen(want) && memcmp(buf, want, n) == 0);
}

static void test_le(void)
{
    uint8_t d[16] = { 0 };
    memcpy(d + 5, "\x44\x33\x22\x11", 4);
    size_t n = int_cands(d, sizeof d, 0x11223344, 0xdeadbeef, 4);
    size_t i = find_cand(n, I2S_LE, 5);
    CHECK(cand_is(i, 4, "\xef\xbe\xad\xde", 4));
    CHECK_EQ_U(count_enc(n, I2S_LE), 1);
    CHECK_EQ_U(count_enc(n, I2S_BE), 0);
    CHECK_EQ_U(i2s_apply(d, sizeof d, sizeof d, &cands[i]), sizeof d);
    CHECK(memcmp(d + 5, "\xef\xbe\xad\xde", 4) == 0);
    CHECK(d[4] == 0 && d[9] == 0);
    /* 8-byte compare. */
    uint8_t e[12] = { 0 };
    memcpy(e + 2, "\x08\x07\x06\x05\x04\x03\x02\x01", 8);
    n = int_cands(e, sizeof e, 0x0102030405060708ULL, 0x1112131415161718ULL, 8);
    CHECK(cand_is(find_cand(n, I2S_LE, 2), 8, "\x18\x17\x16\x15\x14\x13\x12\x11", 8));
}

static void test_be(void)
{
    uint8_t d[10] = { 0 };
    memcpy(d + 3, "\x11\x22\x33\x44", 4);
    size_t n = int_cands(d, sizeof d, 0x11223344, 0xdeadbeef, 4);
    CHECK(cand_is(find_cand(n, I2S_BE, 3), 4, "\xde\xad\xbe\xef", 4));
    CHECK_EQ_U(count_enc(n, I2S_LE), 0);
    /* size 1: LE only, BE would duplicate it. */
    uint8_t b[3] = { 1, 0x42, 3 };
    n = int_cands(b, 3, 0x42, 0x43, 1);
    CHECK(cand_is(find_cand(n, I2S_LE, 1), 1, "\x43", 1));
    CHECK_EQ_U(count_enc(n, I2S_BE), 0);
}

static void test_narrow(void)
{
    uint8_t d[5] = { 'x', 'x', 0x41, 'y', 'y' };
    size_t n = int_cands(d, 5, 0x41, 0x7a, 4);
    size_t i = find_cand(n, I2S_LE_NARROW, 2);
    CHECK(cand_is(i, 1, "\x7a", 1));
    CHECK_EQ_U(count_enc(n, I2S_BE_NARROW), 0); /* no BE at width 1 */
    CHECK_EQ_U(i2s_apply(d, 5, 5, &cands[i]), 5);
    CHECK(memcmp(d, "xxzyy", 5) == 0);

    /* Sign-extended: 0xfe read as (int8_t)-2, compared at 32 bits. */
    uint8_t s[3] = { 0, 0xfe, 0 };
    n = int_cands(s, 3, 0xfffffffe, 0xffffff80, 4);
    CHECK(cand_is(find_cand(n, I2S_LE_NARROW, 1), 1, "\x80", 1));
    /* from may also come sign-extended to 64 bits. */
    n = int_cands(s, 3, 0xfffffffffffffffeULL, 0xffffff80, 4);
    CHECK(cand_is(find_cand(n, I2S_LE_NARROW, 1), 1, "\x80", 1));
    /* to does not fit a byte: no narrow candidate at width 1. */
    n = int_cands(s, 3, 0xfffffffe, 0x1234, 4);
    CHECK_EQ_U(count_enc(n, I2S_LE_NARROW), 0);
    /* Zero- and sign-extension do not mix: 0xfe (254) vs -128 at width 1;
     * both fit 16 bits signed, though (fe 00 -> 80 ff). */
    n = int_cands(s, 3, 0xfe, 0xffffff80, 4);
    CHECK_EQ_U(count_enc(n, I2S_LE_NARROW), 1);
    CHECK(cand_is(find_cand(n, I2S_LE_NARROW, 1), 2, "\x80\xff", 2));

    /* A 16-bit big-endian field compared at 64 bits. */
    uint8_t w[4] = { 0xaa, 0x12, 0x34, 0xbb };
    n = int_cands(w, 4, 0x1234, 0x5678, 8);
    CHECK(cand_is(find_cand(n, I2S_BE_NARROW, 1), 2, "\x56\x78", 2));
    CHECK(find_cand(n, I2S_LE_NARROW, 1) == NONE);
}

static void test_plus_minus(void)
{
    uint8_t d[8] = { 0, 0x10, 0, 0, 0, 0, 0, 0x10 };
    size_t n = int_cands(d, 8, 0x10, 0x20, 4);
    CHECK(cand_is(find_cand(n, I2S_PLUS1, 1), 4, "\x21\0\0\0", 4));
    CHECK(cand_is(find_cand(n, I2S_MINUS1, 1), 4, "\x1f\0\0\0", 4));
    CHECK(cand_is(find_cand(n, I2S_PLUS1, 4), 4, "\0\0\0\x21", 4));
    CHECK(cand_is(find_cand(n, I2S_MINUS1, 4), 4, "\0\0\0\x1f", 4));
    /* Wrapping at the width. */
    uint8_t b[2] = { 7, 0x33 };
    n = int_cands(b, 2, 0x33, 0xff, 1);
    CHECK(cand_is(find_cand(n, I2S_PLUS1, 1), 1, "\x00", 1));
    n = int_cands(b, 2, 0x33, 0x00, 1);
    CHECK(cand_is(find_cand(n, I2S_MINUS1, 1), 1, "\xff", 1));
}

static void test_dec(void)
{
    check_text("len=1234;", 1234, 98765, 4, I2S_DEC, 4, "len=98765;");
    check_text("n=98765", 98765, 7, 4, I2S_DEC, 2, "n=7");
    /* Negative at its width, replaced as signed. */
    check_text("x=-5,", 0xfffffffb, 0xffffff9c, 4, I2S_DEC, 2, "x=-100,");
    check_text("x=-5,", 0xfffffffb, 7, 4, I2S_DEC, 2, "x=7,");
    check_text("x=-1", 0xff, 0x80, 1, I2S_DEC, 2, "x=-128");
    /* The unsigned spelling of a negative value is found too. */
    check_text("4294967295", 0xffffffff, 1, 4, I2S_DEC, 0, "1");
    check_text("18446744073709551615", ~0ULL, 0, 8, I2S_DEC, 0, "0");
    /* Only maximal digit runs. */
    const char *t = "9123456 12345x";
    size_t n = int_cands(t, strlen(t), 12345, 1, 4);
    CHECK_EQ_U(count_enc(n, I2S_DEC), 1);
    CHECK(find_cand(n, I2S_DEC, 8) != NONE);
}

static void test_hex(void)
{
    check_text("id=0000beef;", 0xbeef, 0x1234, 4, I2S_HEX, 3, "id=00001234;");
    check_text("ID=BEEF", 0xbeef, 0xcafe01, 4, I2S_HEX, 3, "ID=CAFE01");
    check_text("ff", 0xff, 1, 1, I2S_HEX, 0, "01");
    check_text("0xdeadbeef", 0xdeadbeef, 0xabc, 4, I2S_HEX, 2, "0x00000abc");
    check_text("k=1234", 0x1234, 0xabcd, 2, I2S_HEX, 2, "k=abcd");
    /* Mixed case, single digit and non-maximal runs are not hex fields. */
    const char *t = "BeEf f 1beef2";
    size_t n = int_cands(t, strlen(t), 0xbeef, 1, 4);
    CHECK_EQ_U(count_enc(n, I2S_HEX), 0);
    n = int_cands(t, strlen(t), 0xf, 1, 4);
    CHECK_EQ_U(count_enc(n, I2S_HEX), 0);
}

static void test_mem(void)
{
    uint8_t d[] = "GET / HTTP/1.0\r\n";
    size_t len = sizeof d - 1;
    size_t n = mem_cands(d, len, (const uint8_t *)"GET ",
                                  (const uint8_t *)"PUT ", 4);
    CHECK_EQ_U(n, 1);
    CHECK(cand_is(find_cand(n, I2S_MEM, 0), 4, "PUT ", 4));
    CHECK_EQ_U(i2s_apply(d, len, len, &cands[0]), len);
    CHECK(memcmp(d, "PUT / HTTP/1.0\r\n", len) == 0);
    /* Whole operand absent: its longest prefix (>= 4 bytes) is replaced. */
    n = mem_cands(d, len, (const uint8_t *)"HTTP/1.0\0",
                           (const uint8_t *)"HTTP/1.1\0", 9);
    CHECK_EQ_U(n, 1);
    CHECK(cand_is(find_cand(n, I2S_MEM, 6), 8, "HTTP/1.1", 8));
    /* ... but not a prefix shorter than 4. */
    n = mem_cands(d, len, (const uint8_t *)"PUX", (const uint8_t *)"ABC",
                           3);
    CHECK_EQ_U(n, 0);
    /* Invalid n. */
    CHECK_EQ_U(mem_cands(d, len, d, d, 0), 0);
    CHECK_EQ_U(mem_cands(d, len, d, d, I2S_MAX_BYTES + 1), 0);
}

static void test_absent(void)
{
    uint8_t d[32];
    for (size_t i = 0; i < sizeof d; i++)
        d[i] = (uint8_t)('a' + i % 3);
    uint8_t copy[32];
    memcpy(copy, d, sizeof d);
    CHECK_EQ_U(int_cands(d, sizeof d, 0x99887766, 0x1, 4), 0);
    CHECK_EQ_U(int_cands(d, sizeof d, 0x41, 0x1, 3), 0); /* invalid size */
    CHECK_EQ_U(mem_cands(d, sizeof d, (const uint8_t *)"zz",
                                  (const uint8_t *)"yy", 2), 0);
    rng_t r = { 5 };
    CHECK_EQ_U(i2s_mutate_int(&r, d, sizeof d, 64, 0x99887766, 1, 4), NONE);
    CHECK_EQ_U(mutate_mem(&r, d, sizeof d, 64, (const uint8_t *)"zz",
                              (const uint8_t *)"yy", 2), NONE);
    CHECK(memcmp(d, copy, sizeof d) == 0);
    CHECK_EQ_U(r.s, 5); /* no candidate, no draw */
}

static void test_equal_skipped(void)
{
    uint8_t d[6] = { 1, 5, 0, 0, 0, 2 };
    /* from == to: only the off-by-one rewrites remain. */
    size_t n = int_cands(d, 6, 5, 5, 4);
    CHECK_EQ_U(n, 2);
    CHECK(cand_is(find_cand(n, I2S_PLUS1, 1), 4, "\x06\0\0\0", 4));
    CHECK(cand_is(find_cand(n, I2S_MINUS1, 1), 4, "\x04\0\0\0", 4));
    /* to + 1 == from: PLUS1 would rewrite 5 by 5. */
    n = int_cands(d, 6, 5, 4, 4);
    CHECK_EQ_U(count_enc(n, I2S_PLUS1), 0);
    CHECK(find_cand(n, I2S_LE, 1) != NONE);
    CHECK(find_cand(n, I2S_MINUS1, 1) != NONE);
    uint8_t h[] = "k=00ff";
    n = int_cands(h, 6, 0xff, 0xff, 4);
    CHECK_EQ_U(count_enc(n, I2S_HEX) + count_enc(n, I2S_DEC), 0);
    CHECK_EQ_U(mem_cands(h, 6, h, h, 3), 0);
    /* Same prefix on both sides of a memory compare: nothing to change. */
    CHECK_EQ_U(mem_cands(h, 6, (const uint8_t *)"k=00x",
                                  (const uint8_t *)"k=00y", 5), 0);
}

static void test_max_len(void)
{
    uint8_t d[16];
    memcpy(d, "len=1234;", 9);
    size_t n = int_cands(d, 9, 1234, 98765, 4);
    size_t i = find_cand(n, I2S_DEC, 4);
    CHECK(i != NONE);
    CHECK_EQ_U(i2s_apply(d, 9, 9, &cands[i]), NONE);
    CHECK(memcmp(d, "len=1234;", 9) == 0);
    CHECK_EQ_U(i2s_apply(d, 9, 10, &cands[i]), 10);
    CHECK(memcmp(d, "len=98765;", 10) == 0);
    /* Only candidate grows past max_len: the mutation does not apply. */
    memcpy(d, "len=1234;", 9);
    rng_t r = { 3 };
    CHECK_EQ_U(i2s_mutate_int(&r, d, 9, 9, 1234, 98765, 4), NONE);
    CHECK(memcmp(d, "len=1234;", 9) == 0);
    CHECK_EQ_U(i2s_mutate_int(&r, d, 9, 10, 1234, 98765, 4), 10);
    /* Shrinking works at max_len == len. */
    CHECK_EQ_U(i2s_mutate_int(&r, d, 10, 10, 98765, 1, 4), 6);
    CHECK(memcmp(d, "len=1;", 6) == 0);
}

static void test_apply_bounds(void)
{
    uint8_t d[8] = "abcdefg";
    struct i2s_cand c = { 0 };
    c.enc = I2S_MEM;
    c.pos = 6, c.old_len = 2, c.new_len = 2; /* pos + old_len > len */
    CHECK_EQ_U(i2s_apply(d, 7, 8, &c), NONE);
    c.pos = 8, c.old_len = 0, c.new_len = 1;
    CHECK_EQ_U(i2s_apply(d, 7, 8, &c), NONE);
    c.pos = SIZE_MAX, c.old_len = 2; /* pos + old_len wraps */
    CHECK_EQ_U(i2s_apply(d, 7, 8, &c), NONE);
    c.pos = 0, c.old_len = SIZE_MAX;
    CHECK_EQ_U(i2s_apply(d, 7, 8, &c), NONE);
    c.pos = 0, c.old_len = 1, c.new_len = I2S_MAX_BYTES + 1;
    CHECK_EQ_U(i2s_apply(d, 7, 64, &c), NONE);
    c.pos = 0, c.old_len = 0, c.new_len = 2; /* 7 + 2 > 8 */
    CHECK_EQ_U(i2s_apply(d, 7, 8, &c), NONE);
    CHECK(memcmp(d, "abcdefg", 8) == 0);
    c.pos = 7, c.old_len = 0, c.new_len = 1, c.bytes[0] = 'h'; /* append */
    CHECK_EQ_U(i2s_apply(d, 7, 8, &c), 8);
    CHECK(memcmp(d, "abcdefgh", 8) == 0);
}

static void test_order(void)
{
    /* 0x41 LE at 0, as a byte at 6, "65" at 8: LE < narrow < dec. */
    uint8_t d[] = "\x41\0\0\0 .\x41 65 41";
    size_t len = sizeof d - 1;
    size_t n = int_cands(d, len, 0x41, 0x42, 4);
    for (size_t i = 1; i < n; i++)
        CHECK(cands[i - 1].enc < cands[i].enc ||
              (cands[i - 1].enc == cands[i].enc && cands[i - 1].pos <= cands[i].pos));
    CHECK(find_cand(n, I2S_LE, 0) != NONE);
    CHECK(find_cand(n, I2S_DEC, 8) != NONE);
    CHECK(find_cand(n, I2S_HEX, 11) != NONE);
    /* Capped at max, keeping the first ones. */
    struct i2s_cand few[2];
    CHECK_EQ_U(i2s_int_candidates(d, len, 0x41, 0x42, 4, few, 2), 2);
    CHECK(same_cands(few, cands, 2));
    CHECK_EQ_U(i2s_int_candidates(d, len, 0x41, 0x42, 4, NULL, 0), 0);
}

static void test_determinism(void)
{
    static uint8_t a[256], b[256];
    for (size_t i = 0; i < sizeof a; i++)
        a[i] = (uint8_t)(i % 7 == 0 ? 0x41 : i % 5 == 0 ? '6' : i);
    memcpy(b, a, sizeof a);
    rng_t ra = { 77 }, rb = { 77 };
    size_t la = 200, lb = 200;
    for (int k = 0; k < 200; k++) {
        uint64_t from = k % 2 ? 0x41 : 6, to = 0x41 + (uint64_t)k;
        size_t na = i2s_mutate_int(&ra, a, la, sizeof a, from, to, 4);
        size_t nb = i2s_mutate_int(&rb, b, lb, sizeof b, from, to, 4);
        CHECK_EQ_U(na, nb);
        la = na == NONE ? la : na;
        lb = nb == NONE ? lb : nb;
        na = mutate_mem(&ra, a, la, sizeof a, (const uint8_t *)"AB",
                            (const uint8_t *)"Ab", 2);
        nb = mutate_mem(&rb, b, lb, sizeof b, (const uint8_t *)"AB",
                            (const uint8_t *)"Ab", 2);
        CHECK_EQ_U(na, nb);
        la = na == NONE ? la : na;
        lb = nb == NONE ? lb : nb;
    }
    CHECK(la == lb && memcmp(a, b, la) == 0);
    CHECK(ra.s == rb.s);
}

/* ---- transforms (cmpxform.c) --------------------------------------------- */

/* Applies candidate i to a copy of in[0..len) (room for max_len); the
 * result's length, or NONE. */
static size_t apply_to(const void *in, size_t len, size_t i, uint8_t *out,
                       size_t max_len)
{
    memcpy(out, in, len);
    return i == NONE ? NONE : i2s_apply(out, len, max_len, &cands[i]);
}

/* Applies the candidate (enc, pos) to the text and checks the result. */
static void check_mem_text(const char *in, const void *from, size_t fl,
                           const void *to, size_t tl, enum i2s_encoding enc,
                           size_t pos, const char *want)
{
    uint8_t buf[128];
    size_t n = i2s_mem_candidates((const uint8_t *)in, strlen(in), from, fl,
                                  to, tl, cands, MAXC);
    size_t i = find_cand(n, enc, pos);
    CHECK(i != NONE);
    size_t k = apply_to(in, strlen(in), i, buf, sizeof buf);
    CHECK_EQ_U(k, strlen(want));
    CHECK(k == strlen(want) && memcmp(buf, want, k) == 0);
}

static void test_fold_mem(void)
{
    /* tolower() on each byte, then memcmp: to in the case found. */
    check_mem_text("XFUZZVERBX", "fuzzverb", 8, "openthis", 8, I2S_FOLD, 1,
                   "XOPENTHISX");
    check_mem_text("..FuZz!..", "fuzz!", 5, "abcd?", 5, I2S_FOLD, 2, "..AbCd?..");
    /* strcasecmp, lengths differ: past the found bytes, to as it is. */
    check_mem_text("HOST: x", "host", 4, "content-length", 14, I2S_FOLD, 0,
                   "CONTent-length: x");
    /* A verbatim match is I2S_MEM's; with one, transforms are not tried. */
    const char *v = "fuzzverb FUZZVERB";
    size_t n = mem_cands(v, strlen(v), "fuzzverb", "openthis", 8);
    CHECK(find_cand(n, I2S_MEM, 0) != NONE);
    CHECK_EQ_U(count_enc(n, I2S_FOLD), 0);
    n = mem_cands(v + 1, strlen(v) - 1, "fuzzverb", "openthis", 8);
    CHECK_EQ_U(count_enc(n, I2S_MEM), 0);
    CHECK(find_cand(n, I2S_FOLD, 8) != NONE);
    CHECK_EQ_U(count_enc(n, I2S_FOLD), 1);
    /* Only ASCII letters fold: '@' is not '`', 0xc0 is not 0xe0. */
    n = mem_cands("@\xc0zz", 4, "`\xe0ZZ", "abcd", 4);
    CHECK_EQ_U(count_enc(n, I2S_FOLD), 0);
    /* The case-folded operand runs past the input's end: nothing. */
    n = mem_cands("xxFUZZVER", 9, "fuzzverb", "openthis", 8);
    CHECK_EQ_U(count_enc(n, I2S_FOLD), 0);
}

static void test_fold_int(void)
{
    /* tolower(d[2]) == 'q', compared at 32 bits: 'X' (seen as 'x') -> 'Q'. */
    check_text("abXcd", 'x', 'q', 4, I2S_FOLD, 2, "abQcd");
    /* Four letters as a little-endian word, upper case in the input. */
    check_text("..ABCD..", 0x64636261, 0x7a797877, 4, I2S_FOLD, 2, "..WXYZ..");
    /* No letter in from: nothing to fold (the plain scans have it). */
    uint8_t d[4] = { '1', '2', '3', '4' };
    CHECK_EQ_U(count_enc(int_cands(d, 4, 0x34333231, 0x61626364, 4), I2S_FOLD), 0);
}

static void test_hexfield_mem(void)
{
    static const uint8_t from[8] = { 0xc0, 0xff, 0xee, 0x15, 0x60, 0x0d, 0xf0, 0x0d };
    static const uint8_t to[8] = { 0xde, 0xad, 0xbe, 0xef, 0x01, 0x23, 0x45, 0x67 };
    check_mem_text("k=C0FFEE15600DF00D;", from, 8, to, 8, I2S_HEXFIELD, 2,
                   "k=DEADBEEF01234567;");
    check_mem_text("c0ffee15600df00d", from, 8, to, 8, I2S_HEXFIELD, 0,
                   "deadbeef01234567");
    /* Mixed case: a digit over a letter keeps its case, others the text's. */
    check_mem_text("C0fFEE15600DF00D", from, 8, to, 8, I2S_HEXFIELD, 0,
                   "DeaDBEef01234567");
    /* Inside a longer hex run (a decoder reading part of it). */
    check_mem_text("00c0ffee15600df00d99", from, 8, to, 8, I2S_HEXFIELD, 2,
                   "00deadbeef0123456799");
    /* Lengths differ (a strcmp of decoded text). */
    check_mem_text("=6869=", "hi", 2, "hey", 3, I2S_HEXFIELD, 1, "=686579=");
    /* Odd alignment of the digits does not spell it; a 1-byte operand is
     * not looked for (too common); hex text past the end: nothing. */
    size_t n = mem_cands("0c0ffee", 7, "\xc0\xff\xee", "abc", 3);
    CHECK(find_cand(n, I2S_HEXFIELD, 1) != NONE);
    CHECK(find_cand(n, I2S_HEXFIELD, 0) == NONE);
    CHECK_EQ_U(count_enc(mem_cands("ab", 2, "\xab", "\xcd", 1), I2S_HEXFIELD), 0);
    CHECK_EQ_U(count_enc(mem_cands("c0ffee1", 7, from, to, 4), I2S_HEXFIELD), 0);
}

static void test_hexfield_long(void)
{
    /* 20 bytes, differing from byte 10 on: a 16-byte window from byte 4. */
    uint8_t from[20], to[20];
    char in[41], want[41];
    for (int i = 0; i < 20; i++)
        from[i] = (uint8_t)(0x10 + i), to[i] = (uint8_t)(i < 10 ? 0x10 + i : 0xa0 + i);
    for (int i = 0; i < 20; i++)
        snprintf(in + 2 * i, 3, "%02x", from[i]);
    memcpy(want, in, sizeof want);
    for (int i = 10; i < 20; i++)
        snprintf(want + 2 * i, 3, "%02x", to[i]);
    check_mem_text(in, from, 20, to, 20, I2S_HEXFIELD, 8, want);
}

static void test_hexfield_int(void)
{
    /* A little-endian uint32 decoded from hex: "efbeadde" is 0xdeadbeef. */
    check_text("v=efbeadde;", 0xdeadbeef, 0x12345678, 4, I2S_HEXFIELD, 2,
               "v=78563412;");
    /* Big endian in a longer run ("%8x" of the first 8 digits). */
    check_text("deadbeefcafe", 0xdeadbeef, 0x12345678, 4, I2S_HEXFIELD, 0,
               "12345678cafe");
    /* Found as it is (little endian at 0): the transforms are not tried. */
    const char *both = "\xef\xbe\xad\xde v=efbeadde;";
    size_t nb = int_cands(both, strlen(both), 0xdeadbeef, 0x12345678, 4);
    CHECK(find_cand(nb, I2S_LE, 0) != NONE);
    CHECK_EQ_U(count_enc(nb, I2S_HEXFIELD), 0);
    nb = int_cands(both + 4, strlen(both) - 4, 0xdeadbeef, 0x12345678, 4);
    CHECK_EQ_U(count_enc(nb, I2S_HEXFIELD), 1); /* ... but are without it */
    /* A whole run spelling the value is I2S_HEX's, not listed twice. */
    const char *t = "x=deadbeef;";
    size_t n = int_cands(t, strlen(t), 0xdeadbeef, 0x12345678, 4);
    CHECK(find_cand(n, I2S_HEX, 2) != NONE);
    CHECK_EQ_U(count_enc(n, I2S_HEXFIELD), 0);
}

/* ---- base64: a tiny encoder and decoder for checking -------------------- */

static const char *b64_alpha(int url)
{
    return url ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
               : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
}

/* n bytes (n a multiple of 3) to 4n/3 characters. */
static size_t b64_enc(char *out, const uint8_t *p, size_t n, int url)
{
    const char *a = b64_alpha(url);
    size_t k = 0;
    for (size_t i = 0; i + 3 <= n; i += 3) {
        uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 | p[i + 2];
        for (int j = 3; j >= 0; j--)
            out[k++] = a[(v >> (6 * j)) & 63];
    }
    return k;
}

static size_t b64_dec(uint8_t *out, const uint8_t *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i + 4 <= n; i += 4) {
        uint32_t v = 0;
        for (int j = 0; j < 4; j++) {
            const char *p = strchr(b64_alpha(0), s[i + j]);
            const char *q = strchr(b64_alpha(1), s[i + j]);
            v = v << 6 | (uint32_t)(p ? p - b64_alpha(0) : q - b64_alpha(1));
        }
        out[k++] = (uint8_t)(v >> 16), out[k++] = (uint8_t)(v >> 8), out[k++] = (uint8_t)v;
    }
    return k;
}

static uint64_t dbits(double v)
{
    uint64_t b;
    memcpy(&b, &v, sizeof b);
    return b;
}

static uint64_t fbits(float v)
{
    uint32_t b;
    memcpy(&b, &v, sizeof b);
    return b;
}

/* A double the target parsed from text: the token whose value is from is
 * rewritten as to's shortest text, whatever form it was written in. */
static void test_float_text(void)
{
    const char *in = "w=12 x=1234.4 y=3";
    size_t n = int_cands(in, strlen(in), dbits(1234.4), dbits(1234.5), 8);
    size_t i = find_cand(n, I2S_FLOATTEXT, 7);
    CHECK(cand_is(i, 6, "1234.5", 6));
    CHECK_EQ_U(count_enc(n, I2S_FLOATTEXT), 1); /* 12 and 3 are not 1234.4 */
    /* The same value written otherwise; a range's neighbour in 17 digits. */
    in = "[1.2344e3]";
    n = int_cands(in, strlen(in), dbits(1234.4), dbits(nextafter(1234.5, 2000)), 8);
    CHECK(cand_is(find_cand(n, I2S_FLOATTEXT, 1), 8, "1234.5000000000002", 18));
    in = "v:-0.25;";
    n = int_cands(in, strlen(in), dbits(-0.25), dbits(1e-7), 8);
    CHECK(cand_is(find_cand(n, I2S_FLOATTEXT, 2), 5, "0.0000001", 9)); /* not 1e-07 */
    /* An integer written as such matches its float value. */
    in = "n=1234";
    n = int_cands(in, strlen(in), dbits(1234.0), dbits(99.5), 8);
    CHECK(cand_is(find_cand(n, I2S_FLOATTEXT, 2), 4, "99.5", 4));
    /* float (strtof): 0.1f is not 0.1 as a double. */
    in = "a 0.1 b";
    n = int_cands(in, strlen(in), fbits(0.1f), fbits(2.5f), 4);
    CHECK(cand_is(find_cand(n, I2S_FLOATTEXT, 2), 3, "2.5", 3));
    CHECK_EQ_U(count_enc(int_cands(in, strlen(in), dbits(0.1f), dbits(2.5), 8), I2S_FLOATTEXT), 0);
    /* Small integers' bits are denormal doubles: not scanned for. */
    in = "0 1 2 3 4 5";
    CHECK_EQ_U(count_enc(int_cands(in, strlen(in), 3, 7, 8), I2S_FLOATTEXT), 0);
    /* Not finite: nothing. */
    CHECK_EQ_U(count_enc(int_cands("1.5", 3, dbits(1.5), dbits(INFINITY), 8), I2S_FLOATTEXT), 0);
    char t[32];
    CHECK_EQ_U(floattext_shortest(t, 0.1, 8), 3);
    CHECK(strcmp(t, "0.1") == 0);
    CHECK_EQ_U(floattext_shortest(t, 1e300, 8), 6);
    CHECK(strcmp(t, "1e+300") == 0); /* no plain form fits */
    CHECK_EQ_U(floattext_shortest(t, NAN, 8), 0);
}

/* from planted k bytes into a 15-byte stream, base64 in "v=...;": the
 * candidate found rewrites it to `to` and leaves the other bytes alone. */
static void check_b64(unsigned k, const uint8_t *from, const uint8_t *to,
                      size_t m, int url)
{
    uint8_t stream[15], want[15], dec[15], buf[64];
    char in[32];
    for (size_t i = 0; i < sizeof stream; i++)
        stream[i] = (uint8_t)(0x3f * i + 0x77);
    memcpy(stream + k, from, m);
    memcpy(want, stream, sizeof want);
    memcpy(want + k, to, m);
    memcpy(in, "v=", 2);
    size_t n = 2 + b64_enc(in + 2, stream, sizeof stream, url);
    in[n++] = ';';
    size_t nc = i2s_mem_candidates((const uint8_t *)in, n, from, m, to, m, cands, MAXC);
    size_t found = 0;
    for (size_t i = 0; i < nc; i++) {
        if (cands[i].enc != I2S_B64)
            continue;
        size_t len = apply_to(in, n, i, buf, sizeof buf);
        CHECK_EQ_U(len, n);
        if (len != n || b64_dec(dec, buf + 2, 20) != 15)
            continue;
        found += memcmp(dec, want, sizeof want) == 0;
        CHECK(buf[0] == 'v' && buf[1] == '=' && buf[n - 1] == ';');
    }
    CHECK(found >= 1);
}

static void test_b64(void)
{
    const uint8_t *f = (const uint8_t *)"B64\0\xfe\xedMe", *t = (const uint8_t *)"Z\xff\x01?ok!!";
    for (unsigned k = 0; k < 3; k++) {
        check_b64(k, f, t, 8, 0);
        check_b64(k, f, t, 8, 1);
        check_b64(k, f, t, 2, 0);
        check_b64(k, t, f, 7, 1);
    }
}

static void test_b64_alphabet(void)
{
    /* "+/+/" is 0xfb 0xff 0xbf: the standard alphabet shown, kept. */
    size_t n = mem_cands("+/+/", 4, "\xfb\xff\xbf", "\xff\xff\xff", 3);
    size_t i = find_cand(n, I2S_B64, 0);
    CHECK(cand_is(i, 4, "////", 4));
    n = mem_cands("-_-_", 4, "\xfb\xff\xbf", "\xff\xff\xff", 3);
    CHECK(cand_is(find_cand(n, I2S_B64, 0), 4, "____", 4));
    /* Neither shown ("AAAA" is 3 zero bytes) but needed: both, standard first. */
    n = mem_cands("AAAA", 4, "\0\0\0", "\xff\xff\xff", 3);
    CHECK_EQ_U(count_enc(n, I2S_B64), 2);
    i = find_cand(n, I2S_B64, 0);
    CHECK(cand_is(i, 4, "////", 4));
    CHECK(i != NONE && i + 1 < n && cands[i + 1].enc == I2S_B64 &&
          memcmp(cands[i + 1].bytes, "____", 4) == 0);
    /* Not needed: one. */
    n = mem_cands("AAAA", 4, "\0\0\0", "\x10\x20\x30", 3);
    CHECK_EQ_U(count_enc(n, I2S_B64), 1);
    /* A character outside both alphabets breaks a match. */
    CHECK_EQ_U(count_enc(mem_cands("AA.A", 4, "\0\0\0", "\x10\x20\x30", 3), I2S_B64), 0);
}

static void test_b64_int(void)
{
    /* A big-endian uint32 decoded from base64: "3q2+7w==" is de ad be ef. */
    check_text("x=3q2+7w==", 0xdeadbeef, 0xcafebabe, 4, I2S_B64, 2, "x=yv66vg==");
}

static void test_offset(void)
{
    uint8_t d[12] = { 9, 9, 9, 0x00, 0x56, 0x34, 0x12, 9, 9, 9, 9, 9 };
    /* from = x + 7, x little endian at 3: write to - 7. */
    size_t n = int_cands(d, sizeof d, 0x12345607, 0x0badf00d, 4);
    CHECK(cand_is(find_cand(n, I2S_OFFSET, 3), 4, "\x06\xf0\xad\x0b", 4));
    /* from = x ^ 0x20: to - 0x20 (the same guess as above), then to ^ 0x20. */
    n = int_cands(d, sizeof d, 0x12345620, 0x0badf00d, 4);
    size_t i = find_cand(n, I2S_OFFSET, 3);
    CHECK(cand_is(i, 4, "\xed\xef\xad\x0b", 4));
    CHECK(i != NONE && i + 1 < n && cands[i + 1].pos == 3 &&
          memcmp(cands[i + 1].bytes, "\x2d\xf0\xad\x0b", 4) == 0);
    /* Too far (more than 255 off): nothing. */
    n = int_cands(d, sizeof d, 0x12345700, 0x0badf00d, 4);
    CHECK_EQ_U(count_enc(n, I2S_OFFSET), 0);
    /* A small from is in too many places: never guessed. */
    uint8_t z[8] = { 1, 0, 0, 0, 0, 0, 0, 0 };
    CHECK_EQ_U(count_enc(int_cands(z, 8, 5, 0x12345678, 4), I2S_OFFSET), 0);
    /* Found as it is: the plain scans' (no offset guess). */
    n = int_cands(d, sizeof d, 0x12345600, 0x0badf00d, 4);
    CHECK(find_cand(n, I2S_LE, 3) != NONE);
    CHECK_EQ_U(count_enc(n, I2S_OFFSET) + count_enc(n, I2S_MIX), 0);
}

static uint64_t mix3(const uint8_t *p, uint64_t b)
{
    return p[0] + b * p[1] + b * b * p[2];
}

static void test_mix(void)
{
    /* d[0] + 251*d[1] + 251^2*d[2] == 9876543: digits 195, 192, 156. */
    uint8_t d[6] = { 'a', 'b', 'c', 'd', 'e', 'f' }, buf[8];
    size_t n = int_cands(d, 6, mix3(d, 251), 9876543, 4);
    size_t i = find_cand(n, I2S_MIX, 0);
    CHECK(cand_is(i, 3, "\xc3\xc0\x9c", 3));
    CHECK(apply_to(d, 6, i, buf, 8) == 6 && mix3(buf, 251) == 9876543);
    /* Reversed order: d[2] + 31*d[1] + 961*d[0], at position 2. */
    uint64_t v = d[4] + 31 * d[3] + 961 * d[2];
    n = int_cands(d, 6, v, 50000, 4);
    i = find_cand(n, I2S_MIX, 2);
    CHECK(i != NONE && cands[i].old_len == 3);
    if (i != NONE)
        CHECK(cands[i].bytes[2] + 31 * cands[i].bytes[1] + 961 * cands[i].bytes[0] == 50000);
    /* A third byte still zero: B from the first two, the third written. */
    uint8_t z[3] = { 10, 20, 0 };
    n = int_cands(z, 3, 10 + 20 * 251, 9876543, 4);
    CHECK(cand_is(find_cand(n, I2S_MIX, 0), 3, "\xc3\xc0\x9c", 3));
    /* B = 1: a plain sum. */
    uint8_t s[3] = { 100, 100, 100 };
    n = int_cands(s, 3, 300, 700, 4);
    i = find_cand(n, I2S_MIX, 0);
    CHECK(i != NONE && apply_to(s, 3, i, buf, 8) == 3 && buf[0] + buf[1] + buf[2] == 700);
    /* to out of reach of three digits: nothing. */
    n = int_cands(d, 6, mix3(d, 251), 251ull * 251 * 251 * 300, 8);
    CHECK(find_cand(n, I2S_MIX, 0) == NONE);
    /* Not explained by any base: 2 + 2B + 2B^2 is never 7. */
    CHECK_EQ_U(count_enc(int_cands("\x02\x02\x02", 3, 7, 100, 4), I2S_MIX), 0);
    /* A 1-byte input holds no window. */
    CHECK_EQ_U(int_cands("\x07", 1, 300, 700, 4), 0);
}

static void test_dec_atoi(void)
{
    /* atoi(" 0042") == 42: leading zeros, the width kept. */
    check_text(" 0042", 42, 7, 4, I2S_DEC, 1, " 0007");
    check_text("n=0042;", 42, 123456, 4, I2S_DEC, 2, "n=123456;");
    /* A '+' sign; a negative to replaces it. */
    check_text("+42", 42, 0xffffff9c, 4, I2S_DEC, 0, "-100");
    check_text("+42", 42, 7, 4, I2S_DEC, 1, "+7");
    /* "-007" is -7. */
    check_text("x=-007", 0xfffffff9, 0xfffffff4, 4, I2S_DEC, 2, "x=-012");
    /* A negative to over an unsigned run: unsigned and with '-'. */
    const char *t = "x=5";
    size_t n = int_cands(t, 3, 5, 0xffffff9c, 4);
    CHECK_EQ_U(count_enc(n, I2S_DEC), 2);
    CHECK(cand_is(find_cand(n, I2S_DEC, 2), 1, "4294967196", 10));
    CHECK(find_cand(n, I2S_DEC, 2) + 1 < n &&
          cand_is(find_cand(n, I2S_DEC, 2) + 1, 1, "-100", 4));
    /* Zero padding never passes I2S_MAX_BYTES. */
    char z[64];
    memset(z, '0', 40);
    z[40] = '5';
    n = int_cands(z, 41, 5, 6, 4);
    size_t i = find_cand(n, I2S_DEC, 0);
    CHECK(i != NONE && cands[i].old_len == 41 && cands[i].new_len == I2S_MAX_BYTES);
    /* More than 20 digits of value: not a number. */
    CHECK_EQ_U(count_enc(int_cands("123456789012345678901", 21, 1, 2, 8), I2S_DEC), 0);
}

static void test_transform_bounds(void)
{
    uint8_t d[16];
    /* Untrusted lengths: operands longer than I2S_MAX_BYTES are refused. */
    CHECK_EQ_U(i2s_mem_candidates(d, 16, d, I2S_MAX_BYTES + 1, d, 4, cands, MAXC), 0);
    CHECK_EQ_U(i2s_mem_candidates(d, 16, d, 4, d, I2S_MAX_BYTES + 1, cands, MAXC), 0);
    CHECK_EQ_U(i2s_mem_candidates(d, 16, d, 4, d, SIZE_MAX, cands, MAXC), 0);
    /* A hex rewrite that grows past max_len does not apply. */
    memcpy(d, "=6869=", 6);
    rng_t r = { 9 };
    CHECK_EQ_U(i2s_mutate_mem(&r, d, 6, 7, (const uint8_t *)"hi", 2,
                              (const uint8_t *)"hey", 3), NONE);
    CHECK(memcmp(d, "=6869=", 6) == 0);
    CHECK_EQ_U(i2s_mutate_mem(&r, d, 6, 8, (const uint8_t *)"hi", 2,
                              (const uint8_t *)"hey", 3), 8);
    CHECK(memcmp(d, "=686579=", 8) == 0);
    /* Capped output keeps the first candidates, in order. */
    const char *t = "AbCd aBcD ABCD abcX";
    struct i2s_cand few[2];
    size_t n = mem_cands(t, strlen(t), "abcd", "wxyz", 4);
    CHECK_EQ_U(n, 3); /* three case-folded "abcd", not "abcX" */
    CHECK_EQ_U(i2s_mem_candidates((const uint8_t *)t, strlen(t), (const uint8_t *)"abcd", 4,
                                  (const uint8_t *)"wxyz", 4, few, 2), 2);
    CHECK(same_cands(few, cands, 2));
}

/* ---- random inputs under ASan ------------------------------------------- */

static const char alphabet[] = "0123456789abcdefABCDEF-x; \0\xff\x41";

static void fill_input(rng_t *r, uint8_t *d, size_t len)
{
    int text = rng_bool(r);
    for (size_t i = 0; i < len; i++)
        d[i] = text ? (uint8_t)alphabet[rng_below(r, sizeof alphabet - 1)]
                    : (uint8_t)(rng_below(r, 4) ? rng_below(r, 3) : rng_next(r));
}

static uint64_t pick_value(rng_t *r)
{
    switch (rng_below(r, 4)) {
    case 0:
        return rng_below(r, 300);
    case 1:
        return 0 - rng_below(r, 300);
    case 2:
        return rng_below(r, 1000000);
    default:
        return rng_next(r);
    }
}

static void check_cands(size_t n, size_t max, size_t len)
{
    CHECK(n <= max);
    for (size_t i = 0; i < n; i++) {
        CHECK(cands[i].pos + cands[i].old_len <= len);
        CHECK(cands[i].new_len <= I2S_MAX_BYTES && cands[i].enc <= I2S_FLOATTEXT);
        if (i > 0)
            CHECK(cands[i - 1].enc < cands[i].enc ||
                  (cands[i - 1].enc == cands[i].enc &&
                   cands[i - 1].pos <= cands[i].pos));
    }
}

/* Applies each candidate to a fresh, exactly-sized copy. */
static void apply_all(const uint8_t *d, size_t len, size_t max_len, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint8_t *t = malloc(max_len ? max_len : 1);
        memcpy(t, d, len);
        size_t k = i2s_apply(t, len, max_len, &cands[i]);
        CHECK(k == NONE || k <= max_len);
        CHECK(k == NONE || k != len || memcmp(t, d, len) != 0);
        free(t);
    }
}

/* A random offset and length inside d[0..len), len > 0. */
static size_t pick_slice(rng_t *r, size_t len, size_t most, size_t *n)
{
    size_t o = (size_t)rng_below(r, len);
    size_t room = len - o < most ? len - o : most;
    *n = 1 + (size_t)rng_below(r, room);
    return o;
}

static uint64_t load_le(const uint8_t *p, size_t n)
{
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

/* Bytes p[0..n) as the transforms look for them, into out (room for 4n+8);
 * its length: verbatim, case flipped, hex, or base64 a random 0..2 bytes
 * into a group. */
static size_t spell_mem(rng_t *r, const uint8_t *p, size_t n, uint8_t *out)
{
    uint8_t stream[I2S_MAX_BYTES + 6] = { 0 };
    size_t k;
    switch (rng_below(r, 4)) {
    case 0:
        memcpy(out, p, n);
        return n;
    case 1:
        for (size_t i = 0; i < n; i++)
            out[i] = (uint8_t)((unsigned)((p[i] | 0x20) - 'a') < 26 ? p[i] ^ 0x20 : p[i]);
        return n;
    case 2:
        for (size_t i = 0; i < n; i++)
            snprintf((char *)out + 2 * i, 3, rng_bool(r) ? "%02x" : "%02X", p[i]);
        return 2 * n;
    default:
        k = (size_t)rng_below(r, 3);
        memcpy(stream + k, p, n);
        return b64_enc((char *)out, stream, (k + n + 2) / 3 * 3, rng_bool(r));
    }
}

static void fuzz_one(rng_t *r)
{
    static const unsigned sizes[] = { 1, 2, 4, 8, 0, 3, 16 };
    size_t max_len = (size_t)rng_below(r, 80);
    size_t len = max_len ? (size_t)rng_below(r, max_len + 1) : 0;
    uint8_t *d = malloc(max_len ? max_len : 1); /* exact: ASan sees overruns */
    uint8_t from_b[I2S_MAX_BYTES], to_b[I2S_MAX_BYTES];
    size_t o, m;
    fill_input(r, d, len);
    uint64_t from = pick_value(r), to = pick_value(r);
    if (len > 0 && rng_bool(r)) { /* plant from */
        o = pick_slice(r, len, 8, &m);
        from = load_le(d + o, m);
    }
    unsigned size = sizes[rng_below(r, sizeof sizes / sizeof sizes[0])];
    size_t max = (size_t)rng_below(r, MAXC + 1);
    size_t n = i2s_int_candidates(d, len, from, to, size, cands, max);
    check_cands(n, max, len);
    apply_all(d, len, max_len, n);

    size_t mn = 1 + (size_t)rng_below(r, I2S_MAX_BYTES + 1); /* may be invalid */
    fill_input(r, from_b, sizeof from_b);
    fill_input(r, to_b, sizeof to_b);
    if (len > 0 && rng_bool(r)) { /* plant from */
        o = pick_slice(r, len, sizeof from_b, &m);
        memcpy(from_b, d + o, m);
    } else if (len > 0 && mn <= I2S_MAX_BYTES && rng_bool(r)) { /* transformed */
        uint8_t sp[4 * I2S_MAX_BYTES + 8];
        size_t sn = spell_mem(r, from_b, mn, sp);
        if (sn <= len)
            memcpy(d + rng_below(r, len - sn + 1), sp, sn);
    }
    n = i2s_mem_candidates(d, len, from_b, mn, to_b, mn, cands, max);
    check_cands(n, max, len);
    apply_all(d, len, max_len, n);

    size_t k = i2s_mutate_int(r, d, len, max_len, from, to, size);
    CHECK(k == NONE || k <= max_len);
    len = k == NONE ? len : k;
    k = i2s_mutate_mem(r, d, len, max_len, from_b, mn, to_b, mn);
    CHECK(k == NONE || k <= max_len);
    free(d);
}

static void test_fuzz(void)
{
    rng_t r = { 2024 };
    for (int i = 0; i < 20000; i++)
        fuzz_one(&r);
}

/* ---- purity: bytes past len never matter ---------------------------------
 * A FUZZ input is rebuilt after a worker's death in another buffer, whose
 * bytes past len differ from the worker's: candidates and mutations must
 * depend on d[0..len) only.  Each input ends, half the time, with the head
 * of an operand whose rest the stale bytes hold (what a scan past len would
 * complete), and the buffers' tails are 0x00, 0xff, random, and that rest
 * followed by whole operands. */

#define STALE_BUFS 4

/* An operand in one of the encodings the scans look for, into out; its length. */
static size_t spell(rng_t *r, uint64_t v, unsigned size, uint8_t *out)
{
    uint8_t le[8];
    if (rng_below(r, 3) == 0) { /* its bytes, through a transform */
        for (unsigned i = 0; i < size; i++)
            le[i] = (uint8_t)(v >> (8 * i));
        return spell_mem(r, le, size, out);
    }
    size_t n = 0;
    switch (rng_below(r, 4)) {
    case 0: /* little endian */
        for (; n < size; n++)
            out[n] = (uint8_t)(v >> (8 * n));
        return n;
    case 1: /* big endian */
        for (; n < size; n++)
            out[n] = (uint8_t)(v >> (8 * (size - 1 - n)));
        return n;
    case 2: { /* decimal */
        char t[24];
        int k = snprintf(t, sizeof t, "%llu", (unsigned long long)v);
        memcpy(out, t, (size_t)k);
        return (size_t)k;
    }
    default: { /* hex */
        char t[24];
        int k = snprintf(t, sizeof t, rng_bool(r) ? "%llx" : "%08llX", (unsigned long long)v);
        memcpy(out, t, (size_t)k);
        return (size_t)k;
    }
    }
}

static int stale_one(rng_t *r)
{
    static const unsigned sizes[] = { 1, 2, 4, 8 };
    static struct i2s_cand c[STALE_BUFS][MAXC];
    size_t max_len = 1 + (size_t)rng_below(r, 120);
    size_t len = (size_t)rng_below(r, max_len + 1);
    unsigned size = sizes[rng_below(r, 4)];
    uint64_t from = pick_value(r), to = pick_value(r);
    if (size < 8)
        from &= (1ULL << (8 * size)) - 1;
    uint8_t mfrom[I2S_MAX_BYTES], mto[I2S_MAX_BYTES];
    size_t mn = 1 + (size_t)rng_below(r, I2S_MAX_BYTES);
    fill_input(r, mfrom, sizeof mfrom);
    fill_input(r, mto, sizeof mto);
    if (rng_bool(r))
        memcpy(mfrom, "Content-Length: 1234567890abcdef", I2S_MAX_BYTES);
    uint8_t *in = malloc(max_len);
    fill_input(r, in, len);
    uint8_t op[4 * I2S_MAX_BYTES + 8];
    size_t opn = rng_bool(r) ? spell(r, from, size, op) : spell_mem(r, mfrom, mn, op);
    if (opn <= len && rng_bool(r)) /* whole, somewhere */
        memcpy(in + rng_below(r, len - opn + 1), op, opn);
    size_t cut = 0; /* the head of op ends the input; stale bytes hold the rest */
    if (len > 0 && opn > 1 && rng_bool(r)) {
        cut = 1 + (size_t)rng_below(r, opn - 1);
        cut = cut < len ? cut : len;
        memcpy(in + len - cut, op, cut);
    }
    uint8_t *b[STALE_BUFS];
    size_t n[STALE_BUFS][4];
    uint64_t st[STALE_BUFS];
    uint64_t word = rng_next(r);
    int same = 1;
    for (int k = 0; k < STALE_BUFS; k++) {
        b[k] = malloc(max_len); /* exact: ASan sees overruns */
        memcpy(b[k], in, len);
        size_t tail = max_len - len;
        if (k == 0)
            memset(b[k] + len, 0x00, tail);
        else if (k == 1)
            memset(b[k] + len, 0xff, tail);
        else if (k == 2)
            fill_input(r, b[k] + len, tail);
        else
            for (size_t i = 0, j = cut; i < tail; i++, j = (j + 1) % opn)
                b[k][len + i] = op[j];
        n[k][0] = i2s_int_candidates(b[k], len, from, to, size, c[k], MAXC);
        n[k][1] = i2s_mem_candidates(b[k], len, mfrom, mn, mto, mn, c[k] + n[k][0], MAXC - n[k][0]);
        rng_t m = { word };
        n[k][2] = i2s_mutate_int(&m, b[k], len, max_len, from, to, size);
        size_t l2 = n[k][2] == NONE ? len : n[k][2];
        n[k][3] = i2s_mutate_mem(&m, b[k], l2, max_len, mfrom, mn, mto, mn);
        st[k] = m.s;
        if (k == 0)
            continue;
        same &= memcmp(n[k], n[0], sizeof n[0]) == 0 && st[k] == st[0];
        same &= same && same_cands(c[k], c[0], n[0][0] + n[0][1]);
        size_t fin = n[0][3] != NONE ? n[0][3] : l2;
        same &= same && memcmp(b[k], b[0], fin) == 0;
    }
    for (int k = 0; k < STALE_BUFS; k++)
        free(b[k]);
    free(in);
    return same;
}

static void test_stale_bytes_ignored(void)
{
    rng_t r = { 0xbadf00d };
    int ok = 1;
    for (int i = 0; i < 20000; i++)
        ok &= stale_one(&r);
    CHECK(ok);
}

int main(void)
{
    RUN(test_le);
    RUN(test_be);
    RUN(test_narrow);
    RUN(test_plus_minus);
    RUN(test_dec);
    RUN(test_hex);
    RUN(test_mem);
    RUN(test_absent);
    RUN(test_equal_skipped);
    RUN(test_max_len);
    RUN(test_apply_bounds);
    RUN(test_order);
    RUN(test_determinism);
    RUN(test_fold_mem);
    RUN(test_fold_int);
    RUN(test_hexfield_mem);
    RUN(test_hexfield_long);
    RUN(test_hexfield_int);
    RUN(test_b64);
    RUN(test_b64_alphabet);
    RUN(test_b64_int);
    RUN(test_offset);
    RUN(test_mix);
    RUN(test_dec_atoi);
    RUN(test_float_text);
    RUN(test_transform_bounds);
    RUN(test_fuzz);
    RUN(test_stale_bytes_ignored);
    return CHECK_DONE("cmpmut");
}
