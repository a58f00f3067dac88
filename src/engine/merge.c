/*
 * merge.c - corpus merge (-merge=1 OUT IN..., -set_cover_merge=1): keep a
 * minimal set of inputs that covers every feature of IN and OUT together.
 *
 * Design.  A merge is the coordinator's baseline run with a different end:
 *
 *   every file of OUT, then of each IN, runs once across all the workers
 *   (in parallel; a crash, hang or out-of-memory input is named and skipped,
 *   its worker restarted); each result is appended to the control file;
 *   then the selection, in one process, from the recorded features:
 *     -merge=1            OUT's files count as kept; IN's files, smallest
 *                         first, are kept if they add a feature not yet kept
 *     -set_cover_merge=1  greedy set cover: repeatedly the file adding the
 *                         most new features (the smaller on a tie)
 *   and the kept IN files are written into OUT (named by SHA-1, atomically).
 *
 * The control file makes a merge resumable.  Its first line names the
 * format, then one line per input path in run order, then "STARTED", then
 * one record per input run: "<index> <status> <nfeatures> <f>...", where
 * status is ok or the failure.  Each record is written out at once (a killed
 * merge loses none: they are in the page cache) and fsynced at most once a
 * second (a power cut loses at most that); a torn last line is ignored.
 * A later merge with the same inputs reads the records and runs only the
 * inputs without one.
 *
 * Invariant: files in OUT are never removed or rewritten.
 *
 * Owns: M, the merge's struct merge_state (in the coordinator of a -merge
 * run): the control file's stream and path (-merge_control_file, or its own
 * $TMPDIR/ferret-merge-XXXXXX, removed when the merge succeeds), when it was
 * last fsynced, how many results came from it, and each input's status.
 * Also the [M] fields of struct coordinator (the features of inputs it
 * decided on, base_done, an entry's merged flag), the control file itself,
 * and the kept IN files it writes into OUT.  (The crash-/timeout-/oom-/leak-
 * files of inputs that failed are crash.c's: crash_merge_artifact.)
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report.h"
#include "coordinator_int.h"

#define CONTROL_MAGIC "FERRET-MERGE-CONTROL 1"
#define CONTROL_SYNC_NS 1000000000ULL /* fsync the control file at most once a second */

struct merge_state {
    FILE *control;
    const char *control_path;
    char *tmp_control;          /* our own temporary control file, removed at the end */
    uint64_t synced_ns;
    size_t resumed;             /* inputs whose results came from the control file */
    uint8_t *status;            /* per corpus entry: 0 = not run, 1 = ok, 2 = failed */
};

static struct merge_state M;

/* ClusterFuzz runs its two-step merge (-merge_control_file kept between a
 * merge of the old corpus and one of old + new, whose MERGE-OUTER figures
 * it subtracts) only if the binary holds this libFuzzer message, its sign
 * of a libFuzzer recent enough for both; otherwise a single merge, whose
 * new_edges/new_features read 0.  ferret does both things the message
 * stands for: it checks the const input (target.c) and takes
 * -merge_control_file (above).  Kept in the binary by "used". */
__attribute__((used)) const char ferret_two_step_merge_marker[] =
    "ferret takes -merge_control_file and reports a fuzz target that writes to its input "
    "(libFuzzer's words: fuzz target overwrites its const input)";

/* ---- the control file ---------------------------------------------------- */

static int header_matches(FILE *f, const struct coordinator *c)
{
    char line[4200];
    if (!fgets(line, sizeof line, f) || strncmp(line, CONTROL_MAGIC, strlen(CONTROL_MAGIC)) != 0)
        return 0;
    for (size_t i = 0; i < c->corpus.n; i++) {
        if (!fgets(line, sizeof line, f))
            return 0;
        line[strcspn(line, "\n")] = 0;
        if (strcmp(line, c->corpus.v[i]->path ? c->corpus.v[i]->path : "") != 0)
            return 0;
    }
    return fgets(line, sizeof line, f) && strcmp(line, "STARTED\n") == 0;
}

/* One record: "<index> <status> <n> <f>...\n"; a torn line (one the kill
 * cut short, even inside its last number: no newline) returns -1. */
static int read_record(FILE *f, struct coordinator *c)
{
    unsigned long long idx, n;
    char status[16];
    if (fscanf(f, "%llu %15s %llu", &idx, status, &n) != 3 || idx >= c->corpus.n || n > (1u << 28))
        return -1;
    uint32_t *feat = malloc((size_t)(n ? n : 1) * sizeof *feat);
    if (!feat)
        return -1;
    for (unsigned long long k = 0; k < n; k++)
        if (fscanf(f, "%u", &feat[k]) != 1) {
            free(feat);
            return -1;
        }
    if (fgetc(f) != '\n') { /* the record must end here, whole */
        free(feat);
        return -1;
    }
    free(c->base_features[idx]);
    c->base_features[idx] = feat;
    c->base_nfeatures[idx] = (size_t)n;
    M.status[idx] = strcmp(status, "ok") == 0 ? 1 : 2;
    return 0;
}

static void resume(struct coordinator *c, FILE *f)
{
    while (read_record(f, c) == 0)
        ;
    for (size_t i = 0; i < c->corpus.n; i++)
        if (M.status[i]) {
            c->corpus.v[i]->merged = 1;
            c->base_done++;
            M.resumed++;
        }
}

static int start_control(struct coordinator *c)
{
    FILE *f = fopen(M.control_path, "r");
    if (f && header_matches(f, c)) {
        resume(c, f);
        fclose(f);
        M.control = fopen(M.control_path, "a");
        report_merge_resumed(M.control_path, M.resumed, c->corpus.n);
        return M.control ? 0 : -1;
    }
    if (f)
        fclose(f);
    M.control = fopen(M.control_path, "w");
    if (!M.control)
        return -1;
    fprintf(M.control, "%s\n", CONTROL_MAGIC);
    for (size_t i = 0; i < c->corpus.n; i++)
        fprintf(M.control, "%s\n", c->corpus.v[i]->path ? c->corpus.v[i]->path : "");
    fprintf(M.control, "STARTED\n");
    fflush(M.control);
    fsync(fileno(M.control));
    return 0;
}

static void append_record(const struct coordinator *c, size_t idx, const char *status)
{
    size_t n = c->base_features[idx] ? c->base_nfeatures[idx] : 0;
    fprintf(M.control, "%zu %s %zu", idx, status, n);
    for (size_t k = 0; k < n; k++)
        fprintf(M.control, " %u", c->base_features[idx][k]);
    fputc('\n', M.control);
    fflush(M.control);
    uint64_t now = engine_now_ns();
    if (now - M.synced_ns >= CONTROL_SYNC_NS) {
        fsync(fileno(M.control));
        M.synced_ns = now;
    }
}

/* ---- hooks called by the coordinator --------------------------------------- */

int merge_prepare(struct coordinator *c)
{
    M.status = calloc(c->corpus.n ? c->corpus.n : 1, 1);
    if (!M.status)
        return FERRET_EXIT_INTERNAL;
    M.control_path = c->o->merge_control_file;
    if (!M.control_path) {
        char tmp[4096];
        const char *dir = getenv("TMPDIR"); /* as libFuzzer (ClusterFuzz sets it for a merge) */
        snprintf(tmp, sizeof tmp, "%s/ferret-merge-XXXXXX", dir && *dir ? dir : "/tmp");
        int fd = mkstemp(tmp);
        if (fd < 0) {
            report_error("cannot create a merge control file %s: %s; set TMPDIR or pass "
                    "-merge_control_file\n", tmp, strerror(errno));
            return FERRET_EXIT_WRITE;
        }
        close(fd);
        unlink(tmp);
        M.tmp_control = strdup(tmp);
        M.control_path = M.tmp_control;
    }
    if (start_control(c) != 0) {
        report_error("cannot write the merge control file %s: %s\n", M.control_path,
                strerror(errno));
        return FERRET_EXIT_WRITE;
    }
    return FERRET_EXIT_OK;
}

void merge_on_result(struct coordinator *c, struct entry *e, const char *failure)
{
    if (M.status[e->index])
        return;
    M.status[e->index] = failure ? 2 : 1;
    if (failure) {
        report_merge_skipped(e->path, failure);
        free(c->base_features[e->index]);
        c->base_features[e->index] = NULL;
        c->base_nfeatures[e->index] = 0;
    } /* (the caller counts the run: the coordinator, once, whether it replied or died) */
    append_record(c, e->index, failure ? "failed" : "ok");
}

/* ---- selection ----------------------------------------------------------------- */

struct feature_set {
    uint8_t *bits;  /* one bit per feature id */
    size_t nbits;
};

static int set_has(const struct feature_set *s, uint32_t f) { return f < s->nbits && (s->bits[f >> 3] >> (f & 7) & 1); }
static void set_add(struct feature_set *s, uint32_t f)
{
    if (f < s->nbits)
        s->bits[f >> 3] |= (uint8_t)(1u << (f & 7));
}

static size_t new_features(const struct coordinator *c, size_t i, const struct feature_set *s)
{
    size_t n = 0;
    for (size_t k = 0; k < c->base_nfeatures[i]; k++)
        n += !set_has(s, c->base_features[i][k]);
    return n;
}

static void take(const struct coordinator *c, size_t i, struct feature_set *s)
{
    for (size_t k = 0; k < c->base_nfeatures[i]; k++)
        set_add(s, c->base_features[i][k]);
}

static int by_size(const void *a, const void *b, void *arg)
{
    const struct coordinator *c = arg;
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    size_t lx = c->corpus.v[x]->len, ly = c->corpus.v[y]->len;
    return lx < ly ? -1 : lx > ly ? 1 : (x > y) - (x < y);
}

/* Marks the kept IN entries in keep[]; returns how many. */
static size_t select_inputs(struct coordinator *c, size_t nout, struct feature_set *s, uint8_t *keep)
{
    size_t nin = c->corpus.n - nout, kept = 0;
    size_t *order = malloc((nin ? nin : 1) * sizeof *order);
    if (!order)
        return 0;
    for (size_t i = 0; i < nin; i++)
        order[i] = nout + i;
    qsort_r(order, nin, sizeof *order, by_size, c);
    if (!c->o->set_cover_merge) {
        for (size_t k = 0; k < nin; k++)
            if (M.status[order[k]] == 1 && new_features(c, order[k], s) > 0) {
                take(c, order[k], s);
                keep[order[k]] = 1;
                kept++;
            }
    } else {
        for (;;) {
            size_t best = (size_t)-1, best_n = 0;
            for (size_t k = 0; k < nin; k++) {
                size_t i = order[k], n = keep[i] || M.status[i] != 1 ? 0 : new_features(c, i, s);
                if (n > best_n) {
                    best = i;
                    best_n = n;
                }
            }
            if (best == (size_t)-1)
                break;
            take(c, best, s);
            keep[best] = 1;
            kept++;
        }
    }
    free(order);
    return kept;
}

/* Edges in s: counters of the instrumented code (the first nedges, not the
 * value-profile bits after them) with any bucket bit.  A feature is
 * counter * 8 + bucket, so byte i of s->bits is counter i's buckets. */
static size_t set_edges(const struct feature_set *s, size_t nedges)
{
    size_t n = 0;
    for (size_t i = 0; i < nedges && i * 8 < s->nbits; i++)
        n += s->bits[i] != 0;
    return n;
}

static size_t set_features(const struct feature_set *s)
{
    size_t n = 0;
    for (size_t f = 0; f < s->nbits; f++)
        n += set_has(s, (uint32_t)f);
    return n;
}

/* Called when every input has run: select, write, report.  Returns an exit code. */
int merge_finish(struct coordinator *c, size_t nout)
{
    struct feature_set s = {calloc(c->ncounters + 1, 1), c->ncounters * 8};
    uint8_t *keep = calloc(c->corpus.n ? c->corpus.n : 1, 1);
    int rc = FERRET_EXIT_OK;
    if (!s.bits || !keep)
        return FERRET_EXIT_INTERNAL;
    for (size_t i = 0; i < nout; i++)
        take(c, i, &s);
    size_t before = set_features(&s), edges_before = set_edges(&s, c->nedges);
    size_t kept = select_inputs(c, nout, &s, keep);
    for (size_t i = nout; i < c->corpus.n; i++)
        if (keep[i] && corpus_write_atomic(c->cachedir, c->corpus.v[i]->data, c->corpus.v[i]->len, NULL) != 0) {
            report_error("cannot write to %s: %s\n", c->cachedir, strerror(errno));
            rc = FERRET_EXIT_WRITE;
            break;
        }
    report_merge_done(kept, set_features(&s) - before, set_edges(&s, c->nedges) - edges_before,
                      c->corpus.n - M.resumed, M.resumed);
    if (M.control) {
        fflush(M.control);
        fsync(fileno(M.control));
        fclose(M.control);
        M.control = NULL;
    }
    if (M.tmp_control && rc == FERRET_EXIT_OK)
        unlink(M.tmp_control);
    free(s.bits);
    free(keep);
    return rc;
}
