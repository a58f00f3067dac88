/* test_vpgate.c - value profile's gate: open from the start, shut by
 * VP_GATE_FINDS finds within VP_GATE_EXECS executions, open again once the
 * oldest of them is VP_GATE_EXECS executions old. */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "vpgate.h"

static void test_open_at_start(void)
{
    struct vp_gate g;
    memset(&g, 0, sizeof g);
    CHECK(!vp_gate_shut(&g, 0));
    for (int i = 0; i < VP_GATE_FINDS - 1; i++)
        vp_gate_note_find(&g, (uint64_t)i);
    CHECK(!vp_gate_shut(&g, VP_GATE_FINDS)); /* one find short */
}

static void test_shut_then_open(void)
{
    struct vp_gate g;
    memset(&g, 0, sizeof g);
    for (int i = 0; i < VP_GATE_FINDS; i++)
        vp_gate_note_find(&g, 1000 + (uint64_t)i * 10); /* 1000 .. 1070 */
    CHECK(vp_gate_shut(&g, 1070));
    CHECK(vp_gate_shut(&g, 1000 + VP_GATE_EXECS - 1));
    CHECK(!vp_gate_shut(&g, 1000 + VP_GATE_EXECS)); /* the oldest is that old */
    /* One more find: the oldest is now the second, 1010. */
    vp_gate_note_find(&g, 1000 + VP_GATE_EXECS);
    CHECK(vp_gate_shut(&g, 1000 + VP_GATE_EXECS));
    CHECK(vp_gate_shut(&g, 1010 + VP_GATE_EXECS - 1));
    CHECK(!vp_gate_shut(&g, 1010 + VP_GATE_EXECS));
}

/* Finds spread wider than the window never shut it. */
static void test_slow_finds(void)
{
    struct vp_gate g;
    memset(&g, 0, sizeof g);
    uint64_t step = VP_GATE_EXECS / (VP_GATE_FINDS - 1) + 1;
    for (uint64_t i = 0; i < 3 * VP_GATE_FINDS; i++) {
        vp_gate_note_find(&g, i * step);
        CHECK(!vp_gate_shut(&g, i * step));
    }
    CHECK_EQ_U(g.n, 3 * VP_GATE_FINDS);
}

int main(void)
{
    RUN(test_open_at_start);
    RUN(test_shut_then_open);
    RUN(test_slow_finds);
    return CHECK_DONE("vpgate");
}
