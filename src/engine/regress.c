/*
 * regress.c - regression mode: without -fuzz the binary replays its seed
 * corpus (testdata/fuzz/<target>/) and any files or directories named on the
 * command line, in-process, once each, and exits 0 if all pass.  libFuzzer's
 * reproduce mode (files only: ./t -runs=100 crash-1234) is this too, each
 * file run -runs times.
 *
 * Every target of the binary is replayed (-run=Target/entry narrows it, as
 * go test's -run does): a typed target's seeds from code (seed#0...), then
 * testdata/fuzz/<target>/.  A typed target's failure (ferret_fail) is
 * printed as --- FAIL: Target/entry and the replay goes on; the exit code is
 * then 1.  A crash kills the process as it would under any test runner; the
 * runtime's crash reporting (target.c) names the input first, so the user
 * knows which file or entry to look at.
 *
 * The replay runs in a child process watched by its parent (replay_guard.h),
 * so that it also fails when the target ends the process with status 0 in
 * the middle of an input, and ends when an input hangs: each execution has a
 * timeout, -timeout or by default the fuzzing rule's ceiling, 10 s
 * (libFuzzer mode: libFuzzer's default, 1200 s), reported by the child's
 * SIGALRM with the target's stack, or by the parent, which kills the child
 * REPLAY_GRACE_NS later.  Under a debugger nothing is forked, and there is
 * no default timeout.
 *
 * Owns: no file-scope state.  In the regression run (the child the parent
 * watches; the one process under a debugger): each target's corpus (on its
 * stack, freed after that target), which target is current (select_use),
 * and the runtime's settings for replaying: crash reporting, exit() as
 * failure, the malloc limit, the per-input timeout, the name of the running
 * input (target_set_context), the words of the runtime's own reports
 * (runtime_set_words) and its dying hook (replay_guard_named).  The fork
 * and the parent's watch are replay_guard.c's.  regress_setup_runtime makes
 * the same settings for findings_dir.c's replay of one file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "report.h"
#include "corpus.h"
#include "engine.h"
#include "registry.h"
#include "replay_guard.h"
#include "runtime.h"
#include "select.h"

/* -rss_limit_mb holds here too: an input whose run took the process past
 * it fails, as it did while fuzzing.  (While it runs, the parent watches
 * the same limit: replay_guard.c.) */
static void check_rss(const struct options *o, const char *ctx) FERRET_FRAME(check_rss);
static void check_rss(const struct options *o, const char *ctx)
{
    struct rusage ru;
    if (o->rss_limit_mb <= 0 || getrusage(RUSAGE_SELF, &ru) != 0)
        return;
    if ((long long)(ru.ru_maxrss / 1024) > o->rss_limit_mb) {
        report_replay_oom(&(struct report_replay){
            .ctx = ctx, .used_mb = ru.ru_maxrss / 1024, .limit_mb = o->rss_limit_mb,
            .pid = (int)getpid()});
        if (o->libfuzzer)
            _exit(REPLAY_LF_OOM_EXIT);
        _exit(1);
    }
}

static int load_path(struct corpus *c, const char *p)
{
    uint8_t *data;
    size_t len;
    if (corpus_load_dir(c, p, 0, CORPUS_STRICT, NULL) == 0)
        return 0;
    if (errno == EINVAL) /* a typed corpus file that does not decode: named already */
        return -1;
    if (errno != ENOTDIR || corpus_read_input(p, &data, &len) != 0) {
        if (errno != EINVAL)
            report_error("cannot read %s: %s\n", p, strerror(errno));
        return -1;
    }
    /* Named files run even when their content repeats another's. */
    struct entry *e = corpus_append(c, data, len, p);
    free(data);
    if (!e)
        return -1;
    return 0;
}

/* A typed target's seeds from code, named seed#0, seed#1... as Go names them. */
static int load_code_seeds(struct corpus *c, const struct fuzz_target *t)
{
    struct registry_encoded *e;
    size_t n;
    char err[512], name[32];
    if (!t->typed)
        return 0;
    if (registry_seeds(t->typed, &e, &n, err, sizeof err) != 0) {
        report_error("%s\n", err);
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        snprintf(name, sizeof name, "seed#%zu", i);
        if (rc == 0 && !corpus_append(c, e[i].data, e[i].len, name))
            rc = -1;
        free(e[i].data);
    }
    free(e);
    return rc;
}

/* The seeds of t: code, testdata/fuzz/<name>/, and (for the target the
 * command line is about) the paths given.  0, or an exit code. */
static int load_target(const struct options *o, struct corpus *c, const struct fuzz_target *t,
                       int with_paths)
{
    char seeds[4096];
    snprintf(seeds, sizeof seeds, "testdata/fuzz/%s", t->name);
    if (!o->libfuzzer && load_code_seeds(c, t) != 0)
        return FERRET_EXIT_USAGE;
    if (!o->libfuzzer && corpus_load_dir(c, seeds, 0, CORPUS_STRICT, NULL) != 0 && errno != ENOENT) {
        if (errno != EINVAL)
            report_error("cannot read seed corpus %s: %s\n", seeds, strerror(errno));
        return FERRET_EXIT_INPUT;
    }
    for (int i = 0; with_paths && i < o->npaths; i++)
        if (load_path(c, o->paths[i]) != 0)
            return FERRET_EXIT_INPUT;
    return FERRET_EXIT_OK;
}

static const char *entry_name(const struct entry *e)
{
    const char *slash = e->path ? strrchr(e->path, '/') : NULL;
    return slash ? slash + 1 : e->path ? e->path : e->name;
}

/* Runs the entries of c whose names match entry_re; returns how many
 * failed a typed target's check (a crash ends the process). */
static size_t replay_target(const struct options *o, const struct fuzz_target *t, struct corpus *c,
                            const char *entry_re, size_t *ran) FERRET_FRAME(replay_target);
static size_t replay_target(const struct options *o, const struct fuzz_target *t, struct corpus *c,
                            const char *entry_re, size_t *ran)
{
    size_t failures = 0;
    char ctx[4200], err[256];
    long long times = o->libfuzzer && o->runs > 0 ? o->runs : 1;
    for (size_t i = 0; i < c->n; i++) {
        struct entry *e = c->v[i];
        if (select_run_entry(entry_re, entry_name(e), err, sizeof err) != 1)
            continue;
        if (t->typed)
            snprintf(ctx, sizeof ctx, "%s/%s", t->name, entry_name(e));
        else
            snprintf(ctx, sizeof ctx, "%s", e->path ? e->path : e->name);
        target_set_context(ctx);
        replay_guard_input(ctx);
        report_replay_running(&(struct report_replay){.ctx = ctx});
        uint64_t t0 = engine_now_ns();
        for (long long k = 0; k < times; k++) {
            replay_guard_exec_begin();
            target_run(e->data, e->len);
            replay_guard_exec_end();
        }
        check_rss(o, ctx);
        report_replay_executed(&(struct report_replay){.ctx = ctx, .elapsed_ns = engine_now_ns() - t0});
        target_set_context(NULL);
        (*ran)++;
        if (t->typed && registry_failed()) {
            size_t mlen;
            const char *msg = registry_message(&mlen);
            report_replay_failed(&(struct report_replay){.ctx = ctx, .message = msg, .message_len = mlen});
            failures++;
        }
    }
    return failures;
}

/* The runtime's own reports in the run's dialect; libFuzzer's command line
 * exits as libFuzzer's reproduce mode does: -timeout_exitcode for a
 * timeout, -error_exitcode for exit() from the target, 71 for a malloc
 * over the limit. */
static void set_words(const struct options *o, uint64_t timeout_ns)
{
    struct runtime_words w = {.timeout_exit = -1, .exit_exit = -1, .oom_exit = -1};
    report_runtime_words(&w, timeout_ns);
    if (o->libfuzzer) {
        w.timeout_exit = (int)o->timeout_exitcode;
        w.exit_exit = (int)o->error_exitcode;
        w.oom_exit = REPLAY_LF_OOM_EXIT;
    }
    runtime_set_words(&w);
}

static void setup_runtime(const struct options *o, uint64_t timeout_ns, int *argc, char ***argv)
    FERRET_FRAME(setup_runtime);
static void setup_runtime(const struct options *o, uint64_t timeout_ns, int *argc, char ***argv)
{
    set_words(o, timeout_ns);
    target_install_crash_reporting();
    target_set_dying_hook(replay_guard_named); /* its report names the input: the watch need not */
    target_set_exit_is_failure(1);
    memory_init((size_t)((o->malloc_limit_mb ? o->malloc_limit_mb : o->rss_limit_mb) << 20), NULL);
    if (timeout_ns)
        target_set_timeout(timeout_ns);
    target_init(argc, argv);
}

void regress_setup_runtime(const struct options *o, uint64_t timeout_ns, int *argc, char ***argv)
{
    setup_runtime(o, timeout_ns, argc, argv);
}

/* The per-execution timeout: -timeout; by default the fuzzing rule's
 * ceiling (10 s), or libFuzzer's default (1200 s) on its command line.
 * Under a debugger, only an explicit -timeout (a breakpoint is no hang). */
#define SEC_NS 1000000000ULL
static uint64_t replay_timeout(const struct options *o, int traced)
{
    if (o->timeout)
        return o->timeout;
    if (traced)
        return 0;
    return o->libfuzzer ? 1200 * SEC_NS : 10 * SEC_NS;
}

/* -run=T/E: T and E (E NULL: every entry). */
static char *split_run(const char *run, const char **entry_re)
{
    char *t = strdup(run ? run : "");
    char *slash = t ? strchr(t, '/') : NULL;
    *entry_re = NULL;
    if (slash) {
        *slash = 0;
        *entry_re = slash + 1;
    }
    return t;
}

/* One target: replays its seeds, prints ok or the failures. */
static int regress_target(const struct options *o, const struct fuzz_target *t, const char *entry_re,
                          int with_paths, size_t *failures) FERRET_FRAME(regress_target);
static int regress_target(const struct options *o, const struct fuzz_target *t, const char *entry_re,
                          int with_paths, size_t *failures)
{
    struct corpus c = {0};
    size_t ran = 0;
    select_use(t);
    int rc = load_target(o, &c, t, with_paths);
    if (rc == FERRET_EXIT_OK) {
        size_t failed = replay_target(o, t, &c, entry_re, &ran);
        *failures += failed;
        report_replay_target_done(t->name, failed, ran);
    }
    corpus_free(&c);
    return rc;
}

/* The replay itself (in the supervised child). */
static int replay_all(const struct options *o, uint64_t timeout_ns, int argc, char **argv)
    FERRET_FRAME(replay_all);
static int replay_all(const struct options *o, uint64_t timeout_ns, int argc, char **argv)
{
    struct fuzz_target *v;
    size_t n, failures = 0, matched = 0;
    const char *entry_re;
    char err[512];
    int rc = FERRET_EXIT_OK;
    if (select_list(argv[0], &v, &n, err, sizeof err) != 0) {
        report_error("%s\n", err);
        return FERRET_EXIT_USAGE;
    }
    char *target_re = split_run(o->run, &entry_re);
    if (!target_re) {
        free(v);
        return FERRET_EXIT_INTERNAL;
    }
    setup_runtime(o, timeout_ns, &argc, &argv);
    for (size_t i = 0; i < n && rc == FERRET_EXIT_OK; i++) {
        const struct fuzz_target *t = o->libfuzzer && select_current() ? select_current() : &v[i];
        int m = select_run_target(target_re, t->name, err, sizeof err);
        if (m < 0) {
            report_error("-run: %s\n", err);
            rc = FERRET_EXIT_USAGE;
            break;
        }
        if (!m)
            continue;
        /* Paths on the command line belong to the one target replayed. */
        rc = regress_target(o, t, entry_re, matched++ == 0, &failures);
        if (o->libfuzzer)
            break;
    }
    free(target_re);
    free(v);
    if (rc == FERRET_EXIT_OK && matched == 0)
        report_warning("-run=%s matches no fuzz target\n", o->run ? o->run : "");
    report_replay_done(rc == FERRET_EXIT_OK && failures);
    if (rc == FERRET_EXIT_OK && failures)
        rc = FERRET_EXIT_FINDING;
    return rc;
}


uint64_t regress_timeout(const struct options *o)
{
    return replay_timeout(o, replay_guard_traced());
}

int regress_run(const struct options *o, int argc, char **argv)
{
    if (o->report) { /* Go's command line sends -report without -fuzz to findings_dir.c */
        report_error("-report=%s: a findings report is made by ferret's command line (-fuzz, "
                     "or over findings files), not by libFuzzer's reproduce mode (%s)\n",
                     o->report, o->lf_arg ? o->lf_arg : "FERRET_LIBFUZZER=1");
        return FERRET_EXIT_USAGE;
    }
    int traced = replay_guard_traced();
    uint64_t timeout_ns = replay_timeout(o, traced);
    if (!traced) {
        struct replay_guard_opts g = {
            .timeout_ns = timeout_ns,
            .rss_limit_mb = o->rss_limit_mb,
            .libfuzzer = o->libfuzzer,
            .error_exitcode = (int)o->error_exitcode,
            .timeout_exitcode = (int)o->timeout_exitcode,
        };
        int code;
        int r = replay_guard_start(&g, &code);
        if (r < 0) {
            report_error("cannot start the regression run: %s\n", strerror(errno));
            return FERRET_EXIT_INTERNAL;
        }
        if (r > 0) { /* the parent: the child has ended, and this is the verdict */
            runtime_disable_exit_leak_check(); /* the target never ran here */
            return code;
        }
    }
    int rc = replay_all(o, timeout_ns, argc, argv);
    replay_guard_done();
    return rc;
}
