/*
 * report.h - the one output sink (issue 13): every line ferret itself
 * prints goes through here, to stderr.  The events whose words differ
 * between Go's fuzzer and libFuzzer are handed to the dialect chosen once at
 * start-up (reporter.h: report_go.c, report_libfuzzer.c); lines both
 * dialects print alike (warnings, errors, -v notes) are written here.
 * Tests capture the text and the events' names (report_capture).
 */
#ifndef FERRET_REPORT_H
#define FERRET_REPORT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "reporter.h"

/* The dialect: Go's (the default) or libFuzzer's.  Called once, at start-up. */
void report_use_libfuzzer(int on);
const struct reporter *report_dialect(void);

/* ---- events the dialect words ---- */
void report_start(const struct report_start *s);
/* 1 if a line was printed */
int report_baseline(const struct report_baseline *b, int first);
int report_progress(struct report_progress *p);
void report_finding(const struct report_finding *f);
void report_final_stats(const struct report_final *f);

/* ---- lines alike in both dialects ---- */
/* "ferret: warning: " and the rest */
void report_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "ferret: " and the rest: something failed */
void report_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A line as it is (progress notes: -v, "found a crash, minimizing..."). */
void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vsay(const char *fmt, va_list ap);
/* A finding that could not be written: its bytes, in hex. */
void report_hex(const uint8_t *data, size_t len);
/* A worker's output (a report's tail), ending in a newline. */
void print_tail(const char *log, size_t len);

/* ---- tests ---- */
/* on: from now on the text goes to memory, not stderr, and each event's
 * name is recorded; off: back to stderr, what was captured is dropped. */
void report_capture(int on);
/* The text captured so far, NUL-terminated (len may be NULL). */
const char *report_captured(size_t *len);
/* The events' names so far, one a line ("start\nprogress\n"). */
const char *report_captured_events(void);

#endif
