/*
 * engine.h - the ways a ferret binary runs: each role's entry point (the
 * exit codes they return are in codes.h).
 *
 *   main() (src/runtime/main.c)
 *     |-- FERRET_WORKER set ----> worker_main()        (worker.c: one per CPU)
 *     |-- a libFuzzer flag -----> libfuzzer_main()     (libfuzzer.c), which calls
 *     |                             coordinator_run, coordinator_merge,
 *     |                             coordinator_minimize, coordinator_cleanse
 *     |                             or regress_run
 *     |-- -fuzz ----------------> coordinator_run()    (fuzz.c)
 *     |-- -clean_fuzzcache -----> fuzz_clean_cache()   (fuzz.c)
 *     |-- -coverage_report -----> fuzz_coverage_report() (fuzz.c: the corpus once)
 *     `-- otherwise ------------> regress_run()        (regress.c: replay the corpus)
 *
 * Owns: nothing: the roles' entry points.  Each role's state is in its own
 * files (worker.c; fuzz.c and coordinator_int.h for the coordinator;
 * regress.c and replay_guard.c for the regression run).
 */
#ifndef FERRET_ENGINE_H
#define FERRET_ENGINE_H

#include <stddef.h>
#include <stdint.h>

#include "flags.h"
#include "rng.h"

#include "codes.h" /* exit codes, the worker's environment variable */
#include "frame.h" /* FERRET_FRAME: the roles on the stack of a report */

int worker_main(const struct options *o, int argc, char **argv, const char *spec)
    FERRET_FRAME(worker_main);
int coordinator_run(const struct options *o, int argc, char **argv);
int regress_run(const struct options *o, int argc, char **argv) FERRET_FRAME(regress_run);
/* regress.c, for findings_dir.c's replay of one file, as the regression run
 * replays: its per-execution timeout, the runtime set up (the dialect's
 * words, crash reporting, -malloc_limit_mb, the timeout, the target's
 * initialization). */
uint64_t regress_timeout(const struct options *o);
void regress_setup_runtime(const struct options *o, uint64_t timeout_ns, int *argc, char ***argv);
/* findings_dir.c: -report=DIR without -fuzz: the findings report over the
 * files and directories given (default testdata/fuzz/<target>/). */
int findings_dir_main(const struct options *o, int argc, char **argv)
    FERRET_FRAME(findings_dir_main);
/* libfuzzer.c: libFuzzer's command line (options.libfuzzer set). */
int libfuzzer_main(const struct options *o, int argc, char **argv) FERRET_FRAME(libfuzzer_main);
/* fuzz.c: the coordinator with merging on (-merge=1 OUT IN..., set
 * up by libfuzzer.c): the baseline run is the whole job (merge.c) */
int coordinator_merge(const struct options *o, char **argv);
/* fuzz.c: -clean_fuzzcache (fuzzcache.h) */
int fuzz_clean_cache(const struct options *o, char **argv);
/* fuzz.c: -coverage_report=DIR without fuzzing: the corpus run once, then
 * the report (covreport.h) */
int fuzz_coverage_report(const struct options *o, char **argv);
/* fuzz.c: -minimize_crash=1 FILE */
int coordinator_minimize(const struct options *o, int argc, char **argv);
/* fuzz.c: -cleanse_crash=1 -exact_artifact_path=OUT FILE */
int coordinator_cleanse(const struct options *o, char **argv);

#include "clock.h" /* engine_now_ns */

#endif
