/*
 * torc.c - choosing an entry of the table of recent compares (torc.h).
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
 * Owns: nothing.  torc_count writes the used-slot counts into the table the
 * caller passes (the frozen copy in a worker's shared memory); a pick only
 * reads.
 */
#include "torc.h"

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
