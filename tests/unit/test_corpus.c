/* test_corpus.c - content naming, atomic writes, loading, dedupe, paths,
 * FIFOs and files over the limit (read without blocking, sized before read). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "corpus.h"

static size_t count_files(const char *dir, int *tmp_seen)
{
    DIR *d = opendir(dir);
    size_t n = 0;
    struct dirent *de;
    *tmp_seen = 0;
    while (d && (de = readdir(d))) {
        if (!strncmp(de->d_name, ".tmp-", 5))
            *tmp_seen = 1;
        if (de->d_name[0] != '.')
            n++;
    }
    if (d)
        closedir(d);
    return n;
}

static void test_write(const char *root)
{
    char dir[512], *path = NULL;
    int tmp;
    snprintf(dir, sizeof dir, "%s/a/b/c", root);
    CHECK(corpus_write_atomic(dir, (const uint8_t *)"abc", 3, &path) == 0);
    /* Named by SHA-1 of the content. */
    CHECK(path && strstr(path, "/a9993e364706816aba3e25717850c26c9cd0d89d"));
    uint8_t *data;
    size_t len;
    CHECK(corpus_read_file(path, &data, &len) == 0 && len == 3 && !memcmp(data, "abc", 3));
    free(data);
    free(path);
    /* Writing the same content again is harmless; no temporary file is left. */
    CHECK(corpus_write_atomic(dir, (const uint8_t *)"abc", 3, NULL) == 0);
    CHECK(corpus_write_atomic(dir, (const uint8_t *)"", 0, NULL) == 0);
    CHECK_EQ_U(count_files(dir, &tmp), 2);
    CHECK(!tmp);
    /* A directory that cannot be created is an error, with nothing left. */
    CHECK(corpus_write_atomic("/proc/ferret-no/such", (const uint8_t *)"x", 1, NULL) != 0);
}

static void test_load(const char *root)
{
    char dir[512], path[600];
    snprintf(dir, sizeof dir, "%s/load", root);
    CHECK(corpus_mkdirs(dir) == 0);
    const char *names[] = {"b", "a", "c", ".hidden"};
    const char *bodies[] = {"two", "one", "one", "x"};
    for (int i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        FILE *f = fopen(path, "w");
        fputs(bodies[i], f);
        fclose(f);
    }
    snprintf(path, sizeof path, "%s/big", dir);
    FILE *f = fopen(path, "w");
    for (int i = 0; i < 100; i++)
        fputc('z', f);
    fclose(f);
    struct corpus c = {0};
    size_t skipped = 0;
    CHECK(corpus_load_dir(&c, dir, 50, CORPUS_SKIP_EMPTY, &skipped) == 0);
    /* sorted by name; "c" repeats "a"'s content; hidden skipped; big over max_len */
    CHECK_EQ_U(c.n, 2);
    CHECK_EQ_U(skipped, 1);
    CHECK(c.n == 2 && c.v[0]->len == 3 && !memcmp(c.v[0]->data, "one", 3));
    CHECK(c.n == 2 && strstr(c.v[0]->path, "/a") != NULL);
    int added = -1;
    struct entry *e = corpus_add(&c, (const uint8_t *)"two", 3, NULL, &added);
    CHECK(added == 0 && e == c.v[1]);
    CHECK(corpus_find(&c, e->name) == e);
    snprintf(path, sizeof path, "%s/missing", root);
    CHECK(corpus_load_dir(&c, path, 0, 0, NULL) != 0);
    corpus_free(&c);
}

static void test_paths(void)
{
    CHECK(!strcmp(corpus_target_name("./build/my_fuzzer"), "my_fuzzer"));
    CHECK(!strcmp(corpus_target_name("plain"), "plain"));
    setenv("XDG_CACHE_HOME", "/x", 1);
    char *d = corpus_default_cachedir("t");
    CHECK(d && !strcmp(d, "/x/ferret/t"));
    free(d);
    unsetenv("XDG_CACHE_HOME");
    setenv("HOME", "/home/u", 1);
    d = corpus_default_cachedir("t");
    CHECK(d && !strcmp(d, "/home/u/.cache/ferret/t"));
    free(d);
}

/* The name index: 5000 entries, every one found, every re-add deduplicated
 * (across the index's growths), a name never added not found. */
static void test_index(void)
{
    struct corpus c = {0};
    char buf[32];
    int ok = 1;
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(buf, sizeof buf, "input %d", i), added = 0;
        struct entry *e = corpus_add(&c, (const uint8_t *)buf, (size_t)n, NULL, &added);
        ok &= e != NULL && added == 1 && e->index == (size_t)i;
    }
    CHECK(ok);
    CHECK_EQ_U(c.n, 5000);
    ok = 1;
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(buf, sizeof buf, "input %d", i), added = -1;
        struct entry *e = corpus_add(&c, (const uint8_t *)buf, (size_t)n, NULL, &added);
        ok &= e == c.v[i] && added == 0 && corpus_find(&c, c.v[i]->name) == c.v[i];
    }
    CHECK(ok);
    CHECK_EQ_U(c.n, 5000);
    CHECK(corpus_find(&c, "0000000000000000000000000000000000000000") == NULL);
    struct entry *dup = corpus_append(&c, (const uint8_t *)"input 7", 7, NULL);
    CHECK(dup && dup != c.v[7] && corpus_find(&c, dup->name) != NULL);
    corpus_free(&c);
    CHECK(corpus_find(&c, "00") == NULL);
}

/* A FIFO (no writer: a blocking open would wait forever) and a sparse 8 MiB
 * file beside a good one.  Loading names and skips both without blocking
 * or reading the big one; read directly, the FIFO is an error, not a hang. */
static void test_special(const char *root)
{
    char dir[512], fifo[600], big[600], good[600];
    snprintf(dir, sizeof dir, "%s/special", root);
    snprintf(fifo, sizeof fifo, "%s/fifo", dir);
    snprintf(big, sizeof big, "%s/huge", dir);
    snprintf(good, sizeof good, "%s/good", dir);
    CHECK(corpus_mkdirs(dir) == 0 && mkfifo(fifo, 0600) == 0);
    FILE *f = fopen(big, "w");
    CHECK(f && ftruncate(fileno(f), 8 << 20) == 0);
    fclose(f);
    f = fopen(good, "w");
    fputs("good", f);
    fclose(f);
    alarm(20); /* a hang is a failure, not a stuck test run */
    struct corpus c = {0};
    size_t skipped = 0;
    CHECK(corpus_load_dir(&c, dir, 4096, CORPUS_SKIP_EMPTY | CORPUS_STRICT, &skipped) == 0);
    CHECK_EQ_U(c.n, 1);
    CHECK_EQ_U(skipped, 2);
    CHECK(c.n == 1 && c.v[0]->len == 4 && !memcmp(c.v[0]->data, "good", 4));
    uint8_t *data = NULL;
    size_t len = 0;
    errno = 0;
    CHECK(corpus_read_file(fifo, &data, &len) != 0 && errno == CORPUS_ENOTREG);
    CHECK(!strcmp(corpus_strerror(CORPUS_ENOTREG), "not a regular file"));
    errno = 0;
    CHECK(corpus_read_input(fifo, &data, &len) != 0 && errno == EINVAL);
    /* Over the limit: EFBIG with the size, nothing read; at the limit: read. */
    errno = 0;
    CHECK(corpus_read_max(big, 4096, &data, &len) != 0 && errno == EFBIG && len == 8u << 20);
    CHECK(corpus_read_max(good, 4, &data, &len) == 0 && len == 4);
    free(data);
    CHECK(corpus_read_max(good, 3, &data, &len) != 0 && errno == EFBIG && len == 4);
    errno = 0;
    CHECK(corpus_read_file(dir, &data, &len) != 0 && errno == EISDIR);
    /* Without a limit, the whole file is read. */
    CHECK(corpus_read_file(big, &data, &len) == 0 && len == 8u << 20 && data[len - 1] == 0);
    free(data);
    alarm(0);
    corpus_free(&c);
}

/* A remembered name: found, retired, no data, added once, apart from content. */
static void test_add_name(void)
{
    struct corpus c = {0};
    const char *name = "0123456789abcdef0123456789abcdef01234567";
    struct entry *e = corpus_add_name(&c, name);
    CHECK(e && e->retired && e->len == 0 && !strcmp(e->name, name));
    CHECK(corpus_find(&c, name) == e);
    CHECK(corpus_add_name(&c, name) == e);
    int added = 0;
    struct entry *x = corpus_add(&c, (const uint8_t *)"x", 1, NULL, &added);
    CHECK(x && added && x != e && corpus_find(&c, x->name) == x);
    CHECK_EQ_U(c.n, 2);
    corpus_free(&c);
}

int main(void)
{
    char root[] = "/tmp/ferret-test-corpus-XXXXXX";
    CHECK(mkdtemp(root) != NULL);
    RUN_WITH(test_write, root);
    RUN_WITH(test_load, root);
    RUN(test_paths);
    RUN(test_index);
    RUN_WITH(test_special, root);
    RUN(test_add_name);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    CHECK(system(cmd) == 0);
    return CHECK_DONE("corpus");
}
