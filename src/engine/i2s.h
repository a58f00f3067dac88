/*
 * i2s.h - the shared vocabulary of input-to-state replacement: the
 * encodings an operand is found in, and one candidate rewrite of the input.
 * cmpmut.c (the encodings of a value) and cmpxform.c (the transforms a
 * target applies before it compares) both produce candidates; neither
 * depends on the other for these types, hence this interface of its own.
 *
 * Encodings, in the order candidates are listed (see cmpmut.h, cmpxform.h):
 *   I2S_LE .. I2S_HEX   the value as bytes or text (cmpmut.c)
 *   I2S_MEM             a memory operand verbatim, or its prefix (cmpmut.c)
 *   I2S_FOLD            an operand found ignoring ASCII case (cmpxform.c)
 *   I2S_HEXFIELD        an operand's bytes found as hex text: the target
 *                       hex-decoded a field (cmpxform.c)
 *   I2S_B64             an operand's bytes found base64-encoded (cmpxform.c)
 *   I2S_OFFSET          an integer found off by a small constant, added or
 *                       xored (cmpxform.c)
 *   I2S_MIX             an integer explained as a polynomial mix of 2 or 3
 *                       consecutive input bytes (cmpxform.c)
 *   I2S_FLOATTEXT       a float or double found as decimal text: the target
 *                       parsed it with strtod (floattext.c)
 * A candidate's bytes are at most I2S_MAX_BYTES; the span it replaces may
 * be longer or shorter.
 *
 * Owns: nothing (type definitions only).
 */
#ifndef FERRET_I2S_H
#define FERRET_I2S_H

#include <stddef.h>
#include <stdint.h>

enum i2s_encoding {
    I2S_LE, I2S_BE, I2S_LE_NARROW, I2S_BE_NARROW, I2S_PLUS1, I2S_MINUS1,
    I2S_DEC, I2S_HEX, I2S_MEM, I2S_FOLD, I2S_HEXFIELD, I2S_B64, I2S_OFFSET,
    I2S_MIX, I2S_FLOATTEXT,
};

#define I2S_MAX_BYTES 32

/* One way to rewrite the input: replace data[pos..pos+old_len) by bytes. */
struct i2s_cand {
    size_t pos;
    size_t old_len;
    size_t new_len;
    enum i2s_encoding enc;
    uint8_t bytes[I2S_MAX_BYTES];
};

#endif
