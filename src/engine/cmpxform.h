/*
 * cmpxform.h - input-to-state through the transforms a target applies to
 * its input before it compares (cmpmut.h is the plain encodings of a
 * value).  Each scan adds candidates (i2s.h) to a sink, for one operand
 * pair: `from` is what the target compared, `to` what it wanted.
 *
 *   xf_fold      from found ignoring ASCII case (the target lower- or
 *                upper-cased the bytes, or used strcasecmp): to is written
 *                in the case pattern found                      (I2S_FOLD)
 *   xf_hexfield  from's bytes found as hex text, either case (the target
 *                hex-decoded a field): replaced by to's bytes in hex, in
 *                the case found                             (I2S_HEXFIELD)
 *   xf_b64       from's bytes found base64-encoded, standard or URL-safe
 *                alphabet, at any of the 3 byte alignments in the decoded
 *                stream: only from's bits are rewritten, so the decoded
 *                bytes around it stay as they were              (I2S_B64)
 *   xf_offset    an integer x found (little or big endian, at the compare's
 *                width, 4 or 8) with from = x + c or from = x ^ c for a
 *                small c: writes to - c or to ^ c            (I2S_OFFSET)
 *   xf_mix       from = x0 + B*x1 + B^2*x2 for 2 or 3 consecutive input
 *                bytes (either order) and some base B >= 1 solved from
 *                them: writes bytes that make it to             (I2S_MIX)
 * cmpxform.c's header says how each is bounded and which choices it makes.
 *
 * Each scan lists its candidates by position (at one position, in pattern
 * order), appends them to the sink while it has room, never lists one that
 * leaves the input unchanged, reads only d[0..len) and is pure.
 */
#ifndef FERRET_CMPXFORM_H
#define FERRET_CMPXFORM_H

#include <stddef.h>
#include <stdint.h>

#include "i2s.h"

/* Where candidates go: out[0..n), at most max. */
struct i2s_sink {
    struct i2s_cand *out;
    size_t max;
    size_t n;
};

/* One operand pair for the byte-pattern scans: from[0..fl) compared,
 * to[0..tl) wanted.  skip_run (xf_hexfield only): pass over a match that
 * is a whole maximal run of hex digits (cmpmut.c's I2S_HEX has it). */
struct xf_pat {
    const uint8_t *from, *to;
    size_t fl, tl;
    int skip_run;
};

static inline int i2s_full(const struct i2s_sink *s)
{
    return s->n >= s->max;
}

/* memcmp(a, b, n) == 0 for the few bytes of an operand (n <= I2S_MAX_BYTES):
 * a call of memcmp would go through ferret's own (cmptrace.c) to the C
 * library's, several times the cost of the compare itself. */
static inline int i2s_same(const uint8_t *a, const uint8_t *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}


/* Adds a candidate, unless the sink is full, new_len > I2S_MAX_BYTES, or
 * it would change nothing. */
void i2s_emit(struct i2s_sink *s, const uint8_t *d, size_t pos, size_t old_len,
              const void *bytes, size_t new_len, enum i2s_encoding enc);

void xf_fold(struct i2s_sink *s, const uint8_t *d, size_t len,
             const struct xf_pat *p, size_t np);
void xf_hexfield(struct i2s_sink *s, const uint8_t *d, size_t len,
                 const struct xf_pat *p, size_t np);
void xf_b64(struct i2s_sink *s, const uint8_t *d, size_t len,
            const struct xf_pat *p, size_t np);
/* from and to are integers of size bytes (1, 2, 4 or 8), masked to it. */
void xf_offset(struct i2s_sink *s, const uint8_t *d, size_t len,
               uint64_t from, uint64_t to, unsigned size);
void xf_mix(struct i2s_sink *s, const uint8_t *d, size_t len,
            uint64_t from, uint64_t to, unsigned size);

#endif
