/*
 * gocorpus.h - Go's fuzz corpus file format, "go test fuzz v1", as Go's
 * internal/fuzz writes and reads it (testdata/fuzz/FuzzX and the cache).
 *
 * A file is the header line and then one value per line:
 *     go test fuzz v1
 *     []byte("\x00\x01abc")
 *     int64(-42)
 *     rune('a')
 *     float64(1e+06)
 *     math.Float64frombits(0x7ff8000000000002)
 *
 * Writing matches Go's marshalCorpusFile byte for byte: strings and []byte
 * as strconv.Quote (printable runes of Unicode 15.0 kept, invalid UTF-8 as
 * \xHH); uint8 as byte('c') and int32 as rune('c') (int32(N) when N is not
 * a valid rune), as fmt's %q prints them; floats as fmt's %v (shortest
 * round-trip digits, exponent form when the exponent is < -4 or >= 6, e.g.
 * 1e+06, 100000, 0.0001, 1e-05, -0, +Inf, NaN); a NaN other than Go's
 * math.NaN() (float64 bits 0x7ff8000000000001, float32 bits 0x7fc00000) as
 * math.FloatNNfrombits(0xHEX), without a type around it.
 *
 * Reading accepts what Go's unmarshalCorpusFile accepts: the header (an
 * optional "\r" after it), blank lines, white space around a line, Go
 * comments and spaces between tokens, a trailing ',' in the call, byte/rune
 * aliases, integers in any Go form (0x1F, 0o17, 017, 0b1, 1_000), rune
 * literals for byte and rune, "..." and `...` strings with every Go escape,
 * floats in decimal, exponent and hex (0x1p-2) form, +Inf, -Inf, NaN and
 * math.FloatNNfrombits.  Beyond Go: int32('a') and uint8('a') are accepted
 * like rune('a') and byte('a').
 *
 * Implemented in three parts: gocorpus.c (the file, its lexer and parser),
 * gostr.c (string quoting, UTF-8, the Unicode print table: gostr.h) and
 * gofloat.c (float text, written and read: gofloat.h).
 */
#ifndef FERRET_GOCORPUS_H
#define FERRET_GOCORPUS_H

#include <stddef.h>
#include <stdint.h>

enum go_type {
    GO_BYTES, GO_STRING, GO_BOOL,
    GO_INT, GO_INT8, GO_INT16, GO_INT32, GO_INT64,
    GO_UINT, GO_UINT8, GO_UINT16, GO_UINT32, GO_UINT64,
    GO_FLOAT32, GO_FLOAT64,
};

/* One value.  GO_BYTES and GO_STRING use bytes (p malloc'd by the parser,
 * with a NUL after len bytes; a string may hold any bytes); GO_BOOL uses b
 * (0 or 1); signed types use i, unsigned ones u, within their Go range; int
 * and uint are 64 bits as on amd64. */
struct go_value {
    enum go_type type;
    union {
        struct {
            uint8_t *p;
            size_t len;
        } bytes;
        int b;
        int64_t i;
        uint64_t u;
        float f32;
        double f64;
    };
};

/* Parses a whole file.  On success returns 0 and sets *vals (malloc'd, free
 * with gocorpus_free; NULL when there are no values) and *n.  On error
 * returns -1, sets *vals = NULL, *n = 0 and writes "line N: what was
 * expected" into err. */
int gocorpus_parse(const uint8_t *text, size_t len, struct go_value **vals, size_t *n,
                   char *err, size_t errlen);

/* Checks that vals match a target's parameter types: returns 0, or -1 with
 * "has 3 values, the target takes 2" or "value 2 is string, the target takes
 * int64" in err (values counted from 1). */
int gocorpus_check_types(const struct go_value *vals, size_t n, const enum go_type *want,
                         size_t nwant, char *err, size_t errlen);

/* Writes the file (header, one line per value, each ending in "\n") into
 * out like snprintf: at most outlen - 1 bytes and a NUL.  Returns the full
 * length without the NUL, or SIZE_MAX if a value's type is not a go_type. */
size_t gocorpus_format(const struct go_value *vals, size_t n, char *out, size_t outlen);

/* Frees the bytes of every value and the array itself. */
void gocorpus_free(struct go_value *vals, size_t n);

/* Go's name of the type: "[]byte", "string", "int64", ...; "?" if unknown. */
const char *gocorpus_type_name(enum go_type t);

#endif
