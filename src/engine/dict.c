/*
 * dict.c - see dict.h.  Parses dictionary files line by line into one
 * growable array of words, and formats a word back so that parsing the
 * output gives the same bytes.
 *
 * Invariants: every word d->w[0..n) has 1 <= len <= DICT_MAX_WORD, bytes past
 * len are zero, and no two words are equal.  dict_parse adds all of a text's
 * new words or, on error, leaves d with the words it had before.  Nothing
 * here prints or exits; errors are return codes plus a message in err.
 *
 * Decisions beyond dict.h: '#' starts a comment only as the first non-blank
 * byte of a line, so `"x" # note` is rejected as unexpected text after the
 * closing quote (libFuzzer and AFL reject it too).  Spaces or tabs may
 * surround the '=' after a name, as AFL allows.  A line may end in "\r\n".
 * Raw bytes inside quotes, control bytes included, stand for themselves.
 *
 * Owns: no state of its own.  Of a struct dict the caller keeps (the
 * coordinator's words and autodict, coordinator_int.h; a test's), only this
 * file writes the fields: the word array w, n and cap, grown by dict_add
 * and dict_parse, freed by dict_free.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"

/* Longest formatted word: quotes, four bytes per escaped byte, the NUL. */
#define FORMAT_MAX (2 + 4 * DICT_MAX_WORD + 1)

__attribute__((format(printf, 3, 4)))
static int fail(char *why, size_t whylen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (why && whylen)
        vsnprintf(why, whylen, fmt, ap);
    va_end(ap);
    return -1;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_';
}

static int hex_value(char c)
{
    if (is_digit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static int grow(struct dict *d)
{
    if (d->n < d->cap)
        return 0;
    size_t cap = d->cap ? d->cap * 2 : 64;
    struct dict_word *w = realloc(d->w, cap * sizeof *w);
    if (!w)
        return -1;
    d->w = w;
    d->cap = cap;
    return 0;
}

static int dict_has(const struct dict *d, const uint8_t *bytes, size_t len)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->w[i].len == len && memcmp(d->w[i].bytes, bytes, len) == 0)
            return 1;
    return 0;
}

/* Returns 1 if added, 0 if present, empty or too long, -1 if out of memory. */
int dict_add(struct dict *d, const uint8_t *bytes, size_t len)
{
    if (len == 0 || len > DICT_MAX_WORD || dict_has(d, bytes, len))
        return 0;
    if (grow(d) != 0)
        return -1;
    struct dict_word *w = &d->w[d->n++];
    memset(w, 0, sizeof *w);
    w->len = (uint8_t)len;
    memcpy(w->bytes, bytes, len);
    return 1;
}

void dict_free(struct dict *d)
{
    free(d->w);
    memset(d, 0, sizeof *d);
}

/* Decodes the two hex digits of a \x escape at *pp; advances past them. */
static int hex_escape(const char **pp, const char *end, char *why, size_t whylen)
{
    const char *p = *pp;
    int hi = end - p >= 2 ? hex_value(p[0]) : -1;
    int lo = end - p >= 2 ? hex_value(p[1]) : -1;
    if (hi < 0 || lo < 0)
        return fail(why, whylen, "\\x needs two hex digits");
    *pp = p + 2;
    return hi << 4 | lo;
}

static int bad_escape(char c, char *why, size_t whylen)
{
    if (c > ' ' && c < 0x7f)
        return fail(why, whylen, "bad escape \\%c", c);
    return fail(why, whylen, "bad escape \\ followed by byte 0x%02x", (unsigned)(uint8_t)c);
}

/* Decodes one byte of a literal at *pp (not the closing quote); advances. */
static int next_byte(const char **pp, const char *end, char *why, size_t whylen)
{
    const char *p = *pp;
    if (*p != '\\') {
        *pp = p + 1;
        return (uint8_t)*p;
    }
    if (p + 1 == end)
        return fail(why, whylen, "unterminated string");
    *pp = p + 2;
    switch (p[1]) {
    case '\\': return '\\';
    case '"': return '"';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'x': return hex_escape(pp, end, why, whylen);
    default: return bad_escape(p[1], why, whylen);
    }
}

/* p is at the opening quote; the closing quote must end the (trimmed) line. */
static int parse_quoted(const char *p, const char *end, struct dict_word *w,
                        char *why, size_t whylen)
{
    size_t n = 0;
    for (p++; p < end && *p != '"'; n++) {
        int c = next_byte(&p, end, why, whylen);
        if (c < 0)
            return -1;
        if (n < DICT_MAX_WORD)
            w->bytes[n] = (uint8_t)c;
    }
    if (p == end)
        return fail(why, whylen, "unterminated string");
    if (p + 1 != end)
        return fail(why, whylen, "unexpected text after the closing quote");
    if (n == 0)
        return fail(why, whylen, "empty entry");
    if (n > DICT_MAX_WORD)
        return fail(why, whylen, "entry longer than %d bytes", DICT_MAX_WORD);
    w->len = (uint8_t)n;
    return 0;
}

/* Skips `name`, `@N`, '=' and blanks around it; leaves *pp at the quote. */
static int skip_name(const char **pp, const char *end, char *why, size_t whylen)
{
    const char *p = *pp, *start = p;
    while (p < end && is_name_char(*p))
        p++;
    if (p == start)
        return fail(why, whylen, "expected \"literal\" or name=\"literal\"");
    if (p < end && *p == '@') {
        const char *digits = ++p;
        while (p < end && is_digit(*p))
            p++;
        if (p == digits)
            return fail(why, whylen, "expected digits after '@'");
    }
    while (p < end && is_blank(*p))
        p++;
    if (p == end || *p != '=')
        return fail(why, whylen, "expected '=' after the name");
    for (p++; p < end && is_blank(*p); p++)
        ;
    if (p == end || *p != '"')
        return fail(why, whylen, "expected a quoted string after '='");
    *pp = p;
    return 0;
}

/* Parses one line (without '\n') and adds its word, if any. */
static int parse_line(struct dict *d, const char *p, const char *end, char *why, size_t whylen)
{
    while (p < end && is_blank(*p))
        p++;
    while (end > p && (is_blank(end[-1]) || end[-1] == '\r'))
        end--;
    if (p == end || *p == '#')
        return 0;
    if (*p != '"' && skip_name(&p, end, why, whylen) != 0)
        return -1;
    struct dict_word w;
    if (parse_quoted(p, end, &w, why, whylen) != 0)
        return -1;
    if (dict_add(d, w.bytes, w.len) < 0)
        return fail(why, whylen, "out of memory");
    return 0;
}

/* Length of the line at text[*pos] without its '\n'; moves *pos past it. */
static size_t next_line(const char *text, size_t len, size_t *pos)
{
    const char *nl = memchr(text + *pos, '\n', len - *pos);
    size_t n = nl ? (size_t)(nl - (text + *pos)) : len - *pos;
    *pos += n + (nl != NULL);
    return n;
}

int dict_parse(struct dict *d, const char *text, size_t len, const char *file,
               char *err, size_t errlen)
{
    size_t n0 = d->n, pos = 0;
    d->bad_line = 0;
    for (size_t line = 1; pos < len; line++) {
        char why[64];
        const char *p = text + pos;
        const char *end = p + next_line(text, len, &pos);
        if (parse_line(d, p, end, why, sizeof why) != 0) {
            d->n = n0;
            d->bad_line = line;
            return fail(err, errlen, "%s:%zu: %s", file ? file : "<dict>", line, why);
        }
    }
    return 0;
}

/* Appends byte b to s[n..] as the file format spells it; returns the new n. */
static size_t escape_byte(char *s, size_t n, uint8_t b)
{
    static const char hex[] = "0123456789abcdef";
    if (b == '\\' || b == '"') {
        s[n++] = '\\';
        s[n++] = (char)b;
    } else if (b >= 0x20 && b <= 0x7e) {
        s[n++] = (char)b;
    } else {
        s[n++] = '\\';
        s[n++] = 'x';
        s[n++] = hex[b >> 4];
        s[n++] = hex[b & 15];
    }
    return n;
}

/* Writes the quoted word and a NUL into out; returns the length without the
 * NUL, or -1 if out is too small or w is not a valid word (empty, too long). */
int dict_format_word(const struct dict_word *w, char *out, size_t outlen)
{
    char buf[FORMAT_MAX];
    size_t n = 0;
    if (w->len == 0 || w->len > DICT_MAX_WORD)
        return -1;
    buf[n++] = '"';
    for (size_t i = 0; i < w->len; i++)
        n = escape_byte(buf, n, w->bytes[i]);
    buf[n++] = '"';
    if (n >= outlen)
        return -1;
    memcpy(out, buf, n);
    out[n] = '\0';
    return (int)n;
}
