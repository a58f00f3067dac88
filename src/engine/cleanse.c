/*
 * cleanse.c - replace the bytes that do not matter (see cleanse.h).
 *
 * Invariants:
 *   - a pure function of (input, cursor, try() answers): no globals, no
 *     clock, no randomness;
 *   - data[] only ever holds the original input or candidates try() kept;
 *     a candidate differs from data[] in the one byte at the cursor.
 *
 * The cursor (struct min_cursor):
 *   pos    the byte being replaced
 *   chunk  which replacement is tried: repl[chunk] (' ', then 0xff)
 *   stage  bits 0-7 the pass (0 .. CLEANSE_PASSES-1; CLEANSE_PASSES = done),
 *          CHANGED: a byte was replaced earlier in this pass,
 *          TRIED:   the candidate at (pos, chunk) was handed to try().
 * TRIED is set in *cur before try() sees it, so a caller that persisted the
 * cursor and resumes with the kept candidate as its input finds the byte at
 * pos equal to repl[chunk]: that try was kept (CHANGED, next byte).  With
 * TRIED and another byte there, the try never ended (MIN_STOP): it is made
 * again.  cleanse_cursor_skip() (rejected) moves to the next replacement.
 *
 * Owns: nothing between calls: the candidate buffer is allocated and freed
 * by each cleanse() call; the input, the cursor and try()'s state are the
 * caller's (the worker's, mirrored in shared memory).
 */
#include "cleanse.h"

#include <stdlib.h>
#include <string.h>

static const uint8_t repl[] = {' ', 0xff};
#define NREPL (sizeof repl / sizeof repl[0])
#define PASS_MASK 0xffu
#define CHANGED 0x100u
#define TRIED 0x200u

static int is_repl(uint8_t b)
{
    return memchr(repl, b, NREPL) != NULL;
}

int cleanse_done(const struct min_cursor *cur)
{
    return (cur->stage & PASS_MASK) >= CLEANSE_PASSES;
}

static void next_byte(struct min_cursor *cur)
{
    cur->pos++;
    cur->chunk = 0;
    cur->stage &= ~TRIED;
}

void cleanse_cursor_skip(struct min_cursor *cur)
{
    cur->chunk++;
    cur->stage &= ~TRIED;
}

/* At the end of a pass: another one if this one changed a byte. */
static void end_pass(struct min_cursor *cur)
{
    uint32_t pass = (cur->stage & PASS_MASK) + 1;
    cur->stage = cur->stage & CHANGED ? pass : CLEANSE_PASSES;
    cur->pos = 0;
    cur->chunk = 0;
}

/* Moves *cur to the next candidate to try (returns 1), or to the end (0).
 * *kept counts a try found kept on resumption. */
static int settle(struct min_cursor *cur, const uint8_t *data, size_t len, size_t *kept)
{
    while (!cleanse_done(cur)) {
        if (cur->pos >= len) {
            end_pass(cur);
        } else if ((cur->stage & TRIED) && cur->chunk < NREPL && data[cur->pos] == repl[cur->chunk]) {
            cur->stage |= CHANGED; /* the candidate at the cursor was kept */
            ++*kept;
            next_byte(cur);
        } else if (cur->stage & TRIED) {
            cur->stage &= ~TRIED; /* stopped during that try: make it again */
        } else if (is_repl(data[cur->pos]) || cur->chunk >= NREPL) {
            next_byte(cur);
        } else {
            return 1;
        }
    }
    return 0;
}

size_t cleanse(uint8_t *data, size_t len, struct min_cursor *cur, minimize_try_fn try_fn,
               void *arg)
{
    size_t kept = 0;
    uint8_t *buf = len ? malloc(len) : NULL;
    if (!buf)
        return 0;
    memcpy(buf, data, len);
    while (settle(cur, data, len, &kept)) {
        size_t at = (size_t)cur->pos;
        buf[at] = repl[cur->chunk];
        cur->stage |= TRIED;
        int r = try_fn(arg, buf, len, cur);
        if (r == MIN_STOP)
            break;
        if (r == MIN_KEEP)
            data[at] = buf[at]; /* settle() sees it kept and moves on */
        else
            cleanse_cursor_skip(cur);
        buf[at] = data[at];
    }
    free(buf);
    return kept;
}
