/*
 * findings_report.h - the findings report (-report=DIR): every distinct
 * finding of a run, or of a directory of findings, as DIR/findings.txt and
 * DIR/findings.html.
 *
 * The caller gathers the findings (crash.c at the end of a fuzzing run,
 * findings_dir.c over files); this module only words them and writes the two
 * files, each atomically (temp + fsync + rename, corpus_write_named), so a
 * reader sees the old report or the new one, never half of one.  The HTML is
 * static (no script), well-formed XML (every element closed, every byte of
 * text escaped: & < > " ' as entities, control and non-ASCII bytes as \xHH),
 * and links to the coverage report when one is next to it (DIR/index.html
 * written by -coverage_report, or DIR/coverage/index.html).
 */
#ifndef FERRET_FINDINGS_REPORT_H
#define FERRET_FINDINGS_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "finding.h"

/* One distinct finding (one stack signature). */
struct findings_entry {
    enum finding_kind kind;
    const char *sig;            /* the stack signature (finding_signature) */
    uint64_t hits;              /* failures (a run) or files (a directory) with this signature */
    int64_t first_seen;         /* Unix time in seconds: recorded, or the oldest file's mtime */
    const char *path;           /* the (smallest) reproducer; NULL: it could not be written */
    size_t len;                 /* its size in bytes */
    const char *summary;        /* the sanitizer's SUMMARY line (finding_summary), or "" */
    const char *rerun;          /* the command that re-runs it (finding_rerun_command), or "" */
};

struct findings_doc {
    const char *target;         /* the fuzz target */
    const char *source;         /* what was looked at: "a fuzzing run", "3 files in DIR" */
    const struct findings_entry *v;
    size_t n;
};

/* Writes dir/findings.txt and dir/findings.html (creating dir as needed).
 * 0, or -1 with errno set (nothing half-written is left). */
int findings_report_write(const char *dir, const struct findings_doc *d);

/* The two files' contents, malloc'd (for tests); 0 or -1 (no memory). */
int findings_report_text(const struct findings_doc *d, char **out, size_t *len);
int findings_report_html(const struct findings_doc *d, const char *coverage_href, char **out,
                         size_t *len);

#endif
