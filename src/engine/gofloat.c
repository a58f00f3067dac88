/*
 * gofloat.c - floats as Go writes and reads them (gofloat.h): the text the
 * Go corpus encoding writes for a float, and strconv.ParseFloat of a Go
 * float literal.  The decimal conversion is here; which call wraps a float
 * in a corpus file (float64(...), math.Float64frombits(0x...)) and which
 * NaN is Go's are gocorpus.c's business.
 *
 * Float text is Go's strconv.FormatFloat(v, 'g', -1, 32 or 64), which fmt's
 * %v uses.  Digits: the shortest that read back as the same float, found by
 * trying "%.{P-1}e" for P = 1, 2, ... (up to 9 for float32, 17 for float64)
 * and, when that correctly rounded P-digit number does not read back, its
 * two P-digit neighbours (at a power of two the round-trip interval is
 * lopsided and the other side may hold a P-digit number); of several, the
 * closest wins, as in Go.  Layout: with X the exponent of the first digit,
 * Go's %e form d.ddde±XX (two exponent digits at least) when X < -4 or
 * X >= 6 (ftoa.go sets eprec = 6 for the shortest precision), else plain
 * digits: 1e+06, 100000, 123456.7, 1.234567e+06, 0.0001, 1e-05, 3.14,
 * 1e+21, 5e-324, 1.7976931348623157e+308, 0, -0, +Inf, -Inf, NaN.
 *
 * Invariants: the digits written always read back (strtod, strtof) as the
 * same float, so a formatted file parses back bit for bit.  No state and
 * no libm: floats are converted with snprintf, strtod and strtof (in the C
 * locale, which the engine never changes); the only allocation is the
 * parsers' copy of the literal, freed before they return.
 *
 * Owns: nothing (pure functions; the parsers' copy of a literal is freed
 * before they return).
 */
#include <float.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "floatbits.h"
#include "gofloat.h"

/* ---- Formatting ------------------------------------------------------- */

/* A positive decimal 0.d[0]d[1]...d[nd-1] x 10^dp, no trailing zeros. */
struct decimal {
    char d[24];
    int nd, dp;
};

/* Whether m x 10^e reads back as v (as a float32 when is32). */
static int reads_back(uint64_t m, int e, double v, int is32)
{
    char buf[48];
    snprintf(buf, sizeof buf, "%" PRIu64 "e%d", m, e);
    if (is32)
        return strtof(buf, NULL) == (float)v;
    return strtod(buf, NULL) == v;
}

static void set_decimal(struct decimal *d, uint64_t m, int e)
{
    while (m % 10 == 0) {
        m /= 10;
        e++;
    }
    d->nd = snprintf(d->d, sizeof d->d, "%" PRIu64, m);
    d->dp = d->nd + e;
}

/* The correctly rounded p-digit decimal of v as m x 10^e; *low is 10^(p-1). */
static void round_to(double v, int p, uint64_t *m, int *e, uint64_t *low)
{
    char buf[48];
    const char *s = buf;
    snprintf(buf, sizeof buf, "%.*e", p - 1, v);
    for (*m = 0; *s != 'e'; s++)
        if (*s != '.')
            *m = *m * 10 + (uint64_t)(*s - '0');
    *e = atoi(s + 1) - (p - 1);
    for (*low = 1; --p > 0;)
        *low *= 10;
}

/* Go's shortest digits of a finite v > 0; see the header comment. */
static void shortest(double v, int is32, struct decimal *d)
{
    int pmax = is32 ? 9 : 17;
    for (int p = 1;; p++) {
        uint64_t m, low;
        int e;
        round_to(v, p, &m, &e, &low);
        if (p == pmax || reads_back(m, e, v, is32)) {
            set_decimal(d, m, e);
            return;
        }
        if (reads_back(m + 1, e, v, is32)) {
            set_decimal(d, m + 1, e);
            return;
        }
        uint64_t below = m > low ? m - 1 : m * 10 - 1; /* 1000 -> 9999 */
        int ebelow = m > low ? e : e - 1;
        if (reads_back(below, ebelow, v, is32)) {
            set_decimal(d, below, ebelow);
            return;
        }
    }
}

/* d as strconv's 'g' format with the shortest precision. */
static void put_decimal(struct out *o, const struct decimal *d)
{
    int x = d->dp - 1;
    if (x < -4 || x >= 6) {
        char exp[16];
        put_char(o, d->d[0]);
        if (d->nd > 1) {
            put_char(o, '.');
            put_mem(o, d->d + 1, (size_t)d->nd - 1);
        }
        snprintf(exp, sizeof exp, "e%c%02d", x < 0 ? '-' : '+', x < 0 ? -x : x);
        put_str(o, exp);
        return;
    }
    if (d->dp <= 0)
        put_char(o, '0');
    for (int i = 0; i < d->dp; i++)
        put_char(o, i < d->nd ? d->d[i] : '0');
    if (d->nd > d->dp)
        put_char(o, '.');
    for (int i = d->dp; i < d->nd; i++)
        put_char(o, i < 0 ? '0' : d->d[i]);
}

/* A float that is not a NaN, as fmt's %v prints it. */
void gofloat_put(struct out *o, double v, int negative, int is32)
{
    struct decimal d;
    if (v > DBL_MAX || v < -DBL_MAX) {
        put_str(o, negative ? "-Inf" : "+Inf");
        return;
    }
    if (negative) {
        put_char(o, '-');
        v = -v;
    }
    if (v == 0) {
        put_char(o, '0');
        return;
    }
    shortest(v, is32, &d);
    put_decimal(o, &d);
}

/* ---- Parsing ---------------------------------------------------------- */

/* The literal without its '_' separators, after its sign, NUL-terminated
 * (malloc'd), for strtod or strtof (correctly rounded, as ParseFloat is);
 * NULL when out of memory. */
static char *literal_text(const char *s, size_t n, char sign)
{
    char *buf, *p;
    if (!(p = buf = malloc(n + 2)))
        return NULL;
    if (sign)
        *p++ = sign;
    for (size_t i = 0; i < n; i++)
        if (s[i] != '_')
            *p++ = s[i];
    *p = '\0';
    return buf;
}

int gofloat_parse64(const char *s, size_t n, char sign, double *v)
{
    char *buf = literal_text(s, n, sign);
    if (!buf)
        return GOFLOAT_NOMEM;
    *v = strtod(buf, NULL);
    free(buf);
    return (f64_bits(*v) & ~(1ull << 63)) == 0x7ff0000000000000ull ? GOFLOAT_RANGE : 0;
}

int gofloat_parse32(const char *s, size_t n, char sign, float *v)
{
    char *buf = literal_text(s, n, sign);
    if (!buf)
        return GOFLOAT_NOMEM;
    *v = strtof(buf, NULL);
    free(buf);
    return (f32_bits(*v) & 0x7fffffffu) == 0x7f800000u ? GOFLOAT_RANGE : 0;
}
