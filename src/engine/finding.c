/*
 * finding.c - reports and stack signatures (see finding.h).
 * Invariant: never reads outside log[0..len), whatever the worker printed.
 *
 * Owns: nothing (pure functions over the report text and finding the caller
 * passes).
 */
#include <stdio.h>
#include <string.h>

#include "finding.h"

const char *finding_kind_name(enum finding_kind kind)
{
    switch (kind) {
    case FINDING_HANG: return "timeout";
    case FINDING_OOM:  return "oom";
    case FINDING_LEAK: return "leak";
    case FINDING_FAIL: return "failure";
    default:           return "crash";
    }
}

/* The last occurrence of needle in log[0..len), or NULL. */
static const char *last_of(const char *log, size_t len, const char *needle)
{
    const char *hit = NULL;
    size_t n = strlen(needle);
    for (const char *p = log; (p = memmem(p, len - (size_t)(p - log), needle, n)); p++)
        hit = p;
    return hit;
}

static const char *line_start(const char *log, const char *p)
{
    while (p > log && p[-1] != '\n')
        p--;
    return p;
}

const char *finding_report_start(const char *log, size_t len, int context)
{
    static const char *marks[] = {"=================================================================\n",
                                  "ERROR: ", "runtime error: ", "WARNING: "};
    for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++) {
        const char *hit = last_of(log, len, marks[m]);
        if (!hit)
            continue;
        hit = line_start(log, hit);
        for (int lines = 0; hit > log && lines < context; lines++)
            hit = line_start(log, hit - 1);
        return hit;
    }
    /* No report: the last 30 lines. */
    const char *p = log + len;
    for (int lines = 0; p > log && lines <= 30; p--)
        if (p[-1] == '\n')
            lines++;
    return p == log ? log : p + 1;
}

/* Frames of the engine, the sanitizers and libc say nothing about the bug. */
static int boring_frame(const char *fn, size_t n)
{
    static const char *prefixes[] = {"__interceptor_", "__asan", "__sanitizer", "__ubsan", "__lsan",
                                     "__msan", "__interception", "__libc_", "__GI_", "__pthread_kill",
                                     "__restore_rt", "__assert", "__cxa_", "__gxx_personality",
                                     "_Unwind", "std::terminate", "operator new", "operator delete",
                                     "MemcmpInterceptorCommon", "target_run", "registry_run",
                                     "fuzzer::" /* ferret's own frames (frame.h), libFuzzer's */};
    static const char *exact[] = {"main", "_start", "raise", "abort", "malloc", "calloc", "realloc",
                                  "free", "memcmp", "bcmp", "strcmp", "strncmp", "memcpy", "memmove",
                                  "memset", "pthread_kill", "target_run", "run_one", "run_and_snapshot",
                                  "min_try", "minimize", "cleanse", "on_fatal_signal", "on_hang_signal",
                                  "over_limit", "count_malloc", "on_malloc", "deflake"};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        size_t pl = strlen(prefixes[i]);
        if (n >= pl && memcmp(fn, prefixes[i], pl) == 0)
            return 1;
    }
    for (size_t i = 0; i < sizeof exact / sizeof exact[0]; i++)
        if (n == strlen(exact[i]) && memcmp(fn, exact[i], n) == 0)
            return 1;
    return n >= 7 && memcmp(fn, "worker_", 7) == 0;
}

/* ferret's own frames that call into the target (frame.h names them
 * fuzzer::ferret::*; the rest are static or inlined helpers whose plain
 * names a symbolizer may print): below the target's frames, what follows
 * is the engine's call chain, whatever its names. */
static int engine_frame(const char *fn, size_t n)
{
    static const char *exact[] = {"target_run", "target_run_checked", "registry_run", "run_one",
                                  "run_and_snapshot", "min_try", "minimize", "cleanse", "deflake"};
    if (n >= 8 && memcmp(fn, "fuzzer::", 8) == 0)
        return 1;
    for (size_t i = 0; i < sizeof exact / sizeof exact[0]; i++)
        if (n == strlen(exact[i]) && memcmp(fn, exact[i], n) == 0)
            return 1;
    return n >= 7 && memcmp(fn, "worker_", 7) == 0;
}

/* From a "    #3 0x55d1 in func_name /path/file.c:12:3" line: the name. */
static int frame_name(const char *line, const char *end, const char **fn, size_t *n)
{
    const char *in = memmem(line, (size_t)(end - line), " in ", 4);
    if (!in)
        return 0;
    const char *p = in + 4, *q = p;
    while (q < end && *q != ' ' && *q != '\n' && *q != '(')
        q++;
    *fn = p;
    *n = (size_t)(q - p);
    return *n > 0;
}

static size_t append(char *out, size_t outlen, size_t at, const char *s, size_t n)
{
    if (at + 1 >= outlen)
        return at;
    if (n > outlen - at - 1)
        n = outlen - at - 1;
    memcpy(out + at, s, n);
    out[at + n] = 0;
    return at + n;
}

/* The first stack trace of the report: its top three interesting frames,
 * taken above the frame where the engine called the target (a minimization
 * try's stack has more of the engine below it than a fuzzing run's, some of
 * it in helpers without ferret's frame names: the same bug must give the
 * same signature from both). */
static size_t frames_signature(const char *log, const char *end, char *out, size_t outlen, size_t at)
{
    int frames = 0, in_trace = 0;
    for (const char *line = log; line < end && frames < 3;) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        const char *eol = nl ? nl : end;
        const char *p = line;
        while (p < eol && (*p == ' ' || *p == '\t'))
            p++;
        int is_frame = p + 1 < eol && p[0] == '#' && p[1] >= '0' && p[1] <= '9';
        if (is_frame) {
            const char *fn;
            size_t n;
            in_trace = 1;
            if (frame_name(p, eol, &fn, &n) && frames > 0 && engine_frame(fn, n))
                break; /* the target's frames end where the engine called it */
            if (frame_name(p, eol, &fn, &n) && !boring_frame(fn, n)) {
                at = append(out, outlen, at, " ", 1);
                at = append(out, outlen, at, fn, n);
                frames++;
            }
        } else if (in_trace) {
            break; /* the end of the first trace */
        }
        line = nl ? nl + 1 : end;
    }
    return frames ? at : 0;
}

/* "SUMMARY: AddressSanitizer: SEGV /p/f.c:4:9 in fn" without numbers. */
static size_t summary_signature(const char *log, size_t len, char *out, size_t outlen, size_t at)
{
    const char *s = last_of(log, len, "SUMMARY: ");
    if (!s)
        return 0;
    at = append(out, outlen, at, " ", 1);
    for (const char *p = s; p < log + len && *p != '\n'; p++) {
        if (*p >= '0' && *p <= '9')
            continue; /* addresses, sizes, pids, line numbers */
        at = append(out, outlen, at, p, 1);
    }
    return at;
}

void finding_signature(const char *log, size_t len, enum finding_kind kind, char *out,
                       size_t outlen)
{
    if (outlen == 0)
        return;
    out[0] = 0;
    size_t at = append(out, outlen, 0, finding_kind_name(kind), strlen(finding_kind_name(kind)));
    const char *start = log ? finding_report_start(log, len, 0) : NULL;
    if (!start)
        return;
    size_t n = frames_signature(start, log + len, out, outlen, at);
    if (n == 0)
        n = summary_signature(log, len, out, outlen, at);
    if (n == 0)
        out[at] = 0;
}

/* s quoted for a POSIX shell: as is when it holds only safe characters,
 * else in single quotes (a ' written as '\''). */
void finding_shell_quote(const char *s, char *out, size_t outlen)
{
    size_t at = 0;
    int safe = *s != 0;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              strchr("/._-=+:,@", *p)))
            safe = 0;
    if (safe) {
        snprintf(out, outlen, "%s", s);
        return;
    }
    if (outlen < 3)
        return;
    out[at++] = '\'';
    for (const char *p = s; *p && at + 6 < outlen; p++) {
        if (*p == '\'') {
            memcpy(out + at, "'\\''", 4);
            at += 4;
        } else {
            out[at++] = *p;
        }
    }
    out[at++] = '\'';
    out[at] = 0;
}

/* ns exactly, as -timeout reads it back: 5s, 1500ms, 250us, 7ns. */
static void format_duration(uint64_t ns, char *buf, size_t len)
{
    static const struct { uint64_t ns; const char *unit; } units[] = {
        {1000000000ULL, "s"}, {1000000ULL, "ms"}, {1000ULL, "us"}, {1, "ns"}};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (ns % units[i].ns == 0) {
            snprintf(buf, len, "%llu%s", (unsigned long long)(ns / units[i].ns), units[i].unit);
            return;
        }
}

void finding_rerun_command(const struct finding_rerun *r, char *out, size_t outlen)
{
    char raw[4200], what[8500], bin[8500], dur[32];
    const char *slash = strrchr(r->path, '/');
    if (r->typed_target)
        snprintf(raw, sizeof raw, "-run=%s/%s", r->typed_target, slash ? slash + 1 : r->path);
    else
        snprintf(raw, sizeof raw, "%s", r->path);
    finding_shell_quote(raw, what, sizeof what);
    finding_shell_quote(r->argv0, bin, sizeof bin);
    if (r->kind == FINDING_HANG) {
        format_duration(r->timeout_ns, dur, sizeof dur);
        snprintf(out, outlen, "%s -timeout=%s %s", bin, dur, what);
    } else if (r->kind == FINDING_OOM) {
        snprintf(out, outlen, "%s -rss_limit_mb=%lld -malloc_limit_mb=%lld %s", bin,
                 r->rss_limit_mb, r->malloc_limit_mb, what);
    } else {
        snprintf(out, outlen, "%s %s", bin, what);
    }
}

static void copy_line(const char *p, const char *end, char *out, size_t outlen)
{
    size_t n = 0;
    while (p + n < end && p[n] != '\n' && p[n] != '\r')
        n++;
    snprintf(out, outlen, "%.*s", (int)(n < outlen ? n : outlen - 1), p);
}

void finding_summary(const char *log, size_t len, char *out, size_t outlen)
{
    if (outlen == 0)
        return;
    out[0] = 0;
    if (!log || len == 0)
        return;
    const char *s = last_of(log, len, "SUMMARY: ");
    if (!s) {
        s = finding_report_start(log, len, 0);
        for (;;) { /* the report's first line with text: not blank, not a ==== rule */
            const char *p = s;
            while (p < log + len && (*p == ' ' || *p == '='))
                p++;
            if (p >= log + len || *p != '\n')
                break;
            s = p + 1;
        }
    }
    copy_line(s, log + len, out, outlen);
}

void finding_failure_summary(const char *msg, size_t len, const char *at, char *out, size_t outlen)
{
    const char *last = NULL, *end = msg ? msg + len : NULL;
    size_t alen = strlen(at);
    if (outlen)
        out[0] = 0;
    for (const char *p = msg; p && p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        if (alen && (size_t)(e - p) > alen && memcmp(p, at, alen) == 0 && p[alen] == ':') {
            copy_line(p, end, out, outlen);
            return;
        }
        if (e > p)
            last = p;
        p = nl ? nl + 1 : end;
    }
    if (last && outlen)
        copy_line(last, end, out, outlen);
}
