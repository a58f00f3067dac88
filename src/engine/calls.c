/*
 * calls.c - handing work to workers and counting it (see calls.h).
 *
 * Owns: nothing of its own: it writes the coordinator's [K] fields (execs,
 * assigned, spend), a worker's job record (its copy of a MINIMIZE input, mode,
 * limit) and credited executions (w->execs) and, in the worker's shared
 * memory, the input area, input_len and stop.
 */
#include <stdlib.h>
#include <string.h>

#include "calls.h"
#include "coordinator_int.h"
#include "engine.h"

void put_input(struct worker *w, const uint8_t *data, size_t len)
{
    memcpy(w->shm.input, data, len);
    w->shm.hdr->input_len = len;
}

int call_minimize(struct coordinator *c, struct worker *w, const uint8_t *data,
                         size_t len, uint32_t mode, struct min_cursor cur, uint64_t limit,
                         uint64_t ms)
{
    free(w->job.input);
    w->job.input = malloc(len ? len : 1);
    if (!w->job.input)
        return -1;
    memcpy(w->job.input, data, len);
    w->job.input_len = len;
    w->job.mode = mode;
    w->job.start_ns = engine_now_ns();
    sup_drain_log(w); /* what it prints from here on is this call's */
    w->job.log_pos = w->log_pos;
    put_input(w, data, len);
    struct rpc_call call = {
        .magic = RPC_MAGIC, .op = RPC_MINIMIZE, .mode = mode, .cursor = cur,
        .limit = limit, .duration_ms = ms,
    };
    return sup_call(w, &call);
}

/* What a call cost (struct sched_spend): its executions (or tries) in an
 * Nx run, its wall time otherwise. */
static uint64_t call_cost(const struct coordinator *c, const struct worker *w, uint64_t count)
{
    if (c->o->fuzztime.kind == BUDGET_COUNT)
        return count;
    uint64_t now = engine_now_ns();
    return now > w->job.start_ns ? now - w->job.start_ns : 0;
}

void credit_execs(struct coordinator *c, struct worker *w, uint64_t count)
{
    uint64_t limit = w->job.limit;
    if (limit && count > limit)
        count = limit;
    c->spend.fuzz += call_cost(c, w, count);
    c->execs += count;
    w->execs += count;
    if (limit)
        c->assigned -= limit - count;
    w->job.limit = 0;
}

void credit_minimize(struct coordinator *c, struct worker *w, uint64_t tries)
{
    c->spend.minimize += call_cost(c, w, tries);
}

void stop_busy_workers(struct coordinator *c)
{
    for (int i = 0; i < c->nw; i++)
        if (c->w[i].st == W_BUSY)
            SHM_STORE(c->w[i].shm.hdr->stop, 1);
}

void stop_fuzz_calls(struct coordinator *c)
{
    for (int i = 0; i < c->nw; i++)
        if (c->w[i].st == W_BUSY && c->w[i].job.op == RPC_FUZZ)
            SHM_STORE(c->w[i].shm.hdr->stop, 1);
}

int minimization_on(const struct coordinator *c)
{
    return c->o->fuzzminimizetime.kind != BUDGET_NONE;
}

int input_minimization_on(const struct coordinator *c)
{
    return minimization_on(c) && c->o->minimize_inputs;
}

/* The executions done: credited calls, and the live count of each FUZZ
 * call still running (clamped to what was asked). */
uint64_t live_execs(const struct coordinator *c)
{
    uint64_t n = c->execs;
    for (int i = 0; i < c->nw; i++) {
        const struct worker *w = &c->w[i];
        if (w->st == W_BUSY && w->job.op == RPC_FUZZ) {
            uint64_t k = SHM_LOAD(w->shm.hdr->count);
            n += w->job.limit && k > w->job.limit ? w->job.limit : k;
        }
    }
    return n;
}
