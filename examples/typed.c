/*
 * examples/typed.c - Go-style fuzz targets in C: several named targets in
 * one binary, typed arguments, seeds in code, failures that do not kill.
 *
 *   clang -g -O1 -fsanitize=fuzzer-no-link,address examples/typed.c build/libferret.a -o typed
 *   ./typed                          # replay every target's seeds: ok / --- FAIL
 *   ./typed -fuzz=FuzzRange -fuzztime=30s
 *   ./typed -run=FuzzRange/<hash>    # the re-run command ferret prints
 *
 * The code under test: a tiny "bucket" allocator that splits a byte budget
 * into n slots, and a quoting function with its inverse.  Each has a planted
 * bug for the fuzzer to find.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ferret.h"

/* ---- code under test ---------------------------------------------------- */

/* Size of each of n slots in a budget of total bytes, header of hdr bytes
 * per slot.  Bug: with a header larger than the share, the subtraction
 * wraps around instead of giving 0. */
static unsigned slot_size(unsigned total, unsigned n, unsigned char hdr)
{
    if (n == 0)
        return 0;
    unsigned share = total / n;
    return share - hdr; /* BUG: should be share > hdr ? share - hdr : 0 */
}

/* Quotes s (escaping '"' and '\\') into out; unquote reverses it. */
static size_t quote(const char *s, size_t len, char *out)
{
    size_t k = 0;
    out[k++] = '"';
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '"' || s[i] == '\\')
            out[k++] = '\\';
        out[k++] = s[i];
    }
    out[k++] = '"';
    return k;
}

static size_t unquote(const char *q, size_t len, char *out)
{
    size_t k = 0;
    for (size_t i = 1; i + 1 < len; i++) {
        if (q[i] == '\\' && q[i + 1] != '"') /* BUG: an escaped quote is kept escaped */
            i++;
        out[k++] = q[i];
    }
    return k;
}

/* ---- fuzz targets -------------------------------------------------------- */

static void seeds_range(ferret_seeds *s)
{
    ferret_add(s, ferret_uint32(4096), ferret_uint32(4), ferret_uint8(16));
    ferret_add(s, ferret_uint32(100), ferret_uint32(0), ferret_uint8(0));
}

/* FuzzRange: a slot never exceeds the budget. */
static void fuzz_range(ferret_t *t, const ferret_value *arg)
{
    unsigned total = (unsigned)arg[0].u, n = (unsigned)arg[1].u;
    unsigned char hdr = (unsigned char)arg[2].u;
    unsigned got = slot_size(total, n, hdr);
    ferret_log(t, "slot_size(%u, %u, %u) = %u", total, n, hdr, got);
    if (got > total)
        ferret_fail(t, "a slot of %u bytes is larger than the budget of %u", got, total);
}
FERRET_FUZZ(FuzzRange, fuzz_range, seeds_range, FERRET_UINT32, FERRET_UINT32, FERRET_UINT8);

static void seeds_quote(ferret_seeds *s)
{
    ferret_add(s, ferret_string("hello"));
    ferret_add(s, ferret_string("back\\slash"));
}

/* FuzzQuote: unquote(quote(s)) == s. */
static void fuzz_quote(ferret_t *t, const ferret_value *arg)
{
    const char *s = (const char *)arg[0].bytes.data;
    size_t len = arg[0].bytes.len;
    char *q = malloc(2 * len + 2), *back = malloc(2 * len + 2);
    if (!q || !back) {
        free(q);
        free(back);
        ferret_skip(t, "out of memory"); /* does not return */
    }
    size_t qlen = quote(s, len, q);
    size_t blen = unquote(q, qlen, back);
    if (blen != len || memcmp(back, s, len) != 0)
        ferret_fail(t, "unquote(quote(%.*s)) = %.*s", (int)len, s, (int)blen, back);
    free(q);
    free(back);
}
FERRET_FUZZ(FuzzQuote, fuzz_quote, seeds_quote, FERRET_STRING);
