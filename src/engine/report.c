/*
 * report.c - the output sink (see report.h): the dialect's choice, the
 * stream (stderr or a test's capture), the lines alike in both dialects.
 *
 * The capture is a memfd opened as a stream, read back with pread: no C
 * library function the engine did not already call (a new one grows the
 * dynamic symbol table, moves the target's code and with it the compare
 * table's slots: a fixed -seed would no longer repeat a run of the previous
 * build, which bench/oracle.sh checks).
 *
 * Owns: in each process that reports (the coordinator, the regression run;
 * main() and a worker for their error lines): table, the dialect's table of
 * events (Go's, filled at the first event, unless report_use_libfuzzer
 * chose libFuzzer's at start-up); the capture for tests: cap (the memfd
 * stream written instead of stderr), cap_buf (its text read back) and
 * ev_buf, ev_len, ev_cap (the events' names); for the progress lines of
 * long operations (report_op_progress): limit (the limiter's state,
 * progress.h), in_place (forced by a test), tty (stderr is a terminal, as
 * asked once), open_to and open_op (a line drawn in place and not ended
 * yet, and its operation), scratch and scratch_used (a memfd stream that
 * holds what a dialect says while a line is open: lazy_out).  Without the
 * capture it writes to the status screen's held-back stream
 * (report_screen.c's) while the screen is on, else to stderr: neither is
 * its own.
 *
 * Progress drawn in place.  On a terminal a long operation's line is
 * written as \r, the line (cut to the row's width) and "clear to the end of
 * the row", without a newline: the next one overwrites it.  Its final state
 * ends with a newline.  Any other line first ends the open one with a
 * newline (out(); lazy_out() for an event a dialect may say nothing about:
 * only if it says something), so nothing is written over and the last
 * state shown stays.  The baseline's INITED line takes the open line's
 * place instead, being its final state.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "flags.h" /* FERRET_FLAGS: the usage text */
#include "progress.h"
#include "report.h"
#include "report_screen.h"

static struct reporter table; /* filled at the first event or by report_use_libfuzzer */

/* The capture: a stream on a memfd for the text, a growing string of names. */
static FILE *cap;
static char *cap_buf;
static char *ev_buf;
static size_t ev_len, ev_cap;

/* Progress lines of long operations (report_op_progress). */
static struct progress_limit limit;
static int in_place = -1;     /* drawn in place: 1, 0, or -1: if stderr is a terminal */
static int tty = -1;          /* stderr is a terminal (TERM not dumb); -1: not asked yet */
static FILE *open_to;         /* a progress line drawn in place there, not ended yet */
static int open_op;           /* ... and its operation */
static FILE *scratch;         /* lazy_out's: a dialect's words while a line is open */
static int scratch_used;

void report_use_libfuzzer(int on)
{
    if (on)
        report_libfuzzer_table(&table);
    else
        report_go_table(&table);
}

const struct reporter *report_dialect(void)
{
    if (!table.name)
        report_go_table(&table); /* Go's, unless libFuzzer's was chosen */
    return &table;
}


/* Where a line goes; a progress line drawn in place is ended first (left
 * as it is, a normal line). */
static FILE *out(void)
{
    FILE *scr = screen_stream();
    if (open_to) {
        fputc('\n', open_to);
        open_to = NULL;
    }
    return cap ? cap : scr ? scr : stderr;
}

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
    report_dialect()->start(out(), s);
}

void report_bad_dictionary(size_t bad_line, const char *err)
{
    event("bad_dictionary");
    report_dialect()->bad_dictionary(out(), bad_line, err);
}

/* For an event a dialect may say nothing about (Go's ready): while a
 * progress line is open, its words go to scratch first and end the line
 * only if there are any (lazy_end). */
static FILE *lazy_out(void)
{
    if (!open_to)
        return out();
    if (!scratch) {
        int fd = memfd_create("ferret-scratch", 0);
        char path[64];
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
        scratch = fd < 0 ? NULL : fopen(path, "w+");
        if (fd >= 0)
            close(fd);
        if (!scratch)
            return out();
    }
    rewind(scratch);
    scratch_used = 1;
    return scratch;
}

static void lazy_end(void)
{
    if (!scratch_used)
        return;
    scratch_used = 0;
    long n = ftell(scratch);
    if (n <= 0)
        return;
    fflush(scratch);
    char buf[4096];
    FILE *to = out(); /* ends the open line */
    for (off_t at = 0; at < n;) {
        size_t want = sizeof buf < (size_t)(n - at) ? sizeof buf : (size_t)(n - at);
        ssize_t got = pread(fileno(scratch), buf, want, at);
        if (got <= 0)
            break;
        fwrite(buf, 1, (size_t)got, to);
        at += got;
    }
}

void report_ready(const struct report_start *s)
{
    event("ready");
    report_dialect()->ready(lazy_out(), s);
    lazy_end();
}

/* ---- a long operation's progress line ---- */

static int terminal(void)
{
    if (in_place >= 0)
        return in_place;
    if (cap)
        return 0;
    if (tty < 0) {
        const char *term = getenv("TERM");
        tty = isatty(STDERR_FILENO) && term && *term && strcmp(term, "dumb") != 0;
    }
    return tty;
}

void report_progress_in_place(int on) { in_place = on < 0 ? -1 : on != 0; }

/* The row's width less one (a line as wide as the row would wrap and \r
 * would go back to its second half); 0 if unknown. */
static size_t row_width(void)
{
    struct winsize ws;
    if (cap || ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_col < 2)
        return 0;
    return (size_t)ws.ws_col - 1;
}

static void draw(FILE *f, const char *line, size_t n, int op, int final)
{
    if (open_to && (open_to != f || open_op != op))
        fputc('\n', open_to); /* another operation's line: left as it is */
    open_to = NULL;
    if (!terminal()) {
        fprintf(f, "%.*s\n", (int)n, line);
    } else {
        size_t w = row_width();
        fprintf(f, "\r%.*s\033[K%s", (int)(w && n > w ? w : n), line, final ? "\n" : "");
        open_to = final ? NULL : f;
        open_op = op;
    }
    fflush(f);
}

int report_op_progress(const struct report_op *in)
{
    static const char name[][24] = {"op_progress", "op_progress baseline", "op_progress merge",
                                    "op_progress minimize", "op_progress cleanse"};
    event(name[in->op >= 1 && in->op <= REPORT_OP_CLEANSE ? in->op : 0]);
    if (screen_on())
        return 1; /* the screen shows it */
    if (!progress_allow(&limit, in->op, in->start_ns, in->now_ns, in->flags))
        return 0;
    if ((in->flags & PROGRESS_FINAL) && limit.lines == 0)
        return 0; /* it never showed its progress: its end needs no line either */
    struct report_op p = *in;
    p.elapsed_ns = p.now_ns > p.start_ns ? p.now_ns - p.start_ns : 0;
    uint64_t before = p.done_before <= p.done ? p.done_before : p.done;
    p.eta_known = p.total > before &&
                  progress_eta(p.done - before, p.total - before, p.elapsed_ns, &p.eta_ns);
    char line[1024];
    size_t n = report_dialect()->op_line(line, sizeof line, &p);
    if (n == 0)
        return 0;
    if (n >= sizeof line)
        n = sizeof line - 1;
    draw(cap ? cap : stderr, line, n, p.op, (p.flags & PROGRESS_FINAL) != 0);
    limit.lines++;
    return 1;
}

int report_progress(struct report_progress *p)
{
    event(p->tick == REPORT_INITED ? "progress INITED" : p->tick == REPORT_NEW ? "progress NEW"
          : p->tick == REPORT_PULSE  ? "progress pulse"  : "progress DONE");
    if (screen_on())
        return 1; /* the screen shows it */
    if (open_to && p->tick == REPORT_INITED) { /* the baseline's end says it all: in its place */
        fputs("\r\033[K", open_to);
        open_to = NULL;
    }
    int r = report_dialect()->progress(lazy_out(), p);
    lazy_end();
    return r;
}

void report_finding(const struct report_finding *f)
{
    event("finding");
    report_dialect()->finding(out(), f);
}

void report_final_stats(const struct report_final *f)
{
    event("final_stats");
    report_dialect()->final_stats(out(), f);
}

void report_corpus_stat(const struct report_corpus_stat *s)
{
    event("corpus_stat");
    report_dialect()->corpus_stat(out(), s);
}

void report_new_pc(const char *desc)
{
    event("new_pc");
    report_dialect()->new_pc(out(), desc);
}

void report_exit_found(const char *what, const char *value)
{
    event("exit_found");
    report_dialect()->exit_found(out(), what, value);
}

void report_coverage(const struct report_func *f, const char *uncovered_pc)
{
    event("coverage");
    report_dialect()->coverage(out(), f, uncovered_pc);
}

void report_replay_running(const struct report_replay *r)
{
    event("replay_running");
    report_dialect()->replay_running(out(), r);
}

void report_replay_executed(const struct report_replay *r)
{
    event("replay_executed");
    report_dialect()->replay_executed(out(), r);
}

void report_replay_failed(const struct report_replay *r)
{
    event("replay_failed");
    report_dialect()->replay_failed(out(), r);
}

void report_replay_oom(const struct report_replay *r)
{
    event("replay_oom");
    report_dialect()->replay_oom(out(), r);
}

void report_replay_timeout(const struct report_replay *r)
{
    event("replay_timeout");
    report_dialect()->replay_timeout(out(), r);
}

void report_replay_target_done(const char *target, size_t failed, size_t ran)
{
    event("replay_target_done");
    report_dialect()->replay_target_done(out(), target, failed, ran);
}

void report_replay_done(int failed)
{
    event("replay_done");
    report_dialect()->replay_done(out(), failed);
}

void report_runtime_words(struct runtime_words *w, uint64_t timeout_ns)
{
    event("runtime_words");
    report_dialect()->runtime_words(w, timeout_ns);
}

void report_finding_found(enum finding_kind kind, const char *found_path)
{
    event("finding_found");
    if (found_path)
        fprintf(out(), "fuzz: found a %s, minimizing... (as found: %s)\n", finding_kind_name(kind),
                found_path);
    else
        fprintf(out(), "fuzz: found a %s, minimizing...\n", finding_kind_name(kind));
}

void report_finding_again(enum finding_kind kind, uint64_t hits, const char *sig)
{
    event("finding_again");
    fprintf(out(), "fuzz: %s again (%llu hits): %s\n", finding_kind_name(kind),
            (unsigned long long)hits, sig);
}

void report_finding_elsewhere(enum finding_kind kind, const char *sig)
{
    event("finding_elsewhere");
    fprintf(out(), "fuzz: %s already found by another instance (sync directory): %s\n",
            finding_kind_name(kind), sig);
}

void report_findings_summary(size_t distinct, uint64_t hits)
{
    event("findings_summary");
    fprintf(out(), "fuzz: %zu distinct finding%s (%llu failures in all):\n", distinct,
            distinct == 1 ? "" : "s", (unsigned long long)hits);
}

void report_findings_summary_line(enum finding_kind kind, uint64_t hits, const char *path,
                                  const char *sig)
{
    event("findings_summary_line");
    fprintf(out(), "    %-7s hits: %-6llu %s  [%s]\n", finding_kind_name(kind),
            (unsigned long long)hits, path ? path : "(not written)", sig);
}

void report_merge_resumed(const char *control_path, size_t done, size_t total)
{
    event("merge_resumed");
    fprintf(out(), "MERGE-OUTER: resuming from %s: %zu of %zu inputs already done\n", control_path,
            done, total);
}

void report_merge_skipped(const char *path, const char *failure)
{
    event("merge_skipped");
    fprintf(out(), "MERGE-INNER: skipping %s: %s\n", path ? path : "(input)", failure);
}

void report_merge_done(size_t files, size_t features, size_t edges, size_t run, size_t resumed)
{
    event("merge_done");
    fprintf(out(), "MERGE-OUTER: %zu new files with %zu new features added; %zu new coverage edges; "
            "%zu inputs run, %zu resumed\n", files, features, edges, run, resumed);
}

void report_replay_exit0(const char *name, int pid, int between)
{
    event("replay_exit0");
    if (between)
        fprintf(out(), "==%d== ERROR: ferret: the target exited with status 0 after running %s, "
                       "before the regression run finished\n", pid, name);
    else
        fprintf(out(), "==%d== ERROR: ferret: the target exited with status 0 while running %s\n", pid, name);
    fprintf(out(), "SUMMARY: ferret: the target exited with status 0\n");
}

static const char *signame(int sig, char *buf, size_t len)
{
    const char *s = sigabbrev_np(sig);
    if (s)
        snprintf(buf, len, "SIG%s", s);
    else
        snprintf(buf, len, "%d", sig);
    return buf;
}

void report_replay_died(const char *name, int code, int sig)
{
    char buf[16];
    event("replay_died");
    if (sig)
        fprintf(out(), "ferret: the failing input is %s (the target was killed by signal %s)\n", name,
                signame(sig, buf, sizeof buf));
    else
        fprintf(out(), "ferret: the failing input is %s (the target exited with status %d)\n", name, code);
}

void report_target_ended(int status)
{
    event("target_ended");
    fprintf(out(), "INFO: ferret: the fuzz target ended the process with status %d while running an input, "
                   "without a report; exiting with it, as libFuzzer does (no artifact)\n", status);
}

void report_dictionary(const char *words, size_t len)
{
    event("dictionary");
    fprintf(out(), "###### Recommended dictionary. ######\n");
    fprintf(out(), "%.*s", (int)len, words);
    fprintf(out(), "###### End of recommended dictionary. ######\n");
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

void report_cache_cleaned(const char *dir, size_t removed, size_t kept)
{
    event("cache_cleaned");
    fprintf(out(), "ferret: removed %zu file%s from %s", removed, removed == 1 ? "" : "s", dir);
    if (kept)
        fprintf(out(), " (%zu other file%s left there)", kept, kept == 1 ? "" : "s");
    fputs("\n", out());
}

void report_findings_report(const char *dir, size_t distinct, uint64_t hits)
{
    event("findings_report");
    fprintf(out(), "ferret: findings report (%zu distinct finding%s, %llu hit%s) written to "
            "%s/findings.txt and %s/findings.html\n", distinct, distinct == 1 ? "" : "s",
            (unsigned long long)hits, hits == 1 ? "" : "s", dir, dir);
}

void report_coverage_written(const char *dir, size_t covered, size_t edges, size_t entered,
                             size_t funcs)
{
    event("coverage_written");
    fprintf(out(), "ferret: coverage report written to %s/index.html and %s/summary.txt: "
                   "%zu/%zu edges covered, %zu/%zu functions entered\n",
            dir, dir, covered, edges, entered, funcs);
}

static void usage_row(FILE *to, const char *name, const char *help, const char *def)
{
    fprintf(to, "  -%-21s %s%s%s%s\n", name, help, def ? " (default " : "", def ? def : "",
            def ? ")" : "");
}

void report_usage(const char *argv0, int asked)
{
    event("usage");
    FILE *to = asked && !cap ? stdout : out(); /* -h, -help, --help: to stdout */
    fprintf(to,
            "usage: %s [flags] [file or directory ...]\n"
            "  without -fuzz: replays testdata/fuzz/<target>/ and the given files and directories\n"
            "  with -fuzz: fuzzes with -parallel worker processes\n"
            "flags:\n", argv0);
#define USAGE_ROW(name, type, def, group, help) usage_row(to, #name, help, def);
    FERRET_FLAGS(USAGE_ROW)
#undef USAGE_ROW
}

void report_version(const char *version)
{
    event("version");
    fprintf(cap ? cap : stdout, "ferret %s\n", version);
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
    if (cap && open_to == cap)
        open_to = NULL;
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
