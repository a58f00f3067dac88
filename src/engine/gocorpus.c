/*
 * gocorpus.c - see gocorpus.h.  The "go test fuzz v1" file itself: the
 * header line and one value per line, written the way Go's
 * marshalCorpusFile writes them (the call around each value, integers as
 * fmt prints them, which NaNs need math.FloatNNfrombits), and the small
 * part of Go's expression syntax that a corpus line uses, lexed and parsed
 * here: TYPE(LITERAL), []byte(STRING), math.FloatNNfrombits(INT).
 *
 * Go's string quoting, UTF-8 and Unicode tables are in gostr.c (gostr.h,
 * with the output sink this file writes into), the text of a float, written
 * and read, in gofloat.c (gofloat.h).
 *
 * Invariants: a value from the parser is within its type's range and owns
 * its bytes; gocorpus_parse hands back all of a file's values or none.
 * gocorpus_format counts every byte even past outlen, like snprintf, and
 * wraps an out-of-range integer the way a Go conversion would, so its output
 * always parses back.  Nothing here prints, exits or needs libm: floats are
 * taken apart by their bits (their digits are gofloat.c's).
 *
 * Owns: nothing between calls (pure functions over what the caller passes).
 * The values gocorpus_parse hands back, and the bytes each []byte or string
 * value holds, are malloc'd for the caller, who frees them with
 * gocorpus_free.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "floatbits.h"
#include "gocorpus.h"
#include "gofloat.h"
#include "gostr.h"

#define HEADER "go test fuzz v1"
#define GO_NAN64 0x7ff8000000000001ull /* Go's math.NaN() */
#define GO_NAN32 0x7fc00000u           /* float32(math.NaN()) */
#define WHY_MAX 160

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

static const char *const type_names[] = {
    "[]byte", "string", "bool", "int", "int8", "int16", "int32", "int64",
    "uint", "uint8", "uint16", "uint32", "uint64", "float32", "float64",
};

const char *gocorpus_type_name(enum go_type t)
{
    if ((unsigned)t >= sizeof type_names / sizeof type_names[0])
        return "?";
    return type_names[t];
}

/* ---- Floats ----------------------------------------------------------- */

static void put_float64(struct out *o, double v)
{
    uint64_t b = f64_bits(v);
    char buf[48];
    if ((b & 0x7fffffffffffffffull) > 0x7ff0000000000000ull && b != GO_NAN64) {
        snprintf(buf, sizeof buf, "math.Float64frombits(0x%" PRIx64, b);
        put_str(o, buf);
    } else if (b == GO_NAN64) {
        put_str(o, "float64(NaN");
    } else {
        put_str(o, "float64(");
        gofloat_put(o, v, (int)(b >> 63), 0);
    }
}

static void put_float32(struct out *o, float v)
{
    uint32_t b = f32_bits(v);
    char buf[48];
    if ((b & 0x7fffffffu) > 0x7f800000u && b != GO_NAN32) {
        snprintf(buf, sizeof buf, "math.Float32frombits(0x%" PRIx32, b);
        put_str(o, buf);
    } else if (b == GO_NAN32) {
        put_str(o, "float32(NaN");
    } else {
        put_str(o, "float32(");
        gofloat_put(o, (double)v, (int)(b >> 31), 1);
    }
}

/* ---- Integers --------------------------------------------------------- */

static int int_bits(enum go_type t)
{
    switch (t) {
    case GO_INT8: case GO_UINT8: return 8;
    case GO_INT16: case GO_UINT16: return 16;
    case GO_INT32: case GO_UINT32: return 32;
    case GO_INT: case GO_INT64: case GO_UINT: case GO_UINT64: return 64;
    default: return 0;
    }
}

static int is_signed(enum go_type t)
{
    return t >= GO_INT && t <= GO_INT64;
}

/* v converted to a signed integer of `bits` bits, as Go converts. */
static int64_t wrap_signed(int64_t v, int bits)
{
    if (bits == 64)
        return v;
    uint64_t m = 1ull << bits, u = (uint64_t)v & (m - 1);
    return u >= m / 2 ? (int64_t)u - (int64_t)m : (int64_t)u;
}

static uint64_t wrap_unsigned(uint64_t v, int bits)
{
    return bits == 64 ? v : v & ((1ull << bits) - 1);
}

static void put_integer(struct out *o, const struct go_value *v, int bits)
{
    char buf[48];
    const char *name = gocorpus_type_name(v->type);
    int64_t i = wrap_signed(v->i, bits);
    if (v->type == GO_UINT8) {
        put_str(o, "byte(");
        gostr_put_rune(o, (uint32_t)wrap_unsigned(v->u, 8));
        return;
    }
    if (v->type == GO_INT32 && gostr_valid_rune(i)) {
        put_str(o, "rune(");
        gostr_put_rune(o, (uint32_t)i);
        return;
    }
    if (is_signed(v->type))
        snprintf(buf, sizeof buf, "%s(%" PRId64, name, i);
    else
        snprintf(buf, sizeof buf, "%s(%" PRIu64, name, wrap_unsigned(v->u, bits));
    put_str(o, buf);
}

/* ---- Formatting ------------------------------------------------------- */

/* One line of the file; -1 if v's type is not a go_type. */
static int put_value(struct out *o, const struct go_value *v)
{
    switch (v->type) {
    case GO_BYTES:
    case GO_STRING:
        put_str(o, v->type == GO_BYTES ? "[]byte(" : "string(");
        gostr_put_quoted(o, v->bytes.p, v->bytes.len);
        break;
    case GO_BOOL:
        put_str(o, v->b ? "bool(true" : "bool(false");
        break;
    case GO_FLOAT32:
        put_float32(o, v->f32);
        break;
    case GO_FLOAT64:
        put_float64(o, v->f64);
        break;
    default:
        if (int_bits(v->type) == 0)
            return -1;
        put_integer(o, v, int_bits(v->type));
    }
    put_str(o, ")\n");
    return 0;
}

size_t gocorpus_format(const struct go_value *vals, size_t n, char *out, size_t outlen)
{
    struct out o = {out, outlen, 0};
    size_t rc = 0;
    put_str(&o, HEADER "\n");
    for (size_t i = 0; i < n && rc == 0; i++)
        if (put_value(&o, &vals[i]) != 0)
            rc = SIZE_MAX;
    if (outlen)
        out[o.n < outlen ? o.n : outlen - 1] = '\0';
    return rc ? rc : o.n;
}

/* ---- Tokens ----------------------------------------------------------- */

enum tok { T_EOF, T_IDENT, T_INT, T_FLOAT, T_CHAR, T_STRING, T_PUNCT };

struct token {
    enum tok kind;
    const char *s;
    size_t len;
};

struct lexer {
    const char *p, *end;
    char *why;
    size_t whylen;
};

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (uint8_t)c >= 0x80;
}

/* 0-35 for 0-9, a-z, A-Z; 99 for anything else. */
static int digit_value(char c)
{
    if (is_digit(c))
        return c - '0';
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
        return (c | 0x20) - 'a' + 10;
    return 99;
}

static int is_punct(const struct token *t, char c)
{
    return t->kind == T_PUNCT && t->s[0] == c;
}

static int is_word(const struct token *t, const char *w)
{
    return t->kind == T_IDENT && t->len == strlen(w) && memcmp(t->s, w, t->len) == 0;
}

/* 16, 8 or 2 for a 0x, 0o or 0b prefix; 0 for none. */
static int prefix_base(const char *s, size_t n)
{
    if (n < 2 || s[0] != '0')
        return 0;
    switch (s[1] | 0x20) {
    case 'x': return 16;
    case 'o': return 8;
    case 'b': return 2;
    default: return 0;
    }
}

/* Skips blanks and comments; -1 for an unterminated comment. */
static int skip_blank(struct lexer *lx)
{
    for (;;) {
        const char *p = lx->p;
        size_t left = (size_t)(lx->end - p);
        if (left && (*p == ' ' || *p == '\t' || *p == '\r')) {
            lx->p++;
        } else if (left >= 2 && p[0] == '/' && p[1] == '/') {
            lx->p = lx->end;
        } else if (left >= 2 && p[0] == '/' && p[1] == '*') {
            const char *q = memmem(p + 2, left - 2, "*/", 2);
            if (!q)
                return fail(lx->why, lx->whylen, "unterminated comment");
            lx->p = q + 2;
        } else {
            return 0;
        }
    }
}

/* Whether '_' at s[i] separates two digits (or follows a base prefix). */
static int separator_ok(const char *s, size_t n, size_t i, int base)
{
    int after_prefix = i == 2 && prefix_base(s, n);
    return (after_prefix || digit_value(s[i - 1]) < base) && i + 1 < n &&
           digit_value(s[i + 1]) < base;
}

/* Skips the decimal digits of an exponent from s[*i]; 0 if there are none. */
static int exponent_ok(const char *s, size_t n, size_t *i)
{
    size_t start = *i;
    for (; *i < n && (is_digit(s[*i]) || s[*i] == '_'); ++*i)
        if (s[*i] == '_' && (*i == start || !separator_ok(s, n, *i, 10)))
            return 0;
    return *i > start;
}

/* Checks a number by Go's rules: T_INT, T_FLOAT or -1 if malformed. */
static int number_kind(const char *s, size_t n)
{
    int base = prefix_base(s, n), digits = 0, dot = 0, exp = 0;
    size_t i = base ? 2 : 0;
    int scan = base ? base : 10; /* 017 is octal, but 09.5 a float */
    for (; i < n; i++) {
        if (s[i] == '_' && !separator_ok(s, n, i, scan))
            return -1;
        if (s[i] == '.' && !dot && scan >= 10)
            dot = 1;
        else if (digit_value(s[i]) < scan)
            digits++;
        else if (s[i] != '_')
            break;
    }
    char e = scan == 16 ? 'p' : scan == 10 ? 'e' : 0;
    if (digits && i < n && e && (s[i] | 0x20) == e) {
        i += 1 + (i + 1 < n && (s[i + 1] == '+' || s[i + 1] == '-'));
        if (!exponent_ok(s, n, &i))
            return -1;
        exp = 1;
    }
    if (!digits || i != n || (scan == 16 && dot && !exp))
        return -1;
    if (!base && !dot && !exp && s[0] == '0')
        for (i = 1; i < n; i++)
            if (s[i] != '_' && digit_value(s[i]) >= 8)
                return -1;
    return dot || exp ? T_FLOAT : T_INT;
}

/* End of the number at p: letters, digits, '_', '.' and a sign after an
 * exponent letter (e or E; p or P after a 0x prefix). */
static const char *number_end(const char *p, const char *end)
{
    int hex = prefix_base(p, (size_t)(end - p)) == 16;
    const char *q = p;
    while (q < end) {
        char prev = q > p ? (char)(q[-1] | 0x20) : 0;
        if (is_letter(*q) || is_digit(*q) || *q == '.')
            q++;
        else if ((*q == '+' || *q == '-') && prev == (hex ? 'p' : 'e'))
            q++;
        else
            break;
    }
    return q;
}

/* End (past the closing quote) of the "..." or '...' literal at p, or NULL. */
static const char *quoted_end(const char *p, const char *end)
{
    char quote = *p;
    for (p++; p < end; p++) {
        if (*p == '\\') {
            if (++p == end) /* skip the escaped character */
                break;
        } else if (*p == quote) {
            return p + 1;
        }
    }
    return NULL;
}

static int lex_number(struct lexer *lx, struct token *t)
{
    const char *q = number_end(lx->p, lx->end);
    int kind = number_kind(lx->p, (size_t)(q - lx->p));
    if (kind < 0)
        return fail(lx->why, lx->whylen, "malformed number %.*s",
                    (int)(q - lx->p > 40 ? 40 : q - lx->p), lx->p);
    t->kind = (enum tok)kind;
    t->len = (size_t)(q - lx->p);
    return 0;
}

static int lex_quoted(struct lexer *lx, struct token *t)
{
    const char *p = lx->p, *q;
    if (*p == '`')
        q = memchr(p + 1, '`', (size_t)(lx->end - p - 1));
    else
        q = quoted_end(p, lx->end);
    if (!q)
        return fail(lx->why, lx->whylen, "unterminated %s",
                    *p == '\'' ? "rune literal" : *p == '`' ? "raw string" : "string");
    t->kind = *p == '\'' ? T_CHAR : T_STRING;
    t->len = (size_t)(q - p) + (*p == '`');
    return 0;
}

/* Reads the next token into t; -1 with a message for a bad one. */
static int lex(struct lexer *lx, struct token *t)
{
    if (skip_blank(lx) != 0)
        return -1;
    const char *p = lx->p;
    int rc = 0;
    t->s = p;
    t->len = 1;
    if (p == lx->end) {
        t->kind = T_EOF;
        t->len = 0;
    } else if (is_letter(*p)) {
        for (t->kind = T_IDENT; p + t->len < lx->end; t->len++)
            if (!is_letter(p[t->len]) && !is_digit(p[t->len]))
                break;
    } else if (is_digit(*p) || (*p == '.' && p + 1 < lx->end && is_digit(p[1]))) {
        rc = lex_number(lx, t);
    } else if (*p == '"' || *p == '\'' || *p == '`') {
        rc = lex_quoted(lx, t);
    } else if (*p && strchr("()[].,-+", *p)) {
        t->kind = T_PUNCT;
    } else if (*p > ' ' && *p < 0x7f) {
        return fail(lx->why, lx->whylen, "unexpected '%c'", *p);
    } else {
        return fail(lx->why, lx->whylen, "unexpected byte 0x%02x", (unsigned)(uint8_t)*p);
    }
    lx->p += rc == 0 ? t->len : 0;
    return rc;
}

/* ---- Literals --------------------------------------------------------- */

/* Decodes the escape after a backslash at *pp, inside a literal quoted with
 * quote, into *r; *byte is set for \x and octal escapes, which stand for a
 * byte rather than a rune.  Advances *pp. */
static int unescape(const char **pp, const char *end, char quote, uint32_t *r, int *byte,
                    char *why, size_t whylen)
{
    static const char esc[] = "abfnrtv\\'\"", val[] = "\a\b\f\n\r\t\v\\'\"";
    const char *p = *pp, *e = strchr(esc, *p);
    int ndig = 3, base = 8;
    *byte = *p == 'x' || (*p >= '0' && *p <= '7');
    if (*p && e && (*p == quote || (*p != '\'' && *p != '"'))) {
        *r = (uint8_t)val[e - esc];
        *pp = p + 1;
        return 0;
    }
    if (*p == 'x' || *p == 'u' || *p == 'U') {
        ndig = *p == 'x' ? 2 : *p == 'u' ? 4 : 8;
        base = 16;
        p++;
    } else if (!*byte) {
        if (*p > ' ' && *p < 0x7f)
            return fail(why, whylen, "unknown escape \\%c", *p);
        return fail(why, whylen, "unknown escape");
    }
    for (*r = 0; ndig > 0; ndig--, p++) {
        int d = p < end ? digit_value(*p) : 99;
        if (d >= base)
            return fail(why, whylen, "malformed escape: too few %s digits",
                        base == 8 ? "octal" : "hex");
        *r = *r * (uint32_t)base + (uint32_t)d;
    }
    if (*byte ? *r > 255 : !gostr_valid_rune(*r))
        return fail(why, whylen, "escape value out of range");
    *pp = p;
    return 0;
}

/* The bytes of a "..." or `...` literal, into v (malloc'd, NUL after). */
static int unquote_string(const struct token *t, struct go_value *v, char *why, size_t whylen)
{
    const char *p = t->s + 1, *end = t->s + t->len - 1;
    uint8_t *buf = malloc(t->len);
    size_t n = 0;
    if (!buf)
        return fail(why, whylen, "out of memory");
    while (p < end) {
        uint32_t r;
        int byte;
        if (t->s[0] == '`' || *p != '\\') {
            if (t->s[0] != '`' || *p != '\r') /* raw strings drop \r */
                buf[n++] = (uint8_t)*p;
            p++;
            continue;
        }
        p++;
        if (unescape(&p, end, '"', &r, &byte, why, whylen) != 0) {
            free(buf);
            return -1;
        }
        if (byte)
            buf[n++] = (uint8_t)r;
        else
            n += gostr_utf8_encode(r, buf + n);
    }
    buf[n] = '\0';
    v->bytes.p = buf;
    v->bytes.len = n;
    return 0;
}

/* The value of a '...' literal. */
static int unquote_char(const struct token *t, uint32_t *r, char *why, size_t whylen)
{
    const char *p = t->s + 1, *end = t->s + t->len - 1;
    int byte;
    if (p == end)
        return fail(why, whylen, "empty rune literal");
    if (*p == '\\') {
        p++;
        if (unescape(&p, end, '\'', r, &byte, why, whylen) != 0)
            return -1;
    } else {
        p += gostr_utf8_decode(p, end, r); /* the line is valid UTF-8 */
    }
    if (p != end)
        return fail(why, whylen, "more than one character in rune literal");
    return 0;
}

/* The magnitude of an integer literal (checked by number_kind); -1 if it
 * does not fit in 64 bits. */
static int int_value(const char *s, size_t n, uint64_t *out)
{
    int base = prefix_base(s, n);
    size_t i = base ? 2 : 0;
    if (!base)
        base = n > 1 && s[0] == '0' ? 8 : 10;
    for (*out = 0; i < n; i++) {
        if (s[i] == '_')
            continue;
        uint64_t d = (uint64_t)digit_value(s[i]);
        if (*out > (UINT64_MAX - d) / (uint64_t)base)
            return -1;
        *out = *out * (uint64_t)base + d;
    }
    return 0;
}

/* ---- Values ----------------------------------------------------------- */

struct callee {
    enum go_type type;
    int frombits; /* math.Float32frombits or math.Float64frombits */
};

struct arg {
    struct token lit;
    char sign; /* 0, '-' or '+' */
};

static int range_error(enum go_type t, char *why, size_t whylen)
{
    return fail(why, whylen, "value out of range for %s", gocorpus_type_name(t));
}

/* Stores magnitude mag (negated if neg) into v, checking v's range. */
static int set_integer(struct go_value *v, uint64_t mag, int neg, char *why, size_t whylen)
{
    int bits = int_bits(v->type);
    if (!is_signed(v->type)) {
        if (neg)
            return fail(why, whylen, "negative value for %s", gocorpus_type_name(v->type));
        if (bits < 64 && mag >> bits)
            return range_error(v->type, why, whylen);
        v->u = mag;
        return 0;
    }
    uint64_t limit = 1ull << (bits - 1);
    if (neg ? mag > limit : mag >= limit)
        return range_error(v->type, why, whylen);
    v->i = neg && mag ? -(int64_t)(mag - 1) - 1 : (int64_t)mag;
    return 0;
}

static int convert_int(const struct arg *a, struct go_value *v, char *why, size_t whylen)
{
    uint64_t mag;
    int runes = v->type == GO_INT32 || v->type == GO_UINT8;
    if (a->lit.kind == T_CHAR && runes && !a->sign) {
        uint32_t r;
        if (unquote_char(&a->lit, &r, why, whylen) != 0)
            return -1;
        mag = r;
    } else if (a->lit.kind == T_INT && a->sign != '+') {
        if (int_value(a->lit.s, a->lit.len, &mag) != 0)
            return range_error(v->type, why, whylen);
    } else {
        return fail(why, whylen, "expected an integer%s for %s", runes ? " or a rune literal" : "",
                    gocorpus_type_name(v->type));
    }
    return set_integer(v, mag, a->sign == '-', why, whylen);
}

/* A decimal or hex float literal (any int literal without a base prefix
 * reads as decimal, as Go's strconv.ParseFloat reads it). */
static int float_value(const struct arg *a, struct go_value *v, char *why, size_t whylen)
{
    const struct token *t = &a->lit;
    int base = prefix_base(t->s, t->len), rc;
    if (t->kind == T_INT && base)
        return fail(why, whylen, "expected a float literal for %s", gocorpus_type_name(v->type));
    rc = v->type == GO_FLOAT32 ? gofloat_parse32(t->s, t->len, a->sign, &v->f32)
                               : gofloat_parse64(t->s, t->len, a->sign, &v->f64);
    if (rc == GOFLOAT_NOMEM)
        return fail(why, whylen, "out of memory");
    if (rc == GOFLOAT_RANGE)
        return range_error(v->type, why, whylen);
    return 0;
}

static int convert_float(const struct arg *a, struct go_value *v, char *why, size_t whylen)
{
    const struct token *t = &a->lit;
    int is32 = v->type == GO_FLOAT32;
    uint64_t inf = a->sign == '-' ? 0xfff0000000000000ull : 0x7ff0000000000000ull;
    if (is_word(t, "NaN") && !a->sign) {
        if (is32)
            v->f32 = f32_from(GO_NAN32);
        else
            v->f64 = f64_from(GO_NAN64);
    } else if (is_word(t, "Inf") && a->sign) {
        if (is32)
            v->f32 = f32_from(a->sign == '-' ? 0xff800000u : 0x7f800000u);
        else
            v->f64 = f64_from(inf);
    } else if ((t->kind == T_INT || t->kind == T_FLOAT) && a->sign != '+') {
        return float_value(a, v, why, whylen);
    } else {
        return fail(why, whylen, "expected a number, +Inf, -Inf or NaN for %s",
                    gocorpus_type_name(v->type));
    }
    return 0;
}

static int convert_bits(const struct arg *a, struct go_value *v, char *why, size_t whylen)
{
    uint64_t bits;
    int is32 = v->type == GO_FLOAT32;
    if (a->lit.kind != T_INT || a->sign)
        return fail(why, whylen, "expected an unsigned integer for math.Float%dfrombits",
                    is32 ? 32 : 64);
    if (int_value(a->lit.s, a->lit.len, &bits) != 0 || (is32 && bits > UINT32_MAX))
        return range_error(is32 ? GO_UINT32 : GO_UINT64, why, whylen);
    if (is32)
        v->f32 = f32_from((uint32_t)bits);
    else
        v->f64 = f64_from(bits);
    return 0;
}

/* The value of the call's argument, by the callee's type. */
static int convert(const struct callee *c, const struct arg *a, struct go_value *v,
                   char *why, size_t whylen)
{
    const struct token *t = &a->lit;
    v->type = c->type;
    if (c->frombits)
        return convert_bits(a, v, why, whylen);
    switch (c->type) {
    case GO_BYTES:
    case GO_STRING:
        if (t->kind != T_STRING || a->sign)
            return fail(why, whylen, "expected a string literal for %s",
                        gocorpus_type_name(c->type));
        return unquote_string(t, v, why, whylen);
    case GO_BOOL:
        if ((!is_word(t, "true") && !is_word(t, "false")) || a->sign)
            return fail(why, whylen, "expected true or false for bool");
        v->b = is_word(t, "true");
        return 0;
    case GO_FLOAT32:
    case GO_FLOAT64:
        return convert_float(a, v, why, whylen);
    default:
        return convert_int(a, v, why, whylen);
    }
}

static int type_by_name(const struct token *t, enum go_type *type)
{
    if (is_word(t, "byte") || is_word(t, "rune")) {
        *type = is_word(t, "byte") ? GO_UINT8 : GO_INT32;
        return 0;
    }
    for (size_t i = GO_STRING; i < sizeof type_names / sizeof type_names[0]; i++) {
        if (is_word(t, type_names[i])) {
            *type = (enum go_type)i;
            return 0;
        }
    }
    return -1;
}

/* After "math.": Float32frombits or Float64frombits. */
static int parse_frombits(struct lexer *lx, const struct token *pkg, struct callee *c)
{
    struct token t;
    if (lex(lx, &t) != 0)
        return -1;
    c->frombits = 1;
    c->type = is_word(&t, "Float32frombits") ? GO_FLOAT32 : GO_FLOAT64;
    if (is_word(pkg, "math") && (is_word(&t, "Float32frombits") || is_word(&t, "Float64frombits")))
        return 0;
    return fail(lx->why, lx->whylen, "unknown function %.*s.%.*s", (int)(pkg->len > 40 ? 40 : pkg->len),
                pkg->s, (int)(t.len > 40 ? 40 : t.len), t.s);
}

/* The type before '(': []byte, a type name or math.FloatNNfrombits. */
static int parse_callee(struct lexer *lx, struct callee *c)
{
    static const char expected[] = "expected a type like int64(...) or []byte(...)";
    struct token t, u;
    c->frombits = 0;
    if (lex(lx, &t) != 0)
        return -1;
    if (is_punct(&t, '[')) {
        c->type = GO_BYTES;
        if (lex(lx, &t) != 0 || !is_punct(&t, ']') || lex(lx, &t) != 0 || !is_word(&t, "byte"))
            return fail(lx->why, lx->whylen, "expected []byte");
        return 0;
    }
    struct lexer peek = *lx;
    if (t.kind != T_IDENT)
        return fail(lx->why, lx->whylen, expected);
    if (lex(&peek, &u) != 0)
        return -1;
    if (is_punct(&u, '.')) {
        *lx = peek;
        return parse_frombits(lx, &t, c);
    }
    if (type_by_name(&t, &c->type) == 0)
        return 0;
    if (!is_punct(&u, '('))
        return fail(lx->why, lx->whylen, expected);
    return fail(lx->why, lx->whylen, "unknown type %.*s", (int)(t.len > 40 ? 40 : t.len), t.s);
}

/* An optional '-' or '+', then a literal or a name. */
static int parse_arg(struct lexer *lx, struct arg *a)
{
    a->sign = 0;
    if (lex(lx, &a->lit) != 0)
        return -1;
    if (is_punct(&a->lit, '-') || is_punct(&a->lit, '+')) {
        a->sign = a->lit.s[0];
        if (lex(lx, &a->lit) != 0)
            return -1;
    }
    if (a->lit.kind == T_EOF || a->lit.kind == T_PUNCT)
        return fail(lx->why, lx->whylen, "expected a value inside the parentheses");
    return 0;
}

static int expect(struct lexer *lx, char c, const char *msg)
{
    struct token t;
    if (lex(lx, &t) != 0)
        return -1;
    return is_punct(&t, c) ? 0 : fail(lx->why, lx->whylen, "%s", msg);
}

/* One value line, trimmed and non-empty: callee '(' arg [','] ')'. */
static int parse_value(const char *p, const char *end, struct go_value *v, char *why,
                       size_t whylen)
{
    struct lexer lx = {p, end, why, whylen};
    struct callee c = {GO_BYTES, 0};
    struct arg a;
    struct token t;
    if (parse_callee(&lx, &c) != 0 || expect(&lx, '(', "expected '(' after the type") != 0 ||
        parse_arg(&lx, &a) != 0 || lex(&lx, &t) != 0)
        return -1;
    if (is_punct(&t, ',') && lex(&lx, &t) != 0)
        return -1;
    if (!is_punct(&t, ')'))
        return fail(why, whylen, "expected ')' after the value");
    if (lex(&lx, &t) != 0)
        return -1;
    if (t.kind != T_EOF)
        return fail(why, whylen, "unexpected text after ')'");
    return convert(&c, &a, v, why, whylen);
}

/* ---- Files ------------------------------------------------------------ */

struct vec {
    struct go_value *v;
    size_t n, cap;
};

/* Trims Unicode white space from both ends, as bytes.TrimSpace does. */
static void trim_space(const char **pp, const char **endp)
{
    const char *p = *pp, *end = *endp, *stop;
    uint32_t r;
    size_t w;
    for (; p < end && (w = gostr_utf8_decode(p, end, &r)) && gostr_is_space(r); p += w)
        ;
    stop = p;
    for (const char *q = p; q < end; q += w) {
        w = gostr_utf8_decode(q, end, &r);
        if (w == 0)
            w = 1;
        else if (gostr_is_space(r))
            continue;
        stop = q + w;
    }
    *pp = p;
    *endp = stop;
}

/* Go's scanner rejects NUL, invalid UTF-8 and a byte order mark after the
 * start; a leading one it skips. */
static int check_text(const char **pp, const char *end, char *why, size_t whylen)
{
    uint32_t r;
    size_t w;
    for (const char *q = *pp; q < end; q += w) {
        if (!(w = gostr_utf8_decode(q, end, &r)))
            return fail(why, whylen, "invalid UTF-8");
        if (r == 0)
            return fail(why, whylen, "NUL byte");
        if (r == 0xfeff && q != *pp)
            return fail(why, whylen, "byte order mark inside the line");
    }
    if (end - *pp >= 3 && memcmp(*pp, "\xef\xbb\xbf", 3) == 0)
        *pp += 3;
    return 0;
}

static int parse_line(struct vec *vec, const char *p, const char *end, char *why, size_t whylen)
{
    trim_space(&p, &end);
    if (p == end)
        return 0;
    if (check_text(&p, end, why, whylen) != 0)
        return -1;
    if (vec->n == vec->cap) {
        size_t cap = vec->cap ? vec->cap * 2 : 8;
        struct go_value *v = realloc(vec->v, cap * sizeof *v);
        if (!v)
            return fail(why, whylen, "out of memory");
        vec->v = v;
        vec->cap = cap;
    }
    if (parse_value(p, end, &vec->v[vec->n], why, whylen) != 0)
        return -1;
    vec->n++;
    return 0;
}

static int header_ok(const char *p, const char *end)
{
    size_t n = (size_t)(end - p);
    if (n && p[n - 1] == '\r')
        n--;
    return n == strlen(HEADER) && memcmp(p, HEADER, n) == 0;
}

int gocorpus_parse(const uint8_t *text, size_t len, struct go_value **vals, size_t *n,
                   char *err, size_t errlen)
{
    const char *s = (const char *)text, *end = s + len;
    const char *nl = len ? memchr(s, '\n', len) : NULL;
    struct vec vec = {0};
    *vals = NULL;
    *n = 0;
    if (!len || !header_ok(s, nl ? nl : end))
        return fail(err, errlen, "line 1: missing header \"" HEADER "\"");
    if (!nl)
        return fail(err, errlen, "line 1: expected a newline and values after the header");
    size_t line = 2;
    for (const char *p = nl + 1;; line++) {
        char why[WHY_MAX];
        const char *e = memchr(p, '\n', (size_t)(end - p));
        if (parse_line(&vec, p, e ? e : end, why, sizeof why) != 0) {
            gocorpus_free(vec.v, vec.n);
            return fail(err, errlen, "line %zu: %s", line, why);
        }
        if (!e)
            break;
        p = e + 1;
    }
    *vals = vec.v;
    *n = vec.n;
    return 0;
}

int gocorpus_check_types(const struct go_value *vals, size_t n, const enum go_type *want,
                         size_t nwant, char *err, size_t errlen)
{
    if (n != nwant)
        return fail(err, errlen, "has %zu value%s, the target takes %zu", n, n == 1 ? "" : "s",
                    nwant);
    for (size_t i = 0; i < n; i++)
        if (vals[i].type != want[i])
            return fail(err, errlen, "value %zu is %s, the target takes %s", i + 1,
                        gocorpus_type_name(vals[i].type), gocorpus_type_name(want[i]));
    return 0;
}

void gocorpus_free(struct go_value *vals, size_t n)
{
    for (size_t i = 0; vals && i < n; i++)
        if (vals[i].type == GO_BYTES || vals[i].type == GO_STRING)
            free(vals[i].bytes.p);
    free(vals);
}
