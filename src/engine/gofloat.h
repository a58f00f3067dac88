/*
 * gofloat.h - floats as Go writes and reads them (gofloat.c): the text of
 * strconv.FormatFloat(v, 'g', -1, 32 or 64), which fmt's %v prints and so
 * the Go corpus encoding writes, and strconv.ParseFloat of a Go float
 * literal.
 */
#ifndef FERRET_GOFLOAT_H
#define FERRET_GOFLOAT_H

#include <stddef.h>

#include "gostr.h" /* struct out */

/* A float that is not a NaN, as fmt's %v prints it: +Inf or -Inf, else
 * Go's shortest digits of v as a float64, or as a float32 when is32 (v is
 * then a float32's exact value).  negative says whether v has its sign bit
 * set, so that -0 prints as -0. */
void gofloat_put(struct out *o, double v, int negative, int is32);

/* What gofloat_parse64 and gofloat_parse32 return besides 0. */
enum { GOFLOAT_RANGE = -1, GOFLOAT_NOMEM = -2 };

/* The float literal s[0..n) (decimal, exponent or hex form, with '_'
 * separators: the lexer has checked it), negated when sign is '-', read as
 * Go's strconv.ParseFloat(s, 64) reads it into *v.  Returns 0;
 * GOFLOAT_RANGE when it rounds to an infinity (Go: value out of range; *v
 * is set all the same); GOFLOAT_NOMEM, with *v unchanged. */
int gofloat_parse64(const char *s, size_t n, char sign, double *v);

/* The same read as a float32: strconv.ParseFloat(s, 32). */
int gofloat_parse32(const char *s, size_t n, char sign, float *v);

#endif
