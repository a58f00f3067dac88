/*
 * findings_dir.c - -report=DIR without -fuzz: the findings report over
 * findings files (a Go-style testdata/fuzz/<target>/, a libFuzzer artifact
 * directory of crash-* files, any files named), grouped into distinct
 * findings by stack signature.
 *
 *   each file (directories: their regular, non-hidden files, sorted)
 *     --> replayed alone, in a process of its own (fork):
 *           top ---- pipe (stderr) ----+
 *            `-- middle: replay_guard_start (the regression run's watch:
 *                  timeout, -rss_limit_mb, exit 0 mid-input), then _exits
 *                  with its verdict (MID_*), or dies by the child's signal
 *                  `-- replay: the runtime set up as the regression run's,
 *                        the target run once on the file; a typed target's
 *                        failure written to a second pipe (where, what)
 *     --> kind: the verdict (timeout, out-of-memory: over -rss_limit_mb,
 *         or malloc over -malloc_limit_mb, which the replay ends with
 *         FD_OOM_EXIT), a typed failure, a LeakSanitizer report, else a
 *         crash; signature: finding_signature of what it printed, as the
 *         fuzzing run computes it ("failure at file.c:12" for a typed
 *         failure), so the same bug groups the same way in both
 *     --> one finding per signature: hits = its files, first seen = the
 *         oldest file's mtime, the reproducer = the smallest file (the
 *         first in order when sizes tie), the summary = its report's
 *         SUMMARY line; files that pass are counted, not listed
 *     --> findings_report_write(DIR), one line through the reporter.
 *
 * Every function on the replay's stack is a FERRET_FRAME (fuzzer::ferret::),
 * so the signature holds the target's frames only, as a worker's does.
 *
 * The parent never runs the target (nor LLVMFuzzerInitialize): every file
 * gets a fresh process, so one file's state cannot change another's verdict.
 * Exit: 0 with the report written, whatever it holds; 2 no single target
 * (-run picks one); 3 a file or directory that cannot be read (the others
 * are still reported); 4 the report cannot be written; 6 fork/pipe failed.
 *
 * Owns: the files' list and the groups, for one call of findings_dir_main.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "corpus.h"
#include "engine.h"
#include "finding.h"
#include "findings_report.h"
#include "registry.h"
#include "replay_guard.h"
#include "report.h"
#include "runtime.h"
#include "select.h"

#define FD_OOM_EXIT REPLAY_LF_OOM_EXIT /* the replay's exit code for an out-of-memory */
#define LOG_MAX (4u << 20)             /* what is kept of one replay's output */
#define SUMMARY_MAX 1024
#define RERUN_MAX 17200
#define FAIL_MAX 8192                  /* a typed failure's place and message, as told */

/* The middle process's exit codes. */
enum { MID_PASSED = 0, MID_TIMEOUT = 10, MID_OOM = 11, MID_FAILED = 12, MID_ERROR = 13 };

struct dir_file {
    char *path;
    int64_t mtime;
};

/* One distinct finding. */
struct group {
    enum finding_kind kind;
    char sig[FINDING_SIG_MAX];
    uint64_t hits;
    int64_t first_seen;
    const char *path;           /* the smallest file (a dir_file's) */
    size_t len;
    char summary[SUMMARY_MAX];
};

/* One replay's verdict. */
struct verdict {
    int failed;
    enum finding_kind kind;
    char sig[FINDING_SIG_MAX];
    char summary[SUMMARY_MAX];
};

/* ---- the replay (grandchild) and its watch (middle) ------------------------- */

/* -rss_limit_mb after the input, as the regression run checks it. */
static void check_rss(const struct options *o, const char *name)
{
    struct rusage ru;
    if (o->rss_limit_mb <= 0 || getrusage(RUSAGE_SELF, &ru) != 0 ||
        (long long)(ru.ru_maxrss / 1024) <= o->rss_limit_mb)
        return;
    report_replay_oom(&(struct report_replay){
        .ctx = name, .used_mb = ru.ru_maxrss / 1024, .limit_mb = o->rss_limit_mb,
        .pid = (int)getpid()});
    _exit(FD_OOM_EXIT);
}

/* A typed target's failure: where (the signature's), a newline, its message. */
static void tell_failure(int vfd)
{
    size_t mlen;
    char buf[FAIL_MAX];
    const char *msg = registry_message(&mlen);
    int n = snprintf(buf, sizeof buf, "%s\n%.*s", registry_fail_at(), (int)(msg ? mlen : 0),
                     msg ? msg : "");
    if (n > 0)
        (void)!write(vfd, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

static void replay(const struct options *o, uint64_t timeout_ns, int argc, char **argv,
                   const char *name, const uint8_t *data, size_t len, int vfd)
    FERRET_FRAME(findings_replay);
static void replay(const struct options *o, uint64_t timeout_ns, int argc, char **argv,
                   const char *name, const uint8_t *data, size_t len, int vfd)
{
    regress_setup_runtime(o, timeout_ns, &argc, &argv);
    struct runtime_words w = *runtime_get_words();
    w.oom_exit = FD_OOM_EXIT; /* a malloc over -malloc_limit_mb, told apart from a crash */
    runtime_set_words(&w);
    target_set_context(name);
    replay_guard_input(name);
    replay_guard_exec_begin();
    target_run(data, len);
    replay_guard_exec_end();
    check_rss(o, name);
    if (registry_failed()) {
        size_t mlen;
        const char *msg = registry_message(&mlen);
        tell_failure(vfd);
        report_replay_failed(&(struct report_replay){.ctx = name, .message = msg, .message_len = mlen});
        replay_guard_done();
        exit(1);
    }
    replay_guard_done();
    exit(0); /* a leak check at exit may still fail it */
}

static int middle(const struct options *o, uint64_t timeout_ns, int argc, char **argv,
                  const char *name, const uint8_t *data, size_t len, int vfd)
    FERRET_FRAME(findings_middle);
static int middle(const struct options *o, uint64_t timeout_ns, int argc, char **argv,
                  const char *name, const uint8_t *data, size_t len, int vfd)
{
    struct replay_guard_opts g = {.timeout_ns = timeout_ns, .rss_limit_mb = o->rss_limit_mb};
    int code;
    int r = replay_guard_start(&g, &code);
    if (r < 0)
        return MID_ERROR;
    if (r == 0)
        replay(o, timeout_ns, argc, argv, name, data, len, vfd); /* does not return */
    switch (replay_guard_verdict()) {
    case REPLAY_PASSED:  return MID_PASSED;
    case REPLAY_TIMEOUT: return MID_TIMEOUT;
    case REPLAY_OOM:     return MID_OOM;
    default:             return code == FD_OOM_EXIT ? MID_OOM : MID_FAILED;
    }
}

/* ---- the top: one file's verdict ---------------------------------------------- */

/* Everything from fd until EOF, the first LOG_MAX bytes kept. */
static char *read_all(int fd, size_t *len)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap + 1), chunk[65536];
    for (;;) {
        ssize_t r = read(fd, chunk, sizeof chunk);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        size_t take = n + (size_t)r > LOG_MAX ? LOG_MAX - n : (size_t)r;
        if (buf && n + take > cap) {
            char *b = realloc(buf, (cap = (n + take) * 2) + 1);
            if (!b)
                free(buf);
            buf = b;
        }
        if (buf && take) {
            memcpy(buf + n, chunk, take);
            n += take;
        }
    }
    if (buf)
        buf[n] = 0;
    *len = buf ? n : 0;
    return buf;
}

static void judge(int status, const char *log, size_t len, const char *fail, struct verdict *v)
{
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    v->failed = !(WIFEXITED(status) && code == MID_PASSED);
    if (!v->failed)
        return;
    const char *nl = strchr(fail, '\n');
    if (code == MID_FAILED && nl) { /* a typed target's failure: named by where */
        v->kind = FINDING_FAIL;
        snprintf(v->sig, sizeof v->sig, "failure at %.*s", (int)(nl - fail), fail);
        finding_failure_summary(nl + 1, strlen(nl + 1), v->sig + strlen("failure at "), v->summary,
                                sizeof v->summary);
        return;
    }
    v->kind = code == MID_TIMEOUT ? FINDING_HANG
            : code == MID_OOM     ? FINDING_OOM
            : log && memmem(log, len, "ERROR: LeakSanitizer:", 21) ? FINDING_LEAK
            : FINDING_CRASH;
    finding_signature(log, log ? len : 0, v->kind, v->sig, sizeof v->sig);
    finding_summary(log, log ? len : 0, v->summary, sizeof v->summary);
}

static int replay_file(const struct options *o, uint64_t timeout_ns, int argc, char **argv,
                       const char *name, const uint8_t *data, size_t len, struct verdict *v)
    FERRET_FRAME(findings_replay_file);
static int replay_file(const struct options *o, uint64_t timeout_ns, int argc, char **argv,
                       const char *name, const uint8_t *data, size_t len, struct verdict *v)
{
    int lp[2], vp[2], status = 0;
    char fail[FAIL_MAX];
    if (pipe2(lp, O_CLOEXEC) != 0)
        return -1;
    if (pipe2(vp, O_CLOEXEC) != 0) {
        close(lp[0]);
        close(lp[1]);
        return -1;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);
        close(lp[0]);
        close(vp[0]);
        if (dup2(lp[1], 2) < 0 || null < 0 || dup2(null, 1) < 0 || dup2(null, 0) < 0)
            _exit(MID_ERROR);
        _exit(middle(o, timeout_ns, argc, argv, name, data, len, vp[1]));
    }
    close(lp[1]);
    close(vp[1]);
    size_t loglen = 0, n = 0;
    char *log = pid > 0 ? read_all(lp[0], &loglen) : NULL;
    while (pid > 0 && n + 1 < sizeof fail) {
        ssize_t r = read(vp[0], fail + n, sizeof fail - 1 - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    fail[n] = 0;
    close(lp[0]);
    close(vp[0]);
    while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    int ok = pid > 0 && !(WIFEXITED(status) && WEXITSTATUS(status) == MID_ERROR);
    if (ok)
        judge(status, log, loglen, fail, v);
    free(log);
    if (!ok)
        errno = pid < 0 ? errno : ECHILD;
    return ok ? 0 : -1;
}

/* ---- the files ---------------------------------------------------------------- */

static int add_file(struct dir_file **v, size_t *n, const char *path, const struct stat *st)
{
    struct dir_file *nv = realloc(*v, (*n + 1) * sizeof *nv);
    if (!nv)
        return -1;
    *v = nv;
    if (!(nv[*n].path = strdup(path)))
        return -1;
    nv[(*n)++].mtime = (int64_t)st->st_mtime;
    return 0;
}

static int visible(const struct dirent *de) { return de->d_name[0] != '.'; }

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name); /* byte order: the same in every locale */
}

/* The regular, non-hidden files of dir, sorted by name. */
static int add_dir(struct dir_file **v, size_t *n, const char *dir)
{
    struct dirent **names;
    char path[4200];
    size_t dirlen = strlen(dir);
    int nn = scandir(dir, &names, visible, by_name), rc = nn < 0 ? -1 : 0;
    while (dirlen > 1 && dir[dirlen - 1] == '/')
        dirlen--; /* dir/ names its files dir/name */
    for (int i = 0; i < nn; i++) {
        struct stat st;
        snprintf(path, sizeof path, "%.*s/%s", (int)dirlen, dir, names[i]->d_name);
        if (rc == 0 && stat(path, &st) == 0 && S_ISREG(st.st_mode))
            rc = add_file(v, n, path, &st);
        free(names[i]);
    }
    if (nn >= 0)
        free(names);
    return rc;
}

/* The paths given (default: testdata/fuzz/<target>/); 0, or an exit code. */
static int list_files(const struct options *o, const char *target, struct dir_file **v, size_t *n)
{
    char seeds[4200];
    snprintf(seeds, sizeof seeds, "testdata/fuzz/%s", target);
    int npaths = o->npaths ? o->npaths : 1;
    for (int i = 0; i < npaths; i++) {
        const char *p = o->npaths ? o->paths[i] : seeds;
        struct stat st;
        int rc = stat(p, &st) != 0 ? -1 : S_ISDIR(st.st_mode) ? add_dir(v, n, p)
                                         : S_ISREG(st.st_mode) ? add_file(v, n, p, &st)
                                         : (errno = CORPUS_ENOTREG, -1);
        if (rc != 0) {
            report_error("cannot read %s: %s%s\n", p, errno == CORPUS_ENOTREG ? "not a regular file"
                         : strerror(errno), o->npaths ? ""
                         : "; name the findings files or directories to report on");
            return FERRET_EXIT_INPUT;
        }
    }
    return FERRET_EXIT_OK;
}

/* ---- grouping and the report ---------------------------------------------------- */

static int group_add(struct group **gv, size_t *ng, const struct verdict *v,
                     const struct dir_file *f, size_t len)
{
    for (size_t i = 0; i < *ng; i++) {
        struct group *g = &(*gv)[i];
        if (strcmp(g->sig, v->sig) != 0)
            continue;
        g->hits++;
        if (f->mtime < g->first_seen)
            g->first_seen = f->mtime;
        if (len < g->len) {
            g->path = f->path;
            g->len = len;
            snprintf(g->summary, sizeof g->summary, "%s", v->summary);
        }
        return 0;
    }
    struct group *nv = realloc(*gv, (*ng + 1) * sizeof *nv);
    if (!nv)
        return -1;
    *gv = nv;
    struct group *g = &nv[(*ng)++];
    g->kind = v->kind;
    snprintf(g->sig, sizeof g->sig, "%s", v->sig);
    snprintf(g->summary, sizeof g->summary, "%s", v->summary);
    g->hits = 1;
    g->first_seen = f->mtime;
    g->path = f->path;
    g->len = len;
    return 0;
}

static int by_first_seen(const void *a, const void *b)
{
    const struct group *x = a, *y = b;
    if (x->first_seen != y->first_seen)
        return x->first_seen < y->first_seen ? -1 : 1;
    return strcmp(x->sig, y->sig);
}

/* The re-run command of g: -run=Target/name for a typed target's file in
 * its testdata directory, else the path. */
static void rerun_of(const struct options *o, const struct fuzz_target *t, uint64_t timeout_ns,
                     char *argv0, const struct group *g, char *out, size_t outlen)
{
    char dir[4200];
    const char *slash = strrchr(g->path, '/');
    snprintf(dir, sizeof dir, "testdata/fuzz/%s", t->name);
    int in_testdata = slash && (size_t)(slash - g->path) == strlen(dir) &&
                      strncmp(g->path, dir, strlen(dir)) == 0;
    finding_rerun_command(&(struct finding_rerun){
        .argv0 = argv0, .path = g->path,
        .typed_target = t->typed && in_testdata ? t->name : NULL, .kind = g->kind,
        .timeout_ns = timeout_ns, .rss_limit_mb = o->rss_limit_mb,
        .malloc_limit_mb = o->malloc_limit_mb ? o->malloc_limit_mb : o->rss_limit_mb},
        out, outlen);
}

static int write_report(const struct options *o, const struct fuzz_target *t, uint64_t timeout_ns,
                        char *argv0, struct group *gv, size_t ng, const char *source)
{
    struct findings_entry *ev = calloc(ng ? ng : 1, sizeof *ev);
    char *cmds = malloc((ng ? ng : 1) * RERUN_MAX);
    uint64_t hits = 0;
    int rc = -1;
    if (ev && cmds) {
        qsort(gv, ng, sizeof *gv, by_first_seen);
        for (size_t i = 0; i < ng; i++) {
            rerun_of(o, t, timeout_ns, argv0, &gv[i], cmds + i * RERUN_MAX, RERUN_MAX);
            ev[i] = (struct findings_entry){
                .kind = gv[i].kind, .sig = gv[i].sig, .hits = gv[i].hits,
                .first_seen = gv[i].first_seen, .path = gv[i].path, .len = gv[i].len,
                .summary = gv[i].summary, .rerun = cmds + i * RERUN_MAX};
            hits += gv[i].hits;
        }
        struct findings_doc d = {.target = t->name, .source = source, .v = ev, .n = ng};
        rc = findings_report_write(o->report, &d);
    } else {
        errno = ENOMEM;
    }
    if (rc == 0) {
        for (size_t i = 0; i < ng; i++)
            report_findings_summary_line(gv[i].kind, gv[i].hits, gv[i].path, gv[i].sig);
        report_findings_report(o->report, ng, hits);
    } else {
        report_error("cannot write the findings report to %s: %s\n", o->report, strerror(errno));
    }
    free(ev);
    free(cmds);
    return rc == 0 ? FERRET_EXIT_OK : FERRET_EXIT_WRITE;
}

/* Replays every file, grouping the failing ones; 0, or an exit code. */
static int replay_all(const struct options *o, uint64_t timeout_ns, int argc, char **argv,
                      const struct dir_file *fv, size_t nf, struct group **gv, size_t *ng,
                      size_t *passed, size_t *unreadable)
    FERRET_FRAME(findings_replay_all);
static int replay_all(const struct options *o, uint64_t timeout_ns, int argc, char **argv,
                      const struct dir_file *fv, size_t nf, struct group **gv, size_t *ng,
                      size_t *passed, size_t *unreadable)
{
    for (size_t i = 0; i < nf; i++) {
        uint8_t *data;
        size_t len;
        struct verdict v = {0};
        if (corpus_read_input(fv[i].path, &data, &len) != 0) {
            if (errno != EINVAL) /* a file that does not decode is named already */
                report_error("cannot read %s: %s\n", fv[i].path, strerror(errno));
            (*unreadable)++;
            continue;
        }
        int rc = replay_file(o, timeout_ns, argc, argv, fv[i].path, data, len, &v);
        free(data);
        if (rc != 0) {
            report_error("cannot replay %s: %s\n", fv[i].path, strerror(errno));
            return FERRET_EXIT_INTERNAL;
        }
        if (!v.failed)
            (*passed)++;
        else if (group_add(gv, ng, &v, &fv[i], len) != 0)
            return FERRET_EXIT_INTERNAL;
    }
    return FERRET_EXIT_OK;
}

/* "3 files in DIR (1 passed)": what the report looked at. */
static void describe_source(const struct options *o, const struct fuzz_target *t, size_t nf,
                            size_t passed, size_t unreadable, char *out, size_t outlen)
{
    char where[4300], bad[64] = "";
    if (!o->npaths)
        snprintf(where, sizeof where, "testdata/fuzz/%s", t->name);
    else if (o->npaths == 1)
        snprintf(where, sizeof where, "%s", o->paths[0]);
    else
        snprintf(where, sizeof where, "%s and %d other paths", o->paths[0], o->npaths - 1);
    if (unreadable)
        snprintf(bad, sizeof bad, ", %zu unreadable", unreadable);
    snprintf(out, outlen, "%zu file%s in %s (%zu passed%s)", nf, nf == 1 ? "" : "s", where,
             passed, bad);
}

int findings_dir_main(const struct options *o, int argc, char **argv)
{
    char err[512], source[4400];
    if (select_fuzz(argv[0], o->run ? o->run : "", err, sizeof err) != 0) {
        report_error("-report: %s; over findings files (without -fuzz), -run=Target names it\n", err);
        return FERRET_EXIT_USAGE;
    }
    const struct fuzz_target *t = select_current();
    uint64_t timeout_ns = regress_timeout(o);
    struct dir_file *fv = NULL;
    struct group *gv = NULL;
    size_t nf = 0, ng = 0, passed = 0, unreadable = 0;
    if (corpus_mkdirs(o->report) != 0) { /* before the replay, not after it */
        report_error("cannot create the findings report directory %s: %s\n", o->report,
                     strerror(errno));
        return FERRET_EXIT_WRITE;
    }
    int rc = list_files(o, t->name, &fv, &nf);
    if (rc == FERRET_EXIT_OK)
        rc = replay_all(o, timeout_ns, argc, argv, fv, nf, &gv, &ng, &passed, &unreadable);
    if (rc == FERRET_EXIT_OK) {
        describe_source(o, t, nf, passed, unreadable, source, sizeof source);
        rc = write_report(o, t, timeout_ns, argv[0], gv, ng, source);
        if (rc == FERRET_EXIT_OK && unreadable)
            rc = FERRET_EXIT_INPUT;
    }
    for (size_t i = 0; i < nf; i++)
        free(fv[i].path);
    free(fv);
    free(gv);
    return rc;
}
