/*
 * report.c - the output sink (see report.h): the dialect's choice, the
 * stream (stderr or a test's capture), the lines alike in both dialects.
 *
 * The capture is a memfd opened as a stream, read back with pread: no C
 * library function the engine did not already call (a new one grows the
 * dynamic symbol table, moves the target's code and with it the compare
 * table's slots: a fixed -seed would no longer repeat a run of the previous
 * build, which bench/oracle.sh checks).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "report.h"

static const struct reporter *dialect = &report_go;

/* The capture: a stream on a memfd for the text, a growing string of names. */
static FILE *cap;
static char *cap_buf;
static char *ev_buf;
static size_t ev_len, ev_cap;

void report_use_libfuzzer(int on) { dialect = on ? &report_libfuzzer : &report_go; }

const struct reporter *report_dialect(void) { return dialect; }

static FILE *out(void) { return cap ? cap : stderr; }

static void event(const char *name)
{
    if (!cap)
        return;
    size_t n = strlen(name);
    if (ev_len + n + 2 > ev_cap) {
        size_t want = (ev_len + n + 2) * 2;
        char *p = realloc(ev_buf, want);
        if (!p)
            return;
        ev_buf = p;
        ev_cap = want;
    }
    memcpy(ev_buf + ev_len, name, n);
    ev_len += n;
    ev_buf[ev_len++] = '\n';
    ev_buf[ev_len] = 0;
}

void report_start(const struct report_start *s)
{
    event("start");
    dialect->start(out(), s);
}

int report_baseline(const struct report_baseline *b, int first)
{
    event("baseline");
    return dialect->baseline(out(), b, first);
}

int report_progress(struct report_progress *p)
{
    static const char *const names[] = {
        [REPORT_INITED] = "progress INITED", [REPORT_NEW] = "progress NEW",
        [REPORT_PULSE] = "progress pulse", [REPORT_DONE] = "progress DONE"};
    event(names[p->tick]);
    return dialect->progress(out(), p);
}

void report_finding(const struct report_finding *f)
{
    event("finding");
    dialect->finding(out(), f);
}

void report_final_stats(const struct report_final *f)
{
    event("final_stats");
    dialect->final_stats(out(), f);
}

void report_warning(const char *fmt, ...)
{
    va_list ap;
    event("warning");
    fputs("ferret: warning: ", out());
    va_start(ap, fmt);
    vfprintf(out(), fmt, ap);
    va_end(ap);
}

void report_error(const char *fmt, ...)
{
    va_list ap;
    event("error");
    fputs("ferret: ", out());
    va_start(ap, fmt);
    vfprintf(out(), fmt, ap);
    va_end(ap);
}

void say(const char *fmt, ...)
{
    va_list ap;
    event("say");
    va_start(ap, fmt);
    vfprintf(out(), fmt, ap);
    va_end(ap);
}

void report_hex(const uint8_t *data, size_t len)
{
    event("hex");
    fprintf(out(), "    input (%zu bytes, hex): ", len);
    for (size_t i = 0; i < len; i++)
        fprintf(out(), "%02x", data[i]);
    fprintf(out(), "\n");
}

void vsay(const char *fmt, va_list ap)
{
    event("say");
    vfprintf(out(), fmt, ap);
}

void print_tail(const char *log, size_t len)
{
    if (len)
        fprintf(out(), "%.*s%s", (int)len, log, log[len - 1] == '\n' ? "" : "\n");
}

void report_capture(int on)
{
    if (cap)
        fclose(cap);
    free(cap_buf);
    free(ev_buf);
    cap = NULL;
    cap_buf = ev_buf = NULL;
    ev_len = ev_cap = 0;
    if (!on)
        return;
    int fd = memfd_create("ferret-report", 0);
    if (fd < 0)
        return;
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    cap = fopen(path, "w+");
    close(fd);
}

const char *report_captured(size_t *len)
{
    size_t n = 0, size = 0;
    if (cap) {
        fflush(cap);
        for (;;) {
            if (n + 4096 + 1 > size) {
                char *p = realloc(cap_buf, size = n + 4096 + 1 + size);
                if (!p)
                    break;
                cap_buf = p;
            }
            ssize_t got = pread(fileno(cap), cap_buf + n, size - n - 1, (off_t)n);
            if (got <= 0)
                break;
            n += (size_t)got;
        }
    }
    if (cap_buf)
        cap_buf[n] = 0;
    if (len)
        *len = n;
    return cap_buf ? cap_buf : "";
}

const char *report_captured_events(void) { return ev_buf ? ev_buf : ""; }
