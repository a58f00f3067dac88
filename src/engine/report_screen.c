/*
 * report_screen.c - the live status screen (see report_screen.h).
 *
 * The screen is built as text in memory and written to stderr with one
 * write per redraw: the cursor goes home, each line ends by clearing the
 * rest of the row, and what is below the last line is cleared.  The
 * reporter's lines go to a memfd stream meanwhile (as report_capture's do);
 * its tail is the screen's "recent output", and all of it reaches stderr
 * at screen_end.
 *
 * Owns: buf (the stream of the reporter's lines while the screen is on),
 * last (the last screen drawn, as plain text, for screen_end), on.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "finding.h"
#include "report_screen.h"

#define SCREEN_RECENT 8 /* lines of recent output shown */

static FILE *buf;       /* the reporter's lines while the screen is on */
static char *last;      /* the last screen's summary, plain text */
static int on;

int screen_wanted(void)
{
    const char *term = getenv("TERM");
    return isatty(STDERR_FILENO) && term && *term && strcmp(term, "dumb") != 0;
}

int screen_begin(void)
{
    int fd = memfd_create("ferret-screen", 0);
    if (fd < 0)
        return -1;
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    buf = fopen(path, "w+");
    close(fd);
    if (!buf)
        return -1;
    on = 1;
    fputs("\033[?1049h\033[?25l\033[H\033[2J", stderr); /* alternate screen, no cursor */
    return 0;
}

int screen_on(void) { return on; }
FILE *screen_stream(void) { return on ? buf : NULL; }

/* ---- building the text ------------------------------------------------- */

struct text {
    char *p;
    size_t len, cap;
};

static void add(struct text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(struct text *t, const char *fmt, ...)
{
    va_list ap;
    for (;;) {
        va_start(ap, fmt);
        int n = vsnprintf(t->p ? t->p + t->len : NULL, t->p ? t->cap - t->len : 0, fmt, ap);
        va_end(ap);
        if (n < 0)
            return;
        if (t->p && t->len + (size_t)n < t->cap) {
            t->len += (size_t)n;
            return;
        }
        size_t want = (t->cap + (size_t)n + 1) * 2;
        char *p = realloc(t->p, want);
        if (!p)
            return;
        t->p = p;
        t->cap = want;
    }
}

static void human(char *out, size_t len, double v)
{
    if (v >= 1e9)
        snprintf(out, len, "%.2fG", v / 1e9);
    else if (v >= 1e6)
        snprintf(out, len, "%.2fM", v / 1e6);
    else if (v >= 1e4)
        snprintf(out, len, "%.1fk", v / 1e3);
    else
        snprintf(out, len, "%.0f", v);
}

static void clock_text(char *out, size_t len, double s)
{
    unsigned long t = s > 0 ? (unsigned long)s : 0;
    snprintf(out, len, "%lu:%02lu:%02lu", t / 3600, t / 60 % 60, t % 60);
}

static void rule(struct text *t, int width)
{
    for (int i = 0; i < width; i++)
        add(t, "-");
    add(t, "\n");
}

/* The numbers: what a progress line and the final stats would say. */
static void summary(struct text *t, const struct screen_state *st, int width)
{
    const struct stats_sample *s = st->s;
    char total[32], now[32], avg[32], run[32], since[32];
    human(total, sizeof total, (double)s->execs);
    human(now, sizeof now, st->execs_per_sec_now);
    human(avg, sizeof avg, s->execs_per_sec);
    clock_text(run, sizeof run, s->elapsed_s);
    if (st->since_new_s < 0)
        snprintf(since, sizeof since, "none yet");
    else
        clock_text(since, sizeof since, st->since_new_s);
    add(t, "ferret  %s  seed %llu  %zu worker%s  %s\n", st->target, (unsigned long long)st->seed,
        s->nworkers, s->nworkers == 1 ? "" : "s", st->phase);
    rule(t, width);
    add(t, "  run time        %-14s last new input  %s ago\n", run, since);
    add(t, "  executions      %-14s exec/s now      %s (%s over the run)\n", total, now, avg);
    add(t, "  corpus          %llu entries, %llu bytes\n", (unsigned long long)s->corpus_entries,
        (unsigned long long)s->corpus_bytes);
    add(t, "  coverage        %llu edges, %llu features, stability %.1f%%\n",
        (unsigned long long)s->edges, (unsigned long long)s->features, s->stability * 100);
    add(t, "  findings        ");
    for (int k = 0; k < STATSFILE_KINDS; k++)
        add(t, "%s%llu %s", k ? ", " : "", (unsigned long long)s->findings[k],
            finding_kind_name((enum finding_kind)k));
    add(t, " (%llu hits)\n", (unsigned long long)s->finding_hits);
    add(t, "  minimizing      %llu queued\n", (unsigned long long)s->minimize_queue);
}

static void workers(struct text *t, const struct screen_state *st, size_t max_rows)
{
    const struct stats_sample *s = st->s;
    add(t, "  worker  state     restarts       rss   exec/s\n");
    for (size_t i = 0; i < s->nworkers && i < max_rows; i++) {
        char rate[32];
        human(rate, sizeof rate, st->worker_rate ? st->worker_rate[i] : 0);
        add(t, "  %-6d  %-8s  %8u  %5llu MiB   %s\n", s->workers[i].id, s->workers[i].state,
            s->workers[i].restarts, (unsigned long long)s->workers[i].rss_mb, rate);
    }
    if (s->nworkers > max_rows)
        add(t, "  ... and %zu more\n", s->nworkers - max_rows);
}

/* The last lines the reporter wrote while the screen was on. */
static void recent(struct text *t, int width)
{
    char tail[4096];
    fflush(buf);
    off_t end = lseek(fileno(buf), 0, SEEK_END);
    off_t from = end > (off_t)sizeof tail - 1 ? end - (off_t)sizeof tail + 1 : 0;
    ssize_t n = pread(fileno(buf), tail, sizeof tail - 1, from);
    if (n < 0)
        n = 0;
    tail[n] = 0;
    const char *ring[SCREEN_RECENT]; /* the last SCREEN_RECENT whole lines */
    size_t nl = 0;
    for (char *p = tail, *e; *p; p = e + 1) {
        e = strchr(p, '\n');
        if (!e)
            break;
        *e = 0;
        ring[nl++ % SCREEN_RECENT] = p;
    }
    add(t, "  recent output:\n");
    size_t first = nl > SCREEN_RECENT ? nl - SCREEN_RECENT : 0;
    for (size_t i = first; i < nl; i++)
        add(t, "    %.*s\n", width > 6 ? width - 6 : 1, ring[i % SCREEN_RECENT]);
    if (nl == 0)
        add(t, "    (none)\n");
}

void screen_draw(const struct screen_state *st)
{
    if (!on)
        return;
    struct winsize ws;
    int width = 80, height = 24;
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20 && ws.ws_row > 10) {
        width = ws.ws_col;
        height = ws.ws_row;
    }
    if (width > 100)
        width = 100;
    struct text sum = {0}, scr = {0};
    summary(&sum, st, width);
    size_t rows_left = height > 22 ? (size_t)height - 22 : 1; /* for the worker table */
    add(&scr, "%s", sum.p ? sum.p : "");
    rule(&scr, width);
    workers(&scr, st, rows_left);
    rule(&scr, width);
    recent(&scr, width);
    add(&scr, "\n  Ctrl-C stops: what was found is written first\n");
    /* on the terminal: each line clears the rest of its row */
    struct text tty = {0};
    add(&tty, "\033[H");
    for (char *p = scr.p, *e; p && *p; p = e + 1) {
        e = strchr(p, '\n');
        if (!e)
            break;
        add(&tty, "%.*s\033[K\n", (int)(e - p), p);
    }
    add(&tty, "\033[J");
    if (tty.p && write(STDERR_FILENO, tty.p, tty.len) < 0) {
        /* a terminal gone away: nothing to do */
    }
    free(last);
    last = sum.p;
    free(scr.p);
    free(tty.p);
}

void screen_end(void)
{
    if (!on)
        return;
    on = 0;
    fputs("\033[?25h\033[?1049l", stderr); /* the cursor, the normal screen */
    if (last) {
        fputs(last, stderr);
        free(last);
        last = NULL;
    }
    char chunk[4096];
    off_t at = 0;
    ssize_t n;
    fflush(buf);
    while ((n = pread(fileno(buf), chunk, sizeof chunk, at)) > 0) {
        fwrite(chunk, 1, (size_t)n, stderr);
        at += n;
    }
    fclose(buf);
    buf = NULL;
}
