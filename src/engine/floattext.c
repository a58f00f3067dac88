/*
 * floattext.c - see floattext.h: a float the target parsed from text.
 *
 * The compare gives from (what the target compared: the parsed value) and
 * to (what it wanted), as bits.  Neither is in the input as bits, nor as an
 * integer in decimal, so cmpmut.c's plain scans find nothing and this runs
 * with the other transforms (the second tier, cmpmut.c).
 *
 * Choices:
 *  - A token is a maximal run of the characters a decimal float is written
 *    with ([0-9] . + - e E); the number is the longest prefix strtod (strtof
 *    at size 4) reads from the run's start, so "x=-12.5e3," gives -12.5e3
 *    and "1.5.7" gives 1.5.  Tokens longer than FT_TOKEN_MAX are passed
 *    over (no program reads a 40-digit float literal for its value), and
 *    only the first FT_TOKENS tokens are read: a token costs a strtod.
 *  - A token matches when its value equals from's (as a double, or as a
 *    float at size 4): "1234", "1234.0" and "1.234e3" all match 1234.0.
 *  - to is written as the shortest text that reads back exactly
 *    (floattext_shortest): `%.<p>g` for the smallest precision p that
 *    round-trips, or, when that needs an exponent, `%.<p>f` likewise if it
 *    fits in 31 characters (a parser that is not strtod may not take an
 *    exponent): 1e-07 is written 0.0000001, 1e+300 stays.  For a range
 *    (1234.5 < x < 1234.6) to is the bound's neighbour (cmpwide.c), so the
 *    text is 17 digits long: 1234.5000000000002.
 *  - from must be a finite value that is 0 or of magnitude 1e-30 to 1e30,
 *    so the integer compares this also sees (most of which are small
 *    integers, denormals as a double's bits) cost one test each; to's text
 *    is made only once a token matched (a scan of a binary input with few
 *    token characters is cheap; the printfs are not).
 *  - snprintf and strtod follow the process's locale: a target that set a
 *    locale with a decimal comma gets text in that locale, as it reads it.
 *
 * Invariants: those of cmpxform.c (pure; reads d[0..len) only; candidates
 * in position order; none that changes nothing).
 *
 * Owns: nothing (pure functions over what the caller passes).
 */
#include "floattext.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FT_TOKEN_MAX 40
#define FT_TOKENS 64
#define FT_TEXT 32

static double value_of(uint64_t bits, unsigned size)
{
    if (size == 4) {
        float f;
        uint32_t b = (uint32_t)bits;
        memcpy(&f, &b, sizeof f);
        return f;
    }
    double v;
    memcpy(&v, &bits, sizeof v);
    return v;
}

/* Does text read back as v, at the given size? */
static int reads_as(const char *text, double v, unsigned size)
{
    return size == 4 ? strtof(text, NULL) == (float)v : strtod(text, NULL) == v;
}

/* The shortest text of v in one printf format; 0 if none fits. */
static size_t shortest_in(char *out, double v, unsigned size, char conv)
{
    int most = conv == 'g' ? 17 : 40;
    for (int p = conv == 'g' ? 1 : 0; p <= most; p++) {
        int n = conv == 'g' ? snprintf(out, FT_TEXT, "%.*g", p, v) : snprintf(out, FT_TEXT, "%.*f", p, v);
        if (n <= 0 || n >= FT_TEXT)
            return 0;
        if (reads_as(out, v, size))
            return (size_t)n;
    }
    return 0;
}

size_t floattext_shortest(char *out, double v, unsigned size)
{
    if (!isfinite(v))
        return 0;
    size_t n = shortest_in(out, v, size, 'g');
    if (n == 0 || !memchr(out, 'e', n))
        return n;
    char plain[FT_TEXT];
    size_t m = shortest_in(plain, v, size, 'f');
    if (m != 0) {
        memcpy(out, plain, m + 1);
        return m;
    }
    return n;
}

static int token_char(uint8_t c)
{
    return (c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-' || c == 'e' || c == 'E';
}

/* Worth a token scan: a finite value text could plausibly hold. */
static int plausible(double v)
{
    double m = fabs(v);
    return isfinite(v) && (m == 0 || (m >= 1e-30 && m <= 1e30));
}

/* The number at the start of run[0..n), if it reads as from: its length. */
static size_t match_at(const uint8_t *run, size_t n, double from, unsigned size)
{
    char buf[FT_TOKEN_MAX + 1];
    memcpy(buf, run, n);
    buf[n] = 0;
    char *end;
    double v = size == 4 ? strtof(buf, &end) : strtod(buf, &end);
    if (end == buf)
        return 0;
    int same = size == 4 ? (float)v == (float)from : v == from;
    return same ? (size_t)(end - buf) : 0;
}

void xf_floattext(struct i2s_sink *s, const uint8_t *d, size_t len,
                  uint64_t from, uint64_t to, unsigned size)
{
    if (size != 4 && size != 8)
        return;
    double a = value_of(from, size);
    if (!plausible(a))
        return;
    char text[FT_TEXT];
    size_t tl = 0, tokens = 0, pos = 0;
    while (pos < len && tokens < FT_TOKENS && !i2s_full(s)) {
        if (!token_char(d[pos])) {
            pos++;
            continue;
        }
        size_t end = pos;
        while (end < len && token_char(d[end]))
            end++;
        tokens++;
        size_t n = end - pos <= FT_TOKEN_MAX ? match_at(d + pos, end - pos, a, size) : 0;
        if (n && tl == 0) /* to's text, made once and only for a match: it costs up to 17 printfs */
            tl = floattext_shortest(text, value_of(to, size), size);
        if (n && tl)
            i2s_emit(s, d, pos, n, text, tl, I2S_FLOATTEXT);
        else if (n)
            return; /* to is not finite: nothing to write */
        pos = end;
    }
}
