/*
 * minimize.c - shrink an input while try() says the property still holds.
 *
 * Invariants:
 *   - minimize() is a pure function of (input, cursor, try() answers): no
 *     globals, no clock, no randomness.
 *   - data[0..len) only ever holds the original input or a candidate that
 *     try() answered MIN_KEEP; candidates are built in one scratch buffer.
 *   - try() never sees the unchanged input nor anything longer than it.
 *   - *cur names the candidate being tried.  MIN_KEEP leaves the cursor where
 *     it is (the next candidate is derived from the new, smaller input with
 *     the same cursor); MIN_REJECT moves it with minimize_cursor_skip().  So
 *     resuming after a death is: (candidate, same cursor) if it had the
 *     property, (old input, skipped cursor) if not; and after MIN_STOP,
 *     calling again with the returned bytes and *cur retries that candidate.
 *
 * Cursor meaning per stage:
 *   TAIL      chunk = bytes cut from the end; 0 means "cut everything" (the
 *             empty input, tried first).  Rejected cut c -> c/2 (after the
 *             empty input: len/2); kept cut -> same c again, or len/2 when c
 *             no longer fits.  A rejected cut of 1 ends the stage.  pos = 0.
 *   RANGES    delete data[pos .. pos+chunk) (clipped at len).  chunk starts
 *             at the largest power of two <= len/2 (0 = not started yet).
 *             Kept -> stay at pos (the rest shifted down); rejected ->
 *             pos += chunk (aligned steps for every chunk size; the finer
 *             offsets are covered by the smaller chunks that follow).  When
 *             pos reaches len, chunk halves; after chunk 1 the stage ends.
 *             A deletion that would leave nothing is skipped (TAIL tried it).
 *   PRINTABLE pos = byte index, chunk = index into the replacement list
 *             ('0', 'a', ' ').  Printable bytes are passed over; the first
 *             accepted replacement wins.
 *
 * Owns: nothing between calls: the scratch buffer candidates are built in
 * is allocated and freed by each minimize() call; the input, the cursor and
 * try()'s state are the caller's.
 */
#include "minimize.h"

#include <stdlib.h>
#include <string.h>

static const uint8_t min_repl[] = {'0', 'a', ' '};
#define MIN_NREPL (sizeof(min_repl) / sizeof(min_repl[0]))
#define MIN_MAX_CHUNK 0x80000000u

static int is_printable(uint8_t c)
{
    return c >= 0x20 && c <= 0x7e;
}

static uint32_t half_len(size_t len)
{
    size_t h = len / 2;
    return h > MIN_MAX_CHUNK ? MIN_MAX_CHUNK : (uint32_t)h;
}

static uint32_t pow2_at_most(size_t n)
{
    uint32_t p = 1;
    if (n == 0)
        return 0;
    while (p < MIN_MAX_CHUNK && (size_t)p * 2 <= n)
        p *= 2;
    return p;
}

static void set_stage(struct min_cursor *cur, uint32_t stage)
{
    cur->stage = stage;
    cur->chunk = 0;
    cur->pos = 0;
}

/* Each settle_* returns 1 if the cursor names a valid candidate of its
 * stage, else 0 after moving it to the next stage. */
static int settle_tail(struct min_cursor *cur, size_t len)
{
    cur->pos = 0;
    if (cur->chunk == 0 || cur->chunk < len)
        return 1;
    cur->chunk = half_len(len);
    if (cur->chunk > 0)
        return 1;
    set_stage(cur, MIN_STAGE_RANGES);
    return 0;
}

static int settle_ranges(struct min_cursor *cur, size_t len)
{
    if (cur->chunk == 0) {
        cur->chunk = pow2_at_most(len / 2);
        cur->pos = 0;
    }
    while (cur->chunk > 0) {
        if (cur->pos == 0 && cur->chunk >= len)
            cur->pos = cur->chunk; /* would leave nothing */
        if (cur->pos < len)
            return 1;
        cur->chunk /= 2;
        cur->pos = 0;
    }
    set_stage(cur, MIN_STAGE_PRINTABLE);
    return 0;
}

static int settle_printable(struct min_cursor *cur, const uint8_t *data,
                            size_t len)
{
    for (; cur->pos < len; cur->pos++, cur->chunk = 0) {
        if (cur->chunk < MIN_NREPL && !is_printable(data[cur->pos]))
            return 1;
    }
    set_stage(cur, MIN_STAGE_DONE);
    return 0;
}

/* Moves *cur to the first candidate at or after it; 0 when there is none. */
static int settle(struct min_cursor *cur, const uint8_t *data, size_t len)
{
    if (len == 0)
        set_stage(cur, MIN_STAGE_DONE);
    for (;;) {
        switch (cur->stage) {
        case MIN_STAGE_TAIL:
            if (settle_tail(cur, len))
                return 1;
            break;
        case MIN_STAGE_RANGES:
            if (settle_ranges(cur, len))
                return 1;
            break;
        case MIN_STAGE_PRINTABLE:
            return settle_printable(cur, data, len);
        default:
            return 0;
        }
    }
}

/* Writes the candidate named by a settled cursor into out; returns its length. */
static size_t build(const struct min_cursor *cur, const uint8_t *data,
                    size_t len, uint8_t *out)
{
    size_t pos = (size_t)cur->pos, cut;

    switch (cur->stage) {
    case MIN_STAGE_TAIL:
        cut = cur->chunk == 0 ? len : cur->chunk;
        memcpy(out, data, len - cut);
        return len - cut;
    case MIN_STAGE_RANGES:
        cut = len - pos < cur->chunk ? len - pos : cur->chunk;
        memcpy(out, data, pos);
        memcpy(out + pos, data + pos + cut, len - pos - cut);
        return len - cut;
    default: /* MIN_STAGE_PRINTABLE */
        memcpy(out, data, len);
        out[pos] = min_repl[cur->chunk];
        return len;
    }
}

void minimize_cursor_skip(struct min_cursor *cur, size_t len)
{
    switch (cur->stage) {
    case MIN_STAGE_TAIL:
        if (cur->chunk == 0)
            cur->chunk = half_len(len);
        else
            cur->chunk /= 2;
        if (cur->chunk == 0)
            set_stage(cur, MIN_STAGE_RANGES);
        break;
    case MIN_STAGE_RANGES:
        cur->pos += cur->chunk;
        break;
    case MIN_STAGE_PRINTABLE:
        cur->chunk++;
        break;
    default:
        break;
    }
}

size_t minimize(uint8_t *data, size_t len, struct min_cursor *cur,
                minimize_try_fn try_fn, void *arg)
{
    uint8_t *buf;

    if (!settle(cur, data, len))
        return len;
    buf = malloc(len);
    if (buf == NULL)
        return len;
    do {
        size_t clen = build(cur, data, len, buf);
        int r = try_fn(arg, buf, clen, cur);
        if (r < 0)
            break;
        if (r == MIN_KEEP) {
            memcpy(data, buf, clen);
            len = clen;
        } else {
            minimize_cursor_skip(cur, len);
        }
    } while (settle(cur, data, len));
    free(buf);
    return len;
}
