/*
 * report_screen.h - the live status screen (Go mode, stderr a terminal,
 * -tui not 0): part of the reporter (report.h).
 *
 *   screen_begin()     the terminal's alternate screen; from now on every
 *                      line the reporter writes goes to a buffer instead
 *                      (report.c's out() asks screen_stream()), and the
 *                      progress lines are not written at all: the screen
 *                      shows what they would
 *   screen_draw(st)    the whole screen, redrawn in place (once a second,
 *                      from sample.c), with the last lines of that buffer
 *   screen_end()       back to the normal screen; the last screen's summary
 *                      and then everything buffered (findings, warnings)
 *                      are written to stderr: nothing printed is lost
 *
 * Owns: the buffer stream, the terminal's size as last read, and whether
 * the screen is on (all in the coordinator process).
 */
#ifndef FERRET_REPORT_SCREEN_H
#define FERRET_REPORT_SCREEN_H

#include <stdint.h>
#include <stdio.h>

#include "statsfile.h"

struct screen_state {
    const struct stats_sample *s; /* the numbers, as the stats file has them */
    const char *target;
    uint64_t seed;
    const char *phase;            /* "baseline", "fuzzing", "minimizing", "stopping" */
    double since_new_s;           /* since the last input with new coverage (<0: none yet) */
    double execs_per_sec_now;     /* over the last second */
    const double *worker_rate;    /* exec/s of each worker over the last second (nworkers) */
};

/* 1 if the screen is to be used: stderr is a terminal (TERM not "dumb"). */
int screen_wanted(void);
/* 0, or -1 (no buffer): then nothing changes and lines go on as before. */
int screen_begin(void);
int screen_on(void);
/* The buffer the reporter writes to while the screen is on; NULL when off. */
FILE *screen_stream(void);
void screen_draw(const struct screen_state *st);
void screen_end(void);

#endif
