/*
 * vpgate.h - value profile's gate: whether, at default flags, an input
 * that only came closer at a compare is worth keeping now.
 *
 * Value profile (featmap.h) rewards a compare's operands coming closer.
 * That is what finds a magic value, a state machine's next step or an
 * arithmetic mix, but on a parser that keeps finding edges it costs
 * coverage: libxml2 reached 13155-14126 branches in 10 minutes with it,
 * 14330-16965 without (the highest two by one discovery, bench/LIBS.md,
 * "Session sixteen"), and its hooks cost executions ("Session fifteen").
 * So the gate is shut while edges are plentiful: once the run
 * has kept VP_GATE_MIN_FINDS inputs for a feature outside value profile
 * (an edge, a hit count, a call pair, a stack depth), while the last
 * VP_GATE_FINDS of them were all kept within the last VP_GATE_EXECS
 * executions.  Otherwise, from the first execution on, it is open: a
 * target with a few dozen edges in all (a state machine, a checksum, a
 * count) has nothing for value profile to crowd out, and needs it after
 * each of its few finds.
 *
 * Invariant: at[] holds the execution counts of the last min(n,
 * VP_GATE_FINDS) finds noted, a ring whose slot n % VP_GATE_FINDS is the
 * oldest once it is full.  Counted in executions, never in time, so a
 * fixed-seed run repeats.
 *
 * Owns: nothing; a struct vp_gate is its caller's (the coordinator's).
 */
#ifndef FERRET_VPGATE_H
#define FERRET_VPGATE_H

#include <stdint.h>

#define VP_GATE_MIN_FINDS 64 /* never shut before this many finds */
#define VP_GATE_FINDS 8      /* then shut while this many finds */
#define VP_GATE_EXECS 32768  /* came within this many executions */

struct vp_gate {
    uint64_t at[VP_GATE_FINDS]; /* executions done when each was kept */
    uint64_t n;                 /* finds noted in all */
};

/* An input was kept for a feature outside value profile, execs executions
 * into the run. */
void vp_gate_note_find(struct vp_gate *g, uint64_t execs);

/* 1 if the gate is shut execs executions into the run. */
int vp_gate_shut(const struct vp_gate *g, uint64_t execs);

#endif
