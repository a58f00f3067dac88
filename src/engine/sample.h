/*
 * sample.h - the coordinator's state as a stats-file line (statsfile.h):
 * every -stats_interval from the loop's tick, and once at the end.
 *
 * Owns: c->sf_next_ns (when the next line is due); writes c->sf.
 */
#ifndef FERRET_SAMPLE_H
#define FERRET_SAMPLE_H

#include <stdint.h>

struct coordinator;

/* Stable counters among those ever hit, per mille (AFL++'s stability):
 * the progress lines' and the stats file's. */
unsigned sample_stability_pm(const struct coordinator *c);
/* From the loop's tick: a line if one is due. */
void sample_tick(struct coordinator *c, uint64_t now_ns);
/* The last line ("final": true), at the end of the run; closes the file. */
void sample_final(struct coordinator *c);

#endif
