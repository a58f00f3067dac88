/*
 * floattext.h - input-to-state for a floating-point value the target read
 * as text (strtod, strtof, atof, sscanf "%lf"): the compare (traced by the
 * pass plugin as an integer compare of the float's bits, cmpwide.c) sees a
 * double, the input holds "1234.4"; find the number in the input whose
 * value is the compared one and write the wanted value as text.
 *
 *   xf_floattext  from and to are the bits of a float (size 4) or a double
 *                 (size 8); every number token of the input that reads as
 *                 from is replaced by to's shortest text    (I2S_FLOATTEXT)
 *
 * floattext.c's header says what a token is and which text is written.
 */
#ifndef FERRET_FLOATTEXT_H
#define FERRET_FLOATTEXT_H

#include <stddef.h>
#include <stdint.h>

#include "cmpxform.h"

void xf_floattext(struct i2s_sink *s, const uint8_t *d, size_t len,
                  uint64_t from, uint64_t to, unsigned size);

/* The shortest text of v (a float when size is 4) that strtod (strtof)
 * reads back as v, without an exponent where one of at most 31 characters
 * exists; its length, 0 when v is not finite.  out has room for 32 bytes. */
size_t floattext_shortest(char *out, double v, unsigned size);

#endif
