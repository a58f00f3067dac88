/*
 * typed.h - Go-style typed fuzz targets (Go's f.Fuzz(func(t *testing.T,
 * b []byte, n int64) {...})): the "binary form" that holds one input's
 * typed arguments in a byte buffer, and mutation and minimization of that
 * form argument by argument, each by its type.
 *
 * The rest of the engine keeps working on byte buffers: a corpus entry, a
 * crasher or a minimization candidate of a typed target is its binary form.
 *
 * Implemented in three parts that share typed_int.h: typed_form.c (the
 * schema and the binary form), typed_mutate.c (typed_mutate) and
 * typed_minimize.c (typed_minimize and its cursor).
 *
 * Binary form.  The fixed-size arguments first, in declaration order,
 * little-endian, at their natural width: bool 1 byte (decodes as byte & 1),
 * int8/uint8 1, int16/uint16 2, int32/uint32/float32 4,
 * int/int64/uint/uint64/float64 8.  Then the variable arguments ([]byte and
 * string) in declaration order: each but the last as a u32 little-endian
 * length followed by its bytes; the last takes the rest of the buffer, with
 * no length.  So a target with a single []byte argument has binary form ==
 * the raw bytes.
 *
 * Invariants:
 *  - Decoding is total: any byte string decodes.  Missing bytes read as
 *    zero, a length is clamped to what remains, bytes after a fully decoded
 *    form with no variable argument are ignored.
 *  - Encoding is canonical: typed_encode(decode(x)) is the one form of those
 *    values; it decodes back to the same values bit for bit (NaN payloads
 *    and -0 included).  typed_mutate and typed_minimize only produce
 *    canonical forms.
 *  - Nothing here keeps state between calls; typed_mutate is a pure function
 *    of its arguments and the rng state (crash recovery replays it).
 *
 * Owns: nothing: an interface.  A struct typed_schema is filled by
 * registry.c (registry_schema; the selected target's is registry.c's
 * selected_schema) and only read afterwards.
 */
#ifndef FERRET_TYPED_H
#define FERRET_TYPED_H

#include <stddef.h>
#include <stdint.h>

#include "gocorpus.h" /* enum go_type, struct go_value */
#include "minimize.h"
#include "mutator.h"
#include "rng.h"

#define TYPED_MAX_ARGS 16

/* A target's parameter types, in declaration order.  Functions read at most
 * TYPED_MAX_ARGS of them whatever n says. */
struct typed_schema {
    size_t n;
    enum go_type type[TYPED_MAX_ARGS];
};

/* 1 for GO_BYTES and GO_STRING. */
int typed_is_variable(enum go_type t);
/* Bytes a fixed-size type takes in the binary form; 0 for a variable one
 * (and for a value that is not a go_type). */
size_t typed_width(enum go_type t);

/* Bytes the fixed-size arguments take, all together. */
size_t typed_fixed_size(const struct typed_schema *s);

/* Fills vals[0..s->n).  GO_BYTES/GO_STRING values point INTO data (not
 * malloc'd: never pass them to gocorpus_free, never write through them).
 * Integers come back within their type's range, bools as 0 or 1.  Never
 * fails. */
void typed_decode(const struct typed_schema *s, const uint8_t *data, size_t len,
                  struct go_value *vals);

/* Writes the canonical form into out (room for max bytes).  Returns its
 * length, or SIZE_MAX if it does not fit (then out's content is
 * unspecified).  vals' types must match s (the caller checked).
 * out == NULL asks for the length only (max is ignored then).  SIZE_MAX
 * also when the values cannot be encoded at all (a variable argument that is
 * not the last one longer than UINT32_MAX).  Bytes of vals may point into
 * out itself when they come from typed_decode of that same buffer (in-place
 * canonicalization, see typed_canonicalize). */
size_t typed_encode(const struct typed_schema *s, const struct go_value *vals, uint8_t *out,
                    size_t max);

/* Rewrites data[0..len) in place into the canonical form of the values it
 * decodes to (data has room for max bytes).  Returns the new length, or
 * SIZE_MAX if the canonical form does not fit max (data then unchanged). */
size_t typed_canonicalize(const struct typed_schema *s, uint8_t *data, size_t len, size_t max);

/* Type-aware mutation in place (data has room for max_len).  A pure
 * function of (rng state, schema, data[0..len), len, max_len, src contents).
 * Stacks 1..4 mutations, each on one argument picked at random, by its
 * type: integers as numbers within their type's range, floats as numbers,
 * bool flipped, bytes/strings by mutator_mutate() on that argument alone
 * (with the partner's same argument for cross-over); when s has exactly one
 * variable argument (so it ends the form), sometimes mutator_mutate() on the
 * whole buffer, so comparison feedback and dictionary words land anywhere.
 * Returns the new length (<= max_len); the result is canonical and differs
 * from the canonical form of the input whenever max_len permits.
 * A single []byte or string argument is exactly mutator_mutate().  When
 * max_len is below the smallest form of s, the bytes are mutated raw. */
size_t typed_mutate(rng_t *rng, const struct typed_schema *s, uint8_t *data, size_t len,
                    size_t max_len, const struct mutate_src *src);

/* Type-aware minimization, same contract as minimize() in minimize.h:
 * resumable cursor, try_fn returns MIN_KEEP/MIN_REJECT/MIN_STOP, the final
 * bytes are ones try() kept or the original, a zeroed cursor starts at the
 * beginning.  Candidates are canonical, never the unchanged input and never
 * longer than it.
 *
 * Passes (one pass when s has one argument, two otherwise, so that an
 * argument simplified later can let an earlier one shrink further):
 *   canonical form of the input (first pass only, when it differs);
 *   each variable argument, in declaration order: minimize()'s stages on
 *     its bytes alone (cut the tail, delete ranges, printable bytes);
 *   then each fixed argument, in declaration order:
 *     integers: 0, then toward 0 keeping the sign (binary lifting on the
 *       magnitude: the smallest that keeps the property if it is monotone);
 *     floats: +0, trunc, then the value rounded to 1, 2, ... significant
 *       digits (up to 16 for float64, 8 for float32; at each count the
 *       nearest such number and then the one on the other side; the first
 *       kept wins), then an integral value toward 0 as for integers;
 *     bool: false.
 *
 * Cursor encoding (struct min_cursor):
 *   stage = pass << 16 | step << 8 | sub, or TYPED_MIN_DONE when finished.
 *   step 0 is the canonical form; step k >= 1 is the k-th argument in the
 *   order above (variable ones first).  For a variable argument sub, chunk
 *   and pos are minimize()'s own stage, chunk and pos on that argument's
 *   bytes.  Integers: sub 0 tries 0; sub 1 lifts bits: pos = the largest
 *   magnitude known not to keep the property, chunk = bits done (candidate
 *   pos + 2^(63 - chunk)).  Floats: sub 0 +0, sub 1 trunc, sub 2 digits
 *   (chunk = 2 * (digits - 1) + side), sub 3 integral as integers' sub 1.
 *   Bool: sub 0.
 * Resume protocol as minimize.h: after a death during a try, call again with
 * the candidate and the same cursor if it had the property, else with the
 * old input and the cursor advanced by typed_minimize_cursor_skip().  Every
 * candidate kept strictly simplifies one argument and every skip advances
 * the cursor, so this always ends. */
#define TYPED_MIN_DONE 0xffffffffu

size_t typed_minimize(const struct typed_schema *s, uint8_t *data, size_t len,
                      struct min_cursor *cur, minimize_try_fn try_fn, void *arg)
    FERRET_FRAME(typed_minimize);

/* Like minimize_cursor_skip: advance the cursor past the candidate it points
 * at.  len (the input's length) is not needed by this encoding. */
void typed_minimize_cursor_skip(const struct typed_schema *s, struct min_cursor *cur,
                                size_t len);

/* 1 once the cursor has passed every candidate. */
int typed_minimize_done(const struct min_cursor *cur);

#endif
