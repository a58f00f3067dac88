/*
 * typed_form.c - the binary form of a typed target's arguments (typed.h
 * describes it): the schema's widths, decoding any bytes into values,
 * encoding values into the one canonical form, canonicalizing in place; and
 * rounding a float to d significant digits, which mutation and minimization
 * both use.
 *
 * Defines typed_is_variable, typed_width, typed_fixed_size, typed_decode,
 * typed_encode and typed_canonicalize (typed.h), and the shared
 * typed_last_var, typed_scan, typed_get_raw and typed_round_digits
 * (typed_int.h).  Mutation is in typed_mutate.c, minimization in
 * typed_minimize.c.
 *
 * Invariants:
 *  - Decoding is total: typed_scan reads nothing past len (missing bytes
 *    read as zero, a length is clamped to what remains).
 *  - Encoding is canonical and in bounds: typed_encode writes only
 *    out[0..its result) and checks max first; bytes of vals may point into
 *    out (see typed_encode).
 *  - Nothing here keeps state or allocates.
 *  - No libm: floats are taken apart by their bits; decimal rounding goes
 *    through snprintf's %e and strtod/strtof, with no radix character in
 *    what is parsed, so the locale cannot change a result.
 *
 * Owns: nothing (pure functions over what the caller passes).
 */
#include "typed_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- schema ----------------------------------------------------------------- */

int typed_is_variable(enum go_type t)
{
    return t == GO_BYTES || t == GO_STRING;
}

size_t typed_width(enum go_type t)
{
    switch (t) {
    case GO_BOOL: case GO_INT8: case GO_UINT8:
        return 1;
    case GO_INT16: case GO_UINT16:
        return 2;
    case GO_INT32: case GO_UINT32: case GO_FLOAT32:
        return 4;
    case GO_INT: case GO_INT64: case GO_UINT: case GO_UINT64: case GO_FLOAT64:
        return 8;
    default:
        return 0;
    }
}

size_t typed_fixed_size(const struct typed_schema *s)
{
    size_t n = typed_nargs(s), size = 0;
    for (size_t i = 0; i < n; i++)
        size += typed_width(s->type[i]);
    return size;
}

/* The last variable argument (it takes the rest of the buffer), or n. */
size_t typed_last_var(const struct typed_schema *s)
{
    size_t n = typed_nargs(s);
    for (size_t i = n; i > 0; i--)
        if (typed_is_variable(s->type[i - 1]))
            return i - 1;
    return n;
}

/* ---- binary form --------------------------------------------------------------- */

void typed_scan(const struct typed_schema *s, const uint8_t *d, size_t len,
                struct typed_layout *lay)
{
    size_t n = typed_nargs(s), last = typed_last_var(s), p = 0;

    for (size_t i = 0; i < n; i++) {
        if (typed_is_variable(s->type[i]))
            continue;
        lay->off[i] = p;
        lay->len[i] = typed_width(s->type[i]);
        p += lay->len[i];
    }
    if (p > len)
        p = len;
    for (size_t i = 0; i < n; i++) {
        if (!typed_is_variable(s->type[i]))
            continue;
        size_t l = len - p;
        if (i != last) {
            uint64_t want = typed_load(d, len, p, TYPED_LEN_BYTES);
            p = len - p < TYPED_LEN_BYTES ? len : p + TYPED_LEN_BYTES;
            l = want < len - p ? (size_t)want : len - p;
        }
        lay->off[i] = p;
        lay->len[i] = l;
        p += l;
    }
}

/* A fixed argument's value from its raw little-endian bits. */
static void typed_set_raw(struct go_value *v, enum go_type t, uint64_t raw)
{
    memset(v, 0, sizeof *v);
    v->type = t;
    if (t == GO_BOOL) {
        v->b = (int)(raw & 1);
    } else if (t == GO_FLOAT32) {
        uint32_t b = (uint32_t)raw;
        memcpy(&v->f32, &b, sizeof b);
    } else if (t == GO_FLOAT64) {
        memcpy(&v->f64, &raw, sizeof raw);
    } else {
        v->u = typed_norm(raw, typed_width(t), typed_is_signed(t));
    }
}

/* The raw bits a fixed argument is stored as (cut to its width by the store). */
uint64_t typed_get_raw(const struct go_value *v, enum go_type t)
{
    if (t == GO_BOOL)
        return v->b != 0;
    if (t == GO_FLOAT32) {
        uint32_t b;
        memcpy(&b, &v->f32, sizeof b);
        return b;
    }
    if (t == GO_FLOAT64) {
        uint64_t b;
        memcpy(&b, &v->f64, sizeof b);
        return b;
    }
    return v->u;
}

void typed_decode(const struct typed_schema *s, const uint8_t *data, size_t len,
                  struct go_value *vals)
{
    struct typed_layout lay;
    size_t n = typed_nargs(s);

    typed_scan(s, data, len, &lay);
    for (size_t i = 0; i < n; i++) {
        enum go_type t = s->type[i];
        if (!typed_is_variable(t)) {
            typed_set_raw(&vals[i], t, typed_load(data, len, lay.off[i], lay.len[i]));
            continue;
        }
        memset(&vals[i], 0, sizeof vals[i]);
        vals[i].type = t;
        vals[i].bytes.p = data ? (uint8_t *)data + lay.off[i] : NULL;
        vals[i].bytes.len = lay.len[i];
    }
}

/* Length of the canonical form, or SIZE_MAX if it cannot exist. */
static size_t typed_encoded_len(const struct typed_schema *s, const struct go_value *vals)
{
    size_t n = typed_nargs(s), last = typed_last_var(s), total = typed_fixed_size(s);

    for (size_t i = 0; i < n; i++) {
        if (!typed_is_variable(s->type[i]))
            continue;
        size_t l = vals[i].bytes.len;
        if (i != last) {
            if (l > UINT32_MAX)
                return SIZE_MAX;
            l += TYPED_LEN_BYTES;
        }
        if (l >= SIZE_MAX - total)
            return SIZE_MAX;
        total += l;
    }
    return total;
}

/* Fixed arguments first, then each variable one; memmove because bytes may
 * come from out itself: for a buffer typed_decode read, every non-empty
 * variable argument sits exactly where the canonical form puts it (a
 * truncated form leaves every later argument empty), so nothing is
 * overwritten before it is read. */
size_t typed_encode(const struct typed_schema *s, const struct go_value *vals, uint8_t *out,
                    size_t max)
{
    size_t need = typed_encoded_len(s, vals), n = typed_nargs(s), last = typed_last_var(s);
    size_t p = 0;

    if (need == SIZE_MAX || out == NULL)
        return need;
    if (need > max)
        return SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        size_t w = typed_width(s->type[i]);
        if (typed_is_variable(s->type[i]))
            continue;
        typed_store(out, p, w, typed_get_raw(&vals[i], s->type[i]));
        p += w;
    }
    for (size_t i = 0; i < n; i++) {
        size_t l = vals[i].bytes.len;
        if (!typed_is_variable(s->type[i]))
            continue;
        if (i != last) {
            typed_store(out, p, TYPED_LEN_BYTES, l);
            p += TYPED_LEN_BYTES;
        }
        if (l > 0 && out + p != vals[i].bytes.p)
            memmove(out + p, vals[i].bytes.p, l);
        p += l;
    }
    return need;
}

size_t typed_canonicalize(const struct typed_schema *s, uint8_t *data, size_t len, size_t max)
{
    struct go_value vals[TYPED_MAX_ARGS];
    size_t need;

    typed_decode(s, data, len, vals);
    need = typed_encode(s, vals, NULL, 0);
    if (need == SIZE_MAX || need > max)
        return SIZE_MAX;
    return typed_encode(s, vals, data, max);
}

/* ---- floats by their bits ---------------------------------------------------- */

static uint64_t typed_pow10(int k)
{
    uint64_t p = 1;
    while (k-- > 0)
        p *= 10;
    return p;
}

/* a > 0 finite, correctly rounded to d significant digits: m (exactly d
 * digits) times 10^x.  0 if the text is not what %e promises. */
static int typed_dec_round(double a, int d, uint64_t *m, int *x)
{
    char buf[64];
    const char *p = buf;
    uint64_t mant = 0;
    int nd = 0, e = 0, neg = 0;
    int len = snprintf(buf, sizeof buf, "%.*e", d - 1, a);

    if (len <= 0 || (size_t)len >= sizeof buf)
        return 0;
    for (; *p && *p != 'e' && *p != 'E'; p++) {
        if (*p >= '0' && *p <= '9' && nd < 19) {
            mant = mant * 10 + (uint64_t)(*p - '0');
            nd++;
        }
    }
    if (*p == 0 || nd != d)
        return 0;
    p++;
    if (*p == '-' || *p == '+')
        neg = *p++ == '-';
    for (; *p >= '0' && *p <= '9' && e < 10000; p++)
        e = e * 10 + (*p - '0');
    *m = mant;
    *x = (neg ? -e : e) - (d - 1);
    return 1;
}

/* m * 10^x read as the argument's type (no radix character: any locale). */
static double typed_dec_value(uint64_t m, int x, int f32)
{
    char buf[48];
    snprintf(buf, sizeof buf, "%llue%d", (unsigned long long)m, x);
    return f32 ? (double)strtof(buf, NULL) : strtod(buf, NULL);
}

/* v rounded to d significant digits: side 0 the nearest such number, side 1
 * the nearest one on the other side of v.  v itself when 0, Inf or NaN. */
double typed_round_digits(double v, int d, int side, int f32)
{
    double a = typed_fabs(v);
    uint64_t m;
    int x;

    if (!typed_finite(v) || a == 0 || !typed_dec_round(a, d, &m, &x))
        return v;
    if (side) {
        if (typed_dec_value(m, x, f32) > a) {
            if (m > typed_pow10(d - 1)) {
                m--;
            } else {
                m = typed_pow10(d) - 1;
                x--;
            }
        } else {
            m++;
        }
    }
    return typed_copysign(typed_dec_value(m, x, f32), v);
}
