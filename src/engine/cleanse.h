/*
 * cleanse.h - -cleanse_crash=1: replace the bytes of a failing input that
 * do not matter, keeping its length, while a caller-supplied property holds
 * (the worker: it still fails the same way).
 *
 * As libFuzzer's -cleanse_crash: each byte that is not already ' ' or 0xff
 * is replaced by ' ', else by 0xff, and the replacement is kept if the
 * property holds; passes over the input repeat while one changed a byte, at
 * most CLEANSE_PASSES times.  A pure function over try(), resumable from
 * its cursor (struct min_cursor, the same contract as minimize.h): the
 * caller persists *cur before each try and, if the process dies during it,
 *   - the candidate had the property: calls again with the candidate as the
 *     input and the same cursor;
 *   - it did not: calls again with the old input and the cursor advanced by
 *     cleanse_cursor_skip().
 */
#ifndef FERRET_CLEANSE_H
#define FERRET_CLEANSE_H

#include <stddef.h>
#include <stdint.h>

#include "minimize.h" /* struct min_cursor, minimize_try_fn, MIN_KEEP/REJECT/STOP */

#define CLEANSE_PASSES 5

/* Replaces bytes of data[0..len) in place (the length never changes);
 * returns the number of bytes replaced in this call.  A zeroed cursor
 * starts from the beginning; try() never sees the unchanged input. */
size_t cleanse(uint8_t *data, size_t len, struct min_cursor *cur, minimize_try_fn try_fn,
               void *arg);
/* Advances a cursor past the candidate it names (it did not have the property). */
void cleanse_cursor_skip(struct min_cursor *cur);
/* 1 once the cursor says cleansing is over. */
int cleanse_done(const struct min_cursor *cur);

#endif
