/*
 * registry.c - Go-style typed fuzz targets (include/ferret.h): the table
 * FERRET_FUZZ fills at load time, the seeds a target adds, and the context a
 * running input reports to (log, fail, fatal, skip).
 *
 * Invariants:
 *  - targets register from constructors, before main(); the table never
 *    changes afterwards, so every process of one binary (coordinator,
 *    workers) sees the same targets in the same order (sorted by name);
 *  - at most one typed target is selected per process (registry_select), and
 *    target_run() decodes each input's binary form (typed.h) for it;
 *  - a failure is state, not a death: ferret_fail sets ctx.failed and the
 *    input goes on; ferret_fatal and ferret_skip longjmp back to
 *    registry_run, which is always below them on the stack while an input
 *    runs; ctx is reset before every input.
 *
 * Owns: in every process of the binary: targets, ntargets, overflow, the
 * table FERRET_FUZZ's constructors fill before main() (never changed
 * after), and sorted (sorted by name at first use); selected and
 * selected_schema, the typed target this process runs (registry_select,
 * through select.c; NULL: LLVMFuzzerTestOneInput); ctx, the running input's
 * ferret_t (failed, skipped, where it failed, the lines it logged), reset
 * before each input.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ferret.h"
#include "registry.h"
#include "runtime.h"
#include "typed.h"

_Static_assert((int)FERRET_FLOAT64 == (int)GO_FLOAT64 && (int)FERRET_BYTES == (int)GO_BYTES &&
                   (int)FERRET_UINT == (int)GO_UINT && (int)FERRET_INT64 == (int)GO_INT64,
               "ferret_type and go_type must agree");

#define REGISTRY_MAX 256

static const struct ferret_target *targets[REGISTRY_MAX];
static size_t ntargets;
static int sorted;
static int overflow;

FERRET_EXPORT void ferret_register(const struct ferret_target *t)
{
    if (ntargets == REGISTRY_MAX) {
        overflow = 1;
        return;
    }
    targets[ntargets++] = t;
    sorted = 0;
}

static int by_name(const void *a, const void *b)
{
    const struct ferret_target *x = *(const struct ferret_target *const *)a;
    const struct ferret_target *y = *(const struct ferret_target *const *)b;
    return strcmp(x->name, y->name);
}

size_t registry_count(void)
{
    if (!sorted) {
        qsort(targets, ntargets, sizeof targets[0], by_name);
        sorted = 1;
    }
    return ntargets;
}

const struct ferret_target *registry_get(size_t i)
{
    return i < registry_count() ? targets[i] : NULL;
}

int registry_check(char *err, size_t errlen)
{
    size_t n = registry_count();
    if (overflow) {
        snprintf(err, errlen, "more than %d fuzz targets registered", REGISTRY_MAX);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        const struct ferret_target *t = targets[i];
        if (!t->name || !*t->name || strchr(t->name, '/') || !t->fn) {
            snprintf(err, errlen, "fuzz target %zu has no name, a '/' in it, or no function", i);
            return -1;
        }
        if (i > 0 && strcmp(t->name, targets[i - 1]->name) == 0) {
            snprintf(err, errlen, "two fuzz targets are named %s", t->name);
            return -1;
        }
        if (t->ntypes == 0 || t->ntypes > TYPED_MAX_ARGS) {
            snprintf(err, errlen, "fuzz target %s takes %zu arguments; 1..%d are supported",
                     t->name, t->ntypes, TYPED_MAX_ARGS);
            return -1;
        }
        for (size_t k = 0; k < t->ntypes; k++)
            if ((int)t->types[k] < (int)FERRET_BYTES || (int)t->types[k] > (int)FERRET_FLOAT64) {
                snprintf(err, errlen, "fuzz target %s: argument %zu has an unknown type (%d)",
                         t->name, k + 1, (int)t->types[k]);
                return -1;
            }
    }
    return 0;
}

void registry_schema(const struct ferret_target *t, struct typed_schema *s)
{
    memset(s, 0, sizeof *s);
    s->n = t->ntypes <= TYPED_MAX_ARGS ? t->ntypes : TYPED_MAX_ARGS;
    for (size_t i = 0; i < s->n; i++)
        s->type[i] = (enum go_type)t->types[i];
}

/* ---- seeds ------------------------------------------------------------------ */

struct ferret_seeds {
    const struct ferret_target *t;
    struct registry_seed *v;
    size_t n, cap;
    char err[256];   /* first error; empty if none */
};

FERRET_EXPORT ferret_value ferret_string(const char *s)
{
    ferret_value v = ferret_bytes(s, s ? strlen(s) : 0);
    v.type = FERRET_STRING;
    return v;
}

/* Keeps the first error only: later seeds may fail for its reason. */
__attribute__((format(printf, 2, 3))) static void seed_error(ferret_seeds *s, const char *fmt, ...)
{
    va_list ap;
    if (s->err[0])
        return;
    va_start(ap, fmt);
    vsnprintf(s->err, sizeof s->err, fmt, ap);
    va_end(ap);
}

static void to_go(const ferret_value *v, struct go_value *g)
{
    memset(g, 0, sizeof *g);
    g->type = (enum go_type)v->type;
    switch (v->type) {
    case FERRET_BYTES:
    case FERRET_STRING:
        g->bytes.p = (uint8_t *)v->bytes.data;
        g->bytes.len = v->bytes.data ? v->bytes.len : 0;
        break;
    case FERRET_BOOL: g->b = v->b; break;
    case FERRET_INT: case FERRET_INT8: case FERRET_INT16: case FERRET_INT32: case FERRET_INT64:
        g->i = v->i;
        break;
    case FERRET_FLOAT32: g->f32 = v->f32; break;
    case FERRET_FLOAT64: g->f64 = v->f64; break;
    default: g->u = v->u; break;
    }
}

/* Narrow types must hold a value of their range (a seed's int8 of 300 is
 * the caller's mistake, named, not silently wrapped). */
static int in_range(const ferret_value *v)
{
    switch (v->type) {
    case FERRET_INT8: return v->i >= INT8_MIN && v->i <= INT8_MAX;
    case FERRET_INT16: return v->i >= INT16_MIN && v->i <= INT16_MAX;
    case FERRET_INT32: return v->i >= INT32_MIN && v->i <= INT32_MAX;
    case FERRET_UINT8: return v->u <= UINT8_MAX;
    case FERRET_UINT16: return v->u <= UINT16_MAX;
    case FERRET_UINT32: return v->u <= UINT32_MAX;
    default: return 1;
    }
}

FERRET_EXPORT void ferret_add_values(ferret_seeds *s, const ferret_value *v, size_t n)
{
    const struct ferret_target *t = s->t;
    size_t seed = s->n + 1;
    if (n != t->ntypes) {
        seed_error(s, "seed %zu has %zu value%s, the target takes %zu", seed, n, n == 1 ? "" : "s",
                   t->ntypes);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (v[i].type != t->types[i]) {
            seed_error(s, "seed %zu: value %zu is of another type than the argument", seed, i + 1);
            return;
        }
        if (!in_range(&v[i])) {
            seed_error(s, "seed %zu: value %zu is out of its type's range", seed, i + 1);
            return;
        }
    }
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 16;
        struct registry_seed *nv = realloc(s->v, cap * sizeof *nv);
        if (!nv) {
            seed_error(s, "out of memory at seed %zu", seed);
            return;
        }
        s->v = nv;
        s->cap = cap;
    }
    struct registry_seed *r = &s->v[s->n];
    memset(r, 0, sizeof *r);
    for (size_t i = 0; i < n; i++)
        to_go(&v[i], &r->v[i]);
    r->n = n;
    s->n++;
}

/* Encodes every seed into its binary form (the caller frees *out[i].data
 * and *out).  The values still point into the caller's memory until then,
 * so each is encoded before the next ferret_add could go away: here, after
 * the seeds function returned, they point at its literals or statics. */
int registry_seeds(const struct ferret_target *t, struct registry_encoded **out, size_t *n,
                   char *err, size_t errlen)
{
    ferret_seeds s = {.t = t};
    struct typed_schema schema;
    *out = NULL;
    *n = 0;
    if (t->seeds)
        t->seeds(&s);
    if (s.err[0]) {
        snprintf(err, errlen, "fuzz target %s: %s", t->name, s.err);
        free(s.v);
        return -1;
    }
    registry_schema(t, &schema);
    struct registry_encoded *e = calloc(s.n ? s.n : 1, sizeof *e);
    if (!e)
        goto no_memory;
    for (size_t i = 0; i < s.n; i++) {
        size_t need = typed_encode(&schema, s.v[i].v, NULL, 0);
        if (need == SIZE_MAX || !(e[i].data = malloc(need ? need : 1)))
            goto free_encoded;
        e[i].len = typed_encode(&schema, s.v[i].v, e[i].data, need);
        *n = i + 1;
    }
    free(s.v);
    *out = e;
    return 0;
free_encoded:
    for (size_t i = 0; i < *n; i++)
        free(e[i].data);
    free(e);
    *n = 0;
no_memory:
    free(s.v);
    snprintf(err, errlen, "fuzz target %s: out of memory encoding its seeds", t->name);
    return -1;
}

/* ---- running one input ------------------------------------------------------ */

#define MSG_MAX 4096

struct ferret_t {
    jmp_buf out;
    int failed, skipped;
    char fail_at[64];    /* file:line of the first ferret_fail/fatal */
    size_t msg_len;
    char msg[MSG_MAX];
};

static const struct ferret_target *selected;
static struct typed_schema selected_schema;
static struct ferret_t ctx;

void registry_select(const struct ferret_target *t)
{
    selected = t;
    if (t)
        registry_schema(t, &selected_schema);
}

const struct ferret_target *registry_selected(void) { return selected; }
const struct typed_schema *registry_selected_schema(void)
{
    return selected ? &selected_schema : NULL;
}

static const char *base_name(const char *file)
{
    const char *base = file ? strrchr(file, '/') : NULL;
    return base ? base + 1 : file ? file : "?";
}

static void mark_failed(ferret_t *t, const char *file, int line)
{
    if (!t->failed)
        snprintf(t->fail_at, sizeof t->fail_at, "%s:%d", base_name(file), line);
    t->failed = 1;
}

static void add_line(ferret_t *t, const char *file, int line, const char *fmt, va_list ap)
{
    const char *base = base_name(file);
    if (t->msg_len + 1 >= MSG_MAX)
        return;
    int k = snprintf(t->msg + t->msg_len, MSG_MAX - t->msg_len, "%s:%d: ", base, line);
    if (k > 0)
        t->msg_len = t->msg_len + (size_t)k < MSG_MAX ? t->msg_len + (size_t)k : MSG_MAX - 1;
    k = vsnprintf(t->msg + t->msg_len, MSG_MAX - t->msg_len, fmt, ap);
    if (k > 0)
        t->msg_len = t->msg_len + (size_t)k < MSG_MAX ? t->msg_len + (size_t)k : MSG_MAX - 1;
    if (t->msg_len + 1 < MSG_MAX && (t->msg_len == 0 || t->msg[t->msg_len - 1] != '\n'))
        t->msg[t->msg_len++] = '\n';
    t->msg[t->msg_len] = 0;
}

FERRET_EXPORT void ferret_log_at(ferret_t *t, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_line(t, file, line, fmt, ap);
    va_end(ap);
}

FERRET_EXPORT void ferret_fail_at(ferret_t *t, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_line(t, file, line, fmt, ap);
    va_end(ap);
    mark_failed(t, file, line);
}

FERRET_EXPORT void ferret_fatal_at(ferret_t *t, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_line(t, file, line, fmt, ap);
    va_end(ap);
    mark_failed(t, file, line);
    longjmp(t->out, 1);
}

FERRET_EXPORT void ferret_skip_at(ferret_t *t, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_line(t, file, line, fmt, ap);
    va_end(ap);
    t->skipped = 1;
    longjmp(t->out, 1);
}

FERRET_EXPORT int ferret_failed(const ferret_t *t) { return t->failed; }

int registry_failed(void) { return ctx.failed; }
const char *registry_fail_at(void) { return ctx.fail_at; }

const char *registry_message(size_t *len)
{
    *len = ctx.msg_len;
    return ctx.msg;
}

/* Variable-length arguments each get a heap block of exactly their size
 * (plus a NUL for strings), so ASan catches a read past one. */
static int give_values(const struct go_value *g, ferret_value *v, size_t n, void **blocks)
{
    for (size_t i = 0; i < n; i++) {
        blocks[i] = NULL;
        v[i].type = (ferret_type)g[i].type;
        switch (g[i].type) {
        case GO_BYTES:
        case GO_STRING: {
            size_t len = g[i].bytes.len, extra = g[i].type == GO_STRING;
            uint8_t *p = malloc(len + extra ? len + extra : 1);
            if (!p)
                return -1;
            memcpy(p, g[i].bytes.p, len);
            if (extra)
                p[len] = 0;
            msan_unpoison(p, len + extra);
            blocks[i] = p;
            v[i].bytes.data = p;
            v[i].bytes.len = len;
            break;
        }
        case GO_BOOL: v[i].b = g[i].b != 0; break;
        case GO_INT: case GO_INT8: case GO_INT16: case GO_INT32: case GO_INT64:
            v[i].i = g[i].i;
            break;
        case GO_FLOAT32: v[i].f32 = g[i].f32; break;
        case GO_FLOAT64: v[i].f64 = g[i].f64; break;
        default: v[i].u = g[i].u; break;
        }
    }
    return 0;
}

void registry_run(const uint8_t *data, size_t len)
{
    struct go_value g[TYPED_MAX_ARGS];
    ferret_value v[TYPED_MAX_ARGS];
    void *blocks[TYPED_MAX_ARGS];
    size_t n = selected_schema.n;
    memset(blocks, 0, sizeof blocks);
    typed_decode(&selected_schema, data, len, g);
    ctx.failed = ctx.skipped = 0;
    ctx.fail_at[0] = 0;
    ctx.msg_len = 0;
    ctx.msg[0] = 0;
    if (give_values(g, v, n, blocks) == 0) {
        msan_unpoison(v, n * sizeof *v);
        msan_enter_target(2);
        if (setjmp(ctx.out) == 0)
            selected->fn(&ctx, v);
        msan_leave_target(); /* also after a ferret_fatal's longjmp out of fn */
    }
    for (size_t i = 0; i < n; i++)
        free(blocks[i]);
}
