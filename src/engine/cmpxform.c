/*
 * cmpxform.c - input-to-state through transforms: the operand of a compare
 * is not in the input as itself, but case-folded, hex-encoded,
 * base64-encoded, off by a constant, or mixed from a few bytes; find it
 * there and write the other operand through the same transform.
 *
 * Invariants (those of cmpmut.c, which calls these scans):
 *  - Purity: results depend only on the arguments.  No global state but
 *    constant tables, no clock, no allocation (patterns live on the stack).
 *  - Bounds: scans read only d[0..len) and the patterns' own lengths; a
 *    candidate never spans past len; its bytes are at most I2S_MAX_BYTES.
 *  - Order: each scan lists by position; at one position, patterns in the
 *    order given, then (base64) alignment 0, 1, 2.  No candidate that
 *    leaves the input unchanged is ever listed (i2s_emit drops it).
 *  - Cost: fold, hex, base64 and offset scans jump (memchr) between the
 *    places where a byte every match must hold occurs (the anchor: a letter
 *    of from, from's first hex digit, a base64 character all of whose bits
 *    are from's, the top byte of x), and try only there; xf_mix does a few
 *    integer compares per window of the first MIX_SPAN bytes, and a square
 *    root and a division for a window it cannot rule out that way.
 *
 * Choices:
 *  - Fold: the whole of from, matched ignoring ASCII case and not verbatim
 *    (a verbatim match is I2S_MEM's or I2S_LE's); to takes the case of the
 *    letter it replaces (a tolower/toupper/strcasecmp target sees to
 *    either way; the pattern keeps the input's shape).  Only ASCII letters
 *    fold.
 *  - Hex field: from's bytes as 2 hex digits each, high nibble first, any
 *    case per digit, anywhere (not only in maximal runs: a decoder may take
 *    part of one); at least 2 bytes.  to's digits take the case of the
 *    letter they replace, else the case of the found text (upper when it
 *    has A-F and no a-f).  Operands longer than 16 bytes (whose hex would
 *    pass I2S_MAX_BYTES) are cut to a 16-byte window starting where from
 *    and to first differ (moved back to fit).
 *  - Base64: for alignment k = 0, 1, 2 (from starts k bytes into a 3-byte
 *    group), from's bits fix some bits of each of a run of characters
 *    (those of the first and last characters partly); a match is a run of
 *    base64 characters whose values agree on those bits.  Each character's
 *    bits outside from are kept, so the decoded bytes around the field do
 *    not change, whatever the alignment.  The alphabet of the output is the
 *    one the match uses ('+' '/' vs '-' '_'); if the match shows neither
 *    and the output needs one, both spellings are listed (standard first).
 *    At least 2 bytes; windows of at most 22 bytes (30 characters), chosen
 *    as for hex.  Padding '=' is never touched.
 *  - Offset: only at widths 4 and 8, and only for from at least 2^16 away
 *    from 0 and from all ones at its width (a small value is in too many
 *    places); a window x with x != from and |x - from| <= 255 gives
 *    to + (x - from), one with x ^ from <= 255 gives to ^ (x ^ from), both
 *    when they differ.  One observation cannot tell x + c from x ^ c, nor
 *    a large c from chance, hence the small c.
 *  - Mix: the family a = x0 + B*x1 + B^2*x2 over the window d[p..p+3)
 *    (little order: d[p] is x0) or reversed (big order: d[p] is x2), or the
 *    2-byte window at the input's end.  B is solved exactly from a and the
 *    window: the quadratic's integer root when x2 != 0, (a - x0) / x1 when
 *    x2 == 0 (a third byte still zero) and x1 >= MIX_LINEAR_MIN (one
 *    equation with one unknown always "solves" for x1 = 1: only a large x1
 *    makes a whole quotient evidence); from >= 256.  B ranges
 *    over 1..256 (1: a plain sum; 256: the bytes as an integer, already
 *    found by the plain scans unless to is wider than from), so from and
 *    to are at most 255 * (1 + 256 + 256^2) and a window is passed over at
 *    once when from is out of its range p(1)..p(256).  to is written as
 *    base-B digits, greedily from the top digit (each 0..255); no
 *    candidate when that does not reach to exactly.
 *    Windows starting in the first MIX_SPAN (64) bytes only: a mix is a
 *    header's check more often than not, and each window costs a square
 *    root and a division.
 *
 * Owns: nothing (pure functions over what the caller passes; the sink and
 * its candidates are the caller's).
 */
#include "cmpxform.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Most patterns one call of xf_fold takes (cmpmut.c passes up to 7). */
#define XF_PATS 8
/* Hex text of at most I2S_MAX_BYTES characters: 16 bytes. */
#define HEX_WINDOW (I2S_MAX_BYTES / 2)
/* Base64 patterns of one call: 2 operands (little and big endian) at 3
 * alignments. */
#define B64_PATS 6
/* Bytes of a base64 window: 22 bytes are at most 30 characters. */
#define B64_WINDOW 22
/* Shortest operand looked for as hex or base64. */
#define FIELD_MIN 2
/* Largest constant of xf_offset, and how far from 0 from must be. */
#define OFFSET_MAX 255
#define OFFSET_FAR 0x10000
/* Windows of xf_mix start in the first MIX_SPAN bytes. */
#define MIX_SPAN 64
/* Smallest x1 of a linear mix (x2 == 0): (a - x0) / x1 is a whole number
 * by chance once in x1 tries, which is no evidence for small x1. */
#define MIX_LINEAR_MIN 8
/* Smallest from of a mix: a byte's value is the plain scans'. */
#define MIX_FROM_MIN 256
/* Bases 1..256: digit-like mixes (10, 31, 33, 131, 251 ...); a larger base
 * spreads bytes apart, and its values would leave no cheap bound. */
#define MIX_BASE_MAX 256

/* ---- the sink ------------------------------------------------------------ */

void i2s_emit(struct i2s_sink *s, const uint8_t *d, size_t pos, size_t old_len,
              const void *bytes, size_t new_len, enum i2s_encoding enc)
{
    if (i2s_full(s) || new_len > I2S_MAX_BYTES)
        return;
    if (old_len == new_len && i2s_same(d + pos, bytes, new_len))
        return;
    struct i2s_cand *c = &s->out[s->n++];
    c->pos = pos;
    c->old_len = old_len;
    c->new_len = new_len;
    c->enc = enc;
    memcpy(c->bytes, bytes, new_len);
    memset(c->bytes + new_len, 0, I2S_MAX_BYTES - new_len);
}

/* ---- anchored scans ------------------------------------------------------ */

#define NONE ((size_t)-1)

/* Where a pattern can match: the byte at offset off of a match is c[0] or
 * c[1] (the same byte twice when there is one); at[j] is the next place
 * holding c[j] (len: none left).  Scans jump from one to the next with
 * memchr instead of trying every position. */
struct anchor {
    size_t off;
    uint8_t c[2];
    size_t at[2];
};

/* Tries one pattern at one position (it checks that the match fits). */
typedef void try_fn(struct i2s_sink *s, const uint8_t *d, size_t len,
                    size_t pos, void *pat);

static size_t next_byte(const uint8_t *d, size_t len, size_t pos, uint8_t c)
{
    const uint8_t *h = pos < len ? memchr(d + pos, c, len - pos) : NULL;
    return h ? (size_t)(h - d) : len;
}

static size_t anchor_start(const struct anchor *a, size_t len)
{
    size_t m = a->at[0] < a->at[1] ? a->at[0] : a->at[1];
    return m < len ? m - a->off : NONE;
}

/* Tries pattern i (at pats + i * stride) wherever its anchor allows: by
 * position, and at one position in pattern order. */
static void scan_anchored(struct i2s_sink *s, const uint8_t *d, size_t len,
                          struct anchor *an, size_t n, try_fn *try,
                          void *pats, size_t stride)
{
    for (size_t i = 0; i < n; i++) {
        an[i].at[0] = next_byte(d, len, an[i].off, an[i].c[0]);
        an[i].at[1] = an[i].c[1] == an[i].c[0] ? an[i].at[0]
                                                : next_byte(d, len, an[i].off, an[i].c[1]);
    }
    while (!i2s_full(s)) {
        size_t pos = NONE;
        for (size_t i = 0; i < n; i++) {
            size_t p = anchor_start(&an[i], len);
            pos = p < pos ? p : pos;
        }
        if (pos == NONE)
            return;
        for (size_t i = 0; i < n; i++) {
            if (anchor_start(&an[i], len) != pos)
                continue;
            try(s, d, len, pos, (char *)pats + i * stride);
            size_t here = pos + an[i].off;
            if (an[i].at[0] == here)
                an[i].at[0] = next_byte(d, len, here + 1, an[i].c[0]);
            if (an[i].at[1] == here)
                an[i].at[1] = an[i].c[1] == an[i].c[0]
                                  ? an[i].at[0] : next_byte(d, len, here + 1, an[i].c[1]);
        }
    }
}

/* ---- case folding -------------------------------------------------------- */

static int is_upper(uint8_t c)
{
    return (unsigned)(c - 'A') < 26;
}

static int is_lower(uint8_t c)
{
    return (unsigned)(c - 'a') < 26;
}

static uint8_t to_lower(uint8_t c)
{
    return is_upper(c) ? (uint8_t)(c + 32) : c;
}

static uint8_t to_upper(uint8_t c)
{
    return is_lower(c) ? (uint8_t)(c - 32) : c;
}

/* Does d[0..n) equal p[0..n) ignoring ASCII case, but not exactly? */
static int fold_match(const uint8_t *d, const uint8_t *p, size_t n)
{
    int exact = 1;
    for (size_t i = 0; i < n; i++)
        if (d[i] != p[i]) {
            if (to_lower(d[i]) != to_lower(p[i]))
                return 0;
            exact = 0;
        }
    return !exact;
}

/* to[0..tl) into out, each byte in the case of the found letter it
 * replaces (as it is past the found bytes or over a non-letter). */
static void fold_like(uint8_t *out, const uint8_t *to, size_t tl,
                      const uint8_t *found, size_t fl)
{
    for (size_t i = 0; i < tl; i++) {
        uint8_t c = to[i];
        if (i < fl && is_upper(found[i]))
            c = to_upper(c);
        else if (i < fl && is_lower(found[i]))
            c = to_lower(c);
        out[i] = c;
    }
}

static void fold_at(struct i2s_sink *s, const uint8_t *d, size_t len,
                    size_t pos, void *pat)
{
    const struct xf_pat *p = pat;
    uint8_t buf[I2S_MAX_BYTES];
    if (p->fl > len - pos || p->tl > I2S_MAX_BYTES ||
        !fold_match(d + pos, p->from, p->fl))
        return;
    fold_like(buf, p->to, p->tl, d + pos, p->fl);
    i2s_emit(s, d, pos, p->fl, buf, p->tl, I2S_FOLD);
}

void xf_fold(struct i2s_sink *s, const uint8_t *d, size_t len,
             const struct xf_pat *p, size_t np)
{
    struct xf_pat use[XF_PATS];
    struct anchor an[XF_PATS];
    size_t n = 0;
    for (size_t i = 0; i < np && n < XF_PATS; i++) {
        size_t q = 0; /* anchored on a letter: without one, nothing folds */
        while (q < p[i].fl && !is_upper(p[i].from[q]) && !is_lower(p[i].from[q]))
            q++;
        if (q == p[i].fl)
            continue;
        use[n] = p[i];
        an[n].off = q;
        an[n].c[0] = to_lower(p[i].from[q]);
        an[n].c[1] = to_upper(p[i].from[q]);
        n++;
    }
    scan_anchored(s, d, len, an, n, fold_at, use, sizeof use[0]);
}

/* ---- windows of long operands -------------------------------------------- */

/* The part of p searched and written when from or to is longer than most
 * bytes: most bytes of each, from the first byte where they differ (moved
 * back so the window fits both).  0 if what is left is shorter than
 * FIELD_MIN.  same_len: from and to are cut to the same length even when
 * both fit (base64 rewrites bits in place). */
static int window(const struct xf_pat *p, size_t most, int same_len,
                  struct xf_pat *w)
{
    size_t c = p->fl < p->tl ? p->fl : p->tl;
    *w = *p;
    if (p->fl <= most && p->tl <= most && (!same_len || p->fl == p->tl))
        return p->fl >= FIELD_MIN;
    size_t m = c < most ? c : most, lo = 0;
    while (lo < c && p->from[lo] == p->to[lo])
        lo++;
    lo = lo < c - m ? lo : c - m;
    w->from = p->from + lo;
    w->to = p->to + lo;
    w->fl = w->tl = m;
    return m >= FIELD_MIN;
}

/* ---- hex-decoded fields -------------------------------------------------- */

static int hexv(uint8_t c)
{
    if ((unsigned)(c - '0') < 10)
        return c - '0';
    c |= 0x20;
    return (unsigned)(c - 'a') < 6 ? c - 'a' + 10 : -1;
}

/* Does d[0..2n) spell from[0..n) in hex, high nibble first? */
static int hex_spells(const uint8_t *d, const uint8_t *from, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (hexv(d[2 * i]) != from[i] >> 4 || hexv(d[2 * i + 1]) != (from[i] & 15))
            return 0;
    return 1;
}

/* Is d[pos..pos+n) a whole maximal run of hex digits? */
static int whole_run(const uint8_t *d, size_t len, size_t pos, size_t n)
{
    return (pos == 0 || hexv(d[pos - 1]) < 0) &&
           (pos + n == len || hexv(d[pos + n]) < 0);
}

/* to[0..tl) in hex over the found text f[0..fn): a digit replacing a
 * letter takes its case, others the text's (upper if it has A-F and no
 * a-f). */
static size_t hex_like(uint8_t *out, const uint8_t *to, size_t tl,
                       const uint8_t *f, size_t fn)
{
    static const char lo[] = "0123456789abcdef", up[] = "0123456789ABCDEF";
    int has_lo = 0, has_up = 0;
    for (size_t i = 0; i < fn; i++) {
        has_lo |= f[i] >= 'a';
        has_up |= f[i] >= 'A' && f[i] < 'a';
    }
    for (size_t i = 0; i < 2 * tl; i++) {
        int nib = i % 2 ? to[i / 2] & 15 : to[i / 2] >> 4;
        int upper = has_up && !has_lo;
        if (i < fn && f[i] >= 'A')
            upper = f[i] < 'a';
        out[i] = (uint8_t)(upper ? up[nib] : lo[nib]);
    }
    return 2 * tl;
}

static void hex_at(struct i2s_sink *s, const uint8_t *d, size_t len,
                   size_t pos, void *pat)
{
    const struct xf_pat *p = pat;
    uint8_t buf[I2S_MAX_BYTES];
    size_t fn = 2 * p->fl;
    if (fn > len - pos || !hex_spells(d + pos, p->from, p->fl) ||
        (p->skip_run && whole_run(d, len, pos, fn)))
        return;
    i2s_emit(s, d, pos, fn, buf, hex_like(buf, p->to, p->tl, d + pos, fn),
             I2S_HEXFIELD);
}

void xf_hexfield(struct i2s_sink *s, const uint8_t *d, size_t len,
                 const struct xf_pat *p, size_t np)
{
    static const char lo[] = "0123456789abcdef", up[] = "0123456789ABCDEF";
    struct xf_pat w[XF_PATS];
    struct anchor an[XF_PATS];
    size_t n = 0;
    for (size_t i = 0; i < np && n < XF_PATS; i++) {
        if (!window(&p[i], HEX_WINDOW, 0, &w[n]) || len < 2 * w[n].fl)
            continue;
        an[n].off = 0;
        an[n].c[0] = (uint8_t)lo[w[n].from[0] >> 4];
        an[n].c[1] = (uint8_t)up[w[n].from[0] >> 4];
        n++;
    }
    scan_anchored(s, d, len, an, n, hex_at, w, sizeof w[0]);
}

/* ---- base64-decoded fields ----------------------------------------------- */

static const char b64_std[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char b64_url[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* A character's 6-bit value in either alphabet, or -1. */
static int b64v(uint8_t c)
{
    if (is_upper(c))
        return c - 'A';
    if (is_lower(c))
        return c - 'a' + 26;
    if ((unsigned)(c - '0') < 10)
        return c - '0' + 52;
    if (c == '+' || c == '-')
        return 62;
    return c == '/' || c == '_' ? 63 : -1;
}

/* from[0..m) -> to[0..m) starting k bytes into a group, over a run of n
 * characters: in character i, the bits mask[i] are from's (value fv[i])
 * and become to's (tv[i]).  The masks and values are built the first time
 * the pattern's anchor is met (built). */
struct b64pat {
    const uint8_t *from, *to;
    size_t m, n;
    unsigned k;
    int built;
    uint8_t mask[I2S_MAX_BYTES], fv[I2S_MAX_BYTES], tv[I2S_MAX_BYTES];
};

/* The 6-bit values of the characters of bytes p[0..n) (n a multiple of 3)
 * into out; returns how many. */
static size_t b64_sextets(uint8_t *out, const uint8_t *p, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i + 3 <= n; i += 3) {
        uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 | p[i + 2];
        out[k++] = (uint8_t)(v >> 18), out[k++] = (uint8_t)(v >> 12 & 63);
        out[k++] = (uint8_t)(v >> 6 & 63), out[k++] = (uint8_t)(v & 63);
    }
    return k;
}

/* The pattern of from[0..m) -> to[0..m) starting k bytes into a group:
 * the streams k zero bytes + from / to / all ones, encoded, from the
 * first character holding one of from's bits to the last. */
static void b64_build(struct b64pat *bp)
{
    const uint8_t *from = bp->from, *to = bp->to;
    size_t m = bp->m;
    unsigned k = bp->k;
    uint8_t sf[B64_WINDOW + 5] = { 0 }, st[B64_WINDOW + 5] = { 0 }, sm[B64_WINDOW + 5] = { 0 };
    uint8_t cf[I2S_MAX_BYTES + 4], ct[I2S_MAX_BYTES + 4], cm[I2S_MAX_BYTES + 4];
    size_t n = (k + m + 2) / 3 * 3, j0 = 8 * (size_t)k / 6;
    memcpy(sf + k, from, m);
    memcpy(st + k, to, m);
    memset(sm + k, 0xff, m);
    b64_sextets(cf, sf, n);
    b64_sextets(ct, st, n);
    b64_sextets(cm, sm, n);
    memcpy(bp->mask, cm + j0, bp->n);
    memcpy(bp->fv, cf + j0, bp->n);
    memcpy(bp->tv, ct + j0, bp->n);
}

static int b64_match(const uint8_t *d, const struct b64pat *bp)
{
    for (size_t i = 0; i < bp->n; i++) {
        int v = b64v(d[i]);
        if (v < 0 || (v & bp->mask[i]) != bp->fv[i])
            return 0;
    }
    return 1;
}

/* The match's alphabet: 1 URL-safe, 0 standard, -1 neither is shown. */
static int b64_alphabet(const uint8_t *d, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (d[i] == '-' || d[i] == '_')
            return 1;
        if (d[i] == '+' || d[i] == '/')
            return 0;
    }
    return -1;
}

/* The rewritten characters; returns whether one of them is 62 or 63. */
static int b64_write(uint8_t *out, const uint8_t *d, const struct b64pat *bp,
                     const char *alpha)
{
    int special = 0;
    for (size_t i = 0; i < bp->n; i++) {
        int v = (b64v(d[i]) & ~bp->mask[i]) | bp->tv[i];
        special |= v >= 62;
        out[i] = (uint8_t)alpha[v];
    }
    return special;
}

static void b64_at(struct i2s_sink *s, const uint8_t *d, size_t len,
                   size_t pos, void *pat)
{
    struct b64pat *bp = pat;
    uint8_t buf[I2S_MAX_BYTES];
    if (bp->n > len - pos)
        return;
    if (!bp->built)
        b64_build(bp);
    bp->built = 1;
    if (!b64_match(d + pos, bp))
        return;
    int alpha = b64_alphabet(d + pos, bp->n);
    int special = b64_write(buf, d + pos, bp, alpha == 1 ? b64_url : b64_std);
    i2s_emit(s, d, pos, bp->n, buf, bp->n, I2S_B64);
    if (alpha < 0 && special) {
        b64_write(buf, d + pos, bp, b64_url);
        i2s_emit(s, d, pos, bp->n, buf, bp->n, I2S_B64);
    }
}

/* Sets up the pattern of w at alignment k, and its anchor: the first
 * character all of whose bits are from's (m >= 2 has one): from[0]'s top
 * six bits at k = 0; at k = 1, its low four and from[1]'s top two; at
 * k = 2, its low six. */
static void b64_pattern(struct b64pat *bp, struct anchor *an,
                        const struct xf_pat *w, unsigned k)
{
    static const size_t off[3] = { 0, 1, 1 };
    const uint8_t *f = w->from;
    uint8_t v = k == 0 ? f[0] >> 2 : k == 1 ? (f[0] & 15) << 2 | f[1] >> 6 : f[0] & 63;
    bp->from = w->from, bp->to = w->to, bp->m = w->fl, bp->k = k, bp->built = 0;
    bp->n = (8 * (k + w->fl) + 5) / 6 - 8 * k / 6;
    an->off = off[k];
    an->c[0] = (uint8_t)b64_std[v];
    an->c[1] = (uint8_t)b64_url[v];
}

void xf_b64(struct i2s_sink *s, const uint8_t *d, size_t len,
            const struct xf_pat *p, size_t np)
{
    struct b64pat bp[B64_PATS];
    struct anchor an[B64_PATS];
    size_t nb = 0;
    for (size_t i = 0; i < np && nb + 3 <= B64_PATS; i++) {
        struct xf_pat w;
        if (!window(&p[i], B64_WINDOW, 1, &w) || len < (8 * w.fl + 5) / 6)
            continue;
        for (unsigned k = 0; k < 3; k++, nb++)
            b64_pattern(&bp[nb], &an[nb], &w, k);
    }
    scan_anchored(s, d, len, an, nb, b64_at, bp, sizeof bp[0]);
}

/* ---- integers: helpers --------------------------------------------------- */

static uint64_t width_mask(unsigned size)
{
    return size >= 8 ? ~0ULL : (1ULL << (8 * size)) - 1;
}

/* p[0..w) as an integer, w 4 or 8. */
static uint64_t load_uint(const uint8_t *p, size_t w, int big)
{
    uint32_t v4;
    uint64_t v8;
    if (w == 4) {
        memcpy(&v4, p, 4);
        return big ? __builtin_bswap32(v4) : v4;
    }
    memcpy(&v8, p, 8);
    return big ? __builtin_bswap64(v8) : v8;
}

static void store_uint(uint8_t *p, size_t w, int big, uint64_t v)
{
    for (size_t i = 0; i < w; i++)
        p[big ? w - 1 - i : i] = (uint8_t)(v >> (8 * i));
}

/* ---- integers: off by a small constant ----------------------------------- */

/* One byte order of xf_offset. */
struct offpat {
    uint64_t from, to;
    unsigned size;
    int big;
};

static void offset_at(struct i2s_sink *s, const uint8_t *d, size_t len,
                      size_t pos, void *pat)
{
    const struct offpat *p = pat;
    unsigned size = p->size;
    uint64_t m = width_mask(size);
    if (size > len - pos)
        return;
    uint64_t x = load_uint(d + pos, size, p->big);
    uint64_t diff = (x - p->from) & m, flip = x ^ p->from;
    uint64_t add = (p->to + diff) & m;
    uint8_t w[8];
    if (x == p->from || ((diff + OFFSET_MAX) & m) > 2 * OFFSET_MAX)
        return; /* x ^ from <= 255 implies |x - from| <= 255 */
    store_uint(w, size, p->big, add);
    i2s_emit(s, d, pos, size, w, size, I2S_OFFSET);
    if (flip <= OFFSET_MAX && ((p->to ^ flip) & m) != add) {
        store_uint(w, size, p->big, p->to ^ flip);
        i2s_emit(s, d, pos, size, w, size, I2S_OFFSET);
    }
}

/* The top byte of every value within OFFSET_MAX of from: one or two
 * (from is at least OFFSET_FAR from both ends, so no wrap). */
static void offset_anchor(struct anchor *an, uint64_t from, unsigned size, int big)
{
    unsigned sh = 8 * (size - 1);
    an->off = big ? 0 : size - 1;
    an->c[0] = (uint8_t)((from - OFFSET_MAX) >> sh);
    an->c[1] = (uint8_t)((from + OFFSET_MAX) >> sh);
}

void xf_offset(struct i2s_sink *s, const uint8_t *d, size_t len,
               uint64_t from, uint64_t to, unsigned size)
{
    uint64_t m = width_mask(size);
    if ((size != 4 && size != 8) || len < size)
        return;
    from &= m, to &= m;
    if (from < OFFSET_FAR || ((0 - from) & m) < OFFSET_FAR)
        return;
    struct offpat p[2] = { { from, to, size, 0 }, { from, to, size, 1 } };
    struct anchor an[2];
    offset_anchor(&an[0], from, size, 0);
    offset_anchor(&an[1], from, size, 1);
    scan_anchored(s, d, len, an, 2, offset_at, p, sizeof p[0]);
}

/* ---- integers: mixes of consecutive bytes -------------------------------- */

static uint64_t mix_eval(const uint8_t *x, size_t w, uint64_t base)
{
    uint64_t v = 0;
    for (size_t j = w; j-- > 0;)
        v = v * base + x[j];
    return v;
}

/* The square root of v >= 0 without libm (a target need not link it): the
 * SSE2 instruction, or else a first guess from halving the exponent
 * (within 6%), then Newton steps (6% -> 0.2% -> 2e-6 -> 2e-12 -> exact to
 * a double).  Either is exact enough: mix_base checks its neighbours. */
static double root2(double v)
{
    if (!(v > 0))
        return 0;
#if defined(__SSE2__)
    return _mm_cvtsd_f64(_mm_sqrt_sd(_mm_setzero_pd(), _mm_set_sd(v)));
#else
    uint64_t bits;
    double g;
    memcpy(&bits, &v, sizeof bits);
    bits = (bits >> 1) + (1023ULL << 51);
    memcpy(&g, &bits, sizeof g);
    for (int i = 0; i < 4; i++)
        g = 0.5 * (g + v / g);
    return g;
#endif
}

/* The base B in 1..MIX_BASE_MAX with x0 + B*x1 + B^2*x2 == a (x[w..3)
 * taken as 0), or 0 if there is none. */
static uint64_t mix_base(const uint8_t *x, size_t w, uint64_t a)
{
    uint64_t x2 = w > 2 ? x[2] : 0, x1 = x[1], x0 = x[0], guess;
    uint64_t top = MIX_BASE_MAX;
    /* p(B) grows with B: a must lie between p(1) and p(MIX_BASE_MAX). */
    if (a < x0 + x1 + x2 || a > x0 + top * x1 + top * top * x2 ||
        (x2 == 0 && x1 < MIX_LINEAR_MIN))
        return 0;
    if (x2 == 0) {
        guess = (a - x0) / x1;
    } else {
        double disc = (double)x1 * (double)x1 + 4.0 * (double)x2 * (double)(a - x0);
        double r = (root2(disc) - (double)x1) / (2.0 * (double)x2);
        guess = (uint64_t)(r + 0.5);
    }
    for (uint64_t b = guess > 1 ? guess - 1 : 1; b <= guess + 1; b++)
        if (b <= MIX_BASE_MAX && mix_eval(x, w, b) == a)
            return b;
    return 0;
}

/* to as w base-B digits y[0..w) (y[j] weighs B^j), each 0..255, greedily
 * from the top; 0 if that does not reach to exactly. */
static int mix_digits(uint64_t to, uint64_t base, size_t w, uint8_t *y)
{
    uint64_t pw[3] = { 1, base, base * base };
    for (size_t j = w; j-- > 0;) {
        uint64_t q = to / pw[j];
        q = q < 255 ? q : 255;
        y[j] = (uint8_t)q;
        to -= q * pw[j];
    }
    return to == 0;
}

static void mix_at(struct i2s_sink *s, const uint8_t *d, size_t pos, size_t w,
                   uint64_t from, uint64_t to, int big)
{
    uint8_t x[3], y[3], out[3];
    for (size_t j = 0; j < w; j++)
        x[j] = d[pos + (big ? w - 1 - j : j)];
    uint64_t base = mix_base(x, w, from);
    if (base == 0 || !mix_digits(to, base, w, y))
        return;
    for (size_t j = 0; j < w; j++)
        out[big ? w - 1 - j : j] = y[j];
    i2s_emit(s, d, pos, w, out, w, I2S_MIX);
}

void xf_mix(struct i2s_sink *s, const uint8_t *d, size_t len,
            uint64_t from, uint64_t to, unsigned size)
{
    uint64_t m = width_mask(size);
    from &= m, to &= m;
    uint64_t most = 255 * (1 + MIX_BASE_MAX + MIX_BASE_MAX * MIX_BASE_MAX);
    if (from < MIX_FROM_MIN || from > most || to > most)
        return;
    for (size_t pos = 0; pos + 2 <= len && pos < MIX_SPAN && !i2s_full(s); pos++) {
        size_t w = len - pos < 3 ? len - pos : 3;
        mix_at(s, d, pos, w, from, to, 0);
        mix_at(s, d, pos, w, from, to, 1);
    }
}
