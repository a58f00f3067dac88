/*
 * vpgate.c - value profile's gate (vpgate.h): a ring of the execution
 * counts of the last VP_GATE_FINDS finds outside value profile.
 *
 *   open --(VP_GATE_MIN_FINDS in all, and the last VP_GATE_FINDS
 *           within VP_GATE_EXECS executions)-----------------------> shut
 *   shut --(VP_GATE_EXECS executions since the oldest of them)----> open
 *
 * Owns: nothing (the struct vp_gate is the caller's).
 */
#include "vpgate.h"

void vp_gate_note_find(struct vp_gate *g, uint64_t execs)
{
    g->at[g->n % VP_GATE_FINDS] = execs;
    g->n++;
}

int vp_gate_shut(const struct vp_gate *g, uint64_t execs)
{
    _Static_assert(VP_GATE_MIN_FINDS >= VP_GATE_FINDS, "the ring is full before the gate may shut");
    if (g->n < VP_GATE_MIN_FINDS)
        return 0;
    uint64_t oldest = g->at[g->n % VP_GATE_FINDS];
    return execs >= oldest && execs - oldest < VP_GATE_EXECS;
}
