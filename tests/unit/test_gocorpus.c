/* test_gocorpus.c - Go's "go test fuzz v1" corpus files: exact text as Go
 * writes it, round trips for every type, Go's reading forms, errors. */
#include <float.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "floatbits.h"
#include "gocorpus.h"

#define HDR "go test fuzz v1\n"


static struct go_value bytes_val(enum go_type t, const void *p, size_t len)
{
    struct go_value v = {.type = t};
    v.bytes.p = (uint8_t *)p;
    v.bytes.len = len;
    return v;
}

static struct go_value int_val(enum go_type t, int64_t i)
{
    struct go_value v = {.type = t};
    v.i = i;
    return v;
}

static struct go_value uint_val(enum go_type t, uint64_t u)
{
    struct go_value v = {.type = t};
    v.u = u;
    return v;
}

static struct go_value f64_val(double d)
{
    struct go_value v = {.type = GO_FLOAT64};
    v.f64 = d;
    return v;
}

static struct go_value f32_val(float f)
{
    struct go_value v = {.type = GO_FLOAT32};
    v.f32 = f;
    return v;
}

static int same_value(const struct go_value *a, const struct go_value *b)
{
    if (a->type != b->type)
        return 0;
    switch (a->type) {
    case GO_BYTES:
    case GO_STRING:
        return a->bytes.len == b->bytes.len &&
               (a->bytes.len == 0 || memcmp(a->bytes.p, b->bytes.p, a->bytes.len) == 0);
    case GO_BOOL:
        return !a->b == !b->b;
    case GO_FLOAT32:
        return f32_bits(a->f32) == f32_bits(b->f32);
    case GO_FLOAT64:
        return f64_bits(a->f64) == f64_bits(b->f64);
    case GO_INT: case GO_INT8: case GO_INT16: case GO_INT32: case GO_INT64:
        return a->i == b->i;
    default:
        return a->u == b->u;
    }
}

/* The formatted file, malloc'd. */
static char *format_all(const struct go_value *v, size_t n)
{
    size_t need = gocorpus_format(v, n, NULL, 0);
    char *s = malloc(need + 1);
    if (s && gocorpus_format(v, n, s, need + 1) != need) {
        free(s);
        return NULL;
    }
    return s;
}

/* The line of one value, without the header and the newline. */
static const char *line_of(struct go_value v)
{
    static char line[2048];
    char *s = format_all(&v, 1);
    size_t hl = strlen(HDR), n;
    line[0] = '\0';
    if (s && strncmp(s, HDR, hl) == 0 && (n = strlen(s + hl)) > 0 && n < sizeof line &&
        s[hl + n - 1] == '\n') {
        memcpy(line, s + hl, n - 1);
        line[n - 1] = '\0';
    }
    free(s);
    return line;
}

static int line_is(struct go_value v, const char *want)
{
    const char *got = line_of(v);
    if (strcmp(got, want) == 0)
        return 1;
    fprintf(stderr, "  got  %s\n  want %s\n", got, want);
    return 0;
}

/* Parses HDR + line; 1 if it gave exactly one value, stored in *out (whose
 * bytes the caller frees). */
static int parse_line(const char *line, struct go_value *out)
{
    char text[4096], err[256] = "";
    struct go_value *v;
    size_t n;
    int len = snprintf(text, sizeof text, HDR "%s\n", line);
    if (gocorpus_parse((const uint8_t *)text, (size_t)len, &v, &n, err, sizeof err) != 0) {
        fprintf(stderr, "  parse of %s failed: %s\n", line, err);
        return 0;
    }
    if (n != 1) {
        gocorpus_free(v, n);
        return 0;
    }
    *out = v[0];
    free(v);
    return 1;
}

static void free_value(struct go_value *v)
{
    if (v->type == GO_BYTES || v->type == GO_STRING)
        free(v->bytes.p);
}

/* format -> parse gives the same value. */
static int round_trips(struct go_value v)
{
    struct go_value got;
    if (!parse_line(line_of(v), &got))
        return 0;
    int ok = same_value(&v, &got);
    if (!ok)
        fprintf(stderr, "  %s did not round-trip\n", line_of(v));
    free_value(&got);
    return ok;
}

static int reads_int(const char *line, enum go_type t, int64_t want)
{
    struct go_value got;
    return parse_line(line, &got) && got.type == t && got.i == want;
}

static int reads_uint(const char *line, enum go_type t, uint64_t want)
{
    struct go_value got;
    return parse_line(line, &got) && got.type == t && got.u == want;
}

static int reads_f64(const char *line, uint64_t want)
{
    struct go_value got;
    return parse_line(line, &got) && got.type == GO_FLOAT64 && f64_bits(got.f64) == want;
}

static int reads_f32(const char *line, uint32_t want)
{
    struct go_value got;
    return parse_line(line, &got) && got.type == GO_FLOAT32 && f32_bits(got.f32) == want;
}

static int reads_bytes(const char *line, enum go_type t, const char *want, size_t len)
{
    struct go_value got;
    if (!parse_line(line, &got))
        return 0;
    int ok = got.type == t && got.bytes.len == len && memcmp(got.bytes.p, want, len) == 0 &&
             got.bytes.p[len] == '\0';
    free_value(&got);
    return ok;
}

#define READS_BYTES(line, t, lit) reads_bytes((line), (t), (lit), sizeof(lit) - 1)

/* Parsing text fails with exactly the message want, and hands back nothing. */
static int parse_fails(const char *text, const char *want)
{
    char err[256] = "";
    struct go_value *v = (struct go_value *)&err; /* must be reset */
    size_t n = 99;
    int rc = gocorpus_parse((const uint8_t *)text, strlen(text), &v, &n, err, sizeof err);
    if (rc == -1 && v == NULL && n == 0 && strcmp(err, want) == 0)
        return 1;
    fprintf(stderr, "  rc %d, err \"%s\", want \"%s\"\n", rc, err, want);
    if (rc == 0)
        gocorpus_free(v, n);
    return 0;
}

/* HDR + line fails with "line 2: " + want. */
static int line_fails(const char *line, const char *want)
{
    char text[512], msg[256];
    snprintf(text, sizeof text, HDR "%s\n", line);
    snprintf(msg, sizeof msg, "line 2: %s", want);
    return parse_fails(text, msg);
}

static void test_bytes(void)
{
    static const uint8_t zero_ff[] = {0x00, 0xff};
    CHECK(line_is(bytes_val(GO_BYTES, zero_ff, 2), "[]byte(\"\\x00\\xff\")"));
    CHECK(line_is(bytes_val(GO_BYTES, NULL, 0), "[]byte(\"\")"));
    CHECK(line_is(bytes_val(GO_BYTES, "\a\b\f\n\r\t\v\\\"'", 10),
                  "[]byte(\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"'\")"));
    CHECK(line_is(bytes_val(GO_BYTES, "\x01\x1f\x7f ~", 5), "[]byte(\"\\x01\\x1f\\x7f ~\")"));
    /* Every single byte, and all 256 in one value. */
    uint8_t all[256];
    int ok = 1;
    for (int b = 0; b < 256; b++) {
        all[b] = (uint8_t)b;
        ok &= round_trips(bytes_val(GO_BYTES, &all[b], 1));
        ok &= round_trips(bytes_val(GO_STRING, &all[b], 1));
    }
    CHECK(ok);
    CHECK(round_trips(bytes_val(GO_BYTES, all, sizeof all)));
    CHECK(line_is(bytes_val(GO_BYTES, "\x80", 1), "[]byte(\"\\x80\")"));
    CHECK(line_is(bytes_val(GO_BYTES, "\xe9", 1), "[]byte(\"\\xe9\")"));
    /* Valid multibyte UTF-8 in []byte is kept when printable. */
    CHECK(line_is(bytes_val(GO_BYTES, "caf\xc3\xa9", 5), "[]byte(\"caf\xc3\xa9\")"));
}

static void test_strings(void)
{
    CHECK(line_is(bytes_val(GO_STRING, "hello\n", 6), "string(\"hello\\n\")"));
    CHECK(line_is(bytes_val(GO_STRING, "", 0), "string(\"\")"));
    /* Printable runes stay; invalid UTF-8 becomes \xHH byte by byte. */
    static const char mixed[] = "h\xc3\xa9llo \xe4\xb8\x96\xe7\x95\x8c \xf0\x9f\x98\x80 \xef\xbf\xbd";
    CHECK(line_is(bytes_val(GO_STRING, mixed, sizeof mixed - 1),
                  "string(\"h\xc3\xa9llo \xe4\xb8\x96\xe7\x95\x8c \xf0\x9f\x98\x80 \xef\xbf\xbd\")"));
    CHECK(line_is(bytes_val(GO_STRING, "\xc3\x28", 2), "string(\"\\xc3(\")"));
    CHECK(line_is(bytes_val(GO_STRING, "\xed\xa0\x80", 3), "string(\"\\xed\\xa0\\x80\")"));
    CHECK(line_is(bytes_val(GO_STRING, "\xc0\x80", 2), "string(\"\\xc0\\x80\")"));
    CHECK(line_is(bytes_val(GO_STRING, "\xf4\x90\x80\x80", 4),
                  "string(\"\\xf4\\x90\\x80\\x80\")"));
    CHECK(line_is(bytes_val(GO_STRING, "\xe4\xb8", 2), "string(\"\\xe4\\xb8\")"));
    CHECK(line_is(bytes_val(GO_STRING, "\xff\xfe", 2), "string(\"\\xff\\xfe\")"));
    /* Valid but not printable runes: \u or \U, as strconv.Quote writes them. */
    CHECK(line_is(bytes_val(GO_STRING, "\xc2\x85\xc2\xa0\xc2\xad", 6),
                  "string(\"\\u0085\\u00a0\\u00ad\")"));
    CHECK(line_is(bytes_val(GO_STRING, "\xe2\x80\x8b\xef\xbb\xbf\xee\x80\x80", 9),
                  "string(\"\\u200b\\ufeff\\ue000\")"));
    CHECK(line_is(bytes_val(GO_STRING, "\xf4\x8f\xbf\xbf", 4), "string(\"\\U0010ffff\")"));
    CHECK(line_is(bytes_val(GO_STRING, "\xe3\x80\x80", 3), "string(\"\\u3000\")"));
    /* Unicode 15.0 additions are printable (CJK extension H, U+31350). */
    CHECK(line_is(bytes_val(GO_STRING, "\xf0\xb1\x8d\x90", 4), "string(\"\xf0\xb1\x8d\x90\")"));
    CHECK(round_trips(bytes_val(GO_STRING, mixed, sizeof mixed - 1)));
    CHECK(round_trips(bytes_val(GO_BYTES, mixed, sizeof mixed - 1)));
    CHECK(round_trips(bytes_val(GO_STRING, "\xf4\x8f\xbf\xbf\xc2\x85\xed\xa0\x80", 9)));
}

/* Literal forms that Go's reader takes but its writer does not produce. */
static void test_string_reading(void)
{
    CHECK(READS_BYTES("string(`a\\n\"b`)", GO_STRING, "a\\n\"b"));
    CHECK(READS_BYTES("[]byte(`x\ry`)", GO_BYTES, "xy"));
    CHECK(READS_BYTES("string(\"\\u00e9\\U0001F600\")", GO_STRING, "\xc3\xa9\xf0\x9f\x98\x80"));
    CHECK(READS_BYTES("[]byte(\"\\101\\377\\000\\xAb\")", GO_BYTES, "A\xff\0\xab"));
    CHECK(READS_BYTES("string(\"tab\there\")", GO_STRING, "tab\there"));
    CHECK(READS_BYTES("string(\"it's\")", GO_STRING, "it's"));
    CHECK(READS_BYTES("string(\"\")", GO_STRING, ""));
    CHECK(READS_BYTES("  string ( \"a\" , ) // note", GO_STRING, "a"));
    CHECK(READS_BYTES("[ ] byte /* c */ (\"z\")", GO_BYTES, "z"));
    CHECK(READS_BYTES("string(\"\xe4\xb8\x96\")", GO_STRING, "\xe4\xb8\x96"));
}

static void test_bool(void)
{
    struct go_value t = {.type = GO_BOOL, .b = 1}, f = {.type = GO_BOOL, .b = 0};
    CHECK(line_is(t, "bool(true)"));
    CHECK(line_is(f, "bool(false)"));
    CHECK(round_trips(t));
    CHECK(round_trips(f));
}

static void test_ints(void)
{
    CHECK(line_is(int_val(GO_INT64, -3), "int64(-3)"));
    CHECK(line_is(int_val(GO_INT64, INT64_MIN), "int64(-9223372036854775808)"));
    CHECK(line_is(int_val(GO_INT, INT64_MAX), "int(9223372036854775807)"));
    CHECK(line_is(int_val(GO_INT8, INT8_MIN), "int8(-128)"));
    CHECK(line_is(int_val(GO_INT16, INT16_MAX), "int16(32767)"));
    CHECK(line_is(uint_val(GO_UINT64, UINT64_MAX), "uint64(18446744073709551615)"));
    CHECK(line_is(uint_val(GO_UINT, 0), "uint(0)"));
    CHECK(line_is(uint_val(GO_UINT16, 65535), "uint16(65535)"));
    CHECK(line_is(uint_val(GO_UINT32, UINT32_MAX), "uint32(4294967295)"));
    /* Go writes uint8 as byte('c') and int32 as rune('c') (fmt's %q). */
    CHECK(line_is(uint_val(GO_UINT8, 7), "byte('\\a')"));
    CHECK(line_is(uint_val(GO_UINT8, 'a'), "byte('a')"));
    CHECK(line_is(uint_val(GO_UINT8, 0), "byte('\\x00')"));
    CHECK(line_is(uint_val(GO_UINT8, '\''), "byte('\\'')"));
    CHECK(line_is(uint_val(GO_UINT8, '"'), "byte('\"')"));
    CHECK(line_is(uint_val(GO_UINT8, 0x7f), "byte('\\x7f')"));
    CHECK(line_is(uint_val(GO_UINT8, 0x80), "byte('\\u0080')"));
    CHECK(line_is(uint_val(GO_UINT8, 0xe9), "byte('\xc3\xa9')"));
    CHECK(line_is(uint_val(GO_UINT8, 0xff), "byte('\xc3\xbf')"));
    CHECK(line_is(int_val(GO_INT32, 'a'), "rune('a')"));
    CHECK(line_is(int_val(GO_INT32, '\\'), "rune('\\\\')"));
    CHECK(line_is(int_val(GO_INT32, 0x4e16), "rune('\xe4\xb8\x96')"));
    CHECK(line_is(int_val(GO_INT32, 0x10ffff), "rune('\\U0010ffff')"));
    CHECK(line_is(int_val(GO_INT32, 0xfffe), "rune('\\ufffe')"));
    CHECK(line_is(int_val(GO_INT32, -1), "int32(-1)"));
    CHECK(line_is(int_val(GO_INT32, 0xd800), "int32(55296)"));
    CHECK(line_is(int_val(GO_INT32, INT32_MIN), "int32(-2147483648)"));
    CHECK(line_is(int_val(GO_INT32, INT32_MAX), "int32(2147483647)"));
    /* Out-of-range values are wrapped as a Go conversion would. */
    CHECK(line_is(int_val(GO_INT8, 200), "int8(-56)"));
    CHECK(line_is(uint_val(GO_UINT16, 0x12345), "uint16(9029)"));

    static const int64_t ints[] = {0, 1, -1, INT8_MIN, INT8_MAX, INT16_MIN, INT16_MAX,
                                   INT32_MIN, INT32_MAX, INT64_MIN, INT64_MAX, 0xd800, 0x10ffff};
    static const enum go_type stypes[] = {GO_INT, GO_INT8, GO_INT16, GO_INT32, GO_INT64};
    int ok = 1;
    for (size_t t = 0; t < 5; t++)
        for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
            struct go_value v = int_val(stypes[t], ints[i]);
            int64_t lim = stypes[t] == GO_INT8 ? 128 : stypes[t] == GO_INT16 ? 32768
                        : stypes[t] == GO_INT32 ? 2147483648LL : 0;
            if (lim == 0 || (ints[i] >= -lim && ints[i] < lim))
                ok &= round_trips(v);
        }
    for (uint64_t u = 0; u < 256; u++)
        ok &= round_trips(uint_val(GO_UINT8, u));
    for (int64_t r = -2; r < 0x11000; r += 7)
        ok &= round_trips(int_val(GO_INT32, r));
    ok &= round_trips(uint_val(GO_UINT64, UINT64_MAX));
    ok &= round_trips(uint_val(GO_UINT, UINT64_MAX));
    ok &= round_trips(uint_val(GO_UINT32, UINT32_MAX));
    ok &= round_trips(uint_val(GO_UINT16, UINT16_MAX));
    CHECK(ok);
}

static void test_int_reading(void)
{
    CHECK(reads_int("int32('a')", GO_INT32, 97));
    CHECK(reads_uint("uint8('\\n')", GO_UINT8, 10));
    CHECK(reads_uint("uint8(7)", GO_UINT8, 7));
    CHECK(reads_int("rune(-5)", GO_INT32, -5));
    CHECK(reads_int("rune('\\u1234')", GO_INT32, 0x1234));
    CHECK(reads_int("rune('\xe4\xb8\x96')", GO_INT32, 0x4e16));
    CHECK(reads_int("rune('\\'')", GO_INT32, '\''));
    CHECK(reads_int("rune('\"')", GO_INT32, '"'));
    CHECK(reads_int("rune('\\x80')", GO_INT32, 0x80));
    CHECK(reads_uint("byte(255)", GO_UINT8, 255));
    CHECK(reads_uint("byte('\\377')", GO_UINT8, 255));
    CHECK(reads_uint("byte('\\x00')", GO_UINT8, 0));
    CHECK(reads_uint("byte('\xc3\xa9')", GO_UINT8, 0xe9));
    CHECK(reads_int("int64(0x1F)", GO_INT64, 31));
    CHECK(reads_int("int64(0X1f)", GO_INT64, 31));
    CHECK(reads_int("int(0o17)", GO_INT, 15));
    CHECK(reads_int("int(017)", GO_INT, 15));
    CHECK(reads_int("int(0b101)", GO_INT, 5));
    CHECK(reads_int("int(1_000_000)", GO_INT, 1000000));
    CHECK(reads_int("int(0x_ff)", GO_INT, 255));
    CHECK(reads_int("int8(-0x80)", GO_INT8, -128));
    CHECK(reads_int("int64(-0)", GO_INT64, 0));
    CHECK(reads_int("int64( - 7 )", GO_INT64, -7));
    CHECK(reads_int("int64(-9223372036854775808)", GO_INT64, INT64_MIN));
    CHECK(reads_uint("uint64(0xffffffffffffffff)", GO_UINT64, UINT64_MAX));
    CHECK(reads_uint("uint(0)", GO_UINT, 0));
    CHECK(reads_int("int16(-32768)", GO_INT16, INT16_MIN));

    CHECK(line_fails("int8(128)", "value out of range for int8"));
    CHECK(line_fails("int8(-129)", "value out of range for int8"));
    CHECK(line_fails("uint8(256)", "value out of range for uint8"));
    CHECK(line_fails("byte('\xe4\xb8\x96')", "value out of range for uint8"));
    CHECK(line_fails("int64(9223372036854775808)", "value out of range for int64"));
    CHECK(line_fails("uint64(18446744073709551616)", "value out of range for uint64"));
    CHECK(line_fails("int32(2147483648)", "value out of range for int32"));
    CHECK(line_fails("uint(-1)", "negative value for uint"));
    CHECK(line_fails("uint16(-0)", "negative value for uint16"));
    CHECK(line_fails("int64(1e3)", "expected an integer for int64"));
    CHECK(line_fails("int64(+1)", "expected an integer for int64"));
    CHECK(line_fails("int64('a')", "expected an integer for int64"));
    CHECK(line_fails("int64(\"1\")", "expected an integer for int64"));
    CHECK(line_fails("rune(-'a')", "expected an integer or a rune literal for int32"));
    CHECK(line_fails("int64(09)", "malformed number 09"));
    CHECK(line_fails("int64(1_)", "malformed number 1_"));
    CHECK(line_fails("int64(1__0)", "malformed number 1__0"));
    CHECK(line_fails("int64(0x)", "malformed number 0x"));
    CHECK(line_fails("int64(0b12)", "malformed number 0b12"));
    CHECK(line_fails("int64(12i)", "malformed number 12i"));
    CHECK(line_fails("rune('ab')", "more than one character in rune literal"));
    CHECK(line_fails("rune('')", "empty rune literal"));
    CHECK(line_fails("rune('a", "unterminated rune literal"));
    CHECK(line_fails("rune('\\\"')", "unknown escape \\\""));
    CHECK(line_fails("rune('\\ud800')", "escape value out of range"));
}

struct f64_case {
    uint64_t bits;
    const char *text;
};

static void test_float64(void)
{
    static const struct f64_case cases[] = {
        {0x0000000000000000ull, "float64(0)"},
        {0x8000000000000000ull, "float64(-0)"},
        {0x7ff0000000000000ull, "float64(+Inf)"},
        {0xfff0000000000000ull, "float64(-Inf)"},
        {0x7ff8000000000001ull, "float64(NaN)"},
        {0x7ff8000000000000ull, "math.Float64frombits(0x7ff8000000000000)"},
        {0x7ff8000000000002ull, "math.Float64frombits(0x7ff8000000000002)"},
        {0xfff8000000000001ull, "math.Float64frombits(0xfff8000000000001)"},
        {0x7ff0000000000001ull, "math.Float64frombits(0x7ff0000000000001)"},
        {0x412e848000000000ull, "float64(1e+06)"},
        {0x40f86a0000000000ull, "float64(100000)"},
        {0x3ee4f8b588e368f1ull, "float64(1e-05)"},
        {0x3f1a36e2eb1c432dull, "float64(0.0001)"},
        {0x3fb999999999999aull, "float64(0.1)"},
        {0x400921f9f01b866eull, "float64(3.14159)"},
        {0x40091eb851eb851full, "float64(3.14)"},
        {0x444b1ae4d6e2ef50ull, "float64(1e+21)"},
        {0x3ff0000000000000ull, "float64(1)"},
        {0xc004000000000000ull, "float64(-2.5)"},
        {0x3fd5555555555555ull, "float64(0.3333333333333333)"},
        {0x4340000000000000ull, "float64(9.007199254740992e+15)"},
        {0x40fe240b33333333ull, "float64(123456.7)"},
        {0x4132d68700000000ull, "float64(1.234567e+06)"},
        {0x419d6f3454000000ull, "float64(1.23456789e+08)"},
        {0x0000000000000001ull, "float64(5e-324)"},
        {0x000fffffffffffffull, "float64(2.225073858507201e-308)"},
        {0x0010000000000000ull, "float64(2.2250738585072014e-308)"},
        {0x7fefffffffffffffull, "float64(1.7976931348623157e+308)"},
        {0x4415af1d78b58c40ull, "float64(1e+20)"},
        {0x54b249ad2594c37dull, "float64(1e+100)"},
        {0x3fe0000000000000ull, "float64(0.5)"},
        {0x3c9cd2b297d889bcull, "float64(1e-16)"},
        {0x4197d78400000000ull, "float64(1e+08)"},
        {0x43e0000000000000ull, "float64(9.223372036854776e+18)"},
        {0x44b52d02c7e14af6ull, "float64(1e+23)"},
    };
    int ok = 1;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct go_value v = f64_val(f64_from(cases[i].bits));
        ok &= line_is(v, cases[i].text) && round_trips(v) &&
              reads_f64(cases[i].text, cases[i].bits);
    }
    CHECK(ok);
    /* Powers of two and their neighbours, where the shortest digits may lie on
     * the far side of the lopsided round-trip interval. */
    for (int e = -1074; e <= 1023; e++) {
        uint64_t b = e < -1022 ? 1ull << (e + 1074) : (uint64_t)(e + 1023) << 52;
        ok &= round_trips(f64_val(f64_from(b))) && round_trips(f64_val(f64_from(b - 1))) &&
              round_trips(f64_val(-f64_from(b + 1)));
    }
    CHECK(ok);
    /* Powers of two whose shortest digits are not the correctly rounded ones:
     * 7.120236347223044e-307 misses, its neighbour ...045 reads back. */
    CHECK(line_is(f64_val(f64_from(0x0060000000000000ull)), "float64(7.120236347223045e-307)"));
    CHECK(line_is(f32_val(f32_from(0x6b000000u)), "float32(1.5474251e+26)"));
}

struct f32_case {
    uint32_t bits;
    const char *text;
};

static void test_float32(void)
{
    static const struct f32_case cases[] = {
        {0x00000000u, "float32(0)"},
        {0x80000000u, "float32(-0)"},
        {0x7f800000u, "float32(+Inf)"},
        {0xff800000u, "float32(-Inf)"},
        {0x7fc00000u, "float32(NaN)"},
        {0x7fc00001u, "math.Float32frombits(0x7fc00001)"},
        {0xffc00000u, "math.Float32frombits(0xffc00000)"},
        {0x7f800001u, "math.Float32frombits(0x7f800001)"},
        {0x49742400u, "float32(1e+06)"},
        {0x47c35000u, "float32(100000)"},
        {0x3727c5acu, "float32(1e-05)"},
        {0x3dcccccdu, "float32(0.1)"},
        {0x40490fd0u, "float32(3.14159)"},
        {0x6258d727u, "float32(1e+21)"},
        {0x7f7fffffu, "float32(3.4028235e+38)"},
        {0x00800000u, "float32(1.1754944e-38)"},
        {0x00000001u, "float32(1e-45)"},
        {0x007fffffu, "float32(1.1754942e-38)"},
        {0x4b800000u, "float32(1.6777216e+07)"},
        {0x3eaaaaabu, "float32(0.33333334)"},
        {0xc0200000u, "float32(-2.5)"},
    };
    int ok = 1;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct go_value v = f32_val(f32_from(cases[i].bits));
        ok &= line_is(v, cases[i].text) && round_trips(v) &&
              reads_f32(cases[i].text, cases[i].bits);
    }
    CHECK(ok);
    for (int e = -149; e <= 127; e++) {
        uint32_t b = e < -126 ? 1u << (e + 149) : (uint32_t)(e + 127) << 23;
        ok &= round_trips(f32_val(f32_from(b))) && round_trips(f32_val(f32_from(b - 1))) &&
              round_trips(f32_val(-f32_from(b + 1)));
    }
    CHECK(ok);
    /* Every 65521st float32 bit pattern. */
    for (uint64_t b = 0; b <= UINT32_MAX; b += 65521)
        ok &= round_trips(f32_val(f32_from((uint32_t)b)));
    CHECK(ok);
}

static void test_float_reading(void)
{
    CHECK(reads_f64("float64(1)", 0x3ff0000000000000ull));
    CHECK(reads_f64("float64(010)", 0x4024000000000000ull)); /* decimal, as ParseFloat */
    CHECK(reads_f64("float64(0x1p-2)", 0x3fd0000000000000ull));
    CHECK(reads_f64("float64(-0x1.8P1)", 0xc008000000000000ull));
    CHECK(reads_f64("float64(0x.8p1)", 0x3ff0000000000000ull));
    CHECK(reads_f64("float64(1_000.5)", 0x408f440000000000ull));
    CHECK(reads_f64("float64(.5)", 0x3fe0000000000000ull));
    CHECK(reads_f64("float64(1.)", 0x3ff0000000000000ull));
    CHECK(reads_f64("float64(1E6)", 0x412e848000000000ull));
    CHECK(reads_f64("float64(2.5e-1)", 0x3fd0000000000000ull));
    CHECK(reads_f64("float64(1e-400)", 0));
    CHECK(reads_f64("float64(-1e-400)", 0x8000000000000000ull));
    CHECK(reads_f64("float64(-0)", 0x8000000000000000ull));
    CHECK(reads_f64("float64(-0.0)", 0x8000000000000000ull));
    CHECK(reads_f64("float64( + Inf )", 0x7ff0000000000000ull));
    CHECK(reads_f64("math.Float64frombits(0x3ff0000000000000)", 0x3ff0000000000000ull));
    CHECK(reads_f64("math.Float64frombits(1)", 1));
    CHECK(reads_f32("float32(0.1)", 0x3dcccccdu));
    CHECK(reads_f32("float32(16777217)", 0x4b800000u)); /* rounds to even */
    CHECK(reads_f32("float32(-Inf)", 0xff800000u));
    CHECK(reads_f32("float32(3.4028235e38)", 0x7f7fffffu));
    CHECK(reads_f32("math.Float32frombits(0x7fc00001)", 0x7fc00001u));

    CHECK(line_fails("float64(1e400)", "value out of range for float64"));
    CHECK(line_fails("float32(1e39)", "value out of range for float32"));
    CHECK(line_fails("float64(0x10)", "expected a float literal for float64"));
    CHECK(line_fails("float64(0b1)", "expected a float literal for float64"));
    CHECK(line_fails("float64(0x1.8)", "malformed number 0x1.8"));
    CHECK(line_fails("float64(1e)", "malformed number 1e"));
    CHECK(line_fails("float64(+1)", "expected a number, +Inf, -Inf or NaN for float64"));
    CHECK(line_fails("float64(Inf)", "expected a number, +Inf, -Inf or NaN for float64"));
    CHECK(line_fails("float64(-NaN)", "expected a number, +Inf, -Inf or NaN for float64"));
    CHECK(line_fails("float32(\"1\")", "expected a number, +Inf, -Inf or NaN for float32"));
    CHECK(line_fails("math.Float32frombits(0x100000000)", "value out of range for uint32"));
    CHECK(line_fails("math.Float64frombits(-1)",
                     "expected an unsigned integer for math.Float64frombits"));
    CHECK(line_fails("math.Float64frombits(1.5)",
                     "expected an unsigned integer for math.Float64frombits"));
    CHECK(line_fails("math.Sin(1)", "unknown function math.Sin"));
    CHECK(line_fails("fmt.Float64frombits(1)", "unknown function fmt.Float64frombits"));
}

static void test_files(void)
{
    /* As Go's fuzzer writes it for f.Fuzz(func(t *testing.T, b []byte, n int64)). */
    static const char go_file[] = "go test fuzz v1\n[]byte(\"\\x00\\x01abc\")\nint64(-42)\n";
    struct go_value *v;
    size_t n;
    char err[256] = "";
    CHECK(gocorpus_parse((const uint8_t *)go_file, sizeof go_file - 1, &v, &n, err, sizeof err) == 0);
    CHECK_EQ_U(n, 2);
    if (n == 2) {
        CHECK(v[0].type == GO_BYTES && v[0].bytes.len == 5 &&
              memcmp(v[0].bytes.p, "\0\1abc", 5) == 0);
        CHECK(v[1].type == GO_INT64 && v[1].i == -42);
        static const enum go_type want[] = {GO_BYTES, GO_INT64};
        CHECK(gocorpus_check_types(v, n, want, 2, err, sizeof err) == 0);
        char *again = format_all(v, n);
        CHECK(again && strcmp(again, go_file) == 0);
        free(again);
    }
    gocorpus_free(v, n);

    /* CRLF, blank lines, white space, comments, no final newline, BOM. */
    static const char loose[] =
        "go test fuzz v1\r\n"
        "\r\n"
        "  \t bool(true)  \r\n"
        "\n"
        "int64(1) // one\n"
        "/* two */ uint(2)\n"
        "\xc2\xa0string(\"nbsp trimmed\")\xe3\x80\x80\n"
        "\xef\xbb\xbf" "byte('b')\n"
        "float64(1.5)";
    CHECK(gocorpus_parse((const uint8_t *)loose, sizeof loose - 1, &v, &n, err, sizeof err) == 0);
    CHECK_EQ_U(n, 6);
    if (n == 6) {
        CHECK(v[0].type == GO_BOOL && v[0].b == 1);
        CHECK(v[1].type == GO_INT64 && v[1].i == 1);
        CHECK(v[2].type == GO_UINT && v[2].u == 2);
        CHECK(v[3].type == GO_STRING && strcmp((char *)v[3].bytes.p, "nbsp trimmed") == 0);
        CHECK(v[4].type == GO_UINT8 && v[4].u == 'b');
        CHECK(v[5].type == GO_FLOAT64 && v[5].f64 == 1.5);
    }
    gocorpus_free(v, n);

    /* A header and no values is a valid file (the target's arity decides). */
    CHECK(gocorpus_parse((const uint8_t *)HDR, strlen(HDR), &v, &n, err, sizeof err) == 0);
    CHECK(v == NULL && n == 0);

    /* Every type in one file, formatted and read back. */
    struct go_value all[] = {
        bytes_val(GO_BYTES, "\0\xff", 2), bytes_val(GO_STRING, "s\xc3\xa9", 3),
        {.type = GO_BOOL, .b = 1}, int_val(GO_INT, -1), int_val(GO_INT8, -8),
        int_val(GO_INT16, 16), int_val(GO_INT32, 'x'), int_val(GO_INT64, INT64_MIN),
        uint_val(GO_UINT, 1), uint_val(GO_UINT8, 200), uint_val(GO_UINT16, 16),
        uint_val(GO_UINT32, 32), uint_val(GO_UINT64, UINT64_MAX), f32_val(0.25f), f64_val(-1e300),
    };
    size_t nall = sizeof all / sizeof all[0];
    char *text = format_all(all, nall);
    CHECK(text != NULL);
    CHECK(text && gocorpus_parse((const uint8_t *)text, strlen(text), &v, &n, err, sizeof err) == 0);
    CHECK_EQ_U(n, nall);
    int same = n == nall;
    for (size_t i = 0; same && i < n; i++)
        same = same_value(&all[i], &v[i]);
    CHECK(same);
    CHECK(text && strstr(text, "\nbyte('\xc3\x88')\nuint16(16)\n") != NULL);
    gocorpus_free(v, n);
    free(text);
}

static void test_errors(void)
{
    CHECK(parse_fails("", "line 1: missing header \"go test fuzz v1\""));
    CHECK(parse_fails("go test fuzz v2\nint(1)\n", "line 1: missing header \"go test fuzz v1\""));
    CHECK(parse_fails(" go test fuzz v1\nint(1)\n", "line 1: missing header \"go test fuzz v1\""));
    CHECK(parse_fails("int(1)\n", "line 1: missing header \"go test fuzz v1\""));
    CHECK(parse_fails("go test fuzz v1", "line 1: expected a newline and values after the header"));
    CHECK(parse_fails(HDR "int64(1)\nfoo(1)\n", "line 3: unknown type foo"));
    CHECK(parse_fails(HDR "\nstring(\"abc)\n", "line 3: unterminated string"));
    CHECK(parse_fails(HDR "int64(1)\nint64(2)\n\nint8(300)\n", "line 5: value out of range for int8"));
    CHECK(parse_fails(HDR "bool(true)\nhello\n", "line 3: expected a type like int64(...) or []byte(...)"));
    CHECK(line_fails("42", "expected a type like int64(...) or []byte(...)"));
    CHECK(line_fails("(int64)(1)", "expected a type like int64(...) or []byte(...)"));
    CHECK(line_fails("int64 3", "expected '(' after the type"));
    CHECK(line_fails("int64(1", "expected ')' after the value"));
    CHECK(line_fails("int64(1, 2)", "expected ')' after the value"));
    CHECK(line_fails("int64(1) x", "unexpected text after ')'"));
    CHECK(line_fails("int64(1)(2)", "unexpected text after ')'"));
    CHECK(line_fails("int64()", "expected a value inside the parentheses"));
    CHECK(line_fails("int64(-)", "expected a value inside the parentheses"));
    CHECK(line_fails("int64(#)", "unexpected '#'"));
    CHECK(line_fails("int64(1) /* open", "unterminated comment"));
    CHECK(line_fails("int64(1\x01)", "unexpected byte 0x01"));
    CHECK(line_fails("string(1)", "expected a string literal for string"));
    CHECK(line_fails("[]byte('a')", "expected a string literal for []byte"));
    CHECK(line_fails("string(-\"a\")", "expected a string literal for string"));
    CHECK(line_fails("bool(yes)", "expected true or false for bool"));
    CHECK(line_fails("bool(1)", "expected true or false for bool"));
    CHECK(line_fails("[]int(1)", "expected []byte"));
    CHECK(line_fails("[]uint8(\"a\")", "expected []byte"));
    CHECK(line_fails("uintptr(1)", "unknown type uintptr"));
    CHECK(line_fails("string(`abc", "unterminated raw string"));
    CHECK(line_fails("string(\"abc\\\")", "unterminated string"));
    CHECK(line_fails("[]byte(\"\\q\")", "unknown escape \\q"));
    CHECK(line_fails("string(\"\\'\")", "unknown escape \\'"));
    CHECK(line_fails("string(\"\\x4\")", "malformed escape: too few hex digits"));
    CHECK(line_fails("string(\"\\u00e\")", "malformed escape: too few hex digits"));
    CHECK(line_fails("string(\"\\12\")", "malformed escape: too few octal digits"));
    CHECK(line_fails("string(\"\\ud800\")", "escape value out of range"));
    CHECK(line_fails("string(\"\\U00110000\")", "escape value out of range"));
    CHECK(line_fails("string(\"\\400\")", "escape value out of range"));
    CHECK(line_fails("string(\"a\xff\")", "invalid UTF-8"));
    CHECK(line_fails("string(\"a\xef\xbb\xbf\")", "byte order mark inside the line"));
    char nul[] = HDR "string(\"a_\")\n";
    nul[strlen(HDR) + 9] = '\0';
    struct go_value *v;
    size_t n;
    char err[128];
    CHECK(gocorpus_parse((const uint8_t *)nul, sizeof nul - 1, &v, &n, err, sizeof err) == -1);
    CHECK(strcmp(err, "line 2: NUL byte") == 0);
    /* A small err buffer is truncated, not overrun. */
    CHECK(gocorpus_parse((const uint8_t *)"x", 1, &v, &n, err, 8) == -1);
    CHECK(strcmp(err, "line 1:") == 0);
}

static void test_check_types(void)
{
    struct go_value vals[3] = {bytes_val(GO_BYTES, "", 0), bytes_val(GO_STRING, "", 0),
                               int_val(GO_INT64, 1)};
    static const enum go_type two[] = {GO_BYTES, GO_INT64};
    static const enum go_type three[] = {GO_BYTES, GO_STRING, GO_INT64};
    static const enum go_type wrong[] = {GO_BYTES, GO_INT64, GO_INT64};
    char err[128] = "";
    CHECK(gocorpus_check_types(vals, 3, three, 3, err, sizeof err) == 0);
    CHECK(gocorpus_check_types(vals, 3, two, 2, err, sizeof err) == -1);
    CHECK(strcmp(err, "has 3 values, the target takes 2") == 0);
    CHECK(gocorpus_check_types(vals, 1, two, 2, err, sizeof err) == -1);
    CHECK(strcmp(err, "has 1 value, the target takes 2") == 0);
    CHECK(gocorpus_check_types(vals, 3, wrong, 3, err, sizeof err) == -1);
    CHECK(strcmp(err, "value 2 is string, the target takes int64") == 0);
    CHECK(gocorpus_check_types(NULL, 0, NULL, 0, err, sizeof err) == 0);
}

static void test_format_api(void)
{
    struct go_value v = int_val(GO_INT64, -42);
    static const char want[] = HDR "int64(-42)\n";
    char small[8];
    size_t need = gocorpus_format(&v, 1, small, sizeof small);
    CHECK_EQ_U(need, sizeof want - 1);
    CHECK(strcmp(small, "go test") == 0);
    CHECK_EQ_U(gocorpus_format(&v, 1, NULL, 0), sizeof want - 1);
    char exact[sizeof want];
    CHECK_EQ_U(gocorpus_format(&v, 1, exact, sizeof exact), sizeof want - 1);
    CHECK(strcmp(exact, want) == 0);
    CHECK_EQ_U(gocorpus_format(NULL, 0, exact, sizeof exact), strlen(HDR));
    CHECK(strcmp(exact, HDR) == 0);
    struct go_value bad = {.type = (enum go_type)99};
    CHECK(gocorpus_format(&bad, 1, exact, sizeof exact) == SIZE_MAX);
    CHECK(strcmp(gocorpus_type_name(GO_BYTES), "[]byte") == 0);
    CHECK(strcmp(gocorpus_type_name(GO_UINT8), "uint8") == 0);
    CHECK(strcmp(gocorpus_type_name(GO_FLOAT64), "float64") == 0);
    CHECK(strcmp(gocorpus_type_name((enum go_type)99), "?") == 0);
    gocorpus_free(NULL, 0);
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* Random values of every type survive format -> parse. */
static void test_random_round_trips(void)
{
    static const uint8_t pieces[] = "\xc3\xa9\xe4\xb8\x96\xf0\x9f\x98\x80\\\"'";
    uint8_t buf[64];
    int ok = 1;
    for (int iter = 0; iter < 20000; iter++) {
        enum go_type t = (enum go_type)(rnd() % 15);
        struct go_value v = {.type = t};
        size_t len = rnd() % sizeof buf;
        for (size_t i = 0; i < len; i++)
            buf[i] = rnd() % 4 ? (uint8_t)rnd() : pieces[rnd() % (sizeof pieces - 1)];
        if (t == GO_BYTES || t == GO_STRING)
            v = bytes_val(t, buf, len);
        else if (t == GO_BOOL)
            v.b = (int)(rnd() & 1);
        else if (t == GO_FLOAT32)
            v.f32 = f32_from((uint32_t)rnd());
        else if (t == GO_FLOAT64)
            v.f64 = iter % 2 ? f64_from(rnd()) : (double)(int64_t)rnd() / (double)(rnd() | 1);
        else if (t == GO_INT8 || t == GO_INT16 || t == GO_INT32)
            v.i = (int64_t)(int8_t)rnd() * (t == GO_INT8 ? 1 : t == GO_INT16 ? 251 : 16777213);
        else if (t == GO_UINT8 || t == GO_UINT16 || t == GO_UINT32)
            v.u = rnd() & (t == GO_UINT8 ? 0xff : t == GO_UINT16 ? 0xffff : 0xffffffff);
        else
            v.u = rnd();
        ok &= round_trips(v);
    }
    CHECK(ok);
}

/* Mangled lines never crash the parser; whatever parses formats to text
 * that parses to the same values. */
static void test_random_garbage(void)
{
    static const char *const seeds[] = {
        "[]byte(\"\\x00a\\u00e9\\377\")", "string(`r\\`)", "int64(-0x7f_ff)",
        "rune('\\U0001f600')", "byte('\\'')", "float64(-1.5e-3)", "float32(0x1p-3)",
        "math.Float64frombits(0x7ff8000000000002)", "bool(false) // c", "uint8(0b1_0)",
        "float64(+Inf)", "int(017)",
    };
    static const char alphabet[] = "()[]'\"`\\-+.,_/*0179aefpxuUINbe \t\xc3\xa9\xff\r";
    int ok = 1;
    for (int iter = 0; iter < 30000; iter++) {
        char line[80], text[128];
        snprintf(line, sizeof line, "%s", seeds[rnd() % (sizeof seeds / sizeof seeds[0])]);
        size_t len = strlen(line);
        for (int k = (int)(rnd() % 3); k >= 0 && len > 0; k--) {
            size_t at = rnd() % len;
            if (rnd() % 4 == 0)
                len = at; /* truncate */
            else
                line[at] = alphabet[rnd() % (sizeof alphabet - 1)];
        }
        int n0 = snprintf(text, sizeof text, HDR "%.*s\n", (int)len, line);
        struct go_value *v, *w;
        size_t n, m;
        char err[128];
        if (gocorpus_parse((const uint8_t *)text, (size_t)n0, &v, &n, err, sizeof err) != 0)
            continue;
        char *again = format_all(v, n);
        ok &= again && gocorpus_parse((const uint8_t *)again, strlen(again), &w, &m, err,
                                      sizeof err) == 0 && m == n;
        for (size_t i = 0; ok && i < n; i++)
            ok &= same_value(&v[i], &w[i]);
        if (!ok) {
            fprintf(stderr, "  unstable: %s", text);
            break;
        }
        gocorpus_free(v, n);
        gocorpus_free(w, m);
        free(again);
    }
    CHECK(ok);
}

int main(void)
{
    RUN(test_bytes);
    RUN(test_strings);
    RUN(test_string_reading);
    RUN(test_bool);
    RUN(test_ints);
    RUN(test_int_reading);
    RUN(test_float64);
    RUN(test_float32);
    RUN(test_float_reading);
    RUN(test_files);
    RUN(test_errors);
    RUN(test_check_types);
    RUN(test_format_api);
    RUN(test_random_round_trips);
    RUN(test_random_garbage);
    return CHECK_DONE("gocorpus");
}
