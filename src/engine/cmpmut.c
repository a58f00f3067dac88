/*
 * cmpmut.c - input-to-state replacement: find the operand of a compare the
 * target made in the input (in one of the encodings listed in cmpmut.h) and
 * rewrite it to the other operand.
 *
 * Invariants:
 *  - Purity: results depend only on the arguments and the rng state.  No
 *    global state, no clock, no allocation (candidates live on the stack).
 *  - Bounds: scans read only d[0..len); i2s_apply writes only inside
 *    d[0..max_len), returns a length <= max_len, and rejects (returning
 *    (size_t)-1, writing nothing) a candidate that is out of range or would
 *    not fit -- candidates may come from untrusted tables.
 *  - Order: candidates are listed by encoding (enum order), then position;
 *    at one position, wider / little-endian patterns come first.  No
 *    candidate that leaves the input unchanged is ever listed.
 *  - Cost: one linear pass over the input per encoding (I2S_MEM: at most
 *    n byte compares per position; the transforms: see cmpxform.c);
 *    nothing is allocated.
 *
 * Choices where cmpmut.h leaves room:
 *  - Narrow: both operands must fit width w with the same extension (zero
 *    or sign); widths are 4, 2, 1 below size, big-endian skipped at w = 1.
 *  - Decimal: maximal digit runs read as atoi/strtol do (whitespace before
 *    a run is not part of it, so it needs nothing): leading zeros allowed
 *    (to is then zero-padded to the run's width, "0042" -> "0007"); a '-'
 *    before the run is part of it when from is negative, a '+' when to is
 *    negative and from is not ("+5" -> "-100"); a negative to over an
 *    unsigned run is written both unsigned and with a '-'.
 *  - Hex: any maximal run of 2..I2S_MAX_BYTES hex digits, not mixed case,
 *    whose value is from (so leading zeros match); to is written in the
 *    run's case (lower when all digits), zero-padded to the run's width.
 *  - Memory: from[0..fl) verbatim, replaced by to[0..tl); if it occurs
 *    nowhere, the longest prefix of at least MEM_PREFIX_MIN bytes that does
 *    occur, replaced by the prefix of to as long (or all of a shorter to)
 *    (a strcmp operand often carries a NUL or trailing bytes the input
 *    lacks).
 *  - Transforms (cmpxform.c) come after the encodings above, in enum
 *    order, in two tiers: I2S_FOLD, I2S_HEXFIELD, I2S_B64 and I2S_FLOATTEXT
 *    (floattext.c) only when the plain encodings (I2S_LE .. I2S_MEM) found
 *    nothing, I2S_OFFSET and
 *    I2S_MIX only when those did not either (from is then in the input in
 *    no encoding: it was computed).  A value found as it is is most likely
 *    where the compare read it, and a transform's scan costs as much as the
 *    plain ones together, so the common case pays nothing for them.
 *  - i2s_mutate_*: only the first MUTATE_MAX candidates are considered;
 *    those that would exceed max_len are dropped before the draw.
 *
 * Owns: nothing (pure functions over what the caller passes; candidates
 * live on the stack of one call).
 */
#include "cmpmut.h"

#include "cmpxform.h"
#include "floattext.h"

#include <string.h>

#define NONE ((size_t)-1)
/* Candidates listed by one i2s_mutate_* call. */
#define MUTATE_MAX 64
/* Shortest prefix of a memory operand searched when the whole is absent. */
#define MEM_PREFIX_MIN 4
/* Longest decimal text of a 64-bit value: '-' and 20 digits. */
#define DEC_MAX 21
/* Most fixed-width patterns scanned together (narrow: widths 4, 2, 1). */
#define PAT_MAX 3

/* One fixed-width integer pattern and its replacement. */
struct pat {
    uint8_t from[8];
    uint8_t to[8];
    size_t w;
};

/* ---- helpers ------------------------------------------------------------ */

static uint64_t width_mask(unsigned w)
{
    return w >= 8 ? ~0ULL : (1ULL << (8 * w)) - 1;
}

static int sign_bit(uint64_t v, unsigned w)
{
    return (int)((v >> (8 * w - 1)) & 1);
}

/* v's low w bytes, sign-extended to 64 bits. */
static uint64_t sign_extend(uint64_t v, unsigned w)
{
    uint64_t sign = 1ULL << (8 * w - 1);
    return ((v & width_mask(w)) ^ sign) - sign;
}

static void store_uint(uint8_t *p, size_t w, int big, uint64_t v)
{
    for (size_t i = 0; i < w; i++)
        p[big ? w - 1 - i : i] = (uint8_t)(v >> (8 * i));
}

static int valid_size(unsigned size)
{
    return size == 1 || size == 2 || size == 4 || size == 8;
}

/* ---- fixed-width encodings ---------------------------------------------- */

/* Appends a pattern to p[np]; returns the new count (patterns whose
 * replacement equals the original are dropped: they can never emit). */
static size_t add_pat(struct pat *p, size_t np, size_t w, int big,
                      uint64_t from, uint64_t to)
{
    store_uint(p[np].from, w, big, from);
    store_uint(p[np].to, w, big, to);
    p[np].w = w;
    return !i2s_same(p[np].from, p[np].to, w) ? np + 1 : np;
}

/* Adds the little- and (when distinct) big-endian patterns at width w. */
static size_t add_both(struct pat *p, size_t np, size_t w, uint64_t from,
                       uint64_t to)
{
    np = add_pat(p, np, w, 0, from, to);
    return w > 1 ? add_pat(p, np, w, 1, from, to) : np;
}

/* First position >= pos holding byte b, or len. */
static size_t next_byte(const uint8_t *d, size_t len, size_t pos, uint8_t b)
{
    const uint8_t *h = pos < len ? memchr(d + pos, b, len - pos) : NULL;
    return h ? (size_t)(h - d) : len;
}

/* One pass over d: every occurrence of every pattern, by position.  Each
 * pattern jumps (memchr) to the next place its first byte occurs. */
static void scan_pats(struct i2s_sink *s, const uint8_t *d, size_t len,
                      const struct pat *p, size_t np, enum i2s_encoding enc)
{
    size_t next[PAT_MAX];
    for (size_t i = 0; i < np; i++)
        next[i] = next_byte(d, len, 0, p[i].from[0]);
    while (!i2s_full(s)) {
        size_t pos = len;
        for (size_t i = 0; i < np; i++)
            pos = next[i] < pos ? next[i] : pos;
        if (pos == len)
            return;
        for (size_t i = 0; i < np; i++) {
            if (next[i] != pos)
                continue;
            if (p[i].w <= len - pos && i2s_same(d + pos, p[i].from, p[i].w))
                i2s_emit(s, d, pos, p[i].w, p[i].to, p[i].w, enc);
            next[i] = next_byte(d, len, pos + 1, p[i].from[0]);
        }
    }
}

static void scan_one(struct i2s_sink *s, const uint8_t *d, size_t len, int big,
                     uint64_t from, uint64_t to, unsigned size,
                     enum i2s_encoding enc)
{
    struct pat p[1];
    scan_pats(s, d, len, p, add_pat(p, 0, size, big, from, to), enc);
}

/* Do from and to (both at width size) fit in w bytes, with the same kind
 * of extension (zero or sign) back to size? */
static int narrow_fits(uint64_t from, uint64_t to, unsigned w, unsigned size)
{
    uint64_t m = width_mask(size);
    if ((from & ~width_mask(w)) == 0 && (to & ~width_mask(w)) == 0)
        return 1;
    return (sign_extend(from, w) & m) == from && (sign_extend(to, w) & m) == to;
}

static void scan_narrow(struct i2s_sink *s, const uint8_t *d, size_t len, int big,
                        uint64_t from, uint64_t to, unsigned size)
{
    struct pat p[PAT_MAX];
    size_t np = 0;
    for (unsigned w = 4; w >= 1; w /= 2)
        if (w < size && (w > 1 || !big) && narrow_fits(from, to, w, size))
            np = add_pat(p, np, w, big, from, to);
    scan_pats(s, d, len, p, np, big ? I2S_BE_NARROW : I2S_LE_NARROW);
}

/* to + delta, little and big endian at width size. */
static void scan_offset(struct i2s_sink *s, const uint8_t *d, size_t len,
                        uint64_t from, uint64_t to, unsigned size, int delta)
{
    struct pat p[2];
    size_t np = add_both(p, 0, size, from, to + (uint64_t)(int64_t)delta);
    scan_pats(s, d, len, p, np, delta > 0 ? I2S_PLUS1 : I2S_MINUS1);
}

/* ---- decimal text ------------------------------------------------------- */

static int is_dec(uint8_t c)
{
    return c >= '0' && c <= '9';
}

/* Writes v in decimal to buf (no terminator); returns its length. */
static size_t fmt_udec(char *buf, uint64_t v)
{
    char tmp[20];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    for (size_t i = 0; i < n; i++)
        buf[i] = tmp[n - 1 - i];
    return n;
}

static size_t dec_end(const uint8_t *d, size_t len, size_t pos)
{
    while (pos < len && is_dec(d[pos]))
        pos++;
    return pos;
}

/* The value of the digit run p[0..n) (leading zeros allowed) into *v; 0 if
 * it does not fit 64 bits. */
static int parse_dec(const uint8_t *p, size_t n, uint64_t *v)
{
    *v = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t digit = (uint64_t)(p[i] - '0');
        if (*v > (UINT64_MAX - digit) / 10)
            return 0;
        *v = *v * 10 + digit;
    }
    return 1;
}

/* '-' if neg, then mag's digits zero-padded to width (as far as the text
 * stays within I2S_MAX_BYTES); returns the length. */
static size_t fmt_dec(char *buf, uint64_t mag, int neg, size_t width)
{
    char digits[DEC_MAX];
    size_t n = fmt_udec(digits, mag), k = 0;
    size_t room = I2S_MAX_BYTES - (size_t)neg - n;
    size_t pad = width > n ? width - n : 0;
    pad = pad < room ? pad : room;
    if (neg)
        buf[k++] = '-';
    memset(buf + k, '0', pad);
    memcpy(buf + k + pad, digits, n);
    return k + pad + n;
}

/* The maximal digit run d[a..b), read as atoi/strtol read it: leading
 * zeros (then to keeps the run's width), a '-' or '+' before it. */
static void dec_run(struct i2s_sink *s, const uint8_t *d, size_t a, size_t b,
                    uint64_t from, uint64_t to, unsigned size)
{
    char t[I2S_MAX_BYTES];
    uint64_t u, m = width_mask(size), to_mag = (0 - to) & m;
    if (!parse_dec(d + a, b - a, &u))
        return;
    size_t n = b - a, width = n > 1 && d[a] == '0' ? n : 0;
    uint8_t sign = a > 0 ? d[a - 1] : 0;
    int from_neg = sign_bit(from, size), to_neg = sign_bit(to, size);
    if (sign == '-' && from_neg && u == ((0 - from) & m))
        i2s_emit(s, d, a - 1, n + 1, t,
                 fmt_dec(t, to_neg ? to_mag : to, to_neg, width), I2S_DEC);
    if (sign == '+' && !from_neg && to_neg && u == from)
        i2s_emit(s, d, a - 1, n + 1, t, fmt_dec(t, to_mag, 1, width), I2S_DEC);
    if (u == from)
        i2s_emit(s, d, a, n, t, fmt_dec(t, to, 0, width), I2S_DEC);
    if (sign != '-' && sign != '+' && !from_neg && to_neg && u == from)
        i2s_emit(s, d, a, n, t, fmt_dec(t, to_mag, 1, width), I2S_DEC);
}

/* Maximal digit runs whose value is from: unsigned, or "-" + magnitude
 * when from is negative at its width (then replaced by to read as signed
 * too); a negative to is also written with a '-' over an unsigned from. */
static void scan_dec(struct i2s_sink *s, const uint8_t *d, size_t len,
                     uint64_t from, uint64_t to, unsigned size)
{
    for (size_t a = 0; a < len && !i2s_full(s);) {
        if (!is_dec(d[a])) {
            a++;
            continue;
        }
        size_t b = dec_end(d, len, a);
        dec_run(s, d, a, b, from, to, size);
        a = b;
    }
}

/* ---- hexadecimal text --------------------------------------------------- */

static int hex_val(uint8_t c)
{
    if ((unsigned)(c - '0') < 10)
        return c - '0';
    c |= 0x20; /* lower case */
    if ((unsigned)(c - 'a') < 6)
        return c - 'a' + 10;
    return -1;
}

static int is_hex(uint8_t c)
{
    return hex_val(c) >= 0;
}

static size_t hex_end(const uint8_t *d, size_t len, size_t pos)
{
    while (pos < len && is_hex(d[pos]))
        pos++;
    return pos;
}

/* Case bits of a hex run: 1 = has a-f, 2 = has A-F (3 = mixed). */
static int hex_case(const uint8_t *p, size_t n)
{
    int k = 0;
    for (size_t i = 0; i < n; i++)
        k |= (p[i] >= 'a') ? 1 : (p[i] >= 'A') ? 2 : 0;
    return k;
}

/* Parses a hex run into *v; 0 if it has more than 16 significant digits. */
static int parse_hex(const uint8_t *p, size_t n, uint64_t *v)
{
    size_t i = 0;
    while (i < n && p[i] == '0')
        i++;
    if (n - i > 16)
        return 0;
    for (*v = 0; i < n; i++)
        *v = (*v << 4) | (uint64_t)hex_val(p[i]);
    return 1;
}

/* v in hex, zero-padded to at least width digits; returns the length. */
static size_t fmt_hex(char *buf, uint64_t v, size_t width, int upper)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    size_t n = 1;
    while (n < 16 && (v >> (4 * n)) != 0)
        n++;
    if (n < width)
        n = width;
    for (size_t i = 0; i < n; i++, v >>= 4)
        buf[n - 1 - i] = digits[v & 15]; /* v is 0 past 16 digits */
    return n;
}

/* Maximal hex-digit runs of 2..I2S_MAX_BYTES chars, one case, whose value
 * is from; to keeps the run's case and, if it fits, its width. */
static void scan_hex(struct i2s_sink *s, const uint8_t *d, size_t len,
                     uint64_t from, uint64_t to)
{
    char buf[I2S_MAX_BYTES];
    for (size_t a = 0; a < len && !i2s_full(s);) {
        if (!is_hex(d[a])) {
            a++;
            continue;
        }
        size_t b = hex_end(d, len, a);
        size_t n = b - a;
        uint64_t v;
        int k;
        if (n >= 2 && n <= I2S_MAX_BYTES && parse_hex(d + a, n, &v) &&
            v == from && (k = hex_case(d + a, n)) != 3)
            i2s_emit(s, d, a, n, buf, fmt_hex(buf, to, n, k == 2), I2S_HEX);
        a = b;
    }
}

/* ---- memory operands ---------------------------------------------------- */

/* Length of the common prefix of d[pos..len) and from[0..n). */
static size_t match_len(const uint8_t *d, size_t len, size_t pos,
                        const uint8_t *from, size_t n)
{
    size_t m = 0;
    while (m < n && pos + m < len && d[pos + m] == from[m])
        m++;
    return m;
}

/* Longest prefix of from (all n bytes, else >= MEM_PREFIX_MIN) found in d;
 * 0 if none. */
static size_t best_prefix(const uint8_t *d, size_t len, const uint8_t *from,
                          size_t n)
{
    size_t best = 0;
    for (size_t pos = 0; pos < len && best < n; pos++)
        if (d[pos] == from[0]) {
            size_t m = match_len(d, len, pos, from, n);
            best = m > best ? m : best;
        }
    return best == n || best >= MEM_PREFIX_MIN ? best : 0;
}

/* ---- transforms (cmpxform.h) ------------------------------------------- */

/* Most fixed-width patterns of one integer: LE and BE at size, and at each
 * narrower width (BE but at width 1). */
#define INT_PATS 8

static int has_letter(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned)((p[i] | 0x20) - 'a') < 26)
            return 1;
    return 0;
}

/* The fixed-width patterns (those of I2S_LE .. I2S_BE_NARROW) whose from
 * has a letter, searched ignoring case. */
static void scan_fold_int(struct i2s_sink *s, const uint8_t *d, size_t len,
                          uint64_t from, uint64_t to, unsigned size)
{
    struct pat p[INT_PATS];
    struct xf_pat x[INT_PATS];
    size_t np = add_both(p, 0, size, from, to), nx = 0;
    for (unsigned w = 4; w >= 1; w /= 2)
        if (w < size && narrow_fits(from, to, w, size))
            np = add_both(p, np, w, from, to);
    for (size_t i = 0; i < np; i++)
        if (has_letter(p[i].from, p[i].w))
            x[nx++] = (struct xf_pat){ p[i].from, p[i].to, p[i].w, p[i].w, 0 };
    xf_fold(s, d, len, x, nx);
}

/* from's bytes, little and big endian, as a hex or base64 field. */
static void scan_fields_int(struct i2s_sink *s, const uint8_t *d, size_t len,
                            uint64_t from, uint64_t to, unsigned size)
{
    uint8_t fl[8], tl[8], fb[8], tb[8];
    if (size < 2)
        return;
    store_uint(fl, size, 0, from);
    store_uint(tl, size, 0, to);
    store_uint(fb, size, 1, from);
    store_uint(tb, size, 1, to);
    size_t np = !i2s_same(fl, fb, size) ? 2 : 1;
    /* Big-endian hex text that is a whole run is I2S_HEX's already. */
    struct xf_pat p[2] = { { fl, tl, size, size, np == 1 },
                           { fb, tb, size, size, 1 } };
    xf_hexfield(s, d, len, p, np);
    xf_b64(s, d, len, p, np);
}

/* ---- API ---------------------------------------------------------------- */

size_t i2s_int_candidates(const uint8_t *d, size_t len, uint64_t from, uint64_t to,
                          unsigned size, struct i2s_cand *out, size_t max)
{
    struct i2s_sink s = { out, max, 0 };
    if (!valid_size(size) || len == 0 || max == 0)
        return 0;
    from &= width_mask(size);
    to &= width_mask(size);
    scan_one(&s, d, len, 0, from, to, size, I2S_LE);
    if (size > 1)
        scan_one(&s, d, len, 1, from, to, size, I2S_BE);
    scan_narrow(&s, d, len, 0, from, to, size);
    scan_narrow(&s, d, len, 1, from, to, size);
    scan_offset(&s, d, len, from, to, size, 1);
    scan_offset(&s, d, len, from, to, size, -1);
    scan_dec(&s, d, len, from, to, size);
    scan_hex(&s, d, len, from, to);
    if (s.n == 0) { /* not in the input as it is: through a transform? */
        scan_fold_int(&s, d, len, from, to, size);
        scan_fields_int(&s, d, len, from, to, size);
        xf_floattext(&s, d, len, from, to, size);
    }
    if (s.n == 0) { /* nowhere: computed, not copied; arithmetic? */
        xf_offset(&s, d, len, from, to, size);
        xf_mix(&s, d, len, from, to, size);
    }
    return s.n;
}

size_t i2s_mem_candidates(const uint8_t *d, size_t len, const uint8_t *from,
                          size_t fl, const uint8_t *to, size_t tl,
                          struct i2s_cand *out, size_t max)
{
    struct i2s_sink s = { out, max, 0 };
    if (fl == 0 || fl > I2S_MAX_BYTES || tl > I2S_MAX_BYTES || len == 0 || max == 0)
        return 0;
    size_t k = best_prefix(d, len, from, fl);
    size_t kt = k == fl ? tl : k < tl ? k : tl;
    for (size_t pos = 0; k > 0 && pos + k <= len && !i2s_full(&s); pos++)
        if (d[pos] == from[0] && i2s_same(d + pos, from, k))
            i2s_emit(&s, d, pos, k, to, kt, I2S_MEM);
    if (s.n == 0) { /* not in the input as it is: through a transform? */
        struct xf_pat p = { from, to, fl, tl, 0 };
        xf_fold(&s, d, len, &p, 1);
        xf_hexfield(&s, d, len, &p, 1);
        xf_b64(&s, d, len, &p, 1);
    }
    return s.n;
}

/* Is c in range for d[0..len), and does its result fit max_len? */
static int cand_fits(size_t len, size_t max_len, const struct i2s_cand *c)
{
    if (c->new_len > I2S_MAX_BYTES || c->old_len > len ||
        c->pos > len - c->old_len)
        return 0;
    return c->new_len <= max_len && len - c->old_len <= max_len - c->new_len;
}

size_t i2s_apply(uint8_t *d, size_t len, size_t max_len, const struct i2s_cand *c)
{
    if (!cand_fits(len, max_len, c))
        return NONE;
    size_t tail = c->pos + c->old_len;
    memmove(d + c->pos + c->new_len, d + tail, len - tail);
    memcpy(d + c->pos, c->bytes, c->new_len);
    return len - c->old_len + c->new_len;
}

/* Keeps the candidates that fit, picks one, applies it. */
static size_t pick_apply(rng_t *r, uint8_t *d, size_t len, size_t max_len,
                         struct i2s_cand *c, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (cand_fits(len, max_len, &c[i]))
            c[k++] = c[i];
    if (k == 0)
        return NONE;
    return i2s_apply(d, len, max_len, &c[rng_below(r, k)]);
}

size_t i2s_mutate_int(rng_t *r, uint8_t *d, size_t len, size_t max_len,
                      uint64_t from, uint64_t to, unsigned size)
{
    struct i2s_cand c[MUTATE_MAX];
    size_t n = i2s_int_candidates(d, len, from, to, size, c, MUTATE_MAX);
    return pick_apply(r, d, len, max_len, c, n);
}

size_t i2s_mutate_mem(rng_t *r, uint8_t *d, size_t len, size_t max_len,
                      const uint8_t *from, size_t fl, const uint8_t *to, size_t tl)
{
    struct i2s_cand c[MUTATE_MAX];
    size_t k = i2s_mem_candidates(d, len, from, fl, to, tl, c, MUTATE_MAX);
    return pick_apply(r, d, len, max_len, c, k);
}
