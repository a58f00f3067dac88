/*
 * main.c - ferret's entry points: ferret_main, which the archive's `main`
 * (main_stub.c, an archive member of its own) calls, and libFuzzer's
 * LLVMFuzzerRunDriver for programs with a main of their own.
 *
 * One binary, three roles (engine.h): a worker when the coordinator started
 * it (FERRET_WORKER in the environment), the coordinator with -fuzz, and a
 * regression test otherwise.  Only these entry points end the process
 * (main by returning; LLVMFuzzerRunDriver exits in a worker, see below);
 * everything below returns.
 *
 * Owns: rng, the state of LLVMFuzzerMutate (a static seeded 0x5eed, in
 * whichever process a custom mutator calls it); ferret_main()'s struct
 * options and the copy of FERRET_WORKER, which it removes from the
 * environment.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "engine.h"
#include "frame.h"
#include "ferret.h"
#include "mutator.h"
#include "report.h"
#include "runtime.h"
#include "select.h"

FERRET_EXPORT const char *ferret_version(void) { return "0.1.0"; }

/* For custom mutators that fall back on ours.  Deterministic per process. */
FERRET_EXPORT size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size)
{
    static rng_t rng = {0x5eed};
    struct mutate_src none = {.partner = NULL};
    return mutator_mutate(&rng, data, size, max_size, &none);
}

/* -coverage_report=DIR without -fuzz, in Go mode: the corpus is run once
 * for the report, and -run=NAME (not -fuzz) names the target. */
static int covreport_only(const struct options *o)
{
    return o->coverage_report && !o->fuzz && !o->libfuzzer;
}

/* The body of main (main_stub.c).  Exported so that the stub, a separate
 * archive member, can reach it; named fuzzer::ferret::ferret_main in stack
 * traces (frame.h), as main_stub.c declares it too. */
FERRET_EXPORT int ferret_main(int argc, char **argv) FERRET_FRAME(ferret_main);
FERRET_EXPORT int ferret_main(int argc, char **argv)
{
    msan_engine_mode(); /* before the engine calls the C library */
    const char *spec = getenv(FERRET_WORKER_ENV);
    char worker_spec[256];
    struct options o;
    char err[512];
    int rc = FERRET_EXIT_OK;
    if (spec) {
        snprintf(worker_spec, sizeof worker_spec, "%s", spec);
        unsetenv(FERRET_WORKER_ENV); /* not inherited by the target's children */
    }
    if (flags_parse(&o, argc, argv, err, sizeof err) != 0) {
        report_error("%s\n", err);
        report_usage(argv[0], 0);
        return FERRET_EXIT_USAGE;
    }
    /* Before anything reads sancov_total(): every role must agree on it. */
    features_register();
    features_set_value_profile(o.use_value_profile != 0); /* every role parses the same flags */
    if (covreport_only(&o) && o.run && strchr(o.run, '/')) {
        report_error("-coverage_report runs every input of the target once: -run=%s picks "
                     "entries; give the target alone (-run=NAME)\n", o.run);
        flags_free(&o);
        return FERRET_EXIT_USAGE;
    }
    /* A worker and the coordinator fuzz one target; libFuzzer's command
     * line knows one target too.  Regression mode replays them all. */
    const char *pattern = o.fuzz && *o.fuzz ? o.fuzz
                        : o.libfuzzer && target_has_bytes_fn() ? corpus_target_name(argv[0])
                        : covreport_only(&o) && o.run ? o.run : "";
    const char *by = covreport_only(&o) ? "-run" : "-fuzz";
    if ((spec || o.fuzz || o.libfuzzer || o.coverage_report) && !o.help && !o.version &&
        select_fuzz_by(argv[0], pattern, by, err, sizeof err) != 0) {
        report_error("%s\n", err);
        flags_free(&o);
        return FERRET_EXIT_USAGE;
    }
    if (!spec && !o.fuzz && !o.libfuzzer && !o.help && o.report && o.coverage_report) {
        /* two different runs: the findings files replayed one by one, the corpus run once */
        report_error("-report=%s (over findings files) and -coverage_report=%s (over a corpus) "
                     "are two runs without -fuzz: give one at a time, or both with -fuzz\n",
                     o.report, o.coverage_report);
        flags_free(&o);
        return FERRET_EXIT_USAGE;
    }
    if (spec) {
        rc = worker_main(&o, argc, argv, worker_spec);
    } else if (o.help) {
        report_usage(argv[0], 1);
    } else if (o.version) {
        report_version(ferret_version());
    } else if (o.clean_fuzzcache) {
        rc = fuzz_clean_cache(&o, argv);
    } else if (o.libfuzzer) {
        rc = libfuzzer_main(&o, argc, argv);
    } else if (o.fuzz) {
        rc = coordinator_run(&o, argc, argv);
    } else if (o.report) {
        rc = findings_dir_main(&o, argc, argv);
    } else if (o.coverage_report) {
        rc = fuzz_coverage_report(&o, argv);
    } else {
        rc = regress_run(&o, argc, argv);
    }
    flags_free(&o);
    return rc;
}

/* libFuzzer's entry point for programs that have their own main (language
 * bindings, tools with a fuzzing mode): runs ferret on argc/argv with cb as
 * the target.  A worker re-executes the binary, so the program's main runs
 * again and calls this again: in the worker role it never returns (the
 * program's main must not go on with its own work in a worker), it exits
 * with the worker's status.  Otherwise it returns ferret's exit code. */
FERRET_EXPORT int LLVMFuzzerRunDriver(int *argc, char ***argv,
                                      int (*cb)(const uint8_t *data, size_t size))
{
    int worker = getenv(FERRET_WORKER_ENV) != NULL;
    if (cb)
        target_set_bytes_fn(cb);
    int rc = ferret_main(*argc, *argv);
    if (worker)
        exit(rc);
    return rc;
}
