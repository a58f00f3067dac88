/*
 * select.h - which fuzz target a run is about, as go test chooses: the
 * binary's targets are LLVMFuzzerTestOneInput (named after the binary) and
 * every Go-style typed target (registry.h).
 *
 *   -fuzz            the one target there is (an error naming them if several)
 *   -fuzz=REGEX      the one target REGEX matches; an exact name wins;
 *                    an error naming the matches if none or several
 *   -run=T/E         regression: targets matching T, entries matching E
 *
 * Invariant: the choice is a pure function of the command line and the
 * binary, so a worker (started with the coordinator's argv) selects the
 * same target as its coordinator.
 */
#ifndef FERRET_SELECT_H
#define FERRET_SELECT_H

#include <stddef.h>

#include "ferret.h"

struct fuzz_target {
    const char *name;                  /* binary's base name, or the typed target's name */
    const struct ferret_target *typed; /* NULL: LLVMFuzzerTestOneInput */
};

/* Every target of this binary (bytes target first); -1 with err set if the
 * registry is inconsistent or there is none. */
int select_list(const char *argv0, struct fuzz_target **out, size_t *n, char *err, size_t errlen);

/* -fuzz=pattern ("" = the only one): picks one target and makes it current
 * (registry_select and the corpus codec).  -1 and a one-line error. */
int select_fuzz(const char *argv0, const char *pattern, char *err, size_t errlen);
/* The same, the pattern given by another flag (errors name it): -run=NAME
 * picks the target of -coverage_report without -fuzz. */
int select_fuzz_by(const char *argv0, const char *pattern, const char *flag, char *err,
                   size_t errlen);

/* Makes t current (see above). */
void select_use(const struct fuzz_target *t);
/* The current target (after select_fuzz/select_use); NULL before. */
const struct fuzz_target *select_current(void);

#include "pattern.h" /* select_run_target, select_run_entry */

#endif
