/*
 * typed_minimize.c - typed_minimize: minimization of a typed input argument
 * by argument, each by its type, behind a resumable cursor (typed.h gives
 * the passes, the candidates and the cursor encoding).  A variable argument
 * goes to minimize() (minimize.h) on its bytes alone, each candidate framed
 * back into the whole form before try() sees it.
 *
 * Defines typed_minimize, typed_minimize_cursor_skip, typed_minimize_done,
 * the cursor's helpers and typed_digits (how many significant digits a
 * float needs).  Decoding, encoding and rounding come from typed_form.c
 * through typed_int.h.
 *
 * Invariants:
 *  - Canonical output: typed_minimize hands back (and its try() only ever
 *    sees) canonical forms, built by typed_encode from decoded values.
 *  - Bounds: writes stay inside data[0..len): a candidate is never longer
 *    than the current input, so adopting one never needs more room.
 *  - Minimization only moves forward: a kept candidate strictly simplifies
 *    one argument (shorter or more printable bytes, a smaller integer
 *    magnitude, fewer significant digits, false), a rejected one advances
 *    the cursor, and there are at most two passes, so it always ends.
 *  - The only memory it takes is the candidate buffer and a copy of the
 *    argument minimize() works on, both freed before it returns.
 *  - No libm (see typed_form.c).
 *
 * Owns: nothing between calls: the candidate buffer and the copy of the
 * argument minimize() works on are allocated and freed by each
 * typed_minimize() call; the input and the cursor are the caller's.
 */
#include "typed_int.h"

#include <stdlib.h>
#include <string.h>

#define TYPED_LIFT_BITS 64

/* ---- significant digits ------------------------------------------------------ */

/* Significant digits v needs to read back as itself: 1..max, else max + 1. */
static int typed_digits(double v, int f32)
{
    int max = f32 ? TYPED_F32_DIGITS : TYPED_F64_DIGITS;
    for (int d = 1; d <= max; d++)
        if (typed_same(typed_round_digits(v, d, 0, f32), v, f32))
            return d;
    return max + 1;
}

/* ---- minimization: the cursor ---------------------------------------------- */

enum typed_int_sub { TYPED_INT_ZERO = 0, TYPED_INT_LIFT = 1 };
enum typed_float_sub {
    TYPED_FLOAT_ZERO = 0, TYPED_FLOAT_TRUNC = 1, TYPED_FLOAT_DIGITS = 2, TYPED_FLOAT_LIFT = 3,
};
#define TYPED_SUB_MAX 0xffu

static uint32_t typed_pass(uint32_t stage) { return stage >> 16; }
static uint32_t typed_step(uint32_t stage) { return (stage >> 8) & 0xff; }
static uint32_t typed_sub(uint32_t stage) { return stage & 0xff; }

static uint32_t typed_passes(const struct typed_schema *s)
{
    return typed_nargs(s) > 1 ? 2 : 1;
}

static void typed_goto(struct min_cursor *cur, uint32_t pass, uint32_t step, uint32_t sub)
{
    cur->stage = pass << 16 | step << 8 | sub;
    cur->chunk = 0;
    cur->pos = 0;
}

static void typed_goto_done(struct min_cursor *cur)
{
    cur->stage = TYPED_MIN_DONE;
    cur->chunk = 0;
    cur->pos = 0;
}

/* Past the current step: the next argument, the next pass, or the end. */
static void typed_next_step(const struct typed_schema *s, struct min_cursor *cur)
{
    uint32_t pass = typed_pass(cur->stage), step = typed_step(cur->stage);
    if (step < typed_nargs(s))
        typed_goto(cur, pass, step + 1, 0);
    else if (pass + 1 < typed_passes(s))
        typed_goto(cur, pass + 1, 1, 0);
    else
        typed_goto_done(cur);
}

static void typed_set_sub(const struct typed_schema *s, struct min_cursor *cur, uint32_t sub)
{
    if (sub > TYPED_SUB_MAX)
        typed_next_step(s, cur);
    else
        typed_goto(cur, typed_pass(cur->stage), typed_step(cur->stage), sub);
}

/* The argument of step k >= 1: variable arguments first, then fixed ones,
 * each in declaration order. */
static size_t typed_step_arg(const struct typed_schema *s, uint32_t step)
{
    size_t n = typed_nargs(s), k = 0;
    for (int var = 1; var >= 0; var--)
        for (size_t i = 0; i < n; i++)
            if (typed_is_variable(s->type[i]) == var && ++k == step)
                return i;
    return n;
}

/* Binary lifting toward zero: the first candidate pos + 2^(63 - chunk)
 * below mag at or after the cursor; 0 when the sub-stage is over. */
static int typed_lift(struct min_cursor *cur, uint64_t mag, uint64_t *c)
{
    for (; cur->chunk < TYPED_LIFT_BITS; cur->chunk++) {
        *c = cur->pos + (1ULL << (63 - cur->chunk));
        if (*c < mag)
            return 1;
    }
    return 0;
}

static void typed_lift_skip(struct min_cursor *cur)
{
    if (cur->chunk < TYPED_LIFT_BITS) {
        cur->pos += 1ULL << (63 - cur->chunk);
        cur->chunk++;
    }
}

/* Past a rejected candidate of minimize()'s stages on a variable argument.
 * Only "the empty argument" needs the argument's length to go on (half of
 * it); UINT32_MAX stands for it and minimize() settles it to exactly that. */
static void typed_var_skip(const struct typed_schema *s, struct min_cursor *cur)
{
    struct min_cursor inner = {typed_sub(cur->stage), cur->chunk, cur->pos};
    if (inner.stage == MIN_STAGE_TAIL && inner.chunk == 0)
        inner.chunk = UINT32_MAX;
    else
        minimize_cursor_skip(&inner, 0);
    typed_set_sub(s, cur, inner.stage);
    cur->chunk = inner.chunk;
    cur->pos = inner.pos;
}

void typed_minimize_cursor_skip(const struct typed_schema *s, struct min_cursor *cur,
                                size_t len)
{
    uint32_t step = typed_step(cur->stage), sub = typed_sub(cur->stage);
    enum go_type t;

    (void)len;
    if (cur->stage == TYPED_MIN_DONE)
        return;
    if (typed_pass(cur->stage) >= typed_passes(s)) {
        typed_goto_done(cur);
        return;
    }
    if (step == 0 || step > typed_nargs(s)) {
        typed_next_step(s, cur);
        return;
    }
    t = s->type[typed_step_arg(s, step)];
    if (typed_is_variable(t))
        typed_var_skip(s, cur);
    else if ((typed_is_integer(t) && sub == TYPED_INT_LIFT) ||
             (typed_is_float(t) && sub == TYPED_FLOAT_LIFT))
        typed_lift_skip(cur);
    else if (typed_is_float(t) && sub == TYPED_FLOAT_DIGITS && cur->chunk < UINT32_MAX)
        cur->chunk++;
    else
        typed_set_sub(s, cur, sub + 1);
}

int typed_minimize_done(const struct min_cursor *cur)
{
    return cur->stage == TYPED_MIN_DONE;
}

/* ---- minimization: candidates ------------------------------------------------ */

struct typed_min {
    const struct typed_schema *s;
    size_t n;
    uint8_t *data;         /* the input, or the last kept candidate */
    size_t len;
    struct min_cursor *cur;
    minimize_try_fn try_fn;
    void *arg;
    uint8_t *cand;         /* room for the original length */
    size_t cand_len;
    size_t var_arg;        /* the argument the nested minimize() works on */
    int stopped;           /* try() said MIN_STOP inside the nested minimize() */
};

/* Encodes vals into m->cand, no longer than the input; 0 if it does not fit
 * (the input was a truncated form and only the canonical one is longer). */
static int typed_build(struct typed_min *m, const struct go_value *vals)
{
    size_t l = typed_encode(m->s, vals, m->cand, m->len);
    if (l == SIZE_MAX)
        return 0;
    m->cand_len = l;
    return 1;
}

static int typed_build_with(struct typed_min *m, const struct go_value *vals, size_t i,
                            const struct go_value *v)
{
    struct go_value c[TYPED_MAX_ARGS];
    memcpy(c, vals, m->n * sizeof c[0]);
    c[i] = *v;
    return typed_build(m, c);
}

static int typed_build_int(struct typed_min *m, const struct go_value *vals, size_t i,
                           uint64_t mag, int neg)
{
    struct go_value v = vals[i];
    v.u = neg ? 0 - mag : mag;
    return typed_build_with(m, vals, i, &v);
}

static int typed_build_float(struct typed_min *m, const struct go_value *vals, size_t i,
                             double c)
{
    struct go_value v = vals[i];
    if (v.type == GO_FLOAT32)
        v.f32 = (float)c;
    else
        v.f64 = c;
    return typed_build_with(m, vals, i, &v);
}

/* Step 0: the canonical form, when it differs from the input. */
static int typed_settle_canon(struct typed_min *m, const struct go_value *vals)
{
    return typed_pass(m->cur->stage) == 0 && typed_build(m, vals) &&
           (m->cand_len != m->len || memcmp(m->cand, m->data, m->len) != 0);
}

/* Each typed_settle_<kind> builds the candidate at or after the cursor and
 * returns 1, or returns 0 when the argument has no candidate left.  All of
 * an argument's candidates have the same length, so one that does not fit
 * ends the argument. */
static int typed_settle_int(struct typed_min *m, const struct go_value *vals, size_t i)
{
    struct min_cursor *cur = m->cur;
    int neg = typed_is_signed(m->s->type[i]) && vals[i].i < 0;
    uint64_t mag = neg ? 0 - vals[i].u : vals[i].u, c;

    if (typed_sub(cur->stage) == TYPED_INT_ZERO) {
        if (mag != 0)
            return typed_build_int(m, vals, i, 0, 0);
        typed_set_sub(m->s, cur, TYPED_INT_LIFT);
    }
    if (typed_sub(cur->stage) == TYPED_INT_LIFT && typed_lift(cur, mag, &c))
        return typed_build_int(m, vals, i, c, neg);
    return 0;
}

/* Rounded to d = chunk / 2 + 1 digits, side chunk % 2, for every d below
 * the digits v needs; a candidate must itself need at most d digits. */
static int typed_settle_digits(struct typed_min *m, const struct go_value *vals, size_t i,
                               double v, int f32)
{
    struct min_cursor *cur = m->cur;
    int need;

    if (!typed_finite(v) || v == 0)
        return 0;
    need = typed_digits(v, f32);
    for (; cur->chunk / 2 + 1 < (uint32_t)need; cur->chunk++) {
        int d = (int)(cur->chunk / 2) + 1;
        double c = typed_round_digits(v, d, (int)(cur->chunk & 1), f32);
        if (typed_finite(c) && c != 0 && !typed_same(c, v, f32) && typed_digits(c, f32) <= d)
            return typed_build_float(m, vals, i, c);
    }
    return 0;
}

/* An integral v toward zero, as integers are. */
static int typed_settle_float_lift(struct typed_min *m, const struct go_value *vals, size_t i,
                                   double v, int f32)
{
    double a = typed_fabs(v);
    uint64_t c;

    if (!typed_finite(v) || typed_trunc(v) != v || a >= 9223372036854775808.0)
        return 0;
    for (; typed_lift(m->cur, (uint64_t)a, &c); m->cur->chunk++) {
        double cf = f32 ? (double)(float)c : (double)c;
        if (cf < a)
            return typed_build_float(m, vals, i, typed_copysign(cf, v));
    }
    return 0;
}

static int typed_settle_float(struct typed_min *m, const struct go_value *vals, size_t i)
{
    struct min_cursor *cur = m->cur;
    int f32 = m->s->type[i] == GO_FLOAT32;
    double v = f32 ? (double)vals[i].f32 : vals[i].f64, t = typed_trunc(v);

    if (typed_sub(cur->stage) == TYPED_FLOAT_ZERO) {
        if (typed_get_raw(&vals[i], m->s->type[i]) != 0)
            return typed_build_float(m, vals, i, 0.0);
        typed_set_sub(m->s, cur, TYPED_FLOAT_TRUNC);
    }
    if (typed_sub(cur->stage) == TYPED_FLOAT_TRUNC) {
        if (typed_finite(v) && typed_fabs(v) >= 1 && !typed_same(t, v, f32))
            return typed_build_float(m, vals, i, t);
        typed_set_sub(m->s, cur, TYPED_FLOAT_DIGITS);
    }
    if (typed_sub(cur->stage) == TYPED_FLOAT_DIGITS) {
        if (typed_settle_digits(m, vals, i, v, f32))
            return 1;
        typed_set_sub(m->s, cur, TYPED_FLOAT_LIFT);
    }
    if (typed_sub(cur->stage) == TYPED_FLOAT_LIFT)
        return typed_settle_float_lift(m, vals, i, v, f32);
    return 0;
}

static int typed_settle_bool(struct typed_min *m, const struct go_value *vals, size_t i)
{
    struct go_value v = vals[i];
    if (typed_sub(m->cur->stage) != 0 || !v.b)
        return 0;
    v.b = 0;
    return typed_build_with(m, vals, i, &v);
}

/* For a variable argument: 1 means "run the nested minimize()". */
static int typed_settle_arg(struct typed_min *m, const struct go_value *vals, size_t i)
{
    enum go_type t = m->s->type[i];
    if (typed_is_variable(t))
        return typed_sub(m->cur->stage) < MIN_STAGE_DONE && vals[i].bytes.len > 0;
    if (t == GO_BOOL)
        return typed_settle_bool(m, vals, i);
    if (typed_is_float(t))
        return typed_settle_float(m, vals, i);
    if (typed_is_integer(t))
        return typed_settle_int(m, vals, i);
    return 0;
}

/* Moves the cursor to the first candidate at or after it (built into
 * m->cand, except for a variable argument); 0 when there is none. */
static int typed_settle(struct typed_min *m)
{
    struct go_value vals[TYPED_MAX_ARGS];
    struct min_cursor *cur = m->cur;

    for (;;) {
        uint32_t step = typed_step(cur->stage);
        if (cur->stage == TYPED_MIN_DONE)
            return 0;
        if (m->len == 0 || typed_pass(cur->stage) >= typed_passes(m->s)) {
            typed_goto_done(cur);
            return 0;
        }
        if (step <= m->n) {
            typed_decode(m->s, m->data, m->len, vals);
            if (step == 0 ? typed_settle_canon(m, vals)
                          : typed_settle_arg(m, vals, typed_step_arg(m->s, step)))
                return 1;
        }
        typed_next_step(m->s, cur);
    }
}

/* try() for the nested minimize(): the argument's candidate bytes framed
 * into the whole form, under the outer cursor. */
static int typed_nested_try(void *arg, const uint8_t *cand, size_t len,
                            const struct min_cursor *inner)
{
    struct typed_min *m = arg;
    struct go_value vals[TYPED_MAX_ARGS];
    uint32_t st = m->cur->stage;
    int r;

    typed_decode(m->s, m->data, m->len, vals);
    vals[m->var_arg].bytes.p = (uint8_t *)cand;
    vals[m->var_arg].bytes.len = len;
    if (!typed_build(m, vals))
        return MIN_REJECT;
    typed_goto(m->cur, typed_pass(st), typed_step(st), inner->stage);
    m->cur->chunk = inner->chunk;
    m->cur->pos = inner->pos;
    r = m->try_fn(m->arg, m->cand, m->cand_len, m->cur);
    if (r < 0) {
        m->stopped = 1;
        return MIN_STOP;
    }
    if (r != MIN_KEEP)
        return MIN_REJECT;
    memcpy(m->data, m->cand, m->cand_len);
    m->len = m->cand_len;
    return MIN_KEEP;
}

/* minimize() on variable argument i from the cursor; -1 if it stopped. */
static int typed_min_var(struct typed_min *m, size_t i)
{
    struct go_value vals[TYPED_MAX_ARGS];
    struct min_cursor inner = {typed_sub(m->cur->stage), m->cur->chunk, m->cur->pos};
    uint8_t *slice;
    size_t l;

    typed_decode(m->s, m->data, m->len, vals);
    l = vals[i].bytes.len;
    slice = malloc(l);
    if (!slice)
        return -1;
    memcpy(slice, vals[i].bytes.p, l);
    m->var_arg = i;
    m->stopped = 0;
    minimize(slice, l, &inner, typed_nested_try, m);
    free(slice);
    /* Not done and not stopped: minimize() found no memory. */
    return m->stopped || inner.stage < MIN_STAGE_DONE ? -1 : 0;
}

size_t typed_minimize(const struct typed_schema *s, uint8_t *data, size_t len,
                      struct min_cursor *cur, minimize_try_fn try_fn, void *arg)
{
    struct typed_min m = {.s = s, .n = typed_nargs(s), .data = data, .len = len,
                          .cur = cur, .try_fn = try_fn, .arg = arg};

    m.cand = malloc(len ? len : 1);
    if (!m.cand)
        return len;
    while (typed_settle(&m)) {
        uint32_t step = typed_step(cur->stage);
        if (step > 0 && typed_is_variable(s->type[typed_step_arg(s, step)])) {
            if (typed_min_var(&m, typed_step_arg(s, step)) < 0)
                break;
            typed_next_step(s, cur);
            continue;
        }
        int r = try_fn(arg, m.cand, m.cand_len, cur);
        if (r < 0)
            break;
        if (r == MIN_KEEP) {
            memcpy(data, m.cand, m.cand_len);
            m.len = m.cand_len;
        } else {
            typed_minimize_cursor_skip(s, cur, m.len);
        }
    }
    free(m.cand);
    return m.len;
}
