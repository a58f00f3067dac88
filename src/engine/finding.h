/*
 * finding.h - what a failure is called and how it is recognised again: the
 * kind, the report in a worker's output, and the stack signature that
 * deduplicates findings (-keep_going): one artifact per distinct bug.
 *
 * Pure functions over text: unit-tested on their own.
 */
#ifndef FERRET_FINDING_H
#define FERRET_FINDING_H

#include <stddef.h>
#include <stdint.h>

enum finding_kind { FINDING_CRASH = 0, FINDING_HANG, FINDING_OOM, FINDING_LEAK, FINDING_FAIL };

#define FINDING_SIG_MAX 256

/* "crash", "timeout", "oom", "leak": also libFuzzer's artifact prefixes;
 * "failure": a typed target's ferret_fail/ferret_fatal (written as crash-
 * in libFuzzer mode). */
const char *finding_kind_name(enum finding_kind kind);

/* Where the last report in a worker's output starts (a sanitizer's or
 * ferret's), backed up by `context` lines the target printed just before. */
const char *finding_report_start(const char *log, size_t len, int context);

/* A signature for deduplication: the kind and the names of the top three
 * stack frames of the last report that are not the sanitizer's, ferret's or
 * the C library's; without frames, the report's SUMMARY line with addresses
 * removed; without that, the kind alone.  Always NUL-terminated. */
void finding_signature(const char *log, size_t len, enum finding_kind kind, char *out,
                       size_t outlen);

/* s quoted for a POSIX shell (a re-run command to paste): as is when it
 * holds only characters no shell treats specially, else in single quotes.
 * Always NUL-terminated when outlen >= 3; cut short if outlen is small. */
void finding_shell_quote(const char *s, char *out, size_t outlen);

/* The command that re-runs a finding: the regression run on its file. */
struct finding_rerun {
    const char *argv0;          /* the binary, as it was run */
    const char *path;           /* the reproducer */
    const char *typed_target;   /* a Go-style target: -run=Target/<file name>; NULL: the path */
    enum finding_kind kind;
    uint64_t timeout_ns;        /* FINDING_HANG: -timeout= this */
    long long rss_limit_mb, malloc_limit_mb; /* FINDING_OOM: these limits */
};
/* "./bin path", "./bin -timeout=10s path", "./bin -rss_limit_mb=N
 * -malloc_limit_mb=M path", "./bin -run=Target/name": each word quoted
 * (finding_shell_quote).  Always NUL-terminated; cut short if outlen is small. */
void finding_rerun_command(const struct finding_rerun *r, char *out, size_t outlen);

/* A report in one line: its last "SUMMARY: " line (the sanitizer's); without
 * one, the first line of the report (finding_report_start); without a
 * report, "".  Always NUL-terminated. */
void finding_summary(const char *log, size_t len, char *out, size_t outlen);
/* A typed target's failure in one line: the line of its message that starts
 * with "<at>:" (where it failed, "typed.c:74"), else the message's last line
 * with text.  Always NUL-terminated. */
void finding_failure_summary(const char *msg, size_t len, const char *at, char *out, size_t outlen);

#endif
