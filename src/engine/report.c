/*
 * report.c - say and print_tail (see report.h).
 */
#include <stdarg.h>
#include <stdio.h>

#include "report.h"

void say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
}

void print_tail(const char *log, size_t len)
{
    if (len)
        fprintf(stderr, "%.*s%s", (int)len, log, log[len - 1] == '\n' ? "" : "\n");
}
