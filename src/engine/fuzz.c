/*
 * fuzz.c - the fuzzing driver: -fuzz (Go mode), libFuzzer's fuzzing, -merge=1
 * -minimize_crash=1 and -cleanse_crash=1 all set a coordinator up here (paths, the corpus,
 * the dictionaries, max_len, the workers, signals), run its loop
 * (coordinator.c) and turn what it found into the exit code.  Layer 4: it
 * owns no state beyond the set-up; the coordinator's phase machine and
 * loop are coordinator.c's.
 *
 * Owns: c, the run's one struct coordinator (a static in run(), in the
 * coordinator) and its [F] fields: the paths (testdata, cachedir: created,
 * stale temporary files removed), the corpus as loaded, the pool of worker
 * slots, the coverage mask's memfd, the scratch buffers, the signalfd
 * (SIGINT, SIGTERM and SIGCHLD blocked; SIGPIPE and SIGXFSZ ignored), the
 * -stats_file, opened for appending into c->smp.sf (statsfile.c; the lines
 * are sample.c's), and c->start_info, what the first lines say.  libFuzzer
 * mode has no testdata and no cache of its own (cachedir is the first corpus
 * directory, OUT for a merge, or NULL: new units stay in memory);
 * -minimize_crash and -cleanse_crash keep nothing.  -report=DIR: the
 * directory, created before the run (the report in it is crash.c's).
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "coverage.h"
#include "covreport.h"
#include "dict.h"
#include "engine.h"
#include "mutator.h"
#include "minimize.h"
#include "queue.h"
#include "fuzzcache.h"
#include "replay.h"
#include "runtime.h"
#include "schedule.h"
#include "stats.h"
#include "supervise.h"

#include "calls.h"
#include "coordinator_int.h"
#include "report.h"
#include "words.h"
#include "sample.h"
#include "registry.h"
#include "select.h"
#include "hash.h"

/* ---- setting up ------------------------------------------------------------- */

/* Seeds, the paths given on the command line, then the cache. */
/* -minimize_crash: the one input, nothing else. */
static int load_minimize_input(struct coordinator *c, const char *path)
{
    uint8_t *data;
    size_t len;
    if (corpus_read_input(path, &data, &len) != 0) {
        report_error("cannot read %s: %s\n", path, strerror(errno));
        return FERRET_EXIT_INPUT;
    }
    c->minimize_only = corpus_add(&c->corpus, data, len, path, NULL);
    free(data);
    return c->minimize_only ? FERRET_EXIT_OK : FERRET_EXIT_INTERNAL;
}

/* -merge: OUT first (its files are kept as they are), then each IN. */
static int load_merge_inputs(struct coordinator *c)
{
    if (corpus_load_dir(&c->corpus, c->cachedir, 0, 0, NULL) != 0) {
        report_error("cannot read %s: %s\n", c->cachedir, strerror(errno));
        return FERRET_EXIT_INPUT;
    }
    c->merge_nout = c->corpus.n;
    for (int i = 0; i < c->o->npaths; i++)
        if (corpus_load_dir(&c->corpus, c->o->paths[i], 0, 0, NULL) != 0) {
            report_error("cannot read %s: %s\n", c->o->paths[i], strerror(errno));
            return FERRET_EXIT_INPUT;
        }
    return c->corpus.n ? FERRET_EXIT_OK : FERRET_EXIT_OK;
}

/* A typed target's seeds from code (its seeds function, Go's f.Add). */
static int add_code_seeds(struct coordinator *c)
{
    const struct fuzz_target *t = select_current();
    struct registry_encoded *e;
    size_t n;
    char err[512];
    if (!t || !t->typed)
        return 0;
    if (registry_seeds(t->typed, &e, &n, err, sizeof err) != 0) {
        report_error("%s\n", err);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (c->o->max_len <= 0 || e[i].len <= (size_t)c->o->max_len)
            corpus_add(&c->corpus, e[i].data, e[i].len, NULL, NULL);
        free(e[i].data);
    }
    free(e);
    return 0;
}

static int load_corpus(struct coordinator *c)
{
    /* -max_len not given: the largest corpus input sets it, up to the flag's own limit */
    size_t limit = c->o->max_len ? (size_t)c->o->max_len : (size_t)FLAGS_MAX_LEN;
    if (c->minimize_path)
        return load_minimize_input(c, c->minimize_path);
    if (c->merging)
        return load_merge_inputs(c);
    if (add_code_seeds(c) != 0)
        return FERRET_EXIT_USAGE;
    if (c->testdata &&
        corpus_load_dir(&c->corpus, c->testdata, limit, CORPUS_SKIP_EMPTY | CORPUS_STRICT, NULL) != 0 &&
        errno != ENOENT) {
        report_error("cannot read seed corpus %s: %s\n", c->testdata, strerror(errno));
        return FERRET_EXIT_INPUT;
    }
    for (int i = 0; i < c->o->npaths; i++) {
        const char *p = c->o->paths[i];
        uint8_t *data;
        size_t len;
        if (corpus_load_dir(&c->corpus, p, limit, CORPUS_SKIP_EMPTY | CORPUS_STRICT, NULL) == 0)
            continue;
        if (errno != ENOTDIR || corpus_read_input(p, &data, &len) != 0) {
            if (errno != EINVAL) /* (EINVAL: corpus_read_input named it already) */
                report_error("cannot read %s: %s\n", p, strerror(errno));
            return FERRET_EXIT_INPUT;
        }
        if (len <= limit)
            corpus_add(&c->corpus, data, len, p, NULL);
        else
            report_error("skipping %s: %zu bytes is over -max_len=%zu\n", p, len, limit);
        free(data);
    }
    /* (an empty file there is ferret's own: an input minimized to nothing) */
    if (c->cachedir && corpus_load_dir(&c->corpus, c->cachedir, limit, 0, NULL) != 0 &&
        errno != ENOENT) {
        report_error("cannot read cache corpus %s: %s\n", c->cachedir, strerror(errno));
        return FERRET_EXIT_INPUT;
    }
    c->start_info.no_corpus = c->corpus.n == 0; /* (start_info() keeps it) */
    if (c->corpus.n == 0 && !c->merging && !corpus_add(&c->corpus, (const uint8_t *)"", 0, NULL, NULL))
        return FERRET_EXIT_INTERNAL;
    return FERRET_EXIT_OK;
}

static void choose_max_len(struct coordinator *c)
{
    size_t m = (size_t)c->o->max_len;
    if (m == 0) {
        m = 4096;
        for (size_t i = 0; i < c->corpus.n; i++)
            if (c->corpus.v[i]->len > m)
                m = c->corpus.v[i]->len;
    }
    c->max_len = m;
}

/* The corpus directory new inputs go to (libFuzzer mode: the first one
 * given, OUT for a merge, or none: then they are kept in memory only). */
static int check_cachedir(const struct coordinator *c)
{
    struct stat st;
    corpus_remove_stale_temps(c->cachedir);
    if (corpus_mkdirs(c->cachedir) != 0 || stat(c->cachedir, &st) != 0 ||
        (!S_ISDIR(st.st_mode) && (errno = ENOTDIR)) || access(c->cachedir, W_OK) != 0) {
        report_error("cannot write to cache directory %s: %s; pass -cachedir=DIR\n",
                c->cachedir, strerror(errno));
        return FERRET_EXIT_WRITE;
    }
    return FERRET_EXIT_OK;
}

/* libFuzzer mode reads and writes only where libFuzzer would: the
 * directories and files on its command line, the artifacts; no seed
 * directory of Go's (testdata/fuzz/<target>), no cache in ~/.cache. */
static int setup_paths_libfuzzer(struct coordinator *c)
{
    c->testdata = NULL;
    if (!c->o->cachedir)
        return FERRET_EXIT_OK;
    c->cachedir = strdup(c->o->cachedir);
    return c->cachedir ? check_cachedir(c) : FERRET_EXIT_INTERNAL;
}

static int setup_paths(struct coordinator *c)
{
    char buf[4096];
    if (c->o->libfuzzer)
        return setup_paths_libfuzzer(c);
    snprintf(buf, sizeof buf, "testdata/fuzz/%s", c->target);
    c->testdata = strdup(buf);
    int typed = select_current() && select_current()->typed; /* <binary>/<Target>, as Go's <pkg>/<Target> */
    c->cachedir = c->o->cachedir ? strdup(c->o->cachedir)
                                 : fuzzcache_dir(c->argv0, typed ? c->target : NULL);
    if (!c->cachedir) {
        report_error("no cache directory: set HOME or XDG_CACHE_HOME, or pass -cachedir=DIR\n");
        return FERRET_EXIT_INPUT;
    }
    corpus_remove_stale_temps(c->testdata);
    return check_cachedir(c);
}

/* -stats_file: opened for appending before anything runs, so a path that
 * cannot be written is an error at once. */
static int setup_stats_file(struct coordinator *c)
{
    if (!c->o->stats_file)
        return FERRET_EXIT_OK;
    if (c->o->stats_interval == 0) {
        report_error("-stats_interval=0: give an interval of 1ms or more (default 10s)\n");
        return FERRET_EXIT_USAGE;
    }
    if (statsfile_open(&c->smp.sf, c->o->stats_file) != 0) {
        report_error("cannot open -stats_file=%s for appending: %s\n", c->o->stats_file,
                     strerror(errno));
        return FERRET_EXIT_WRITE;
    }
    return FERRET_EXIT_OK;
}

static int setup_signals(struct coordinator *c)
{
    sigset_t set;
    sigemptyset(&set);
    /* -handle_int/-handle_term=0: the signal's default action (libFuzzer's
     * flags, 1 by default); SIGUSR1 and SIGUSR2 stop fuzzing as they stop
     * libFuzzer's (-handle_usr1/-handle_usr2), in libFuzzer mode only */
    if (c->o->handle_int)
        sigaddset(&set, SIGINT);
    if (c->o->handle_term)
        sigaddset(&set, SIGTERM);
    if (c->o->libfuzzer && c->o->handle_usr1)
        sigaddset(&set, SIGUSR1);
    if (c->o->libfuzzer && c->o->handle_usr2)
        sigaddset(&set, SIGUSR2);
    sigaddset(&set, SIGCHLD);
    sigprocmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);
    signal(SIGXFSZ, SIG_IGN); /* RLIMIT_FSIZE: a write fails with EFBIG, reported, instead */
    c->sigfd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    return c->sigfd < 0 ? -1 : 0;
}

static int choose_workers(const struct options *o)
{
    long n = o->parallel > 0 ? (long)o->parallel : sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        n = 1;
    if (n > FLAGS_MAX_WORKERS) /* more CPUs than that (-parallel itself is checked) */
        n = FLAGS_MAX_WORKERS;
    if (o->fuzztime.kind == BUDGET_COUNT && o->fuzztime.count && o->fuzztime.count < (uint64_t)n)
        n = (long)o->fuzztime.count; /* no more workers than executions */
    return (int)n;
}

static int setup_workers(struct coordinator *c, char **argv)
{
    int mask_fd;
    if (shm_mask_create(&mask_fd, &c->mask, c->ncounters) != 0)
        return -1;
    c->sup = (struct supervisor){.argv = argv, .mask_fd = mask_fd, .max_len = c->max_len,
                                 .ncounters = c->ncounters, .only_ascii = (int)c->o->only_ascii};
    c->w = calloc((size_t)c->nw, sizeof *c->w);
    c->scratch = malloc(c->max_len ? c->max_len : 1);
    c->diff = malloc(c->ncounters ? c->ncounters : 1);
    c->unstable = calloc(c->ncounters ? c->ncounters : 1, 1);
    if (!c->w || !c->scratch || !c->diff || !c->unstable)
        return -1;
    for (int i = 0; i < c->nw; i++)
        if (sup_worker_init(&c->w[i], i, &c->sup) != 0 || sup_start(&c->w[i], &c->sup) != 0)
            return -1;
    return 0;
}

/* Nothing but running the inputs (-runs=0 over corpus directories): a
 * build without coverage instrumentation can do that (OSS-Fuzz's coverage
 * build, -fprofile-instr-generate -fcoverage-mapping, is run this way). */
static int runs_only(const struct coordinator *c)
{
    return c->o->fuzztime.kind == BUDGET_COUNT && c->o->fuzztime.count == 0 && !c->merging &&
           !c->minimize_path;
}

/* What the first lines say (report_start, then report_ready). */
static void start_info(struct coordinator *c, uint64_t seed)
{
    struct rusage ru;
    struct report_start *s = &c->start_info;
    int no_corpus = s->no_corpus; /* load_corpus() said so */
    *s = (struct report_start){
        .target = c->target, .nworkers = c->nw, .seed = seed, .max_len = c->max_len,
        .corpus_n = c->corpus.n, .ncounters = c->nedges, .cachedir = c->cachedir,
        .fuzzing = !c->merging && !c->minimize_path, .max_len_given = c->o->max_len != 0,
        .corpus_min = c->corpus.n ? SIZE_MAX : 0, .no_corpus = no_corpus};
    for (size_t i = 0; i < c->corpus.n; i++) {
        size_t n = c->corpus.v[i]->len;
        s->corpus_min = n < s->corpus_min ? n : s->corpus_min;
        s->corpus_max = n > s->corpus_max ? n : s->corpus_max;
        s->corpus_bytes += n;
    }
    if (getrusage(RUSAGE_SELF, &ru) == 0)
        s->rss_mb = (uint64_t)ru.ru_maxrss / 1024;
}

static int coordinator_setup(struct coordinator *c, const struct options *o, char **argv)
{
    int rc;
    c->o = o;
    c->argv0 = argv[0];
    c->smp.sf.fd = -1;
    c->target = select_current() ? select_current()->name : corpus_target_name(argv[0]);
    c->ncounters = sancov_total();
    replay_set_custom_mutator(target_has_custom_mutator() ? target_custom_mutate : NULL);
    replay_set_custom_crossover(target_has_custom_crossover() ? target_custom_crossover : NULL);
    c->describe_counter = o->print_pcs ? sancov_describe_counter : NULL;
    c->counter_src = o->exit_on_src_pos ? sancov_counter_src : NULL;
    c->nedges = coverage_edge_counters(sancov_regions(), sancov_region_count());
    c->vp_at = features_vp_region(&c->vp_len);
    c->vp_gated = o->use_value_profile && !o->given[FLAG_ID_use_value_profile];
    c->timeout_ns = o->timeout ? o->timeout : 10 * SEC_NS; /* auto: 10 s until calibrated */
    /* A merge runs inputs only too: OSS-Fuzz's coverage job runs -merge=1
     * (crashing inputs skipped); with no counters nothing is kept. */
    if (c->nedges == 0 && !runs_only(c) && !c->merging) { /* the feature maps are always there */
        report_error("%s has no coverage instrumentation; build it with -fsanitize=fuzzer-no-link\n",
                argv[0]);
        return FERRET_EXIT_USAGE;
    }
    if ((rc = setup_stats_file(c)) != FERRET_EXIT_OK || (rc = setup_paths(c)) != FERRET_EXIT_OK ||
        (rc = load_corpus(c)) != FERRET_EXIT_OK ||
        (rc = words_load(c)) != FERRET_EXIT_OK)
        return rc;
    choose_max_len(c);
    c->nw = choose_workers(o);
    c->base_features = calloc(c->corpus.n + 1, sizeof *c->base_features);
    c->base_nfeatures = calloc(c->corpus.n + 1, sizeof *c->base_nfeatures);
    if (!c->base_features || !c->base_nfeatures || sched_init(&c->sched, c->ncounters) != 0)
        return FERRET_EXIT_INTERNAL;
    if (c->merging && (rc = merge_prepare(c)) != FERRET_EXIT_OK)
        return rc;
    uint64_t seed = o->seed ? o->seed : (engine_now_ns() ^ ((uint64_t)getpid() << 32));
    c->rng.s = seed;
    start_info(c, seed);
    report_start(&c->start_info);
    if (setup_signals(c) != 0 || setup_workers(c, argv) != 0) {
        report_error("cannot set up workers: %s\n", strerror(errno));
        return FERRET_EXIT_INTERNAL;
    }
    crash_oom_baseline(c);
    sync_init(c);
    sample_begin(c, seed);
    stats_start(&c->stats, engine_now_ns(), c->merging ? REPORT_OP_MERGE : REPORT_OP_BASELINE,
                c->base_done);
    stats_baseline(&c->stats, engine_now_ns(), c->base_done, c->corpus.n, PROGRESS_NOW);
    return FERRET_EXIT_OK;
}

/* Corpus entries (not retired) having a feature of counter k: those that
 * entered the function whose entry counter k is. */
static uint64_t entries_entering(const struct coordinator *c, size_t k)
{
    uint64_t n = 0;
    for (size_t i = 0; i < c->sched.n && i < c->corpus.n; i++) {
        const struct sched_entry *s = &c->sched.e[i];
        if (c->corpus.v[i]->retired)
            continue;
        size_t lo = 0, hi = s->nfeatures; /* the first feature >= k * 8 */
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (s->features[mid] < k * 8)
                lo = mid + 1;
            else
                hi = mid;
        }
        n += lo < s->nfeatures && s->features[lo] < k * 8 + 8;
    }
    return n;
}

/* One function's line: counters first..end-1, first its entry. */
static void report_function(const struct coordinator *c, size_t first, size_t end, uintptr_t pc)
{
    char name[512], file[1024], line[32], where[1100];
    struct report_func f = {.name = name, .file = file, .line = line, .edges = end - first};
    if (sancov_symbolize(pc, "%F", name, sizeof name) != 0) {
        snprintf(name, sizeof name, "%p", (void *)pc);
        snprintf(file, sizeof file, "?");
        snprintf(line, sizeof line, "0");
    } else {
        if (!strncmp(name, "in ", 3))
            memmove(name, name + 3, strlen(name + 3) + 1);
        sancov_symbolize(pc, "%s", file, sizeof file);
        sancov_symbolize(pc, "%l", line, sizeof line);
    }
    for (size_t i = first; i < end; i++)
        f.covered += c->mask[i] != 0;
    f.hits = f.covered ? entries_entering(c, first) : 0;
    report_coverage(&f, NULL);
    for (size_t i = first; f.covered && i < end; i++) {
        uintptr_t upc;
        int entry;
        if (c->mask[i] || sancov_counter_pc(i, &upc, &entry) != 0)
            continue;
        if (sancov_symbolize(upc, "%s:%l", where, sizeof where) != 0)
            snprintf(where, sizeof where, "%p", (void *)upc);
        report_coverage(NULL, where);
    }
}

/* libFuzzer's -print_coverage at exit: each instrumented function (from the
 * pc-tables' function entries), how many of its edges the run covered and
 * how many corpus inputs enter it, and each uncovered PC of a covered one. */
static void print_coverage(const struct coordinator *c)
{
    size_t first = 0;
    uintptr_t first_pc = 0, pc;
    int have = 0, entry;
    report_coverage(NULL, NULL);
    for (size_t i = 0; i <= c->ncounters; i++) {
        int known = i < c->ncounters && sancov_counter_pc(i, &pc, &entry) == 0;
        if (have && (!known || entry)) { /* the function that began at first ends here */
            report_function(c, first, i, first_pc);
            have = 0;
        }
        if (known && entry) {
            first = i;
            first_pc = pc;
            have = 1;
        }
    }
}

/* The closing lines (libFuzzer's "Done N runs" and stat:: lines). */
static void final_stats(struct coordinator *c)
{
    report_final_stats(&(struct report_final){
        .elapsed_ns = engine_now_ns() - c->stats.start_ns, .execs = live_execs(c),
        .new_units = c->new_interesting, .slowest_ns = c->slowest_ns,
        .peak_rss_mb = c->peak_rss_mb, .print_final_stats = c->o->print_final_stats});
    if (c->o->print_coverage && !c->merging && !c->minimize_only)
        print_coverage(c);
    if (!c->o->print_corpus_stats)
        return;
    for (size_t i = 0, k = 0; i < c->corpus.n; i++) { /* the corpus as it is now: no retired entry */
        const struct entry *e = c->corpus.v[i];
        if (e->retired)
            continue;
        const struct sched_entry *s = i < c->sched.n ? &c->sched.e[i] : NULL;
        report_corpus_stat(&(struct report_corpus_stat){.index = k++, .name = e->name, .len = e->len,
            .execs = s ? s->execs : 0, .finds = s ? s->succ : 0});
    }
}

/* -cleanse_crash: how many bytes were replaced (the input and its cleansed
 * form have one length). */
static void say_cleansed(const struct coordinator *c)
{
    const struct finding *f = c->fd.v[0];
    const struct entry *e = c->minimize_only;
    size_t n = 0;
    for (size_t i = 0; e && f->len == e->len && i < f->len; i++)
        n += f->data[i] != e->data[i];
    say("INFO: ferret: -cleanse_crash: %zu of %zu bytes replaced, written to %s\n", n, f->len,
        f->path);
}

enum run_kind { RUN_FUZZ, RUN_MERGE, RUN_MINIMIZE, RUN_CLEANSE };

/* -report=DIR belongs to a fuzzing run (not -merge, -minimize_crash or
 * -cleanse_crash); DIR is created now, so a bad one fails before the run,
 * not after it. */
static int report_dir_ready(const struct options *o, enum run_kind kind)
{
    static const char *const driver[] = {"", "-merge", "-minimize_crash", "-cleanse_crash"};
    if (!o->report)
        return FERRET_EXIT_OK;
    if (kind != RUN_FUZZ) {
        report_error("-report=%s: a findings report is made by a fuzzing run or over findings "
                     "files, not by %s\n", o->report, driver[kind]);
        return FERRET_EXIT_USAGE;
    }
    if (corpus_mkdirs(o->report) != 0) {
        report_error("cannot create the findings report directory %s: %s\n", o->report,
                     strerror(errno));
        return FERRET_EXIT_WRITE;
    }
    return FERRET_EXIT_OK;
}

/* The exit code of a run: a finding written wins over what went wrong
 * after it (a coverage report not written too). */
static int run_exit_code(struct coordinator *c, const char *minimize_path)
{
    if (minimize_path && c->fd.n == 0) {
        say("ERROR: the input %s did not crash\n", minimize_path);
        return (int)c->o->error_exitcode;
    }
    if (minimize_path && c->fd.v[0]->path && crash_exit_code(c) != FERRET_EXIT_WRITE) {
        if (c->cleansing)
            say_cleansed(c);
        return FERRET_EXIT_OK; /* as libFuzzer: minimized (cleansed) and written */
    }
    return crash_exit_code(c);
}

static int run(const struct options *o, char **argv, const char *minimize_path, enum run_kind kind)
{
    runtime_disable_exit_leak_check();
    static struct coordinator c; /* reachable for LeakSanitizer, if it ever looked */
    static char symbolizer[4096];
    memset(&c, 0, sizeof c);
    c.minimize_path = minimize_path;
    c.merging = kind == RUN_MERGE;
    c.cleansing = kind == RUN_CLEANSE;
    int rc = report_dir_ready(o, kind);
    if (rc == FERRET_EXIT_OK && o->coverage_report) /* before anything runs: the report can be made */
        rc = covreport_check(o->coverage_report, argv[0], symbolizer, sizeof symbolizer);
    if (rc == FERRET_EXIT_OK)
        rc = coordinator_setup(&c, o, argv);
    if (rc != FERRET_EXIT_OK) {
        if (c.w)
            coordinator_stop_now(&c); /* the workers already started end */
        return rc;
    }
    coordinator_loop(&c);
    save_words(&c);
    crash_finish_all(&c);
    if (o->report)
        crash_write_report(&c);
    sample_final(&c);
    final_stats(&c);
    sample_end(&c);
    rc = run_exit_code(&c, minimize_path);
    if (o->coverage_report) {
        int crc = covreport_write(o->coverage_report, symbolizer, c.target, c.mask, c.ncounters,
                                  NULL);
        if (rc == FERRET_EXIT_OK)
            rc = crc;
    }
    return rc;
}

int coordinator_run(const struct options *o, int argc, char **argv)
{
    (void)argc;
    return run(o, argv, NULL, RUN_FUZZ);
}

/* -clean_fuzzcache: the binary's cache corpus (every target's), or
 * -cachedir's, loses the files ferret wrote there. */
int fuzz_clean_cache(const struct options *o, char **argv)
{
    if (o->report) {
        report_error("-report=%s: -clean_fuzzcache finds nothing to report; give one or the other\n",
                     o->report);
        return FERRET_EXIT_USAGE;
    }
    char *dir = o->cachedir ? strdup(o->cachedir) : fuzzcache_dir(argv[0], NULL);
    size_t removed, kept;
    if (!dir) {
        report_error("no cache directory: set HOME or XDG_CACHE_HOME, or pass -cachedir=DIR\n");
        return FERRET_EXIT_INPUT;
    }
    int rc = fuzzcache_clean(dir, &removed, &kept);
    if (rc != 0)
        report_error("cannot clean the cache directory %s: %s\n", dir, strerror(errno));
    else
        report_cache_cleaned(dir, removed, kept);
    free(dir);
    return rc != 0 ? FERRET_EXIT_WRITE : FERRET_EXIT_OK;
}

/* -coverage_report=DIR without fuzzing: the inputs a fuzzing run would
 * start from (Go mode: the seeds, testdata/fuzz/<target>, the paths given,
 * the cache corpus; libFuzzer's files: those files alone) run once, as
 * -runs=0 does, then the report. */
int fuzz_coverage_report(const struct options *o, char **argv)
{
    struct options t = *o;
    char tmp[] = "/tmp/ferret-coverage-XXXXXX";
    t.fuzz = "";
    t.fuzztime = (struct budget){.kind = BUDGET_COUNT, .count = 0};
    if (o->libfuzzer) {
        if (!mkdtemp(tmp)) {
            report_error("cannot create a temporary directory: %s\n", strerror(errno));
            return FERRET_EXIT_WRITE;
        }
        t.cachedir = tmp; /* libFuzzer's files alone: no cache corpus */
    }
    int rc = run(&t, argv, NULL, RUN_FUZZ);
    if (o->libfuzzer)
        rmdir(tmp);
    return rc;
}

int coordinator_merge(const struct options *o, char **argv)
{
    return run(o, argv, NULL, RUN_MERGE);
}

/* One worker, one input, no fuzzing: -minimize_crash and -cleanse_crash,
 * within -runs tries or -max_total_time seconds if given (else dflt). */
static struct options one_input_options(const struct options *o, struct budget dflt)
{
    struct options t = *o;
    t.fuzz = "";
    t.parallel = 1;
    t.keep_going = 0;
    t.ignore_crashes = 0;
    t.fuzztime = (struct budget){.kind = BUDGET_COUNT, .count = 0};
    t.fuzzminimizetime = dflt;
    if (o->runs > 0)
        t.fuzzminimizetime = (struct budget){.kind = BUDGET_COUNT, .count = (uint64_t)o->runs};
    else if (o->max_total_time > 0)
        t.fuzzminimizetime = (struct budget){.kind = BUDGET_TIME,
                                             .ns = (uint64_t)o->max_total_time * SEC_NS};
    t.cachedir = NULL; /* nothing is kept while minimizing */
    return t;
}

/* -minimize_crash=1 FILE: the file must fail; it is then minimized within
 * -runs tries or -max_total_time seconds (-fuzzminimizetime, 60 s, by
 * default) and written as <artifact_prefix>minimized-from-<sha1> or
 * -exact_artifact_path. */
int coordinator_minimize(const struct options *o, int argc, char **argv)
{
    (void)argc;
    struct options t = one_input_options(o, o->fuzzminimizetime);
    return run(&t, argv, o->paths[0], RUN_MINIMIZE);
}

/* -cleanse_crash=1 -exact_artifact_path=OUT FILE: the file must crash; the
 * bytes that do not matter are replaced while it crashes the same way (same
 * kind, same stack signature: cleanse.c, crash.c) and the result is written
 * to OUT.  Without -runs or -max_total_time it ends by itself: at most
 * CLEANSE_PASSES passes of two tries per byte.  A hang, a leak or an RSS
 * limit is written unchanged (each try would cost the full limit). */
int coordinator_cleanse(const struct options *o, char **argv)
{
    struct options t = one_input_options(o, (struct budget){.kind = BUDGET_COUNT, .count = UINT64_MAX});
    return run(&t, argv, o->paths[0], RUN_CLEANSE);
}
