/*
 * cmpmut.h - input-to-state replacement (the RedQueen idea): when the target
 * compared a value `from` (found in the input, possibly encoded) against
 * `to`, rewrite the input so the compare sees `to` instead.
 *
 * Encodings searched for an integer compare of `size` bytes:
 *   I2S_LE, I2S_BE      from in little / big endian at width size
 *   I2S_LE_NARROW, I2S_BE_NARROW
 *                       from fits a narrower width (1, 2 or 4 bytes, e.g. a
 *                       byte zero- or sign-extended to 32 bits): searched and
 *                       replaced at each narrower width to also fits
 *   I2S_PLUS1, I2S_MINUS1
 *                       as I2S_LE/I2S_BE, but writing to+1 / to-1 (for
 *                       <, <=, >, >= compares)
 *   I2S_DEC             from as ASCII decimal as atoi/strtol read it
 *                       (leading zeros, a '+' or '-' sign; signed if
 *                       negative at its width), replaced by to in decimal;
 *                       lengths may differ
 *   I2S_HEX             from as ASCII hex, lower or upper case, replaced in
 *                       the same case; lengths may differ
 *   then, only when none of the above found anything, the transforms of
 *   cmpxform.h: I2S_FOLD (the fixed-width patterns above, ignoring case),
 *   I2S_HEXFIELD and I2S_B64 (from's little- and big-endian bytes, for
 *   sizes of 2 and more, hex- or base64-encoded); and only when those
 *   found nothing either, I2S_OFFSET and I2S_MIX (from computed from the
 *   input).
 * A memory compare (memcmp, strcmp, ...) of from[0..fl) against to[0..tl)
 * lists I2S_MEM (from verbatim, replaced by to; lengths may differ), then,
 * only when that found nothing, I2S_FOLD, I2S_HEXFIELD and I2S_B64 on the
 * operand's bytes.
 *
 * All functions are pure (see mutator.h): the result depends only on their
 * arguments and the rng state.
 */
#ifndef FERRET_CMPMUT_H
#define FERRET_CMPMUT_H

#include <stddef.h>
#include <stdint.h>

#include "i2s.h"
#include "rng.h"

/* Lists up to max candidates for an integer compare; returns how many. */
size_t i2s_int_candidates(const uint8_t *d, size_t len, uint64_t from, uint64_t to,
                          unsigned size, struct i2s_cand *out, size_t max);
/* Lists up to max candidates for a memory compare of from[0..fl) against
 * to[0..tl) (each at most I2S_MAX_BYTES, fl > 0). */
size_t i2s_mem_candidates(const uint8_t *d, size_t len, const uint8_t *from,
                          size_t fl, const uint8_t *to, size_t tl,
                          struct i2s_cand *out, size_t max);
/* Applies a candidate; returns the new length, or (size_t)-1 if it would
 * not fit max_len (nothing written then). */
size_t i2s_apply(uint8_t *d, size_t len, size_t max_len, const struct i2s_cand *c);

/* Mutations: pick one candidate at random (rng) and apply it; (size_t)-1
 * when there is none. */
size_t i2s_mutate_int(rng_t *r, uint8_t *d, size_t len, size_t max_len,
                      uint64_t from, uint64_t to, unsigned size);
size_t i2s_mutate_mem(rng_t *r, uint8_t *d, size_t len, size_t max_len,
                      const uint8_t *from, size_t fl, const uint8_t *to, size_t tl);

#endif
