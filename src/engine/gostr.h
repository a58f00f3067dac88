/*
 * gostr.h - Go's strings as the Go corpus encoding (gocorpus.c) writes and
 * reads them: UTF-8 as unicode/utf8 decodes it, unicode.IsPrint, the white
 * space bytes.TrimSpace trims, strconv.Quote and strconv.QuoteRune
 * (gostr.c).  Also the output sink that Go text is written into, defined
 * here static inline because gostr.c, gofloat.c and gocorpus.c all write
 * into it (as the single gocorpus.c did).
 */
#ifndef FERRET_GOSTR_H
#define FERRET_GOSTR_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ---- Output ----------------------------------------------------------- */

/* Like snprintf: at most cap - 1 bytes are written into p, n counts all. */
struct out {
    char *p;
    size_t cap, n; /* n counts everything, written or not */
};

static inline void put_char(struct out *o, char c)
{
    if (o->n + 1 < o->cap)
        o->p[o->n] = c;
    o->n++;
}

static inline void put_mem(struct out *o, const void *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        put_char(o, ((const char *)s)[i]);
}

static inline void put_str(struct out *o, const char *s)
{
    put_mem(o, s, strlen(s));
}

/* ---- Runes ------------------------------------------------------------ */

/* A rune Go's utf8 package accepts: 0..U+10FFFF, no surrogate. */
int gostr_valid_rune(int64_t r);

/* Unicode white space, as Go's bytes.TrimSpace trims it. */
int gostr_is_space(uint32_t r);

/* Decodes the rune at p[0..end) as Go's utf8.DecodeRune does (no overlong
 * forms, surrogates or runes past U+10FFFF); returns its length, or 0 when
 * the bytes are not valid UTF-8.  p < end. */
size_t gostr_utf8_decode(const char *p, const char *end, uint32_t *r);

/* Writes valid rune r as UTF-8 into b; returns the length (1 to 4). */
size_t gostr_utf8_encode(uint32_t r, uint8_t *b);

/* ---- Quoting ---------------------------------------------------------- */

/* strconv.Quote of the bytes: invalid UTF-8 as \xHH, one byte at a time. */
void gostr_put_quoted(struct out *o, const uint8_t *s, size_t n);

/* strconv.QuoteRune of a valid rune. */
void gostr_put_rune(struct out *o, uint32_t r);

#endif
