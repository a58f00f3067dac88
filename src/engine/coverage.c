/*
 * coverage.c - see coverage.h.  coverage_scan_new() is on the per-execution
 * path: it reads the counters a word at a time and touches only the words an
 * execution wrote to.
 *
 * Owns: nothing that changes: the bucket table (coverage_bucket) is
 * read-only.  The scans clear the live counters the caller passes (the
 * runtime's regions, sancov.c) and write only the vectors and masks the
 * caller hands in.
 */
#include <string.h>

#include "coverage.h"

#define B(n) (uint8_t)(1u << (n))
#define R4(v) v, v, v, v
#define R8(v) R4(v), R4(v)
#define R16(v) R8(v), R8(v)
#define R32(v) R16(v), R16(v)

const uint8_t coverage_bucket[256] = {
    0, B(0), B(1), B(2),
    R4(B(3)),                       /* 4-7 */
    R8(B(4)),                       /* 8-15 */
    R16(B(5)),                      /* 16-31 */
    R32(B(6)), R32(B(6)), R32(B(6)), /* 32-127 */
    R32(B(7)), R32(B(7)), R32(B(7)), R32(B(7)), /* 128-255 */
};

_Static_assert(sizeof coverage_bucket == 256, "bucket table covers every count");

static int scan_bytes(uint8_t *c, size_t n, const uint8_t *mask)
{
    int found = 0;
    for (size_t i = 0; i < n; i++) {
        if (c[i]) {
            found |= coverage_bucket[c[i]] & ~mask[i];
            c[i] = 0;
        }
    }
    return found;
}

static int scan_region(uint8_t *c, size_t n, const uint8_t *mask)
{
    int found = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, c + i, 8);
        if (w == 0)
            continue;
        memset(c + i, 0, 8);
        for (size_t j = 0; j < 8; j++, w >>= 8)
            if (w & 0xff)
                found |= coverage_bucket[w & 0xff] & ~mask[i + j];
    }
    return found | scan_bytes(c + i, n - i, mask + i);
}

/* A raw region (featmap.c) holds feature bits: no bucketing. */
static int scan_raw_all(uint8_t *c, size_t n, const uint8_t *mask)
{
    int found = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w, m;
        memcpy(&w, c + i, 8);
        if (w == 0)
            continue;
        memcpy(&m, mask + i, 8);
        found |= (w & ~m) != 0;
        memset(c + i, 0, 8);
    }
    for (; i < n; i++) {
        found |= (c[i] & ~mask[i]) != 0;
        c[i] = 0;
    }
    return found;
}

static size_t line_words(size_t n) { return (n + 64 * 64 - 1) / (64 * 64); }

/* Only the 64-byte lines the summary marks; the summary is cleared too. */
static int scan_raw(const struct sancov_region *r, const uint8_t *mask)
{
    if (!r->lines)
        return scan_raw_all(r->start, r->len, mask);
    int found = 0;
    for (size_t k = 0; k < line_words(r->len); k++) {
        uint64_t l = r->lines[k];
        if (!l)
            continue;
        r->lines[k] = 0;
        for (; l; l &= l - 1) {
            size_t off = (k * 64 + (size_t)__builtin_ctzll(l)) * 64;
            if (off < r->len)
                found |= scan_raw_all(r->start + off, r->len - off < 64 ? r->len - off : 64, mask + off);
        }
    }
    return found;
}

int coverage_scan_new(const struct sancov_region *r, size_t nr, const uint8_t *mask)
{
    int found = 0;
    for (size_t k = 0; k < nr; k++) {
        found |= r[k].raw ? scan_raw(&r[k], mask) : scan_region(r[k].start, r[k].len, mask);
        mask += r[k].len;
    }
    return found;
}

/* Counters to bucket bits, a word at a time: most words are zero. */
static void snapshot_counters(uint8_t *c, size_t n, uint8_t *out)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, c + i, 8);
        if (w == 0) {
            memset(out + i, 0, 8);
            continue;
        }
        for (size_t j = 0; j < 8; j++)
            out[i + j] = coverage_bucket[c[i + j]];
        memset(c + i, 0, 8);
    }
    for (; i < n; i++) {
        out[i] = coverage_bucket[c[i]];
        c[i] = 0;
    }
}

/* A raw region as it is; with a summary, only its marked lines are read. */
static void snapshot_raw(const struct sancov_region *r, uint8_t *out)
{
    if (!r->lines) {
        memcpy(out, r->start, r->len);
        memset(r->start, 0, r->len);
        return;
    }
    memset(out, 0, r->len);
    for (size_t k = 0; k < line_words(r->len); k++) {
        for (uint64_t l = r->lines[k]; l; l &= l - 1) {
            size_t off = (k * 64 + (size_t)__builtin_ctzll(l)) * 64;
            size_t len = off >= r->len ? 0 : r->len - off < 64 ? r->len - off : 64;
            memcpy(out + off, r->start + off, len);
            memset(r->start + off, 0, len);
        }
        r->lines[k] = 0;
    }
}

void coverage_snapshot(const struct sancov_region *r, size_t nr, uint8_t *out)
{
    for (size_t k = 0; k < nr; k++) {
        if (r[k].raw)
            snapshot_raw(&r[k], out);
        else
            snapshot_counters(r[k].start, r[k].len, out);
        out += r[k].len;
    }
}

/* A raw region with a summary holds bits only in the lines it marks
 * (featmap.h's invariant): only those are cleared. */
static void clear_raw(const struct sancov_region *r)
{
    for (size_t k = 0; k < line_words(r->len); k++) {
        for (uint64_t l = r->lines[k]; l; l &= l - 1) {
            size_t off = (k * 64 + (size_t)__builtin_ctzll(l)) * 64;
            if (off < r->len)
                memset(r->start + off, 0, r->len - off < 64 ? r->len - off : 64);
        }
        r->lines[k] = 0;
    }
}

void coverage_clear(const struct sancov_region *r, size_t nr)
{
    for (size_t k = 0; k < nr; k++) {
        if (r[k].raw && r[k].lines)
            clear_raw(&r[k]);
        else
            memset(r[k].start, 0, r[k].len);
    }
}

int coverage_has_new(const uint8_t *cov, const uint8_t *mask, size_t n)
{
    return !coverage_has_all(mask, cov, n);
}

int coverage_has_new_beside(const uint8_t *cov, const uint8_t *mask, size_t n, size_t at,
                            size_t len)
{
    if (len == 0 || at > n || len > n - at)
        return coverage_has_new(cov, mask, n);
    return coverage_has_new(cov, mask, at) ||
           coverage_has_new(cov + at + len, mask + at + len, n - at - len);
}

size_t coverage_diff(uint8_t *out, const uint8_t *cov, const uint8_t *mask, size_t n)
{
    size_t bits = 0;
    for (size_t i = 0; i < n; i++) {
        out[i] = cov[i] & (uint8_t)~mask[i];
        bits += (size_t)__builtin_popcount(out[i]);
    }
    return bits;
}

int coverage_has_all(const uint8_t *cov, const uint8_t *keep, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t k, c;
        memcpy(&k, keep + i, 8);
        memcpy(&c, cov + i, 8);
        if (k & ~c)
            return 0;
    }
    for (; i < n; i++)
        if (keep[i] & ~cov[i])
            return 0;
    return 1;
}

static int keeps_bytes(const uint8_t *cov, const uint8_t *keep, size_t from, size_t to,
                       size_t nedges)
{
    for (size_t i = from; i < to; i++)
        if (!coverage_keeps_byte(cov[i], keep[i], i < nedges))
            return 0;
    return 1;
}

int coverage_keeps(const uint8_t *cov, const uint8_t *keep, size_t nedges, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t k, c;
        memcpy(&k, keep + i, 8);
        memcpy(&c, cov + i, 8);
        if ((k & ~c) && !keeps_bytes(cov, keep, i, i + 8, nedges))
            return 0;
    }
    return keeps_bytes(cov, keep, i, n, nedges);
}

size_t coverage_edge_counters(const struct sancov_region *r, size_t nr)
{
    size_t n = 0;
    for (size_t k = 0; k < nr && !r[k].raw; k++)
        n += r[k].len;
    return n;
}

void coverage_merge(uint8_t *mask, const uint8_t *cov, size_t n)
{
    for (size_t i = 0; i < n; i++)
        mask[i] |= cov[i];
}

size_t coverage_bits(const uint8_t *cov, size_t n)
{
    size_t bits = 0;
    for (size_t i = 0; i < n; i++)
        bits += (size_t)__builtin_popcount(cov[i]);
    return bits;
}

size_t coverage_edges(const uint8_t *cov, size_t n)
{
    size_t e = 0;
    for (size_t i = 0; i < n; i++)
        e += cov[i] != 0;
    return e;
}
