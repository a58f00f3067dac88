/*
 * torc.c - freezing the table of recent compares and choosing an entry of
 * it (torc.h).
 *
 * The runtime files a compare under a hash of its pc and operand, so used
 * slots lie scattered with gaps of every size.  Taking "the first used slot
 * after a random one" would favour the slot after the widest gap: on a
 * 12-step state machine some steps' constants came up several times as
 * often as others.  Here every used slot is equally likely: draw k below
 * the count of used slots, take the k-th.  The count and the list of used
 * slots in slot order are made once, when the worker freezes the table
 * (torc_count), so a pick is a look-up, not a walk over 256 slots (4 % of
 * a run on a compare-bound target when it walked).
 * A frozen copy read back from a dead or hostile worker may carry any count
 * and any list: a k past the list, or a listed slot out of the table or not
 * used, gives NULL (no mutation), never a read out of the table, and an
 * honest worker's count and list are exact, so its picks replay.
 *
 * Probes: ExtendCmp (mutator.c) appends a probe tail (torc.h); a compare
 * that read it lands in the table like any other, with one operand made
 * of the tail's bytes.  The slot does not last: it is keyed by
 * site and wanted value, so the next mutant that puts another byte there
 * overwrites it.  torc_freeze copies what each such compare wanted into
 * a short list of its own (newest first) when it finds the slot changed,
 * where it stays until newer finds push it out.  The worker freezes the
 * table after an ExtendCmp mutant's run too (one that appended a value, or
 * found something new), telling where its tail began: what it showed is
 * then kept with where it was
 * wanted (the tail's place plus the offset in the tail the target read),
 * and ExtendCmp picks the value wanted where its own input's tail is.  A
 * list read back from a dead worker is clamped like the rest (a place only
 * ever selects among the list's values).
 *
 * Owns: nothing.  torc_freeze and torc_count write the table the caller
 * passes (the frozen copy in a worker's shared memory, whose wanted list
 * lives on from one freeze to the next); a pick only reads.
 */
#include "torc.h"

#include <string.h>

#include "bytes.h"
#include "rng.h"

static int int_used(const struct torc_int *e)
{
    return e->size == 1 || e->size == 2 || e->size == 4 || e->size == 8;
}

static int mem_used(const struct torc_mem *e)
{
    return e->len_b > 0 && e->len_b <= TORC_MEM_MAX && e->len_a <= TORC_MEM_MAX;
}

_Static_assert(TORC_INT_SLOTS < TORC_NONE && TORC_MEM_SLOTS < TORC_NONE, "slot numbers fit int_at");

/* The low w bytes of v are w consecutive bytes of the tail, in order or
 * reversed. */
static int tail_bytes(uint64_t v, unsigned w, int *big)
{
    unsigned first = (unsigned)(v & 0xff), last = (unsigned)((v >> (8 * (w - 1))) & 0xff);
    for (int order = 0; order < 2; order++) {
        unsigned start = order ? last : first;
        if (start < TORC_PROBE || start + w > TORC_PROBE + TORC_PROBE_LEN)
            continue;
        int ok = 1;
        for (unsigned i = 0; i < w && ok; i++)
            ok = ((v >> (8 * (order ? w - 1 - i : i))) & 0xff) == start + i;
        if (ok) {
            *big = order;
            return 1;
        }
    }
    return 0;
}

unsigned torc_probe_width(uint64_t v, unsigned size, int *big)
{
    uint64_t mask = size >= 8 ? ~0ull : (1ull << (8 * size)) - 1;
    *big = 0;
    for (unsigned w = size < 8 ? size : 8; w > 0; w--) {
        uint64_t high = w >= 8 ? 0 : (v & mask) >> (8 * w), ones = w >= 8 ? 0 : mask >> (8 * w);
        if ((high == 0 || high == ones) && tail_bytes(v, w, big)) /* zero- or sign-extended */
            return w;
    }
    *big = 0;
    return 0;
}

/* p[0..n) is n consecutive bytes of the probe tail (n >= 1). */
static int mem_probe(const uint8_t *p, size_t n)
{
    if (n == 0 || p[0] < TORC_PROBE || p[0] - TORC_PROBE + n > TORC_PROBE_LEN)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (p[i] != (uint8_t)(p[0] + i))
            return 0;
    return 1;
}

void torc_count(struct torc *t)
{
    uint32_t n = 0;
    for (size_t i = 0; i < TORC_INT_SLOTS; i++)
        if (int_used(&t->ints[i]))
            t->int_at[n++] = (uint16_t)i;
    t->n_ints = n;
    for (; n < TORC_INT_SLOTS; n++)
        t->int_at[n] = TORC_NONE;
    n = 0;
    for (size_t i = 0; i < TORC_MEM_SLOTS; i++)
        if (mem_used(&t->mems[i]))
            t->mem_at[n++] = (uint16_t)i;
    t->n_mems = n;
    for (; n < TORC_MEM_SLOTS; n++)
        t->mem_at[n] = TORC_NONE;
}

/* The k-th used slot; NULL when the list has none there. */
static const struct torc_int *kth_int(const struct torc *t, size_t k)
{
    size_t i = k < TORC_INT_SLOTS ? t->int_at[k] : TORC_NONE;
    return i < TORC_INT_SLOTS && int_used(&t->ints[i]) ? &t->ints[i] : NULL;
}

static const struct torc_mem *kth_mem(const struct torc *t, size_t k)
{
    size_t i = k < TORC_MEM_SLOTS ? t->mem_at[k] : TORC_NONE;
    return i < TORC_MEM_SLOTS && mem_used(&t->mems[i]) ? &t->mems[i] : NULL;
}

const struct torc_int *torc_pick_int(rng_t *r, const struct torc *t)
{
    if (!t || t->n_ints == 0)
        return NULL; /* nothing compared yet */
    return kth_int(t, (size_t)rng_below(r, t->n_ints));
}

const struct torc_mem *torc_pick_mem(rng_t *r, const struct torc *t)
{
    if (!t || t->n_mems == 0)
        return NULL;
    return kth_mem(t, (size_t)rng_below(r, t->n_mems));
}

/* An integer probe slot's wanted bytes: the operand that is not the probe,
 * at the probe's width (a byte compared as a wider integer wants a byte),
 * in the byte order the target read the probe in. */
static size_t int_wanted(const struct torc_int *e, uint8_t *w, unsigned *off)
{
    int big = 0;
    unsigned pa = torc_probe_width(e->a, e->size, &big);
    uint64_t v = pa ? e->b : e->a, p = pa ? e->a : e->b;
    unsigned width = pa ? pa : torc_probe_width(e->b, e->size, &big);
    uint64_t mask = e->size >= 8 ? ~0ull : (1ull << (8 * e->size)) - 1;
    uint64_t high = width >= 8 ? 0 : (v & mask) >> (8 * width);
    if (width == 0 || (high != 0 && high != (width >= 8 ? 0 : mask >> (8 * width))))
        return 0; /* compared with what no field of that width, extended, is */
    for (unsigned i = 0; i < width; i++)
        w[big ? width - 1 - i : i] = (uint8_t)(v >> (8 * i));
    /* the probe's first byte in the input: its low byte, or its high one
     * when read big-endian */
    *off = (unsigned)((big ? p >> (8 * (width - 1)) : p) & 0xff) - TORC_PROBE;
    return width;
}

static size_t mem_wanted(const struct torc_mem *e, uint8_t *w, unsigned *off)
{
    int pa = mem_probe(e->a, e->len_a);
    const uint8_t *v = pa ? e->b : e->a;
    size_t n = pa ? e->len_b : mem_probe(e->b, e->len_b) ? e->len_a : 0;
    memcpy(w, v, n);
    *off = n ? (unsigned)((pa ? e->a[0] : e->b[0]) - TORC_PROBE) : 0;
    return n;
}

/* Puts one wanted value at the front of the list: moved there if it is in
 * it already (the same bytes, wanted at the same place or at a place one of
 * the two does not know; a known place is kept), else added, the oldest
 * falling off a full list. */
static void remember(struct torc *t, const uint8_t *w, size_t n, uint32_t where)
{
    uint32_t have = t->n_wanted <= TORC_WANTED ? t->n_wanted : TORC_WANTED, k = have;
    for (uint32_t i = 0; i < have && k == have; i++)
        if (t->wanted[i].len == n && bytes_equal(t->wanted[i].bytes, w, n) &&
            (!where || !t->wanted[i].at || t->wanted[i].at == where))
            k = i;
    if (k == have && have == TORC_WANTED)
        k = TORC_WANTED - 1; /* the oldest falls off */
    else if (k == have)
        have++;
    else if (!where)
        where = t->wanted[k].at;
    memmove(&t->wanted[1], &t->wanted[0], k * sizeof t->wanted[0]);
    memset(&t->wanted[0], 0, sizeof t->wanted[0]);
    t->wanted[0].len = (uint8_t)n;
    t->wanted[0].at = where;
    memcpy(t->wanted[0].bytes, w, n);
    t->n_wanted = have;
}

/* Where a value wanted at offset off of a tail placed at tail_at (both as
 * torc_freeze's) was wanted; 0 when unknown or out of range. */
static uint32_t wanted_at(size_t tail_at, unsigned off)
{
    return tail_at && tail_at + off < UINT32_MAX ? (uint32_t)(tail_at + off) : 0;
}

void torc_freeze(struct torc *t, const struct torc *live, size_t tail_at)
{
    uint8_t w[TORC_MEM_MAX];
    unsigned off = 0;
    for (size_t i = 0; i < TORC_INT_SLOTS; i++) {
        const struct torc_int *e = &live->ints[i];
        if (bytes_equal(&t->ints[i], e, sizeof *e))
            continue; /* learnt from when it was new, if at all */
        t->ints[i] = *e;
        size_t n = int_used(e) ? int_wanted(e, w, &off) : 0;
        if (n > 0)
            remember(t, w, n, wanted_at(tail_at, off));
    }
    for (size_t i = 0; i < TORC_MEM_SLOTS; i++) {
        const struct torc_mem *e = &live->mems[i];
        if (bytes_equal(&t->mems[i], e, sizeof *e))
            continue;
        t->mems[i] = *e;
        size_t n = mem_used(e) ? mem_wanted(e, w, &off) : 0;
        if (n > 0)
            remember(t, w, n, wanted_at(tail_at, off));
    }
    torc_count(t);
}

size_t torc_pick_wanted(rng_t *r, const struct torc *t, size_t here, uint8_t *w, size_t *at)
{
    uint32_t have = t ? (t->n_wanted <= TORC_WANTED ? t->n_wanted : TORC_WANTED) : 0;
    *at = 0;
    if (have == 0)
        return 0;
    size_t k = have;
    if (here && rng_below(r, 4) != 0) /* the newest wanted right here */
        for (k = 0; k < have && t->wanted[k].at != here; k++)
            ;
    if (k == have)
        k = rng_bool(r) ? 0 : (size_t)rng_below(r, have);
    const struct torc_wanted *e = &t->wanted[k];
    size_t n = e->len <= TORC_MEM_MAX ? e->len : 0;
    memcpy(w, e->bytes, n);
    *at = n ? e->at : 0;
    return n;
}
