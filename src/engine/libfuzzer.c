/*
 * libfuzzer.c - libFuzzer's command line on top of ferret, so ClusterFuzz,
 * OSS-Fuzz and people's scripts drive a ferret binary unchanged.
 *
 * libFuzzer mode is on when a libFuzzer-only flag is given (-runs,
 * -max_total_time, -artifact_prefix, -merge, ...) or FERRET_LIBFUZZER=1.
 * It then reads the command line as libFuzzer does:
 *
 *   files only                 run each file (-runs times), report, exit
 *                              (with -coverage_report: once each, then the report)
 *   -merge=1 OUT IN...         merge (merge.c)
 *   -minimize_crash=1 FILE     minimize a crashing input
 *   -cleanse_crash=1 FILE      replace the bytes of a crashing input that do
 *                              not matter (into -exact_artifact_path)
 *   otherwise                  fuzz: the first directory receives new inputs,
 *                              the others are seeds; -runs / -max_total_time
 *                              are the budget; -fork / -workers / -jobs the
 *                              worker count (default 1, as libFuzzer)
 *
 * The Go-style flags that libFuzzer's own replace (-fuzz, -fuzztime,
 * -parallel, and -cachedir next to corpus arguments) are refused here by
 * flags_parse(), naming both flags, as are libFuzzer's flags ferret does not
 * implement (flags.c: none is taken and then ignored).  Where ferret keeps
 * one of two libFuzzer flags (-runs and -max_total_time; -fork, -workers and
 * -jobs), a line says so.
 *
 * This file only translates: the work is done by the coordinator, the merge
 * and the regression runner, which print libFuzzer's lines when
 * options.libfuzzer is set.  Where the other libFuzzer flags are honoured:
 * -ignore_timeouts, -ignore_ooms, -ignore_crashes in crash.c; -stop_file,
 * -len_control, -features_dir, -print_pcs in coordinator.c; -reload in
 * sync.c; -print_corpus_stats, -print_coverage in fuzz.c; -verbosity=2
 * here (-v=1).
 *
 * Owns: nothing lasting: it translates the options into a copy on its stack
 * that it hands down (with -seed_inputs, a malloc'd path array and list
 * text, freed when the run returns), and switches the process's reporter to
 * libFuzzer's dialect (report.c's table).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "corpus.h"
#include "report.h"
#include "engine.h"

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* mkdir -p of path's directory part (up to its last '/'), or of all of it. */
static int make_dir(const char *path, int dir_part)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", path);
    char *slash = strrchr(buf, '/');
    if (dir_part && !slash)
        return 0; /* the working directory */
    if (dir_part)
        slash[1] = 0;
    if (corpus_mkdirs(buf) == 0)
        return 0;
    say("ERROR: Failed to create directory \"%s\": %s\n", buf, strerror(errno));
    return -1;
}

/* -create_missing_dirs=1: what libFuzzer would need to exist is made: the
 * directories of -artifact_prefix and -exact_artifact_path, -features_dir,
 * and every corpus argument that does not exist (as a directory). */
static int create_missing_dirs(const struct options *o)
{
    struct stat st;
    if (!o->create_missing_dirs)
        return 0;
    if ((o->artifact_prefix && make_dir(o->artifact_prefix, 1) != 0) ||
        (o->exact_artifact_path && make_dir(o->exact_artifact_path, 1) != 0) ||
        (o->features_dir && make_dir(o->features_dir, 0) != 0))
        return -1;
    for (int i = 0; i < o->npaths; i++)
        if (stat(o->paths[i], &st) != 0 && errno == ENOENT && make_dir(o->paths[i], 0) != 0)
            return -1;
    return 0;
}

/* -seed_inputs=A,B,... or =@LIST (a file holding such a list): the seed
 * files, appended to the positional seeds of t (a malloc'd copy of its
 * paths, with the list's text; *keep frees both). */
static int add_seed_inputs(const struct options *o, struct options *t, void **keep)
{
    char *list = NULL;
    size_t len = 0;
    if (!o->seed_inputs)
        return FERRET_EXIT_OK;
    if (o->seed_inputs[0] == '@') {
        uint8_t *data;
        if (corpus_read_max(o->seed_inputs + 1, 1 << 24, &data, &len) != 0) {
            report_error("cannot read %s (-seed_inputs): %s\n", o->seed_inputs + 1, strerror(errno));
            return FERRET_EXIT_INPUT;
        }
        list = realloc(data, len + 1);
        if (!list) {
            free(data);
            return FERRET_EXIT_INTERNAL;
        }
        list[len] = 0;
    } else if (!(list = strdup(o->seed_inputs))) {
        return FERRET_EXIT_INTERNAL;
    }
    size_t n = 1;
    for (char *p = list; *p; p++)
        n += *p == ',';
    char **paths = calloc((size_t)t->npaths + n + 1, sizeof *paths);
    if (!paths) {
        free(list);
        return FERRET_EXIT_INTERNAL;
    }
    memcpy(paths, t->paths, (size_t)t->npaths * sizeof *paths);
    int np = t->npaths;
    for (char *save, *f = strtok_r(list, ",\n", &save); f; f = strtok_r(NULL, ",\n", &save))
        if (*f)
            paths[np++] = f;
    t->paths = paths;
    t->npaths = np;
    keep[0] = paths;
    keep[1] = list;
    return FERRET_EXIT_OK;
}

/* -fork, -workers, -jobs: the first given of these, in this order, is the
 * worker count (each at most FLAGS_MAX_WORKERS, flags.c); -jobs at most the
 * CPUs.  A second one given is named as not used, never dropped silently. */
static int workers_from(const struct options *o)
{
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    const char *used = NULL;
    int n = 1;
    if (cpus < 1)
        cpus = 1;
    if (o->fork > 0) {
        n = (int)o->fork;
        used = o->given[FLAG_ID_fork];
    } else if (o->workers > 0) {
        n = (int)o->workers;
        used = o->given[FLAG_ID_workers];
    } else if (o->jobs > 0) {
        n = (int)(o->jobs < cpus ? o->jobs : cpus);
        used = o->given[FLAG_ID_jobs];
        if (o->jobs > cpus)
            say("INFO: ferret: %s: %d workers, one per CPU\n", used, n);
    }
    const char *all[] = {o->given[FLAG_ID_fork], o->given[FLAG_ID_workers], o->given[FLAG_ID_jobs]};
    for (size_t i = 0; used && i < sizeof all / sizeof all[0]; i++)
        if (all[i] && all[i] != used)
            say("INFO: ferret: %s sets the worker count (%d); %s is not used\n", used, n, all[i]);
    return n;
}

/* The libFuzzer flags, as ferret's own.  The fuzzing budget is one of
 * -runs and -max_total_time: with both (libFuzzer stops at whichever comes
 * first), -runs=0 wins (nothing to fuzz), otherwise -max_total_time, and
 * the line says so. */
static int translate(const struct options *o, struct options *t)
{
    *t = *o;
    t->fuzz = "";
    t->parallel = workers_from(o);
    memset(&t->fuzztime, 0, sizeof t->fuzztime);
    if (o->runs >= 0) {
        t->fuzztime.kind = BUDGET_COUNT;
        t->fuzztime.count = (uint64_t)o->runs;
    }
    if (o->max_total_time > 0 && o->runs >= 0)
        say("INFO: ferret: one budget at a time: %s is used, %s is not\n",
                o->runs == 0 ? o->given[FLAG_ID_runs] : o->given[FLAG_ID_max_total_time],
                o->runs == 0 ? o->given[FLAG_ID_max_total_time] : o->given[FLAG_ID_runs]);
    if (o->max_total_time > 0 && o->runs != 0) {
        t->fuzztime.kind = BUDGET_TIME;
        t->fuzztime.ns = (uint64_t)o->max_total_time * 1000000000ULL;
    }
    t->keep_going = o->keep_going || o->ignore_crashes;
    if (o->features_dir && !is_dir(o->features_dir)) {
        say("ERROR: The required directory \"%s\" does not exist\n", o->features_dir);
        return FERRET_EXIT_INPUT;
    }
    if (o->verbosity >= 2)
        t->v = 1;
    if (o->npaths > 0) {
        if (!is_dir(o->paths[0])) {
            say("ERROR: The required directory \"%s\" does not exist\n", o->paths[0]);
            return FERRET_EXIT_INPUT;
        }
        t->cachedir = o->paths[0]; /* new inputs go to the first corpus directory */
        t->paths = o->paths + 1;
        t->npaths = o->npaths - 1;
    }
    return FERRET_EXIT_OK;
}

/* Reproduce mode: every argument is a file.  A missing one is not (as in
 * libFuzzer: it is then a corpus directory that does not exist). */
static int all_files(const struct options *o)
{
    struct stat st;
    if (o->npaths == 0)
        return 0;
    for (int i = 0; i < o->npaths; i++)
        if (is_dir(o->paths[i]) || (stat(o->paths[i], &st) != 0 && errno == ENOENT))
            return 0;
    return 1;
}

/* -merge=1 OUT IN...: the coordinator with merging on. */
static int merge_run(const struct options *o, int argc, char **argv)
{
    struct options t = *o;
    (void)argc;
    if (o->npaths < 2) {
        say("ERROR: -merge=1 needs an output directory and at least one input directory\n");
        return FERRET_EXIT_USAGE;
    }
    struct stat st;
    for (int i = 0; i < o->npaths; i++)
        if (stat(o->paths[i], &st) != 0 || !S_ISDIR(st.st_mode)) {
            report_error("cannot read %s: %s\n", o->paths[i],
                    errno ? strerror(errno) : "not a directory");
            return FERRET_EXIT_INPUT;
        }
    t.fuzz = "";
    t.fuzztime = (struct budget){.kind = BUDGET_COUNT, .count = 0};
    t.cachedir = o->paths[0];
    t.paths = o->paths + 1;
    t.npaths = o->npaths - 1;
    t.parallel = o->fork > 0 ? o->fork : o->workers > 0 ? o->workers : o->jobs > 0 ? o->jobs : 0;
    return coordinator_merge(&t, argv);
}

int libfuzzer_main(const struct options *o, int argc, char **argv)
{
    struct options t;
    int rc;
    report_use_libfuzzer(1); /* every line from here on is in libFuzzer's dialect */
    for (int i = 0; i < o->nunknown; i++)
        say("WARNING: unrecognized flag '%s'; use -help=1 to list all flags\n", o->unknown[i]);
    if (create_missing_dirs(o) != 0)
        return FERRET_EXIT_WRITE;
    if (o->merge || o->set_cover_merge)
        return merge_run(o, argc, argv);
    if (o->cleanse_crash) {
        if (o->npaths != 1 || is_dir(o->paths[0]) || !o->exact_artifact_path) {
            say("ERROR: -cleanse_crash=1 needs exactly one input file and -exact_artifact_path=FILE "
                "(where the cleansed input goes)\n");
            return FERRET_EXIT_USAGE;
        }
        return coordinator_cleanse(o, argv);
    }
    if (o->minimize_crash) {
        if (o->npaths != 1 || is_dir(o->paths[0])) {
            say("ERROR: -minimize_crash=1 needs exactly one input file\n");
            return FERRET_EXIT_USAGE;
        }
        /* coordinator_minimize's budget: -runs, else -max_total_time, else
         * -fuzzminimizetime (60 s by default) */
        const char *used = o->runs > 0 ? o->given[FLAG_ID_runs]
                         : o->max_total_time > 0 ? o->given[FLAG_ID_max_total_time] : NULL;
        const char *unused[] = {o->max_total_time > 0 ? o->given[FLAG_ID_max_total_time] : NULL,
                                o->given[FLAG_ID_fuzzminimizetime]};
        for (size_t i = 0; used && i < sizeof unused / sizeof unused[0]; i++)
            if (unused[i] && unused[i] != used)
                say("INFO: ferret: one budget at a time: %s is used, %s is not\n", used, unused[i]);
        return coordinator_minimize(o, argc, argv);
    }
    if (all_files(o) && o->coverage_report) {
        if (o->runs > 0) /* (-runs=0 is what it does) */
            say("INFO: ferret: -coverage_report runs each file once; %s is not used\n",
                o->given[FLAG_ID_runs]);
        return fuzz_coverage_report(o, argv);
    }
    if (all_files(o))
        return regress_run(o, argc, argv);
    void *keep[2] = {NULL, NULL};
    if ((rc = translate(o, &t)) != FERRET_EXIT_OK || (rc = add_seed_inputs(o, &t, keep)) != FERRET_EXIT_OK)
        return rc;
    rc = coordinator_run(&t, argc, argv);
    free(keep[0]);
    free(keep[1]);
    return rc;
}
