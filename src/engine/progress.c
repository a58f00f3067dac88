/*
 * progress.c - a long operation's estimated time left, rate and limiter
 * (see progress.h).
 *
 * The estimate assumes the rest goes at the rate so far: simple, never
 * negative, and exact for a corpus of like inputs; it is computed in 128
 * bits, so hours of nanoseconds times millions of inputs cannot overflow.
 * The limiter compares timestamps only: a line is due PROGRESS_INTERVAL_NS
 * after the last one, whatever the caller's tick.
 *
 * Owns: nothing (pure functions over what the caller passes; the struct
 * progress_limit is the caller's).
 */
#include <stdio.h>

#include "progress.h"

int progress_eta(uint64_t done, uint64_t total, uint64_t elapsed_ns, uint64_t *eta_ns)
{
    if (done == 0 || total == 0 || done > total || elapsed_ns == 0)
        return 0;
    unsigned __int128 left = (unsigned __int128)elapsed_ns * (total - done) / done;
    *eta_ns = left > UINT64_MAX ? UINT64_MAX : (uint64_t)left;
    return 1;
}

void progress_rate(char *buf, size_t len, uint64_t done, uint64_t elapsed_ns)
{
    if (elapsed_ns == 0) {
        snprintf(buf, len, "?/s");
        return;
    }
    double r = (double)done * 1e9 / (double)elapsed_ns;
    if (r >= 10)
        snprintf(buf, len, "%.0f/s", r);
    else
        snprintf(buf, len, "%.1f/s", r);
}

void progress_duration(char *buf, size_t len, uint64_t ns)
{
    unsigned long long s = ns / 1000000000ULL;
    if (s >= 3600)
        snprintf(buf, len, "%lluh%llum%llus", s / 3600, s / 60 % 60, s % 60);
    else if (s >= 60)
        snprintf(buf, len, "%llum%llus", s / 60, s % 60);
    else
        snprintf(buf, len, "%llus", s);
}

int progress_allow(struct progress_limit *l, int op, uint64_t start_ns, uint64_t now_ns,
                   unsigned flags)
{
    if (l->op != op || l->start_ns != start_ns) {
        l->op = op;
        l->start_ns = start_ns;
        l->last_ns = start_ns;
        l->shown = 0;
        l->lines = 0;
    }
    int ok = (flags & PROGRESS_FINAL) || ((flags & PROGRESS_NOW) && !l->shown) ||
             now_ns - l->last_ns >= PROGRESS_INTERVAL_NS;
    if (now_ns < l->last_ns)
        ok = (flags & PROGRESS_FINAL) != 0; /* a time before the last line: only the end */
    if (ok) {
        l->last_ns = now_ns;
        l->shown++;
    }
    return ok;
}
