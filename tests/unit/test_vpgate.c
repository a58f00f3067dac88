/* test_vpgate.c - value profile's gate: open from the start and until
 * VP_GATE_MIN_FINDS finds, then shut by VP_GATE_FINDS finds within
 * VP_GATE_EXECS executions, open again once the oldest of them is
 * VP_GATE_EXECS executions old. */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "vpgate.h"

/* Finds one execution apart, up to one short of VP_GATE_MIN_FINDS: open. */
static void test_open_at_start(void)
{
    struct vp_gate g;
    memset(&g, 0, sizeof g);
    CHECK(!vp_gate_shut(&g, 0));
    for (int i = 0; i < VP_GATE_MIN_FINDS - 1; i++) {
        vp_gate_note_find(&g, (uint64_t)i);
        CHECK(!vp_gate_shut(&g, (uint64_t)i));
    }
    vp_gate_note_find(&g, VP_GATE_MIN_FINDS - 1);
    CHECK(vp_gate_shut(&g, VP_GATE_MIN_FINDS - 1)); /* the last of them shuts it */
}

/* VP_GATE_MIN_FINDS finds, long apart, then a burst of VP_GATE_FINDS. */
static uint64_t fill_slowly(struct vp_gate *g)
{
    uint64_t t = 0;
    memset(g, 0, sizeof *g);
    for (int i = 0; i < VP_GATE_MIN_FINDS; i++, t += VP_GATE_EXECS)
        vp_gate_note_find(g, t);
    CHECK(!vp_gate_shut(g, t));
    return t;
}

static void test_shut_then_open(void)
{
    struct vp_gate g;
    uint64_t t0 = fill_slowly(&g) + 1000;
    for (int i = 0; i < VP_GATE_FINDS; i++)
        vp_gate_note_find(&g, t0 + (uint64_t)i * 10); /* t0 .. t0 + 70 */
    CHECK(vp_gate_shut(&g, t0 + 70));
    CHECK(vp_gate_shut(&g, t0 + VP_GATE_EXECS - 1));
    CHECK(!vp_gate_shut(&g, t0 + VP_GATE_EXECS)); /* the oldest is that old */
    /* One more find: the oldest is now the second, t0 + 10. */
    vp_gate_note_find(&g, t0 + VP_GATE_EXECS);
    CHECK(vp_gate_shut(&g, t0 + VP_GATE_EXECS));
    CHECK(vp_gate_shut(&g, t0 + 10 + VP_GATE_EXECS - 1));
    CHECK(!vp_gate_shut(&g, t0 + 10 + VP_GATE_EXECS));
}

/* Finds spread wider than the window never shut it. */
static void test_slow_finds(void)
{
    struct vp_gate g;
    uint64_t t0 = fill_slowly(&g);
    uint64_t step = VP_GATE_EXECS / (VP_GATE_FINDS - 1) + 1;
    for (uint64_t i = 1; i <= 3 * VP_GATE_FINDS; i++) {
        vp_gate_note_find(&g, t0 + i * step);
        CHECK(!vp_gate_shut(&g, t0 + i * step));
    }
    CHECK_EQ_U(g.n, VP_GATE_MIN_FINDS + 3 * VP_GATE_FINDS);
}

int main(void)
{
    RUN(test_open_at_start);
    RUN(test_shut_then_open);
    RUN(test_slow_finds);
    return CHECK_DONE("vpgate");
}
