/* test_sync.c - -sync_dir (sync.c) driven without workers: a coordinator
 * holding just what sync.c reads, its clock passed in.  Publishing entries,
 * claiming findings, and the import: what another instance published is
 * queued once; every unusable file (over -max_len, not a regular file,
 * empty, misnamed) is looked at once and never read again; a pass keeps to
 * its budget; an unusable sync directory is reported once and changes
 * nothing else. */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "coordinator_int.h"

#define SEC 1000000000ULL
#define PERIOD (2 * SEC) /* SYNC_PERIOD_NS */

static char root[] = "/tmp/ferret-test-sync-XXXXXX";

/* ---- capturing stderr ------------------------------------------------------ */

static int saved_stderr = -1;
static char captured[1 << 16];

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

static const char *capture_end(void)
{
    char path[256];
    snprintf(path, sizeof path, "%s/stderr", root);
    fflush(stderr);
    dup2(saved_stderr, 2);
    close(saved_stderr);
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(captured, 1, sizeof captured - 1, f) : 0;
    captured[n] = 0;
    if (f)
        fclose(f);
    return captured;
}

static size_t count_lines(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

/* ---- an instance: a coordinator with just what sync.c reads ---------------- */

struct inst {
    struct coordinator c;
    struct options o;
    char dir[256];
    uint64_t now;
};

static int ndirs;

/* A new sync directory under root (or dir, shared with another instance). */
static void inst_init(struct inst *in, const char *dir)
{
    memset(in, 0, sizeof *in);
    if (dir)
        snprintf(in->dir, sizeof in->dir, "%s", dir);
    else
        snprintf(in->dir, sizeof in->dir, "%s/sync%d", root, ++ndirs);
    in->o.sync_dir = in->dir;
    in->c.o = &in->o;
    in->c.phase = PH_FUZZ;
    in->c.max_len = 4096;
    in->now = 100 * SEC;
    sync_init(&in->c);
}

static void inst_free(struct inst *in)
{
    corpus_free(&in->c.corpus);
    corpus_free(&in->c.sync.seen);
    queue_free(&in->c.sync.q);
}

/* One sync period later, a tick. */
static void tick(struct inst *in)
{
    in->now += PERIOD;
    sync_tick(&in->c, in->now);
}

static struct entry *local(struct inst *in, const char *data)
{
    return corpus_add(&in->c.corpus, (const uint8_t *)data, strlen(data), NULL, NULL);
}

/* Another instance publishes data in DIR/corpus (as sync_export does). */
static void publish(const struct inst *in, const char *data, size_t len)
{
    char d[300];
    snprintf(d, sizeof d, "%s/corpus", in->dir);
    corpus_write_atomic(d, (const uint8_t *)data, len, NULL);
}

/* DIR/corpus/<name>, and the name of data. */
static void corpus_file(const struct inst *in, const char *name, char *path, size_t len)
{
    snprintf(path, len, "%s/corpus/%s", in->dir, name);
}

static void name_of(const char *data, size_t len, char name[HASH_HEX_LEN + 1])
{
    hash_sha1_hex((const uint8_t *)data, len, name);
}

static void spit(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fwrite(data, 1, len, f);
        fclose(f);
    }
}

/* Pops the queue: 1 if it held exactly these inputs (any order). */
static int queued(struct inst *in, const char *const *want, size_t n)
{
    int ok = queue_len(&in->c.sync.q) == n;
    int seen[16] = {0};
    struct entry *e;
    while ((e = queue_pop(&in->c.sync.q))) {
        int hit = 0;
        for (size_t i = 0; i < n; i++)
            if (!seen[i] && e->len == strlen(want[i]) && memcmp(e->data, want[i], e->len) == 0) {
                seen[i] = hit = 1;
                break;
            }
        ok &= hit;
    }
    return ok;
}
#define QUEUED(in, ...)                                                                            \
    queued((in), (const char *const[]){__VA_ARGS__},                                               \
           sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *))
#define QUEUED_NONE(in) (queue_len(&(in)->c.sync.q) == 0)

/* ---- publishing -------------------------------------------------------------- */

static void test_init_makes_dirs(void)
{
    struct inst in;
    char p[400];
    inst_init(&in, NULL);
    snprintf(p, sizeof p, "%s/corpus", in.dir);
    CHECK(access(p, F_OK) == 0);
    snprintf(p, sizeof p, "%s/findings", in.dir);
    CHECK(access(p, F_OK) == 0);
    CHECK(!in.c.sync.warned);
    inst_free(&in);
}

/* A published entry is named by the SHA-1 of its bytes and holds them; an
 * empty one is not published; a file already there is left alone. */
static void test_export(void)
{
    struct inst in;
    char name[HASH_HEX_LEN + 1], path[400];
    inst_init(&in, NULL);
    sync_export(&in.c, local(&in, "hello"));
    name_of("hello", 5, name);
    corpus_file(&in, name, path, sizeof path);
    uint8_t *data;
    size_t len;
    CHECK(corpus_read_file(path, &data, &len) == 0 && len == 5 && memcmp(data, "hello", 5) == 0);
    free(data);

    struct entry *empty = local(&in, "");
    sync_export(&in.c, empty);
    corpus_file(&in, empty->name, path, sizeof path);
    CHECK(access(path, F_OK) != 0);

    /* someone published it already (here: other bytes, to tell): not rewritten */
    name_of("again", 5, name);
    corpus_file(&in, name, path, sizeof path);
    spit(path, "theirs", 6);
    sync_export(&in.c, local(&in, "again"));
    CHECK(corpus_read_file(path, &data, &len) == 0 && len == 6 && memcmp(data, "theirs", 6) == 0);
    free(data);
    inst_free(&in);
}

/* What one instance publishes, another imports at its next tick: queued to
 * run once, then known. */
static void test_import_from_another_instance(void)
{
    struct inst a, b;
    inst_init(&a, NULL);
    inst_init(&b, a.dir);
    sync_export(&a.c, local(&a, "from-a-1"));
    sync_export(&a.c, local(&a, "from-a-2"));
    local(&b, "from-a-2"); /* b found this one itself */
    b.c.sync.exported = 1;
    tick(&b);
    CHECK(QUEUED(&b, "from-a-1"));
    tick(&b);
    CHECK(QUEUED_NONE(&b));
    inst_free(&a);
    inst_free(&b);
}

/* The first tick in the fuzzing phase publishes the whole local corpus
 * (seeds, cache), once. */
static void test_first_tick_publishes_corpus(void)
{
    struct inst in, other;
    inst_init(&in, NULL);
    local(&in, "seed-1");
    local(&in, "seed-2");
    tick(&in);
    CHECK(in.c.sync.exported);
    CHECK(QUEUED_NONE(&in)); /* its own entries are not imported back */
    inst_init(&other, in.dir);
    other.c.sync.exported = 1;
    tick(&other);
    CHECK(QUEUED(&other, "seed-1", "seed-2"));
    /* later entries go out one by one (sync_export), not by the tick */
    local(&in, "seed-3");
    tick(&in);
    tick(&other);
    CHECK(QUEUED_NONE(&other));
    inst_free(&in);
    inst_free(&other);
}

/* A tick does nothing sooner than a period after the last, outside the
 * fuzzing phase, or without -sync_dir. */
static void test_when_a_tick_works(void)
{
    struct inst in;
    inst_init(&in, NULL);
    in.c.sync.exported = 1;
    tick(&in);
    publish(&in, "new-one", 7);
    sync_tick(&in.c, in.now + PERIOD - 1);
    CHECK(QUEUED_NONE(&in));
    in.c.phase = PH_BASELINE;
    tick(&in);
    CHECK(QUEUED_NONE(&in));
    in.c.phase = PH_CRASH;
    tick(&in);
    CHECK(QUEUED_NONE(&in));
    in.c.phase = PH_FUZZ;
    in.o.sync_dir = NULL;
    tick(&in);
    CHECK(QUEUED_NONE(&in));
    in.o.sync_dir = in.dir;
    tick(&in);
    CHECK(QUEUED(&in, "new-one"));
    inst_free(&in);
}

/* ---- files not to import ------------------------------------------------------ */

/* Over -max_len: named once, not read, never looked at again (even once
 * the file under that name is a good one). */
static void test_over_max_len(void)
{
    struct inst in;
    char big[100], name[HASH_HEX_LEN + 1], path[400];
    inst_init(&in, NULL);
    in.c.sync.exported = 1;
    in.c.max_len = 64;
    memset(big, 'B', sizeof big);
    publish(&in, big, sizeof big);
    publish(&in, big, 64); /* exactly max_len: fine */
    capture_start();
    tick(&in);
    const char *err = capture_end();
    CHECK(count_lines(err, "over -max_len=64") == 1 && strstr(err, "100 bytes"));
    CHECK_EQ_U(queue_len(&in.c.sync.q), 1);
    struct entry *e = queue_pop(&in.c.sync.q);
    CHECK(e && e->len == 64 && memcmp(e->data, big, 64) == 0);
    name_of(big, sizeof big, name);
    corpus_file(&in, name, path, sizeof path);
    spit(path, "small", 5);
    capture_start();
    tick(&in);
    err = capture_end();
    CHECK(err[0] == 0);
    CHECK(QUEUED_NONE(&in));
    inst_free(&in);
}

/* A FIFO, a directory: named once as not regular files; the FIFO never
 * opened (the tick does not block on it). */
static void test_not_regular_files(void)
{
    struct inst in;
    char path[400];
    inst_init(&in, NULL);
    in.c.sync.exported = 1;
    corpus_file(&in, "1111111111111111111111111111111111111111", path, sizeof path);
    CHECK(mkfifo(path, 0644) == 0);
    corpus_file(&in, "2222222222222222222222222222222222222222", path, sizeof path);
    CHECK(mkdir(path, 0755) == 0);
    publish(&in, "good", 4);
    capture_start();
    tick(&in);
    const char *err = capture_end();
    CHECK_EQ_U(count_lines(err, "not a regular file"), 2);
    CHECK(strstr(err, "1111111111111111111111111111111111111111") &&
          strstr(err, "2222222222222222222222222222222222222222"));
    CHECK(QUEUED(&in, "good"));
    capture_start();
    tick(&in);
    err = capture_end();
    CHECK(err[0] == 0);
    CHECK(QUEUED_NONE(&in));
    inst_free(&in);
}

/* An empty file: silently never read again. */
static void test_empty_file(void)
{
    struct inst in;
    char name[HASH_HEX_LEN + 1], path[400];
    inst_init(&in, NULL);
    in.c.sync.exported = 1;
    name_of("", 0, name);
    corpus_file(&in, name, path, sizeof path);
    spit(path, "", 0);
    capture_start();
    tick(&in);
    const char *err = capture_end();
    CHECK(err[0] == 0);
    CHECK(QUEUED_NONE(&in));
    CHECK(corpus_find(&in.c.sync.seen, name) != NULL);
    spit(path, "now-with-bytes", 14);
    tick(&in);
    CHECK(QUEUED_NONE(&in));
    inst_free(&in);
}

/* A file not named by the SHA-1 of its bytes: its bytes are imported once
 * (known by their own name from then on), its name never read again. */
static void test_misnamed_file(void)
{
    struct inst in;
    char path[400], name[HASH_HEX_LEN + 1];
    inst_init(&in, NULL);
    in.c.sync.exported = 1;
    corpus_file(&in, "3333333333333333333333333333333333333333", path, sizeof path);
    spit(path, "content", 7);
    tick(&in);
    CHECK(QUEUED(&in, "content"));
    CHECK(corpus_find(&in.c.sync.seen, "3333333333333333333333333333333333333333") != NULL);
    spit(path, "changed", 7);
    tick(&in);
    CHECK(QUEUED_NONE(&in));
    /* the same bytes under their right name: known already */
    publish(&in, "content", 7);
    name_of("content", 7, name);
    tick(&in);
    CHECK(QUEUED_NONE(&in));
    inst_free(&in);
}

/* Names that are no SHA-1 (temporary files, anything else) are never
 * opened; a dangling link is tried again (cheap: it may be a file that was
 * replaced between the listing and the open). */
static void test_names_not_looked_at(void)
{
    struct inst in;
    char path[400];
    inst_init(&in, NULL);
    in.c.sync.exported = 1;
    corpus_file(&in, ".tmp-3333333333333333333333333333333333333333-99", path, sizeof path);
    spit(path, "half-written", 12);
    corpus_file(&in, "README", path, sizeof path);
    spit(path, "hello", 5);
    corpus_file(&in, "44444444444444444444444444444444444444444", path, sizeof path); /* 41 */
    spit(path, "hello", 5);
    corpus_file(&in, "5555555555555555555555555555555555555555", path, sizeof path);
    CHECK(symlink("/nonexistent/ferret", path) == 0);
    capture_start();
    tick(&in);
    const char *err = capture_end();
    CHECK(err[0] == 0);
    CHECK(QUEUED_NONE(&in));
    CHECK_EQ_U(in.c.sync.seen.n, 0);
    /* the link now points at a file: read at the next tick */
    char target[400];
    snprintf(target, sizeof target, "%s/target", root);
    spit(target, "late", 4);
    unlink(path);
    CHECK(symlink(target, path) == 0);
    tick(&in);
    CHECK(QUEUED(&in, "late"));
    inst_free(&in);
}

/* ---- a pass's budget ------------------------------------------------------------ */

/* At most 256 entries are queued per pass; the rest wait for the next. */
static void test_import_budget(void)
{
    struct inst in;
    char data[16];
    inst_init(&in, NULL);
    in.c.sync.exported = 1;
    for (int i = 0; i < 300; i++) {
        int n = snprintf(data, sizeof data, "input-%d", i);
        publish(&in, data, (size_t)n);
    }
    tick(&in);
    CHECK_EQ_U(queue_len(&in.c.sync.q), 256);
    tick(&in);
    CHECK_EQ_U(queue_len(&in.c.sync.q), 300);
    tick(&in);
    CHECK_EQ_U(queue_len(&in.c.sync.q), 300);
    inst_free(&in);
}

/* At most 16 MiB are read per pass (the file that crosses it is the last). */
static void test_byte_budget(void)
{
    struct inst in;
    size_t mib = 1 << 20;
    char *big = malloc(mib);
    CHECK(big != NULL);
    if (!big)
        return;
    inst_init(&in, NULL);
    in.c.sync.exported = 1;
    in.c.max_len = mib;
    for (int i = 0; i < 20; i++) {
        memset(big, 'a' + i, mib);
        publish(&in, big, mib);
    }
    tick(&in);
    CHECK_EQ_U(queue_len(&in.c.sync.q), 16);
    tick(&in);
    CHECK_EQ_U(queue_len(&in.c.sync.q), 20);
    free(big);
    inst_free(&in);
}

/* At most 1024 files are opened per pass, usable or not. */
static void test_file_budget(void)
{
    struct inst in;
    char name[HASH_HEX_LEN + 1], path[400];
    inst_init(&in, NULL);
    in.c.sync.exported = 1;
    for (int i = 0; i < 1100; i++) { /* empty files under made-up names */
        snprintf(name, sizeof name, "%040d", i);
        corpus_file(&in, name, path, sizeof path);
        spit(path, "", 0);
    }
    tick(&in);
    CHECK_EQ_U(in.c.sync.seen.n, 1024);
    tick(&in);
    CHECK_EQ_U(in.c.sync.seen.n, 1100);
    CHECK(QUEUED_NONE(&in));
    inst_free(&in);
}

/* ---- findings -------------------------------------------------------------------- */

/* The first instance to claim a signature has it; the others learn it is
 * taken.  Signatures are claimed independently; nothing temporary stays. */
static void test_claim_finding(void)
{
    struct inst a, b;
    char name[HASH_HEX_LEN + 1], path[400];
    inst_init(&a, NULL);
    inst_init(&b, a.dir);
    const char *sig = "crash parse_header parse LLVMFuzzerTestOneInput";
    CHECK_EQ_U(sync_claim_finding(&a.c, sig), 0);
    CHECK_EQ_U(sync_claim_finding(&b.c, sig), 1);
    CHECK_EQ_U(sync_claim_finding(&b.c, "timeout"), 0);
    CHECK_EQ_U(sync_claim_finding(&a.c, "timeout"), 1);
    name_of(sig, strlen(sig), name);
    snprintf(path, sizeof path, "%s/findings/%s", a.dir, name);
    uint8_t *data;
    size_t len;
    CHECK(corpus_read_file(path, &data, &len) == 0 && len == strlen(sig) && memcmp(data, sig, len) == 0);
    free(data);
    snprintf(path, sizeof path, "%s/findings", a.dir);
    DIR *d = opendir(path);
    struct dirent *de;
    int files = 0, temps = 0;
    while (d && (de = readdir(d)))
        if (de->d_name[0] != '.' || strncmp(de->d_name, ".tmp-", 5) == 0) {
            files++;
            temps += de->d_name[0] == '.';
        }
    if (d)
        closedir(d);
    CHECK(files == 2 && temps == 0);
    /* without -sync_dir every finding is ours */
    a.o.sync_dir = NULL;
    CHECK_EQ_U(sync_claim_finding(&a.c, sig), 0);
    inst_free(&a);
    inst_free(&b);
}

/* ---- an unusable sync directory --------------------------------------------------- */

/* It cannot be created (a file stands there): one warning, and every later
 * call goes on quietly - nothing is claimed, nothing imported. */
static void test_unusable_dir(void)
{
    struct inst in;
    char file[300], dir[400];
    snprintf(file, sizeof file, "%s/plainfile", root);
    spit(file, "x", 1);
    snprintf(dir, sizeof dir, "%s/sync", file);
    capture_start();
    inst_init(&in, dir);
    local(&in, "seed");
    tick(&in);
    sync_export(&in.c, local(&in, "more"));
    int taken = sync_claim_finding(&in.c, "timeout");
    tick(&in);
    const char *err = capture_end();
    CHECK_EQ_U(count_lines(err, "sync directory: cannot"), 1);
    CHECK(strstr(err, "fuzzing goes on without it") != NULL);
    CHECK(in.c.sync.warned);
    CHECK_EQ_U(taken, 0);
    CHECK(QUEUED_NONE(&in));
    inst_free(&in);
}

/* It goes away while fuzzing: one warning at the next tick, then quiet;
 * back again, the import resumes. */
static void test_dir_goes_away(void)
{
    struct inst in;
    char moved[400];
    inst_init(&in, NULL);
    in.c.sync.exported = 1;
    snprintf(moved, sizeof moved, "%s.away", in.dir);
    CHECK(rename(in.dir, moved) == 0);
    capture_start();
    tick(&in);
    tick(&in);
    const char *err = capture_end();
    CHECK_EQ_U(count_lines(err, "sync directory: cannot read"), 1);
    CHECK(rename(moved, in.dir) == 0);
    publish(&in, "back", 4);
    tick(&in);
    CHECK(QUEUED(&in, "back"));
    inst_free(&in);
}

int main(void)
{
    CHECK(mkdtemp(root) != NULL);
    RUN(test_init_makes_dirs);
    RUN(test_export);
    RUN(test_import_from_another_instance);
    RUN(test_first_tick_publishes_corpus);
    RUN(test_when_a_tick_works);
    RUN(test_over_max_len);
    RUN(test_not_regular_files);
    RUN(test_empty_file);
    RUN(test_misnamed_file);
    RUN(test_names_not_looked_at);
    RUN(test_import_budget);
    RUN(test_byte_budget);
    RUN(test_file_budget);
    RUN(test_claim_finding);
    RUN(test_unusable_dir);
    RUN(test_dir_goes_away);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    CHECK(system(cmd) == 0);
    return CHECK_DONE("sync");
}
