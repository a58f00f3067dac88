/*
 * report.h - where ferret's own lines go (stderr).  The seed of the one
 * output sink issue 13 asks for: what the coordinator and the findings
 * module print goes through here.  Owns nothing.
 */
#ifndef FERRET_REPORT_H
#define FERRET_REPORT_H

#include <stddef.h>

void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A worker's output (a report's tail), ending in a newline. */
void print_tail(const char *log, size_t len);

#endif
