/*
 * corpus.c - see corpus.h.  Invariants: a file written here is complete and
 * durable before the function returns 0; on error nothing is left behind.
 * A file is read only if it is a regular file, is opened without blocking
 * and is sized with fstat() first: a FIFO, socket or device in a corpus
 * directory never stalls a reader, and no more than a caller's limit is read.
 *
 * Owns: codec, the schema that turns typed files into binary forms (NULL:
 * raw bytes), set through select_use (select.c): once in the coordinator
 * and in a worker, once per target in the regression run.  Of a struct
 * corpus, only this file writes the array (v, n, cap) and the name index,
 * and of an entry its bytes, name and path (its flags and exec_ns are its
 * users': the loop, crash.c, merge.c).  On disk: the files it writes (a
 * temporary .tmp-<name>-<pid> in the same directory, renamed or removed
 * before it returns; a killed writer's are removed by
 * corpus_remove_stale_temps) and the directories corpus_mkdirs creates.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report.h"
#include "corpus.h"
#include "dict.h"
#include "gocorpus.h"
#include "typed.h"

/* Typed targets: files hold Go's encoding, entries the binary form. */
static const struct typed_schema *codec;

void corpus_set_schema(const struct typed_schema *s) { codec = s; }
const struct typed_schema *corpus_schema(void) { return codec; }

int corpus_decode(uint8_t **data, size_t *len, char *err, size_t errlen)
{
    struct go_value *vals;
    size_t n;
    if (!codec)
        return 0;
    if (gocorpus_parse(*data, *len, &vals, &n, err, errlen) != 0)
        return -1;
    if (gocorpus_check_types(vals, n, codec->type, codec->n, err, errlen) != 0)
        goto free_vals;
    size_t need = typed_encode(codec, vals, NULL, 0);
    uint8_t *bin = need == SIZE_MAX ? NULL : malloc(need ? need : 1);
    if (!bin) {
        snprintf(err, errlen, "out of memory");
        goto free_vals;
    }
    typed_encode(codec, vals, bin, need);
    gocorpus_free(vals, n);
    free(*data);
    *data = bin;
    *len = need;
    return 0;
free_vals:
    gocorpus_free(vals, n);
    return -1;
}

int corpus_encode(const uint8_t *data, size_t len, char **text, size_t *tlen)
{
    struct go_value vals[TYPED_MAX_ARGS];
    typed_decode(codec, data, len, vals);
    size_t need = gocorpus_format(vals, codec->n, NULL, 0);
    if (need == SIZE_MAX || !(*text = malloc(need + 1))) {
        errno = ENOMEM;
        return -1;
    }
    gocorpus_format(vals, codec->n, *text, need + 1);
    *tlen = need;
    return 0;
}

const char *corpus_strerror(int err)
{
    return err == CORPUS_ENOTREG ? "not a regular file" : strerror(err);
}

int corpus_read_input(const char *path, uint8_t **data, size_t *len)
{
    char err[256];
    if (corpus_read_file(path, data, len) != 0) {
        if (errno != CORPUS_ENOTREG)
            return -1;
        report_error("cannot read %s: %s\n", path, corpus_strerror(errno));
        errno = EINVAL;
        return -1;
    }
    if (corpus_decode(data, len, err, sizeof err) == 0)
        return 0;
    report_error("%s: %s\n", path, err);
    free(*data);
    errno = EINVAL;
    return -1;
}

static int grow(struct corpus *c)
{
    if (c->n < c->cap)
        return 0;
    size_t cap = c->cap ? c->cap * 2 : 64;
    struct entry **v = realloc(c->v, cap * sizeof *v);
    if (!v)
        return -1;
    c->v = v;
    c->cap = cap;
    return 0;
}

void corpus_free(struct corpus *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->v[i]->data);
        free(c->v[i]->path);
        free(c->v[i]);
    }
    free(c->v);
    free(c->index);
    memset(c, 0, sizeof *c);
}

/* The name is hex SHA-1: its first 16 digits are as good as any hash. */
static size_t name_hash(const char *name)
{
    uint64_t h = 0;
    for (int i = 0; i < 16 && name[i]; i++) {
        char ch = name[i];
        h = h << 4 | (uint64_t)(ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10);
    }
    return (size_t)h;
}

static void index_put(struct entry **index, size_t cap, struct entry *e)
{
    size_t i = name_hash(e->name) & (cap - 1);
    while (index[i])
        i = (i + 1) & (cap - 1);
    index[i] = e;
}

/* Room for one more entry in the index; -1 when out of memory. */
static int index_grow(struct corpus *c)
{
    if (2 * (c->n + 1) <= c->index_cap)
        return 0;
    size_t cap = c->index_cap ? c->index_cap * 2 : 128;
    struct entry **index = calloc(cap, sizeof *index);
    if (!index)
        return -1;
    for (size_t i = 0; i < c->n; i++)
        index_put(index, cap, c->v[i]);
    free(c->index);
    c->index = index;
    c->index_cap = cap;
    return 0;
}

struct entry *corpus_find(const struct corpus *c, const char *name)
{
    if (!c->index_cap)
        return NULL;
    for (size_t i = name_hash(name) & (c->index_cap - 1); c->index[i];
         i = (i + 1) & (c->index_cap - 1))
        if (strcmp(c->index[i]->name, name) == 0)
            return c->index[i];
    return NULL;
}

struct entry *corpus_add(struct corpus *c, const uint8_t *data, size_t len,
                         const char *path, int *added)
{
    char name[HASH_HEX_LEN + 1];
    hash_sha1_hex(data, len, name);
    struct entry *e = corpus_find(c, name);
    if (added)
        *added = 0;
    if (e)
        return e;
    e = corpus_append(c, data, len, path);
    if (e && added)
        *added = 1;
    return e;
}

/* Puts e (its name set) at the end of c; -1 when out of memory. */
static int insert(struct corpus *c, struct entry *e)
{
    if (grow(c) != 0 || index_grow(c) != 0)
        return -1;
    e->index = c->n;
    c->v[c->n++] = e;
    index_put(c->index, c->index_cap, e);
    return 0;
}

struct entry *corpus_append(struct corpus *c, const uint8_t *data, size_t len, const char *path)
{
    struct entry *e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    e->data = malloc(len ? len : 1);
    e->path = path ? strdup(path) : NULL;
    if (!e->data || (path && !e->path))
        goto free_entry;
    memcpy(e->data, data, len);
    e->len = len;
    hash_sha1_hex(data, len, e->name);
    if (insert(c, e) == 0)
        return e;
free_entry:
    free(e->data);
    free(e->path);
    free(e);
    return NULL;
}

struct entry *corpus_add_name(struct corpus *c, const char *name)
{
    struct entry *e = corpus_find(c, name);
    if (e)
        return e;
    if (!(e = calloc(1, sizeof *e)))
        return NULL;
    snprintf(e->name, sizeof e->name, "%s", name);
    e->retired = 1;
    if ((e->data = malloc(1)) && insert(c, e) == 0)
        return e;
    free(e->data);
    free(e);
    return NULL;
}

/* An fd open on path if it is a regular file (see corpus.h), its size in
 * *size; -1 with errno. */
static int open_regular(const char *path, size_t *size)
{
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        errno = S_ISDIR(st.st_mode) ? EISDIR : CORPUS_ENOTREG;
        return -1;
    }
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int err = fstat(fd, &st) != 0  ? errno
              : S_ISREG(st.st_mode) ? 0
              : S_ISDIR(st.st_mode) ? EISDIR
                                    : CORPUS_ENOTREG;
    if (err == 0) {
        *size = (size_t)st.st_size;
        return fd;
    }
    close(fd);
    errno = err;
    return -1;
}

/* Reads up to size bytes (fewer if the file shrank); -1 with errno. */
static int read_upto(int fd, uint8_t *buf, size_t size, size_t *got)
{
    *got = 0;
    while (*got < size) {
        ssize_t n = read(fd, buf + *got, size - *got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        *got += (size_t)n;
    }
    return 0;
}

int corpus_read_max(const char *path, size_t max, uint8_t **data, size_t *len)
{
    size_t size, got;
    int fd = open_regular(path, &size);
    if (fd < 0)
        return -1;
    uint8_t *buf = NULL;
    if (max && size > max) {
        *len = size;
        errno = EFBIG;
        goto close_fd;
    }
    if (!(buf = malloc(size ? size : 1)) || read_upto(fd, buf, size, &got) != 0)
        goto close_fd;
    close(fd);
    *data = buf;
    *len = got;
    return 0;
close_fd:;
    int saved = errno;
    free(buf);
    close(fd);
    errno = saved;
    return -1;
}

int corpus_read_file(const char *path, uint8_t **data, size_t *len)
{
    return corpus_read_max(path, 0, data, len);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted list of the names in dir (hidden and temporary files left out; on
 * running out of memory, the names read so far). */
static char **list_dir(const char *dir, size_t *n)
{
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    char **names = NULL;
    size_t cap = 0;
    *n = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 64;
            char **nv = realloc(names, cap * sizeof *nv);
            if (!nv)
                break;
            names = nv;
        }
        if (!(names[*n] = strdup(de->d_name)))
            break;
        (*n)++;
    }
    closedir(d);
    if (!names)
        names = calloc(1, sizeof *names);
    if (names)
        qsort(names, *n, sizeof *names, cmp_names);
    return names;
}

/* Names a skipped file on stderr and counts it. */
__attribute__((format(printf, 2, 3))) static void skip(size_t *skipped, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsay(fmt, ap);
    va_end(ap);
    if (skipped)
        (*skipped)++;
}

/* The most a file of dir may hold for its entry to fit max_len: the entry
 * itself, or for typed targets its Go text (at most 4 characters a byte, a
 * few dozen more per value; generous, the decoded length is checked too). */
static size_t file_limit(size_t max_len)
{
    if (!max_len || !codec)
        return max_len;
    return max_len > (SIZE_MAX - 4096) / 8 ? 0 : 8 * max_len + 4096;
}

/* One file of a directory (see corpus_load_dir): 0 when added or skipped,
 * -1 with errno (EINVAL: with CORPUS_STRICT, a file that does not decode). */
static int load_file(struct corpus *c, const char *path, size_t max_len, unsigned flags,
                     size_t *skipped)
{
    uint8_t *data;
    size_t len;
    char why[256];
    if (corpus_read_max(path, file_limit(max_len), &data, &len) != 0) {
        if (errno == EISDIR)
            return 0;
        if (errno == EFBIG)
            skip(skipped, "ferret: skipping corpus file %s: %zu bytes is over -max_len=%zu\n", path,
                 len, max_len);
        else if (errno == CORPUS_ENOTREG)
            skip(skipped, "ferret: skipping %s: %s\n", path, corpus_strerror(errno));
        else
            skip(skipped, "ferret: skipping unreadable corpus file %s: %s\n", path, strerror(errno));
        return 0;
    }
    int rc = 0;
    if (corpus_decode(&data, &len, why, sizeof why) != 0) {
        free(data);
        if (flags & CORPUS_STRICT) {
            report_error("%s: %s; fix or remove the file\n", path, why);
            errno = EINVAL;
            return -1;
        }
        skip(skipped, "ferret: skipping corpus file %s: %s\n", path, why);
        return 0;
    }
    if (len == 0 && (flags & CORPUS_SKIP_EMPTY))
        skip(skipped, "ferret: skipping empty corpus file %s\n", path);
    else if (max_len && len > max_len)
        skip(skipped, "ferret: skipping corpus file %s: %zu bytes is over -max_len=%zu\n", path, len,
             max_len);
    else if (!corpus_add(c, data, len, path, NULL)) {
        errno = ENOMEM;
        rc = -1;
    }
    free(data);
    return rc;
}

int corpus_load_dir(struct corpus *c, const char *dir, size_t max_len, unsigned flags,
                    size_t *skipped)
{
    size_t n = 0, i;
    char **names = list_dir(dir, &n);
    if (!names)
        return -1;
    int rc = 0;
    for (i = 0; i < n && rc == 0; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        rc = load_file(c, path, max_len, flags, skipped);
    }
    int saved = errno;
    for (i = 0; i < n; i++)
        free(names[i]);
    free(names);
    errno = saved;
    return rc;
}

int corpus_mkdirs(const char *dir)
{
    char buf[4096];
    size_t n = strlen(dir);
    if (n == 0 || n >= sizeof buf) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(buf, dir, n + 1);
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = 0;
        if (mkdir(buf, 0777) != 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    if (mkdir(buf, 0777) != 0 && errno != EEXIST)
        return -1;
    return 0;
}

static int write_fully(int fd, const uint8_t *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0) {
            errno = ENOSPC;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

static void fsync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

int corpus_write_atomic(const char *dir, const uint8_t *data, size_t len, char **path_out)
{
    char name[HASH_HEX_LEN + 1], path[4096];
    char *text = NULL;
    size_t tlen;
    if (codec) { /* Go's encoding, named by 16 hex digits as Go names them */
        if (corpus_encode(data, len, &text, &tlen) != 0)
            return -1;
        data = (const uint8_t *)text;
        len = tlen;
    }
    hash_sha1_hex(data, len, name);
    if (codec)
        name[16] = 0;
    int rc = corpus_write_named(dir, name, data, len);
    free(text);
    if (rc != 0)
        return -1;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (path_out)
        *path_out = strdup(path);
    return 0;
}

int corpus_write_named(const char *dir, const char *name, const uint8_t *data, size_t len)
{
    char path[4096], tmp[4096];
    if (corpus_mkdirs(dir) != 0)
        return -1;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    snprintf(tmp, sizeof tmp, "%s/.tmp-%s-%ld", dir, name, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return -1;
    if (write_fully(fd, data, len) != 0 || fsync(fd) != 0)
        goto remove_tmp;
    if (close(fd) != 0) {
        fd = -1;
        goto remove_tmp;
    }
    fd = -1;
    if (rename(tmp, path) != 0)
        goto remove_tmp;
    fsync_dir(dir);
    return 0;
remove_tmp:;
    int saved = errno;
    if (fd >= 0)
        close(fd);
    unlink(tmp);
    errno = saved;
    return -1;
}

void corpus_remove_stale_temps(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    if (!d)
        return;
    while ((de = readdir(d))) {
        const char *dash = strrchr(de->d_name, '-');
        if (strncmp(de->d_name, ".tmp-", 5) != 0 || !dash)
            continue;
        long pid = strtol(dash + 1, NULL, 10);
        if (pid > 0 && (kill((pid_t)pid, 0) == 0 || errno == EPERM))
            continue; /* its writer may still be at work */
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        unlink(path);
    }
    closedir(d);
}

char *corpus_default_cachedir(const char *target)
{
    const char *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    char buf[4096];
    if (xdg && *xdg)
        snprintf(buf, sizeof buf, "%s/ferret/%s", xdg, target);
    else if (home && *home)
        snprintf(buf, sizeof buf, "%s/.cache/ferret/%s", home, target);
    else
        return NULL;
    return strdup(buf);
}

const char *corpus_target_name(const char *argv0)
{
    const char *slash = strrchr(argv0, '/');
    return slash ? slash + 1 : argv0;
}

int corpus_load_dict(struct dict *d, const char *path, char *err, size_t errlen)
{
    uint8_t *data;
    size_t len;
    if (corpus_read_file(path, &data, &len) != 0) {
        snprintf(err, errlen, "%s: %s", path, corpus_strerror(errno));
        return -1;
    }
    int rc = dict_parse(d, (const char *)data, len, path, err, errlen);
    free(data);
    return rc;
}
