/*
 * minimize.h - shrink an input while a caller-supplied property holds.
 *
 * minimize() is a pure function over a try() callback: it knows nothing of
 * processes, coverage or crashes.  The cursor makes it resumable: the caller
 * may persist *cur before each try (the worker mirrors it into shared memory)
 * and, if the process dies during a try, restart minimize() later from the
 * saved cursor:
 *   - the candidate at the cursor had the property (e.g. it crashed): call
 *     again with that candidate as the input and the same cursor;
 *   - the candidate did not (e.g. it hung): call again with the old input and
 *     the cursor advanced by minimize_cursor_skip().
 */
#ifndef FERRET_MINIMIZE_H
#define FERRET_MINIMIZE_H

#include <stddef.h>
#include <stdint.h>

#include "frame.h"

/* try() results */
#define MIN_REJECT 0   /* candidate lost the property */
#define MIN_KEEP   1   /* candidate keeps it: adopt it */
#define MIN_STOP  (-1) /* out of time or budget: stop now, keep the best so far */

/* Stages, in order. */
enum min_stage {
    MIN_STAGE_TAIL = 0,      /* cut the tail */
    MIN_STAGE_RANGES = 1,    /* delete ranges, largest chunks first, down to single bytes */
    MIN_STAGE_PRINTABLE = 2, /* replace bytes with printable ones */
    MIN_STAGE_DONE = 3,
};

struct min_cursor {
    uint32_t stage;   /* enum min_stage */
    uint32_t chunk;   /* current chunk size where the stage uses one */
    uint64_t pos;     /* current position within the stage */
};

typedef int (*minimize_try_fn)(void *arg, const uint8_t *cand, size_t len,
                               const struct min_cursor *cur);

/* Shrinks data[0..len) in place; returns the final length.  The final bytes
 * are always ones for which try() returned MIN_KEEP, or the original input.
 * A zeroed cursor starts from the beginning. */
size_t minimize(uint8_t *data, size_t len, struct min_cursor *cur,
                minimize_try_fn try_fn, void *arg) FERRET_FRAME(minimize);

/* Advances a cursor past the candidate it points at (see above). */
void minimize_cursor_skip(struct min_cursor *cur, size_t len);

#endif
