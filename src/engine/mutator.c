/*
 * mutator.c - the byte-level mutations ferret applies to an input.
 *
 * Invariants:
 *  - Purity: every result is a function of (rng state, data[0..len), len,
 *    max_len, src) only.  No global that changes, no clock, no allocation,
 *    no read of data[len..max_len) nor of partner[partner_len..).  That is
 *    what lets the coordinator replay a worker's last mutation from the rng
 *    word the worker published, after the worker died.
 *  - Bounds: a mutation writes only inside data[0..max_len) and returns a
 *    length <= max_len, or NONE ((size_t)-1) when it cannot apply, in which
 *    case it has written nothing (it may have consumed rng draws).
 *  - mutator_mutate() never hands back its input unchanged when max_len > 0.
 *
 * src->partner must not alias data.
 *
 * Owns: nothing (pure functions over what the caller passes; the tables of
 * interesting values and of mutations are read-only).
 */
#include "mutator.h"

#include <string.h>

#include "cmpmut.h"

#define NONE ((size_t)-1)

/* Inputs up to this size are snapshotted on the stack to detect a stack of
 * mutations that changed nothing; larger ones are compared by hash. */
#define SNAPSHOT_MAX 4096
/* Whole stacks tried before forcing a one-byte change. */
#define STACK_TRIES 8
/* Random picks tried to fill one slot of a stack. */
#define PICK_TRIES 32
/* Largest |delta| of the arithmetic mutations. */
#define ARITH_MAX 35

typedef size_t (*mutate_fn)(rng_t *r, uint8_t *d, size_t len, size_t max_len,
                            const struct mutate_src *src);

/* ---- helpers ------------------------------------------------------------ */

static size_t min_sz(size_t a, size_t b)
{
    return a < b ? a : b;
}

/* A position in [0, n). */
static size_t pick_pos(rng_t *r, size_t n)
{
    return (size_t)rng_below(r, n);
}

/* A length in [1, n] for n >= 1, mostly small: short edits keep most of the
 * input's structure, which is what makes a mutation likely to be useful. */
static size_t pick_len(rng_t *r, size_t n)
{
    uint64_t u = rng_below(r, 64);
    size_t cap = u < 56 ? 8 : u < 63 ? 64 : n;
    return 1 + pick_pos(r, min_sz(cap, n));
}

static void fill_random(rng_t *r, uint8_t *p, size_t n)
{
    while (n >= 8) {
        uint64_t w = rng_next(r);
        memcpy(p, &w, 8);
        p += 8;
        n -= 8;
    }
    if (n > 0) {
        uint64_t w = rng_next(r);
        memcpy(p, &w, n);
    }
}

/* Moves d[pos..len) right by n; the caller checked len + n <= max_len. */
static uint8_t *open_gap(uint8_t *d, size_t len, size_t pos, size_t n)
{
    memmove(d + pos + n, d + pos, len - pos);
    return d + pos;
}

/* Inserts a copy of d[a..a+n) at dst (both in pre-insertion coordinates). */
static void insert_copy(uint8_t *d, size_t len, size_t a, size_t n, size_t dst)
{
    open_gap(d, len, dst, n);
    /* Source bytes left of dst stayed put; those at or past it moved by n. */
    size_t head = a < dst ? min_sz(n, dst - a) : 0;
    memcpy(d + dst, d + a, head);
    memcpy(d + dst + head, d + a + head + n, n - head);
}

static uint64_t load_uint(const uint8_t *p, size_t w, int big)
{
    uint64_t v = 0;
    for (size_t i = 0; i < w; i++)
        v |= (uint64_t)p[big ? w - 1 - i : i] << (8 * i);
    return v;
}

static void store_uint(uint8_t *p, size_t w, int big, uint64_t v)
{
    for (size_t i = 0; i < w; i++)
        p[big ? w - 1 - i : i] = (uint8_t)(v >> (8 * i));
}

/* ---- insertions and deletions ------------------------------------------- */

static size_t mut_erase_bytes(rng_t *r, uint8_t *d, size_t len, size_t max_len,
                              const struct mutate_src *src)
{
    if (len == 0)
        return NONE;
    size_t n = pick_len(r, len);
    size_t pos = pick_pos(r, len - n + 1);
    memmove(d + pos, d + pos + n, len - pos - n);
    return len - n;
}

static size_t mut_insert_random(rng_t *r, uint8_t *d, size_t len,
                                size_t max_len, const struct mutate_src *src)
{
    if (len >= max_len)
        return NONE;
    size_t n = pick_len(r, max_len - len);
    fill_random(r, open_gap(d, len, pick_pos(r, len + 1), n), n);
    return len + n;
}

/* A byte for a run: often 0x00 or 0xff, otherwise anything. */
static uint8_t run_byte(rng_t *r)
{
    switch (rng_below(r, 4)) {
    case 0:
        return 0x00;
    case 1:
        return 0xff;
    default:
        return (uint8_t)rng_next(r);
    }
}

static size_t mut_insert_repeated(rng_t *r, uint8_t *d, size_t len,
                                  size_t max_len, const struct mutate_src *src)
{
    if (len >= max_len)
        return NONE;
    size_t n = pick_len(r, max_len - len);
    uint8_t *g = open_gap(d, len, pick_pos(r, len + 1), n);
    memset(g, run_byte(r), n);
    return len + n;
}

static size_t mut_overwrite_repeated(rng_t *r, uint8_t *d, size_t len,
                                     size_t max_len,
                                     const struct mutate_src *src)
{
    if (len == 0)
        return NONE;
    size_t n = pick_len(r, len);
    memset(d + pick_pos(r, len - n + 1), run_byte(r), n);
    return len;
}

/* Repeats a chunk right after itself ("abc" -> "abcbc"). */
static size_t mut_duplicate_bytes(rng_t *r, uint8_t *d, size_t len,
                                  size_t max_len, const struct mutate_src *src)
{
    if (len == 0 || len >= max_len)
        return NONE;
    size_t n = pick_len(r, min_sz(len, max_len - len));
    size_t a = pick_pos(r, len - n + 1);
    insert_copy(d, len, a, n, a + n);
    return len + n;
}

/* ---- copies within the input -------------------------------------------- */

static size_t copy_overwrite(rng_t *r, uint8_t *d, size_t len)
{
    if (len < 2)
        return NONE;
    size_t n = pick_len(r, len - 1);
    size_t slots = len - n + 1; /* >= 2, so a and b can differ */
    size_t a = pick_pos(r, slots);
    size_t b = (a + 1 + pick_pos(r, slots - 1)) % slots;
    memmove(d + b, d + a, n);
    return len;
}

static size_t copy_insert(rng_t *r, uint8_t *d, size_t len, size_t max_len)
{
    if (len == 0 || len >= max_len)
        return NONE;
    size_t n = pick_len(r, min_sz(len, max_len - len));
    size_t a = pick_pos(r, len - n + 1);
    insert_copy(d, len, a, n, pick_pos(r, len + 1));
    return len + n;
}

static size_t mut_overwrite_bytes(rng_t *r, uint8_t *d, size_t len,
                                  size_t max_len, const struct mutate_src *src)
{
    return copy_overwrite(r, d, len);
}

/* Copies a range elsewhere, overwriting or inserting, whichever applies. */
static size_t mut_copy_part(rng_t *r, uint8_t *d, size_t len, size_t max_len,
                            const struct mutate_src *src)
{
    int ins = rng_bool(r);
    size_t n = ins ? copy_insert(r, d, len, max_len) : copy_overwrite(r, d, len);
    if (n != NONE)
        return n;
    return ins ? copy_overwrite(r, d, len) : copy_insert(r, d, len, max_len);
}

/* ---- single bytes --------------------------------------------------------- */

static size_t mut_bit_flip(rng_t *r, uint8_t *d, size_t len, size_t max_len,
                           const struct mutate_src *src)
{
    if (len == 0)
        return NONE;
    d[pick_pos(r, len)] ^= (uint8_t)(1u << rng_below(r, 8));
    return len;
}

static size_t mut_xor_byte(rng_t *r, uint8_t *d, size_t len, size_t max_len,
                           const struct mutate_src *src)
{
    if (len == 0)
        return NONE;
    d[pick_pos(r, len)] ^= (uint8_t)(1 + rng_below(r, 255));
    return len;
}

static size_t mut_set_byte(rng_t *r, uint8_t *d, size_t len, size_t max_len,
                           const struct mutate_src *src)
{
    if (len == 0)
        return NONE;
    d[pick_pos(r, len)] = (uint8_t)rng_next(r);
    return len;
}

static size_t mut_swap_bytes(rng_t *r, uint8_t *d, size_t len, size_t max_len,
                             const struct mutate_src *src)
{
    if (len < 2)
        return NONE;
    size_t i = pick_pos(r, len);
    size_t j = (i + 1 + pick_pos(r, len - 1)) % len;
    uint8_t t = d[i];
    d[i] = d[j];
    d[j] = t;
    return len;
}

/* Two nearby bytes (1..4 apart) moved together so that one relation
 * between them holds: +c and -c keep their sum, +c and +c their
 * difference, ^m and ^m their xor.  A program that checks two relations of
 * the same pair in turn (`a + b == S && a - b == D`, a length and its
 * complement) passes the first only for inputs on it: a one-byte change
 * leaves it, this one moves along it, so value profile's distance at the
 * second check can be climbed. */
static size_t mut_tie_bytes(rng_t *r, uint8_t *d, size_t len, size_t max_len,
                            const struct mutate_src *src)
{
    if (len < 2)
        return NONE;
    size_t gap = 1 + pick_pos(r, min_sz(4, len - 1));
    size_t i = pick_pos(r, len - gap), j = i + gap;
    uint8_t c = (uint8_t)(1 + rng_below(r, ARITH_MAX));
    switch (rng_below(r, 3)) {
    case 0: d[i] = (uint8_t)(d[i] + c); d[j] = (uint8_t)(d[j] - c); break;
    case 1: d[i] = (uint8_t)(d[i] + c); d[j] = (uint8_t)(d[j] + c); break;
    default: c = (uint8_t)(1 + rng_below(r, 255)); d[i] ^= c; d[j] ^= c; break;
    }
    return len;
}

/* Fisher-Yates over a window of 2..8 bytes. */
static size_t mut_shuffle_bytes(rng_t *r, uint8_t *d, size_t len,
                                size_t max_len, const struct mutate_src *src)
{
    if (len < 2)
        return NONE;
    size_t n = 2 + pick_pos(r, min_sz(len, 8) - 1);
    uint8_t *p = d + pick_pos(r, len - n + 1);
    for (size_t i = n - 1; i > 0; i--) {
        size_t j = pick_pos(r, i + 1);
        uint8_t t = p[i];
        p[i] = p[j];
        p[j] = t;
    }
    return len;
}

/* ---- integers: arithmetic and interesting values -------------------------- */

static size_t arith(rng_t *r, uint8_t *d, size_t len, size_t w)
{
    if (len < w)
        return NONE;
    uint8_t *p = d + pick_pos(r, len - w + 1);
    int big = rng_bool(r);
    uint64_t delta = 1 + rng_below(r, ARITH_MAX);
    uint64_t v = load_uint(p, w, big);
    store_uint(p, w, big, rng_bool(r) ? v + delta : v - delta);
    return len;
}

static size_t mut_arith8(rng_t *r, uint8_t *d, size_t len, size_t max_len,
                         const struct mutate_src *src)
{
    return arith(r, d, len, 1);
}

static size_t mut_arith16(rng_t *r, uint8_t *d, size_t len, size_t max_len,
                          const struct mutate_src *src)
{
    return arith(r, d, len, 2);
}

static size_t mut_arith32(rng_t *r, uint8_t *d, size_t len, size_t max_len,
                          const struct mutate_src *src)
{
    return arith(r, d, len, 4);
}

static size_t mut_arith64(rng_t *r, uint8_t *d, size_t len, size_t max_len,
                          const struct mutate_src *src)
{
    return arith(r, d, len, 8);
}

/* Boundary values.  A w-byte write draws from the first N_INTERESTING(w)
 * entries, so narrower values also appear zero-extended in wider fields. */
static const uint32_t interesting[] = {
    /* 8-bit */
    0x00, 0x01, 0x10, 0x20, 0x40, 0x64, 0x7f, 0x80, 0xff,
    /* 16-bit */
    0xff80, 0xff7f, 0x0100, 0x0200, 0x03e8, 0x0400, 0x1000, 0x7fff, 0x8000,
    0xffff,
    /* 32-bit */
    0xffff7fff, 0x00010000, 0x000186a0, 0x05f5e100, 0x7fffffff, 0x80000000,
    0xfffffffe, 0xffffffff,
};
#define N_INTERESTING8 9
#define N_INTERESTING16 19
#define N_INTERESTING32 (sizeof(interesting) / sizeof(interesting[0]))

static size_t set_interesting(rng_t *r, uint8_t *d, size_t len, size_t w,
                              size_t n_values)
{
    if (len < w)
        return NONE;
    uint8_t *p = d + pick_pos(r, len - w + 1);
    int big = rng_bool(r);
    store_uint(p, w, big, interesting[pick_pos(r, n_values)]);
    return len;
}

static size_t mut_interesting8(rng_t *r, uint8_t *d, size_t len,
                               size_t max_len, const struct mutate_src *src)
{
    return set_interesting(r, d, len, 1, N_INTERESTING8);
}

static size_t mut_interesting16(rng_t *r, uint8_t *d, size_t len,
                                size_t max_len, const struct mutate_src *src)
{
    return set_interesting(r, d, len, 2, N_INTERESTING16);
}

static size_t mut_interesting32(rng_t *r, uint8_t *d, size_t len,
                                size_t max_len, const struct mutate_src *src)
{
    return set_interesting(r, d, len, 4, N_INTERESTING32);
}

/* ---- ASCII decimal numbers ---------------------------------------------- */

static int is_digit(uint8_t c)
{
    return c >= '0' && c <= '9';
}

/* First digit at or after start, wrapping around; NONE if there is none. */
static size_t find_digit(const uint8_t *d, size_t len, size_t start)
{
    for (size_t i = start; i < len; i++)
        if (is_digit(d[i]))
            return i;
    for (size_t i = 0; i < start; i++)
        if (is_digit(d[i]))
            return i;
    return NONE;
}

/* A new value for a number found in the input; never v itself. */
static uint64_t new_number(rng_t *r, uint64_t v)
{
    uint64_t nv;
    switch (rng_below(r, 6)) {
    case 0:  nv = v + 1; break;
    case 1:  nv = v - 1; break;
    case 2:  nv = v / 2; break;
    case 3:  nv = v * 2; break;
    case 4:  nv = rng_below(r, v < UINT32_MAX ? v * v + 2 : v); break;
    default: nv = rng_next(r) >> rng_below(r, 64); break;
    }
    if (v == 0 && nv == UINT64_MAX)
        nv = 1; /* 0 - 1: keep the number short */
    return nv == v ? v + 1 : nv;
}

/* Writes v's decimal digits into buf (room for 20); returns how many. */
static size_t format_u64(uint64_t v, uint8_t *buf)
{
    uint8_t tmp[20];
    size_t n = 0;
    do {
        tmp[n++] = (uint8_t)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    for (size_t i = 0; i < n; i++)
        buf[i] = tmp[n - 1 - i];
    return n;
}

/* Replaces a run of up to 19 decimal digits with another number. */
static size_t mut_change_ascii_int(rng_t *r, uint8_t *d, size_t len,
                                   size_t max_len,
                                   const struct mutate_src *src)
{
    if (len == 0)
        return NONE;
    size_t b = find_digit(d, len, pick_pos(r, len));
    if (b == NONE)
        return NONE;
    size_t e = b;
    uint64_t v = 0;
    while (e < len && e - b < 19 && is_digit(d[e]))
        v = v * 10 + (uint64_t)(d[e++] - '0');
    uint8_t buf[20];
    size_t n = format_u64(new_number(r, v), buf);
    size_t new_len = len - (e - b) + n;
    if (new_len > max_len)
        return NONE;
    memmove(d + b + n, d + e, len - e);
    memcpy(d + b, buf, n);
    return new_len;
}

/* ---- cross-over with another corpus entry ------------------------------- */

static size_t cross_insert(rng_t *r, uint8_t *d, size_t len, size_t max_len,
                           const uint8_t *p, size_t plen)
{
    if (len >= max_len)
        return NONE;
    size_t n = 1 + pick_pos(r, min_sz(plen, max_len - len));
    size_t a = pick_pos(r, plen - n + 1);
    memcpy(open_gap(d, len, pick_pos(r, len + 1), n), p + a, n);
    return len + n;
}

static size_t cross_overwrite(rng_t *r, uint8_t *d, size_t len,
                              const uint8_t *p, size_t plen)
{
    if (len == 0)
        return NONE;
    size_t n = 1 + pick_pos(r, min_sz(plen, len));
    size_t a = pick_pos(r, plen - n + 1);
    memcpy(d + pick_pos(r, len - n + 1), p + a, n);
    return len;
}

/* A prefix of data followed by a suffix of the partner. */
static size_t cross_splice(rng_t *r, uint8_t *d, size_t len, size_t max_len,
                           const uint8_t *p, size_t plen)
{
    if (max_len == 0)
        return NONE;
    size_t i = pick_pos(r, min_sz(len, max_len - 1) + 1);
    size_t j = pick_pos(r, plen);
    size_t n = min_sz(plen - j, max_len - i);
    memcpy(d + i, p + j, n);
    return i + n;
}

static size_t mut_cross_over(rng_t *r, uint8_t *d, size_t len, size_t max_len,
                             const struct mutate_src *src)
{
    if (src == NULL || src->partner == NULL || src->partner_len == 0)
        return NONE;
    const uint8_t *p = src->partner;
    size_t plen = src->partner_len;
    size_t first = pick_pos(r, 3);
    for (size_t k = 0; k < 3; k++) {
        size_t n;
        switch ((first + k) % 3) {
        case 0:  n = cross_insert(r, d, len, max_len, p, plen); break;
        case 1:  n = cross_overwrite(r, d, len, p, plen); break;
        default: n = cross_splice(r, d, len, max_len, p, plen); break;
        }
        if (n != NONE)
            return n;
    }
    return NONE;
}


/* ---- comparison feedback and dictionaries -------------------------------- */

/* Puts word w into d, inserted or over existing bytes. */
static size_t place_word(rng_t *r, uint8_t *d, size_t len, size_t max_len,
                         const uint8_t *w, size_t n)
{
    if (n == 0 || n > max_len)
        return NONE;
    if (len >= n && (len + n > max_len || rng_bool(r))) {
        memcpy(d + pick_pos(r, len - n + 1), w, n);
        return len;
    }
    if (len + n > max_len)
        return NONE;
    memcpy(open_gap(d, len, pick_pos(r, len + 1), n), w, n);
    return len + n;
}

static void trace_word(const struct mutate_src *src, const uint8_t *w, size_t n)
{
    if (src && src->trace && n > 0) {
        n = n < MUTATE_WORD_MAX ? n : MUTATE_WORD_MAX;
        memcpy(src->trace->word, w, n);
        src->trace->len = n;
    }
}

/* The compared integer written where the input holds the other operand
 * (input-to-state), or else written somewhere as a word. */
static size_t mut_cmp_int(rng_t *r, uint8_t *d, size_t len, size_t max_len,
                          const struct mutate_src *src)
{
    const struct torc_int *e = src ? torc_pick_int(r, src->torc) : NULL;
    if (!e)
        return NONE;
    int swap = rng_bool(r);
    uint64_t from = swap ? e->b : e->a, to = swap ? e->a : e->b;
    uint8_t w[8];
    store_uint(w, e->size, 0, to);
    trace_word(src, w, e->size);
    size_t n = i2s_mutate_int(r, d, len, max_len, from, to, e->size);
    if (n != NONE)
        return n;
    store_uint(w, e->size, rng_bool(r), to);
    return place_word(r, d, len, max_len, w, e->size);
}

/* Finds one operand of a memory compare in the input and puts the other
 * there (lengths may differ), verbatim or else through cmpmut.h's prefix
 * and transforms; or else writes the other somewhere. */
static size_t mut_cmp_mem(rng_t *r, uint8_t *d, size_t len, size_t max_len,
                          const struct mutate_src *src)
{
    const struct torc_mem *e = src ? torc_pick_mem(r, src->torc) : NULL;
    if (!e)
        return NONE;
    int swap = e->len_a > 0 && rng_bool(r);
    const uint8_t *from = swap ? e->b : e->a, *to = swap ? e->a : e->b;
    size_t fl = swap ? e->len_b : e->len_a, tl = swap ? e->len_a : e->len_b;
    trace_word(src, to, tl);
    if (fl > 0 && fl <= len) {
        size_t start = pick_pos(r, len - fl + 1);
        for (size_t i = 0; i <= len - fl; i++) {
            size_t pos = (start + i) % (len - fl + 1);
            if (memcmp(d + pos, from, fl) != 0)
                continue;
            struct i2s_cand c = {.pos = pos, .old_len = fl, .new_len = tl, .enc = I2S_MEM};
            memcpy(c.bytes, to, tl);
            return i2s_apply(d, len, max_len, &c);
        }
    }
    /* Not verbatim: a prefix, or through a transform (case, hex, base64). */
    size_t n = fl > 0 ? i2s_mutate_mem(r, d, len, max_len, from, fl, to, tl) : NONE;
    if (n != NONE)
        return n;
    return place_word(r, d, len, max_len, to, tl);
}

/* The length of the probe tail (torc.h) data[0..len) ends with: the whole
 * tail, its start (minimization cut the rest: the target did not need it)
 * or its end (input-to-state wrote a wanted value over its first bytes);
 * the longest such run. */
static size_t probe_tail(const uint8_t *d, size_t len)
{
    size_t best = 0;
    for (size_t m = 1; m <= len && m <= TORC_PROBE_LEN; m++) {
        uint8_t first = d[len - m];
        if (first < TORC_PROBE || (size_t)(first - TORC_PROBE) + m > TORC_PROBE_LEN)
            continue;
        int is_start = first == TORC_PROBE, is_end = (size_t)(first - TORC_PROBE) + m == TORC_PROBE_LEN;
        size_t i = 0;
        while (i < m && d[len - m + i] == (uint8_t)(first + i))
            i++;
        if (i == m && (is_start || is_end))
            best = m;
    }
    return best;
}

/* What the target wanted to read past the input's end: the probe tail
 * (torc.h) an earlier mutant ended with was compared with something, and
 * the frozen table remembers with what (torc_pick_wanted), and where when
 * the run that showed it was an ExtendCmp mutant's (the worker freezes the
 * table after such a run when it appended a value or found something new,
 * and the trace tells where its tail began).  Strips
 * a probe tail the input ends with (one time in four one byte less: its
 * first may be a real byte that happens to equal the probe's, which the
 * target wanted there) and appends a wanted value: the one wanted right
 * there, three times in four when one is known, else a recent one.  Then
 * a fresh tail, so the mutant's own run shows what is wanted next.  An
 * input without a tail (minimization cut it, as the features it was kept
 * for did not need it) gets, one time in three each: a bare tail (to learn
 * what it wants), a wanted value and a tail, or a wanted value and a tail
 * in place of its last bytes (where the cut tail was).  A parser that
 * reads one more field per level then gets one level deeper per success,
 * where inserting the right bytes at the right place by chance costs a
 * position and a value draw.  Without places, a long chain's answers were
 * drawn from the 16 newest, learnt from every entry's mutants: stack_depth
 * (1000 levels, -fuzzminimizetime=0) reached depth 120-230 in 12M
 * executions at seeds 1-2, and 1000 with them in 1.2M, 1.9M and 5.7M at
 * seeds 1-3.  (Writing a value at its place in any
 * input, cutting what follows, was tried: it cut deep entries back, and
 * state12 took 2.5 times the executions.) */
static size_t mut_extend_cmp(rng_t *r, uint8_t *d, size_t len, size_t max_len,
                             const struct mutate_src *src)
{
    size_t tail = probe_tail(d, len);
    if (tail > 0 && rng_below(r, 4) == 0)
        tail--;
    uint8_t w[TORC_MEM_MAX];
    size_t at = 0;
    uint64_t how = tail == 0 ? rng_below(r, 3) : 1; /* 0 bare, 1 append, 2 in place */
    size_t here = how == 2 ? 0 : len - tail + 1; /* 1 + where the value goes */
    size_t n = how != 0 && src ? torc_pick_wanted(r, src->torc, here, w, &at) : 0;
    len -= tail;
    if (how == 2 && n > 0 && n <= len)
        len -= n;
    if (len + n >= max_len)
        return NONE;
    memcpy(d + len, w, n);
    len += n;
    trace_word(src, w, n);
    if (src && src->trace)
        src->trace->tail_at = len + 1;
    size_t probe = min_sz(TORC_PROBE_LEN, max_len - len);
    for (size_t i = 0; i < probe; i++)
        d[len + i] = (uint8_t)(TORC_PROBE + i);
    return len + probe;
}

static size_t mut_dict_word(rng_t *r, uint8_t *d, size_t len, size_t max_len,
                            const struct mutate_src *src)
{
    if (!src || !src->words || src->nwords == 0)
        return NONE;
    const struct dict_word *w = &src->words[pick_pos(r, src->nwords)];
    size_t n = w->len <= DICT_MAX_WORD ? w->len : DICT_MAX_WORD;
    return place_word(r, d, len, max_len, w->bytes, n);
}

/* ---- the table ------------------------------------------------------------ */

static const struct mutation {
    const char *name;
    mutate_fn fn;
} mutations[] = {
    { "EraseBytes", mut_erase_bytes },
    { "InsertRandomBytes", mut_insert_random },
    { "InsertRepeatedBytes", mut_insert_repeated },
    { "OverwriteRepeatedBytes", mut_overwrite_repeated },
    { "DuplicateBytes", mut_duplicate_bytes },
    { "OverwriteBytes", mut_overwrite_bytes },
    { "CopyPart", mut_copy_part },
    { "BitFlip", mut_bit_flip },
    { "XorByte", mut_xor_byte },
    { "SetByte", mut_set_byte },
    { "SwapBytes", mut_swap_bytes },
    { "TieBytes", mut_tie_bytes },
    { "ShuffleBytes", mut_shuffle_bytes },
    { "ArithUint8", mut_arith8 },
    { "ArithUint16", mut_arith16 },
    { "ArithUint32", mut_arith32 },
    { "ArithUint64", mut_arith64 },
    { "InterestingUint8", mut_interesting8 },
    { "InterestingUint16", mut_interesting16 },
    { "InterestingUint32", mut_interesting32 },
    { "ChangeASCIIInt", mut_change_ascii_int },
    { "CrossOver", mut_cross_over },
    { "ExtendCmp", mut_extend_cmp },
    { "CmpInteger", mut_cmp_int },
    { "CmpMemory", mut_cmp_mem },
    { "DictWord", mut_dict_word },
};
#define N_MUTATIONS (sizeof(mutations) / sizeof(mutations[0]))

size_t mutator_count(void)
{
    return N_MUTATIONS;
}

const char *mutator_name(size_t i)
{
    return i < N_MUTATIONS ? mutations[i].name : NULL;
}

size_t mutator_apply(size_t i, rng_t *rng, uint8_t *data, size_t len,
                     size_t max_len, const struct mutate_src *src)
{
    if (i >= N_MUTATIONS)
        return NONE;
    if (max_len == 0)
        return 0;
    if (len > max_len)
        len = max_len; /* the caller broke the contract; stay in bounds */
    return mutations[i].fn(rng, data, len, max_len, src);
}

/* ---- stacking ----------------------------------------------------------- */

/* The last N_FEEDBACK mutations draw on compares and dictionaries: they get
 * FEEDBACK_EXTRA more chances each, so about one pick in four is theirs (a
 * pick that cannot apply, e.g. with an empty table, simply picks again). */
#define N_FEEDBACK 3
#define FEEDBACK_EXTRA 2

static size_t pick_mutation(rng_t *r)
{
    size_t i = pick_pos(r, N_MUTATIONS + N_FEEDBACK * FEEDBACK_EXTRA);
    if (i < N_MUTATIONS)
        return i;
    return N_MUTATIONS - N_FEEDBACK + (i - N_MUTATIONS) % N_FEEDBACK;
}

/* 1..MUTATOR_MAX_STACK, geometric: P(k) = 2^-k, the rest on the last. */
static size_t stack_depth(rng_t *r)
{
    uint64_t x = rng_next(r) | (1ULL << (MUTATOR_MAX_STACK - 1));
    return 1 + (size_t)__builtin_ctzll(x);
}

/* ExtendCmp (mut_extend_cmp) is a stack of its own: its mutant is the
 * input, what the target wanted past its end and a probe tail, and any
 * other mutation on it would leave bytes between the input and the tail
 * (which only minimization would take out again, and a run with
 * -fuzzminimizetime=0 has none). */
static size_t apply_stack(rng_t *r, uint8_t *d, size_t len, size_t max_len,
                          const struct mutate_src *src)
{
    size_t depth = stack_depth(r);
    for (size_t k = 0; k < depth; k++) {
        for (size_t t = 0; t < PICK_TRIES; t++) {
            size_t i = pick_mutation(r);
            if (mutations[i].fn == mut_extend_cmp && depth > 1)
                continue;
            size_t n = mutations[i].fn(r, d, len, max_len, src);
            if (n != NONE) {
                len = n;
                break;
            }
        }
    }
    return len;
}

/* Content hash for inputs too big to snapshot.  Equal bytes give equal
 * hashes, which is the only direction that matters: a collision merely
 * costs one more stack.  Four lanes keep the multiplies independent. */
static uint64_t hash_bytes(const uint8_t *p, size_t n)
{
    const uint64_t k = 0x9fb21c651e98df25ULL;
    uint64_t h[4] = { n, n ^ 1, n ^ 2, n ^ 3 };
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        for (size_t l = 0; l < 4; l++) {
            uint64_t w;
            memcpy(&w, p + i + 8 * l, 8);
            h[l] = (h[l] ^ w) * k;
            h[l] ^= h[l] >> 29;
        }
    }
    for (; i < n; i++)
        h[i & 3] = (h[i & 3] ^ p[i]) * k;
    return (h[0] * k ^ h[1]) * k ^ (h[2] * k ^ h[3]);
}

/* Last resort once every stack came back identical to the input. */
static size_t force_change(rng_t *r, uint8_t *d, size_t len, size_t max_len)
{
    if (len < max_len && (len == 0 || rng_bool(r))) {
        *open_gap(d, len, pick_pos(r, len + 1), 1) = (uint8_t)rng_next(r);
        return len + 1;
    }
    d[pick_pos(r, len)] ^= (uint8_t)(1 + rng_below(r, 255));
    return len;
}

size_t mutator_mutate(rng_t *rng, uint8_t *data, size_t len, size_t max_len,
                      const struct mutate_src *src)
{
    if (max_len == 0)
        return 0;
    if (len > max_len)
        len = max_len; /* the caller broke the contract; stay in bounds */
    uint8_t snap[SNAPSHOT_MAX];
    int small = len <= SNAPSHOT_MAX;
    uint64_t h = 0;
    if (small)
        memcpy(snap, data, len);
    else
        h = hash_bytes(data, len);
    for (size_t t = 0; t < STACK_TRIES; t++) {
        if (src && src->trace)
            src->trace->tail_at = 0; /* an earlier try's tail is gone */
        size_t n = apply_stack(rng, data, len, max_len, src);
        if (n != len)
            return n;
        if (small ? memcmp(snap, data, len) != 0 : hash_bytes(data, len) != h)
            return n;
        /* Identical to the input: the next stack starts from it again. */
    }
    return force_change(rng, data, len, max_len);
}
