/*
 * calls.h - handing work to a worker and counting what it did, shared by
 * the coordinator's loop (coordinator.c) and the findings lifecycle
 * (crash.c), below both: the input goes into the worker's shared memory,
 * the coordinator keeps its own copy of what it asked (struct wjob), the
 * executions a FUZZ call reports are credited to the budget, and what each
 * call cost to the coordinator's spend (schedule.h).
 * State: none of its own; it writes the coordinator's execs/assigned and
 * the worker's job record.
 */
#ifndef FERRET_CALLS_H
#define FERRET_CALLS_H

#include <stddef.h>
#include <stdint.h>

#include "minimize.h"

struct coordinator;
struct worker;

/* The input of the next call, into the worker's shared memory. */
void put_input(struct worker *w, const uint8_t *data, size_t len);
/* A MINIMIZE call (mode: enum rpc_min_mode) from cursor cur, within limit
 * tries or ms milliseconds; 0, or -1 if the call could not be made. */
int call_minimize(struct coordinator *c, struct worker *w, const uint8_t *data, size_t len,
                  uint32_t mode, struct min_cursor cur, uint64_t limit, uint64_t ms);
/* Credits a FUZZ call's executions to the budget (the unused part of its
 * limit is given back). */
void credit_execs(struct coordinator *c, struct worker *w, uint64_t count);
/* Credits a coverage MINIMIZE call's cost (its tries in an Nx run, its time
 * otherwise) to the coordinator's spend. */
void credit_minimize(struct coordinator *c, struct worker *w, uint64_t tries);
/* Executions so far: credited, plus the running FUZZ calls' own counts. */
uint64_t live_execs(const struct coordinator *c);
/* Asks every busy worker to end its call at the next execution. */
void stop_busy_workers(struct coordinator *c);
/* Ends the FUZZ calls in flight at their next execution (the end of a time
 * budget); minimizations go on. */
void stop_fuzz_calls(struct coordinator *c);
/* -fuzzminimizetime is not 0. */
int minimization_on(const struct coordinator *c);
/* ... and -minimize_inputs=1: coverage-expanding inputs are minimized too. */
int input_minimization_on(const struct coordinator *c);

#endif
