/*
 * covreport.h - -coverage_report=DIR: which edges, lines and functions of
 * the target a run reached, as static HTML and a text summary.
 *
 *   DIR/index.html     the source files, then the functions, each with
 *                      covered/total edges, least covered first
 *   DIR/file-NNN.html  one page per source file: its text, each line with
 *                      edges marked covered (any of its edges hit) or
 *                      uncovered (edges, none hit)
 *   DIR/summary.txt    the same figures as text, and the uncovered lines
 *
 * An edge is one 8-bit counter of the pc-table (sancov.c); it is covered
 * when the run's global mask has any bit of it.  Counters of modules
 * without a pc-table (and value-profile features) are not in the report;
 * the summary counts them.  Every file is written atomically.
 */
#ifndef FERRET_COVREPORT_H
#define FERRET_COVREPORT_H

#include <stddef.h>
#include <stdint.h>

struct covreport_totals {
    size_t edges, covered;        /* counters with a PC, and those hit */
    size_t funcs, entered;        /* functions, and those whose entry was hit */
    size_t files;                 /* source files */
    size_t unmapped;              /* counters with no PC (no pc-table, value profile) */
};

/* Before a run: the binary has a pc-table, the symbolizer is there (into
 * symbolizer, for covreport_write), dir is (made and) writable.
 * FERRET_EXIT_OK, or an exit code with one line printed: FERRET_EXIT_USAGE
 * (no pc-table), FERRET_EXIT_TOOL (no symbolizer), FERRET_EXIT_WRITE. */
int covreport_check(const char *dir, const char *argv0, char *symbolizer, size_t len);

/* After a run: the report of mask (ncounters bytes, the coordinator's
 * global coverage) into dir, and a line saying where it is.
 * FERRET_EXIT_OK, or an exit code with one line printed:
 * FERRET_EXIT_TOOL (the symbolizer failed), FERRET_EXIT_WRITE,
 * FERRET_EXIT_INTERNAL (no memory). */
int covreport_write(const char *dir, const char *symbolizer, const char *target,
                    const uint8_t *mask, size_t ncounters, struct covreport_totals *t);

#endif
