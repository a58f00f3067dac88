/*
 * sample.h - the coordinator's state as a whole, for the ones who look at it
 * from outside: the stats file (statsfile.h), one line every
 * -stats_interval and one at the end, and the live status screen
 * (report_screen.h), redrawn every second while fuzzing in Go mode with
 * stderr a terminal.
 *
 * Owns: c->smp (struct sample_state, coordinator_int.h).
 */
#ifndef FERRET_SAMPLE_H
#define FERRET_SAMPLE_H

#include <stdint.h>

struct coordinator;

/* After set-up: the screen goes on if it is wanted (seed: the run's). */
void sample_begin(struct coordinator *c, uint64_t seed);
/* Stable counters among those ever hit, per mille (AFL++'s stability):
 * the progress lines' and the stats file's. */
unsigned sample_stability_pm(const struct coordinator *c);
/* An input with new coverage was added (for "last new input"). */
void sample_new_input(struct coordinator *c);
/* From the loop's tick: a stats line, a redraw, if due. */
void sample_tick(struct coordinator *c, uint64_t now_ns);
/* The last stats line ("final": true), at the end of the run; closes the file. */
void sample_final(struct coordinator *c);
/* After the final lines: the screen goes off, what it held back is written. */
void sample_end(struct coordinator *c);

#endif
