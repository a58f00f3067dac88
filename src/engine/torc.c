/*
 * torc.c - choosing an entry of the table of recent compares (torc.h).
 *
 * The runtime files a compare under a hash of its pc and operand, so used
 * slots lie scattered with gaps of every size.  Taking "the first used slot
 * after a random one" would favour the slot after the widest gap: on a
 * 12-step state machine some steps' constants came up several times as
 * often as others.  Here every used slot is equally likely: draw k below
 * the count of used slots, walk to the k-th.  The count is taken once, when
 * the worker freezes the table (torc_count), so a pick is one walk, not two.
 * A frozen copy read back from a dead or hostile worker may carry any count:
 * a k past the used slots gives NULL (no mutation), never a read out of the
 * table, and an honest worker's count is exact, so its picks replay.
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

void torc_count(struct torc *t)
{
    uint32_t n = 0;
    for (size_t i = 0; i < TORC_INT_SLOTS; i++)
        n += (uint32_t)int_used(&t->ints[i]);
    t->n_ints = n;
    n = 0;
    for (size_t i = 0; i < TORC_MEM_SLOTS; i++)
        n += (uint32_t)mem_used(&t->mems[i]);
    t->n_mems = n;
}

/* The k-th used slot, walking from slot 0; NULL when there are fewer. */
static const struct torc_int *kth_int(const struct torc *t, size_t k)
{
    for (size_t i = 0; i < TORC_INT_SLOTS; i++)
        if (int_used(&t->ints[i]) && k-- == 0)
            return &t->ints[i];
    return NULL;
}

static const struct torc_mem *kth_mem(const struct torc *t, size_t k)
{
    for (size_t i = 0; i < TORC_MEM_SLOTS; i++)
        if (mem_used(&t->mems[i]) && k-- == 0)
            return &t->mems[i];
    return NULL;
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
