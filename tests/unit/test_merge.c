/* test_merge.c - the merge phase (merge.c) driven without workers: each
 * input's result is handed to merge_on_result as the coordinator would
 * (features in base_features, then the call), and merge_finish selects and
 * writes.  Covers -merge=1's selection (OUT kept, IN smallest first if it
 * adds a feature), -set_cover_merge=1's greedy cover, failed inputs, and the
 * control file: its format, resuming from it, a torn or hostile last line,
 * a control file for other inputs, a temporary one removed at the end. */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "coordinator_int.h"

static char root[] = "/tmp/ferret-test-merge-XXXXXX";

/* ---- capturing stderr ------------------------------------------------------ */

/* What merge.c said on stderr during the last fx_ call (kept off the test's
 * own output; a failed CHECK still goes to the real stderr). */
static char said[8192];
static int saved_stderr = -1;

static void capture_start(void)
{
    char path[256];
    snprintf(path, sizeof path, "%s/stderr", root);
    fflush(stderr);
    saved_stderr = dup(2);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 2);
    close(fd);
}

static void capture_end(void)
{
    char path[256];
    snprintf(path, sizeof path, "%s/stderr", root);
    fflush(stderr);
    dup2(saved_stderr, 2);
    close(saved_stderr);
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(said, 1, sizeof said - 1, f) : 0;
    said[n] = 0;
    if (f)
        fclose(f);
}

/* ---- a coordinator with just what merge.c reads ---------------------------- */

struct fx {
    struct coordinator c;
    struct options o;
    char out[256];      /* OUT: where kept IN inputs are written (c.cachedir) */
    char control[256];  /* the control file */
};

static int nfx;

/* A fresh OUT directory and control file name under root. */
static void fx_init(struct fx *f, int set_cover)
{
    memset(f, 0, sizeof *f);
    nfx++;
    snprintf(f->out, sizeof f->out, "%s/out%d", root, nfx);
    snprintf(f->control, sizeof f->control, "%s/control%d", root, nfx);
    mkdir(f->out, 0755);
    f->o.merge_control_file = f->control;
    f->o.set_cover_merge = set_cover;
    f->c.o = &f->o;
    f->c.cachedir = f->out;
    f->c.ncounters = 64; /* features 0..511 */
    f->c.nedges = 60;    /* counters 60..63: value profile */
    f->c.merging = 1;
}

/* Appends an input (path "in/<data>" unless given) to the corpus. */
static struct entry *fx_add(struct fx *f, const char *data, const char *path)
{
    char p[128];
    snprintf(p, sizeof p, "in/%s", data);
    return corpus_append(&f->c.corpus, (const uint8_t *)data, strlen(data), path ? path : p);
}

/* Every input is in: the arrays the coordinator sizes by the corpus, then
 * merge_prepare. */
static int fx_prepare(struct fx *f, size_t nout)
{
    f->c.merge_nout = nout;
    f->c.base_features = calloc(f->c.corpus.n + 1, sizeof *f->c.base_features);
    f->c.base_nfeatures = calloc(f->c.corpus.n + 1, sizeof *f->c.base_nfeatures);
    capture_start();
    int rc = merge_prepare(&f->c);
    capture_end();
    return rc;
}

/* Input i ran with these features (the coordinator's on_run_done: features
 * recorded if not yet known, then the result), or failed. */
static void fx_result(struct fx *f, size_t i, const uint32_t *feat, size_t n, const char *failure)
{
    struct coordinator *c = &f->c;
    if (!c->base_features[i]) {
        c->base_features[i] = malloc(n ? n * sizeof *feat : 1);
        memcpy(c->base_features[i], feat, n * sizeof *feat);
        c->base_nfeatures[i] = n;
    }
    capture_start();
    merge_on_result(c, c->corpus.v[i], failure);
    capture_end();
}

/* Every input has run: select and write (merge_finish). */
static int fx_finish(struct fx *f, size_t nout)
{
    capture_start();
    int rc = merge_finish(&f->c, nout);
    capture_end();
    return rc;
}
#define FEAT(...) (const uint32_t[]){__VA_ARGS__}, sizeof((const uint32_t[]){__VA_ARGS__}) / sizeof(uint32_t)
#define OK(f, i, ...) fx_result((f), (i), FEAT(__VA_ARGS__), NULL)

static void fx_free(struct fx *f)
{
    for (size_t i = 0; i < f->c.corpus.n; i++)
        free(f->c.base_features[i]);
    free(f->c.base_features);
    free(f->c.base_nfeatures);
    corpus_free(&f->c.corpus);
}

/* 1 if OUT holds exactly the files named by the SHA-1 of these inputs. */
static int out_holds(const struct fx *f, const char *const *want, size_t n)
{
    size_t found = 0;
    DIR *d = opendir(f->out);
    struct dirent *de;
    if (!d)
        return 0;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        int known = 0;
        for (size_t i = 0; i < n; i++) {
            char name[HASH_HEX_LEN + 1];
            hash_sha1_hex((const uint8_t *)want[i], strlen(want[i]), name);
            known |= strcmp(name, de->d_name) == 0;
        }
        if (!known) {
            closedir(d);
            return 0;
        }
        found++;
    }
    closedir(d);
    return found == n;
}
#define OUT_HOLDS(f, ...)                                                                          \
    out_holds((f), (const char *const[]){__VA_ARGS__},                                             \
              sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *))

static char *slurp(const char *path)
{
    static char buf[65536];
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    buf[n] = 0;
    if (f)
        fclose(f);
    return f ? buf : NULL;
}

static void spit(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* ---- selection ------------------------------------------------------------- */

/* -merge=1: OUT's inputs count as kept (never rewritten); IN's, smallest
 * first, are kept when they add a feature not yet kept. */
static void test_keeps_inputs_adding_features(void)
{
    struct fx f;
    fx_init(&f, 0);
    CHECK(corpus_write_atomic(f.out, (const uint8_t *)"out-one", 7, NULL) == 0);
    fx_add(&f, "out-one", "out/one");
    fx_add(&f, "0123456789", NULL);           /* 10 bytes: {2,3}, nothing new by its turn */
    fx_add(&f, "abcde", NULL);                /* 5 bytes: {3}, new */
    fx_add(&f, "xyz", NULL);                  /* 3 bytes: {1}, OUT has it */
    fx_add(&f, "twenty-bytes-long-xx", NULL); /* {4,5}, new */
    CHECK_EQ_U(fx_prepare(&f, 1), FERRET_EXIT_OK);
    OK(&f, 0, 1, 2);
    OK(&f, 1, 2, 3);
    OK(&f, 2, 3);
    OK(&f, 3, 1);
    OK(&f, 4, 4, 5);
    int rc = fx_finish(&f, 1);
    const char *err = said;
    CHECK_EQ_U(rc, FERRET_EXIT_OK);
    CHECK(OUT_HOLDS(&f, "out-one", "abcde", "twenty-bytes-long-xx"));
    /* features 3, 4 and 5: counter 0 (which OUT has, by feature 1) and counter 0 again */
    CHECK(strstr(err, "MERGE-OUTER: 2 new files with 3 new features added; 0 new coverage edges;") != NULL);
    fx_free(&f);
}

/* The edges figure: counters (feature / 8) newly hit, value-profile
 * counters (nedges and up) left out; ClusterFuzz subtracts it between its
 * two merge steps. */
static void test_new_edges(void)
{
    struct fx f;
    fx_init(&f, 0);
    CHECK(corpus_write_atomic(f.out, (const uint8_t *)"o", 1, NULL) == 0);
    fx_add(&f, "o", "out/o");
    fx_add(&f, "ab", NULL);
    fx_add(&f, "cde", NULL);
    CHECK_EQ_U(fx_prepare(&f, 1), FERRET_EXIT_OK);
    OK(&f, 0, 1);         /* counter 0 */
    OK(&f, 1, 2, 8, 9);   /* counter 0 again (a new bucket), counter 1 */
    OK(&f, 2, 16, 490);   /* counter 2, and value-profile counter 61 */
    CHECK_EQ_U(fx_finish(&f, 1), FERRET_EXIT_OK);
    CHECK(strstr(said, "MERGE-OUTER: 2 new files with 5 new features added; 2 new coverage edges;") != NULL);
    fx_free(&f);
}

/* Between inputs bringing the same features the smaller is kept, and
 * between two of one size the earlier. */
static void test_smallest_first(void)
{
    struct fx f;
    fx_init(&f, 0);
    fx_add(&f, "long-one", NULL);
    fx_add(&f, "bb", NULL);
    fx_add(&f, "aa", NULL);
    CHECK_EQ_U(fx_prepare(&f, 0), FERRET_EXIT_OK);
    OK(&f, 0, 7, 8);
    OK(&f, 1, 7, 8);
    OK(&f, 2, 7, 8);
    CHECK_EQ_U(fx_finish(&f, 0), FERRET_EXIT_OK);
    CHECK(OUT_HOLDS(&f, "bb"));
    fx_free(&f);
}

/* -set_cover_merge=1: the input adding the most new features first; here
 * one input covers what -merge=1 keeps three for. */
static void test_set_cover(void)
{
    for (int cover = 0; cover <= 1; cover++) {
        struct fx f;
        fx_init(&f, cover);
        fx_add(&f, "a", NULL);
        fx_add(&f, "bb", NULL);
        fx_add(&f, "ccc", NULL);
        fx_add(&f, "dddd", NULL);
        CHECK_EQ_U(fx_prepare(&f, 0), FERRET_EXIT_OK);
        OK(&f, 0, 1);
        OK(&f, 1, 2);
        OK(&f, 2, 1, 2, 3);
        OK(&f, 3, 3, 4);
        CHECK_EQ_U(fx_finish(&f, 0), FERRET_EXIT_OK);
        if (cover)
            CHECK(OUT_HOLDS(&f, "ccc", "dddd"));
        else
            CHECK(OUT_HOLDS(&f, "a", "bb", "ccc", "dddd"));
        fx_free(&f);
    }
}

/* Greedy ties: the same number of new features, the smaller input wins. */
static void test_set_cover_tie(void)
{
    struct fx f;
    fx_init(&f, 1);
    fx_add(&f, "xxxx", NULL);
    fx_add(&f, "yy", NULL);
    CHECK_EQ_U(fx_prepare(&f, 0), FERRET_EXIT_OK);
    OK(&f, 0, 10, 11);
    OK(&f, 1, 10, 12);
    CHECK_EQ_U(fx_finish(&f, 0), FERRET_EXIT_OK);
    CHECK(OUT_HOLDS(&f, "yy", "xxxx")); /* yy first, then xxxx still adds 11 */
    fx_free(&f);

    fx_init(&f, 1);
    fx_add(&f, "xxxx", NULL);
    fx_add(&f, "yy", NULL);
    CHECK_EQ_U(fx_prepare(&f, 0), FERRET_EXIT_OK);
    OK(&f, 0, 10, 11);
    OK(&f, 1, 10, 11);
    CHECK_EQ_U(fx_finish(&f, 0), FERRET_EXIT_OK);
    CHECK(OUT_HOLDS(&f, "yy"));
    fx_free(&f);
}

/* A failed input is named, skipped and never kept, whatever it covered; an
 * input that never ran is not kept either. */
static void test_failed_and_unrun_not_kept(void)
{
    for (int cover = 0; cover <= 1; cover++) {
        struct fx f;
        fx_init(&f, cover);
        fx_add(&f, "crashes", NULL);
        fx_add(&f, "never-ran", NULL);
        fx_add(&f, "fine", NULL);
        CHECK_EQ_U(fx_prepare(&f, 0), FERRET_EXIT_OK);
        fx_result(&f, 0, FEAT(40, 41), "deadly signal");
        const char *err = said;
        CHECK(strstr(err, "MERGE-INNER: skipping in/crashes: deadly signal") != NULL);
        CHECK(f.c.base_features[0] == NULL && f.c.base_nfeatures[0] == 0);
        f.c.base_features[1] = malloc(sizeof(uint32_t)); /* as if recorded, no result yet */
        f.c.base_features[1][0] = 50;
        f.c.base_nfeatures[1] = 1;
        OK(&f, 2, 1);
        CHECK_EQ_U(fx_finish(&f, 0), FERRET_EXIT_OK);
        CHECK(OUT_HOLDS(&f, "fine"));
        fx_free(&f);
    }
}

/* The first result for an input is the one recorded: a second (a reply
 * racing a death) changes nothing. */
static void test_first_result_counts(void)
{
    struct fx f;
    fx_init(&f, 0);
    fx_add(&f, "one", NULL);
    CHECK_EQ_U(fx_prepare(&f, 0), FERRET_EXIT_OK);
    OK(&f, 0, 5);
    fx_result(&f, 0, FEAT(5), "late death");
    const char *err = said;
    CHECK(strstr(err, "skipping") == NULL);
    CHECK(f.c.base_features[0] != NULL);
    CHECK_EQ_U(fx_finish(&f, 0), FERRET_EXIT_OK);
    CHECK(OUT_HOLDS(&f, "one"));
    const char *ctl = slurp(f.control);
    CHECK(ctl && strstr(ctl, "0 ok 1 5\n") && !strstr(ctl, "failed"));
    fx_free(&f);
}

/* ---- the control file -------------------------------------------------------- */

/* Magic line, one line per input path in run order, STARTED, then one record
 * per result as it comes: "<index> <ok|failed> <n> <features>". */
static void test_control_format(void)
{
    struct fx f;
    fx_init(&f, 0);
    fx_add(&f, "o", "out/o");
    fx_add(&f, "p", "in/p");
    fx_add(&f, "q", "in/q");
    CHECK_EQ_U(fx_prepare(&f, 1), FERRET_EXIT_OK);
    const char *ctl = slurp(f.control);
    CHECK(ctl && strcmp(ctl, "FERRET-MERGE-CONTROL 1\nout/o\nin/p\nin/q\nSTARTED\n") == 0);
    OK(&f, 2, 3, 17, 200);
    fx_result(&f, 1, FEAT(9), "timeout");
    OK(&f, 0, 0);
    /* each record is in the file as soon as it is made, before the end */
    ctl = slurp(f.control);
    CHECK(ctl && strcmp(ctl, "FERRET-MERGE-CONTROL 1\nout/o\nin/p\nin/q\nSTARTED\n"
                             "2 ok 3 3 17 200\n1 failed 0\n0 ok 1 0\n") == 0);
    CHECK_EQ_U(fx_finish(&f, 1), FERRET_EXIT_OK);
    CHECK(access(f.control, F_OK) == 0); /* a named control file stays */
    fx_free(&f);
}

/* The four inputs of the resume tests, in one fixture. */
static void resume_fixture(struct fx *f, int set_cover)
{
    fx_init(f, set_cover);
    fx_add(f, "o", "out/o");
    fx_add(f, "pp", "in/pp");
    fx_add(f, "qqq", "in/qqq");
    fx_add(f, "rrrr", "in/rrrr");
}

/* A merge stopped halfway: the next one with the same inputs and control
 * file takes the recorded results (features, failures) and runs only the
 * rest; the selection uses both. */
static void test_resume(void)
{
    struct fx f, g;
    resume_fixture(&f, 0);
    CHECK_EQ_U(fx_prepare(&f, 1), FERRET_EXIT_OK);
    OK(&f, 0, 1);
    OK(&f, 2, 2, 3); /* in/qqq: new features, recorded */
    fx_result(&f, 1, FEAT(4), "out-of-memory");
    /* ... and the merge is killed here: no merge_finish */

    resume_fixture(&g, 0);
    snprintf(g.control, sizeof g.control, "%s", f.control);
    CHECK_EQ_U(fx_prepare(&g, 1), FERRET_EXIT_OK);
    const char *err = said;
    CHECK(strstr(err, "MERGE-OUTER: resuming from ") && strstr(err, g.control) &&
          strstr(err, "inputs already done"));
    CHECK_EQ_U(g.c.base_done, 3);
    CHECK(g.c.corpus.v[0]->merged && g.c.corpus.v[1]->merged && g.c.corpus.v[2]->merged);
    CHECK(!g.c.corpus.v[3]->merged);
    CHECK_EQ_U(g.c.base_nfeatures[2], 2);
    CHECK(g.c.base_features[2] && g.c.base_features[2][0] == 2 && g.c.base_features[2][1] == 3);
    CHECK_EQ_U(g.c.base_nfeatures[1], 0);
    OK(&g, 3, 3, 5);
    CHECK_EQ_U(fx_finish(&g, 1), FERRET_EXIT_OK);
    CHECK(OUT_HOLDS(&g, "qqq", "rrrr")); /* in/pp failed before the stop */
    /* the new result went after the old ones, in the same file */
    const char *ctl = slurp(g.control);
    CHECK(ctl && strstr(ctl, "STARTED\n0 ok 1 1\n2 ok 2 2 3\n1 failed 0\n3 ok 2 3 5\n"));
    fx_free(&f);
    fx_free(&g);
}

/* A record cut short by the kill (no newline, fewer features than it says)
 * is ignored: that input runs again. */
static void test_torn_last_line(void)
{
    struct fx f;
    resume_fixture(&f, 0);
    spit(f.control, "FERRET-MERGE-CONTROL 1\nout/o\nin/pp\nin/qqq\nin/rrrr\nSTARTED\n"
                    "0 ok 1 1\n1 ok 2 7 8\n2 ok 3 9 1");
    CHECK_EQ_U(fx_prepare(&f, 1), FERRET_EXIT_OK);
    CHECK_EQ_U(f.c.base_done, 2);
    CHECK(f.c.corpus.v[1]->merged && !f.c.corpus.v[2]->merged && !f.c.corpus.v[3]->merged);
    CHECK(f.c.base_features[2] == NULL);
    OK(&f, 2, 9);
    OK(&f, 3, 1);
    CHECK_EQ_U(fx_finish(&f, 1), FERRET_EXIT_OK);
    CHECK(OUT_HOLDS(&f, "pp", "qqq"));
    fx_free(&f);
}

/* The kill can cut the last record inside its last number ("2 ok 1 51"
 * written as "2 ok 1 5"): without its newline the record is torn, never
 * read as feature 5. */
static void test_torn_inside_number(void)
{
    struct fx f;
    resume_fixture(&f, 0);
    spit(f.control, "FERRET-MERGE-CONTROL 1\nout/o\nin/pp\nin/qqq\nin/rrrr\nSTARTED\n"
                    "0 ok 1 1\n1 ok 2 7 8\n2 ok 1 5");
    CHECK_EQ_U(fx_prepare(&f, 1), FERRET_EXIT_OK);
    CHECK_EQ_U(f.c.base_done, 2);
    CHECK(f.c.corpus.v[1]->merged && !f.c.corpus.v[2]->merged);
    CHECK(f.c.base_features[2] == NULL);
    fx_free(&f);
}

/* Hostile or corrupt records stop the reading there (what came before
 * stands), without a crash or a huge allocation. */
static void test_hostile_records(void)
{
    static const char *const bad[] = {
        "9 ok 1 1\n",                    /* no such input */
        "2 ok 4294967295 1\n",           /* a count no record has */
        "2 ok 99999999999999999999 1\n", /* overflows */
        "2 ok 2 1 x\n",                  /* not a number */
        "-1 ok 0\n",
        "garbage\n",
        "2 ok\n",
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        struct fx f;
        char text[512];
        resume_fixture(&f, 0);
        snprintf(text, sizeof text,
                 "FERRET-MERGE-CONTROL 1\nout/o\nin/pp\nin/qqq\nin/rrrr\nSTARTED\n1 ok 1 4\n%s3 ok 1 5\n",
                 bad[k]);
        spit(f.control, text);
        CHECK_EQ_U(fx_prepare(&f, 1), FERRET_EXIT_OK);
        CHECK_EQ_U(f.c.base_done, 1);
        CHECK(f.c.corpus.v[1]->merged && !f.c.corpus.v[2]->merged && !f.c.corpus.v[3]->merged);
        CHECK_EQ_U(fx_finish(&f, 1), FERRET_EXIT_OK);
        fx_free(&f);
    }
}

/* A control file for other inputs (another directory, one file more or
 * less, another order) or no control file at all: a fresh start, and the
 * file is rewritten for these inputs. */
static void test_other_inputs_start_over(void)
{
    static const char *const other[] = {
        "FERRET-MERGE-CONTROL 1\nout/o\nin/pp\nin/qqq\nSTARTED\n0 ok 1 1\n",
        "FERRET-MERGE-CONTROL 1\nout/o\nin/pp\nin/qqq\nin/rrrr\nin/s\nSTARTED\n0 ok 1 1\n",
        "FERRET-MERGE-CONTROL 1\nout/o\nin/qqq\nin/pp\nin/rrrr\nSTARTED\n0 ok 1 1\n",
        "FERRET-MERGE-CONTROL 2\nout/o\nin/pp\nin/qqq\nin/rrrr\nSTARTED\n0 ok 1 1\n",
        "FERRET-MERGE-CONTROL 1\nout/o\nin/pp\nin/qqq\nin/rrrr\n0 ok 1 1\n", /* not STARTED */
        "",
    };
    for (size_t k = 0; k < sizeof other / sizeof other[0]; k++) {
        struct fx f;
        resume_fixture(&f, 0);
        spit(f.control, other[k]);
        CHECK_EQ_U(fx_prepare(&f, 1), FERRET_EXIT_OK);
        const char *err = said;
        CHECK(strstr(err, "resuming") == NULL);
        CHECK_EQ_U(f.c.base_done, 0);
        CHECK(!f.c.corpus.v[0]->merged);
        const char *ctl = slurp(f.control);
        CHECK(ctl && strcmp(ctl, "FERRET-MERGE-CONTROL 1\nout/o\nin/pp\nin/qqq\nin/rrrr\nSTARTED\n") == 0);
        CHECK_EQ_U(fx_finish(&f, 1), FERRET_EXIT_OK);
        fx_free(&f);
    }
}

/* The path of the open file under /tmp/ferret-merge-, or "". */
static void open_temp_control(char *out, size_t len)
{
    out[0] = 0;
    DIR *d = opendir("/proc/self/fd");
    struct dirent *de;
    while (d && (de = readdir(d))) {
        char link[64], target[512];
        snprintf(link, sizeof link, "/proc/self/fd/%s", de->d_name);
        ssize_t n = readlink(link, target, sizeof target - 1);
        if (n <= 0)
            continue;
        target[n] = 0;
        if (strncmp(target, "/tmp/ferret-merge-", 18) == 0)
            snprintf(out, len, "%s", target);
    }
    if (d)
        closedir(d);
}

/* Without -merge_control_file the control file is a temporary one, removed
 * once the merge has finished. */
static void test_temp_control_removed(void)
{
    struct fx f;
    char tmp[512];
    fx_init(&f, 0);
    f.o.merge_control_file = NULL;
    fx_add(&f, "a", NULL);
    CHECK_EQ_U(fx_prepare(&f, 0), FERRET_EXIT_OK);
    open_temp_control(tmp, sizeof tmp);
    CHECK(tmp[0] != 0);
    CHECK(access(tmp, F_OK) == 0);
    OK(&f, 0, 1);
    CHECK_EQ_U(fx_finish(&f, 0), FERRET_EXIT_OK);
    CHECK(access(tmp, F_OK) != 0);
    CHECK(OUT_HOLDS(&f, "a"));
    fx_free(&f);
}

/* A control file that cannot be written: the merge does not start. */
static void test_control_unwritable(void)
{
    struct fx f;
    fx_init(&f, 0);
    snprintf(f.control, sizeof f.control, "%s/no/such/dir/control", root);
    fx_add(&f, "a", NULL);
    int rc = fx_prepare(&f, 0);
    const char *err = said;
    CHECK_EQ_U(rc, FERRET_EXIT_WRITE);
    CHECK(strstr(err, "cannot write the merge control file") && strstr(err, f.control));
    fx_free(&f);
}

/* OUT cannot be written (a file stands where a directory should): the
 * merge says so and exits with the write error. */
static void test_out_unwritable(void)
{
    struct fx f;
    fx_init(&f, 0);
    char file[300];
    snprintf(file, sizeof file, "%s/plainfile", root);
    spit(file, "x");
    snprintf(f.out, sizeof f.out, "%s/plainfile/out", root);
    fx_add(&f, "a", NULL);
    CHECK_EQ_U(fx_prepare(&f, 0), FERRET_EXIT_OK);
    OK(&f, 0, 1);
    int rc = fx_finish(&f, 0);
    const char *err = said;
    CHECK_EQ_U(rc, FERRET_EXIT_WRITE);
    CHECK(strstr(err, "cannot write to") && strstr(err, f.out));
    fx_free(&f);
}

int main(void)
{
    CHECK(mkdtemp(root) != NULL);
    RUN(test_keeps_inputs_adding_features);
    RUN(test_new_edges);
    RUN(test_smallest_first);
    RUN(test_set_cover);
    RUN(test_set_cover_tie);
    RUN(test_failed_and_unrun_not_kept);
    RUN(test_first_result_counts);
    RUN(test_control_format);
    RUN(test_resume);
    RUN(test_torn_last_line);
    RUN(test_torn_inside_number);
    RUN(test_hostile_records);
    RUN(test_other_inputs_start_over);
    RUN(test_temp_control_removed);
    RUN(test_control_unwritable);
    RUN(test_out_unwritable);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    CHECK(system(cmd) == 0);
    return CHECK_DONE("merge");
}
