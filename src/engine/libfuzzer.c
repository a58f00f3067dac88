/*
 * libfuzzer.c - libFuzzer's command line on top of ferret, so ClusterFuzz,
 * OSS-Fuzz and people's scripts drive a ferret binary unchanged.
 *
 * libFuzzer mode is on when a libFuzzer-only flag is given (-runs,
 * -max_total_time, -artifact_prefix, -merge, ...) or FERRET_LIBFUZZER=1.
 * It then reads the command line as libFuzzer does:
 *
 *   files only                 run each file (-runs times), report, exit
 *   -merge=1 OUT IN...         merge (merge.c)
 *   -minimize_crash=1 FILE     minimize a crashing input
 *   otherwise                  fuzz: the first directory receives new inputs,
 *                              the others are seeds; -runs / -max_total_time
 *                              are the budget; -fork / -workers / -jobs the
 *                              worker count (default 1, as libFuzzer)
 *
 * This file only translates: the work is done by the coordinator, the merge
 * and the regression runner, which print libFuzzer's lines when
 * options.libfuzzer is set.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine.h"

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int workers_from(const struct options *o)
{
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    if (o->fork > 0)
        return (int)o->fork;
    if (o->workers > 0)
        return (int)o->workers;
    if (o->jobs > 0)
        return (int)(o->jobs < cpus ? o->jobs : cpus);
    return 1;
}

/* The libFuzzer flags, as ferret's own. */
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
    if (o->max_total_time > 0) {
        t->fuzztime.kind = BUDGET_TIME;
        t->fuzztime.ns = (uint64_t)o->max_total_time * 1000000000ULL;
    }
    t->keep_going = o->keep_going || o->ignore_crashes;
    if (o->npaths > 0) {
        if (!is_dir(o->paths[0])) {
            fprintf(stderr, "ERROR: The required directory \"%s\" does not exist\n", o->paths[0]);
            return FERRET_EXIT_INPUT;
        }
        t->cachedir = o->paths[0]; /* new inputs go to the first corpus directory */
        t->paths = o->paths + 1;
        t->npaths = o->npaths - 1;
    }
    return FERRET_EXIT_OK;
}

static int all_files(const struct options *o)
{
    if (o->npaths == 0)
        return 0;
    for (int i = 0; i < o->npaths; i++)
        if (is_dir(o->paths[i]))
            return 0;
    return 1;
}

int libfuzzer_main(const struct options *o, int argc, char **argv)
{
    struct options t;
    int rc;
    for (int i = 0; i < o->nunknown; i++)
        fprintf(stderr, "WARNING: unrecognized flag '%s'; use -help=1 to list all flags\n", o->unknown[i]);
    if (o->merge || o->set_cover_merge)
        return merge_run(o, argc, argv);
    if (o->minimize_crash) {
        if (o->npaths != 1 || is_dir(o->paths[0])) {
            fprintf(stderr, "ERROR: -minimize_crash=1 needs exactly one input file\n");
            return FERRET_EXIT_USAGE;
        }
        return coordinator_minimize(o, argc, argv);
    }
    if (all_files(o))
        return regress_run(o, argc, argv);
    if ((rc = translate(o, &t)) != FERRET_EXIT_OK)
        return rc;
    return coordinator_run(&t, argc, argv);
}
