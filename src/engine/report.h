/*
 * report.h - the one output sink (issue 13): the lines of the coordinator,
 * the findings, merge, sync, the dictionaries, the corpus, the regression
 * run (its watch's verdicts too) and libFuzzer's command line go through
 * here, to stderr.  (Not yet: flags.c's usage, main.c, worker.c's attach
 * error.)  The events whose words differ between Go's fuzzer and
 * libFuzzer are handed to the dialect chosen once at start-up (reporter.h:
 * report_go.c, report_libfuzzer.c; libfuzzer_main picks libFuzzer's); lines
 * both dialects print alike (warnings, errors, -v notes, merge lines) are
 * written here.  Tests capture the text and the events' names
 * (report_capture).
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
/* -dict=FILE cannot be used: err names the file (and the line, bad_line,
 * when one is malformed; 0 when the file cannot be read). */
void report_bad_dictionary(size_t bad_line, const char *err);
void report_ready(const struct report_start *s);
/* A long operation's progress (reporter.h): 1 if a line was printed.  On
 * a terminal (stderr, TERM not dumb; not while capturing) the line is
 * drawn in place (\r, the line, clear to the end of the row), its final
 * state left as a normal line; any other output first ends the line.
 * Otherwise plain lines.  An operation that showed no line (over within
 * 3 s) shows no final one either: short runs print what they always did. */
int report_op_progress(const struct report_op *p);
/* Tests: 1 draws progress lines in place (into the capture too), 0 never,
 * -1 back to asking the terminal. */
void report_progress_in_place(int on);
int report_progress(struct report_progress *p);
void report_finding(const struct report_finding *f);
void report_final_stats(const struct report_final *f);
void report_corpus_stat(const struct report_corpus_stat *s);
void report_new_pc(const char *desc);
void report_exit_found(const char *what, const char *value);
/* -print_coverage: (NULL, NULL) the heading, (f, NULL) a function, (NULL,
 * "file:line") one of its uncovered PCs. */
void report_coverage(const struct report_func *f, const char *uncovered_pc);
/* the regression run */
void report_replay_running(const struct report_replay *r);
void report_replay_executed(const struct report_replay *r);
void report_replay_failed(const struct report_replay *r);
void report_replay_oom(const struct report_replay *r);
void report_replay_timeout(const struct report_replay *r);
void report_replay_target_done(const char *target, size_t failed, size_t ran);
void report_replay_done(int failed);
/* The words of the runtime's own reports in this dialect (w's exit codes
 * are left alone): for runtime_set_words. */
void report_runtime_words(struct runtime_words *w, uint64_t timeout_ns);

/* ---- lines alike in both dialects ---- */
/* A finding's course before it is written (alike in both dialects): found
 * (found_path: written as found, or NULL), -v: found again with hits in all,
 * claimed by another instance (-sync_dir); the -keep_going summary at the
 * end, a head and one line per distinct finding (path NULL: not written). */
void report_finding_found(enum finding_kind kind, const char *found_path);
void report_finding_again(enum finding_kind kind, uint64_t hits, const char *sig);
void report_finding_elsewhere(enum finding_kind kind, const char *sig);
void report_findings_summary(size_t distinct, uint64_t hits);
void report_findings_summary_line(enum finding_kind kind, uint64_t hits, const char *path,
                                  const char *sig);
/* -report=DIR: the findings report went to dir (findings.txt, findings.html). */
void report_findings_report(const char *dir, size_t distinct, uint64_t hits);
/* The merge (libFuzzer's words: ferret merges only on its command line). */
void report_merge_resumed(const char *control_path, size_t done, size_t total);
void report_merge_skipped(const char *path, const char *failure);
/* libFuzzer's "N new files with F new features added; E new coverage edges"
 * (ClusterFuzz's two-step merge diffs F and E between two merges). */
void report_merge_done(size_t files, size_t features, size_t edges, size_t run, size_t resumed);
/* The regression run's watch (replay_guard.c), alike in both dialects: the
 * target ended the run with status 0 while running name (between: after
 * running it, before the run finished); the run ended while name ran, and
 * nothing of the runtime's had named it (sig 0: exited with code). */
void report_replay_exit0(const char *name, int pid, int between);
void report_replay_died(const char *name, int code, int sig);
/* libFuzzer's command line: the target ended a worker with _exit(status)
 * while running an input, saying nothing; the run ends with that status. */
void report_target_ended(int status);
/* The automatic dictionary at the end of a run: words, one a line. */
void report_dictionary(const char *words, size_t len);
/* "ferret: warning: " and the rest */
void report_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "ferret: " and the rest: something failed */
void report_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A line as it is (progress notes: -v, "found a crash, minimizing..."). */
void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vsay(const char *fmt, va_list ap);
/* -clean_fuzzcache: what was removed from dir, and what was left. */
void report_cache_cleaned(const char *dir, size_t removed, size_t kept);
/* -coverage_report: written to dir, with its totals (covreport.h). */
void report_coverage_written(const char *dir, size_t covered, size_t edges, size_t entered,
                             size_t funcs);
/* The flags, one a line, from the table in flags.h (a bad flag, -help). */
void report_usage(const char *argv0, int asked); /* asked (-h, -help, --help): to stdout */
/* -version: "ferret X.Y.Z" on stdout. */
void report_version(const char *version);
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
