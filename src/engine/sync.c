/*
 * sync.c - fuzzing on many machines: -sync_dir=DIR, any directory every
 * instance can reach (an NFS export, a mounted bucket).
 *
 *   DIR/corpus/<sha1>      every instance publishes its corpus entries here
 *   DIR/findings/<sig>     the first instance to find a stack signature claims it
 *
 * No locks: entries are content-addressed and written temp + fsync + rename,
 * so two instances publishing the same input write the same file; a finding
 * is claimed by link(), which fails for all but the first.  Every
 * SYNC_PERIOD_NS each instance lists DIR/corpus and re-runs the entries it
 * has not seen on a worker (like a baseline run); one with new coverage joins
 * its corpus and cache.
 *
 * Invariant: the sync directory is an optimisation, never a dependency: an
 * error there (missing, slow, full, read-only) is reported once and fuzzing
 * goes on; nothing local waits for it except the listing itself and the
 * reading of regular files.  A listed file is read only if it is a regular
 * file (corpus_read_max: a FIFO, socket or device is never opened for
 * reading, nothing blocks), sized first and never read past max_len.  Every
 * name is looked at once: a file that is unusable (over max_len, not a
 * regular file, unreadable, empty, not named by the SHA-1 of its content) is
 * remembered in sync.seen by name (corpus_add_name), named on stderr once
 * if it is a fault, and never read again.  One pass opens at most
 * SYNC_MAX_FILES files, reads at most SYNC_MAX_BYTES (plus one file) and
 * queues at most SYNC_MAX_IMPORT entries; what is left waits for the next.
 *
 * libFuzzer's -reload=N is the same import from the first corpus directory
 * (the coordinator's cachedir, libFuzzer mode): every N seconds the files
 * other processes added there are run and those with new coverage join the
 * corpus.  There any name counts (libFuzzer reads every file); one not named
 * by its content's SHA-1 is read once and then remembered by name.
 *
 * Owns: in the coordinator: struct sync_state (c->sync: the names seen, the
 * queue of entries to run, when it last listed the sync and the corpus
 * directories, whether it published and warned), written only here but for
 * the loop popping q; the [Y] additions to the corpus.  In DIR: it creates DIR/corpus and DIR/findings, publishes
 * DIR/corpus/<sha1> (atomically) and claims DIR/findings/<sha1 of the
 * signature> by link() from a .tmp-<name>-<pid>, which it removes.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report.h"
#include "coordinator_int.h"

#define SYNC_PERIOD_NS (2ULL * 1000000000ULL)
#define SYNC_MAX_IMPORT 256            /* entries queued per pass */
#define SYNC_MAX_FILES 1024            /* files opened per pass */
#define SYNC_MAX_BYTES (16ULL << 20)   /* bytes read per pass, before the last file */

/* "sync directory" or, for -reload, "corpus directory". */
static const char *dir_label(const struct coordinator *c, const char *path)
{
    return c->o->sync_dir && !strncmp(path, c->o->sync_dir, strlen(c->o->sync_dir)) ? "sync directory"
                                                                                  : "corpus directory";
}

static void sync_warn(struct coordinator *c, const char *what, const char *path)
{
    if (!c->sync.warned)
        report_error("%s: cannot %s %s: %s; fuzzing goes on without it\n", dir_label(c, path), what,
                path, strerror(errno));
    c->sync.warned = 1;
}

static void sync_path(const struct coordinator *c, char *buf, size_t len, const char *sub)
{
    snprintf(buf, len, "%s/%s", c->o->sync_dir, sub);
}

void sync_init(struct coordinator *c)
{
    char p[4096];
    if (!c->o->sync_dir)
        return;
    sync_path(c, p, sizeof p, "corpus");
    if (corpus_mkdirs(p) != 0)
        sync_warn(c, "create", p);
    sync_path(c, p, sizeof p, "findings");
    if (corpus_mkdirs(p) != 0)
        sync_warn(c, "create", p);
}

void sync_export(struct coordinator *c, const struct entry *e)
{
    char dir[4096], path[4200];
    struct stat st;
    if (!c->o->sync_dir || e->len == 0)
        return;
    sync_path(c, dir, sizeof dir, "corpus");
    snprintf(path, sizeof path, "%s/%s", dir, e->name);
    if (stat(path, &st) == 0)
        return; /* someone published it already */
    if (corpus_write_named(dir, e->name, e->data, e->len) != 0)
        sync_warn(c, "write to", dir);
}

/* 1 if another instance claimed this signature first, 0 if we did (or the
 * directory is unusable: then every instance reports its own). */
int sync_claim_finding(struct coordinator *c, const char *sig)
{
    char name[HASH_HEX_LEN + 1], dir[4096], path[4200], tmp[4300];
    if (!c->o->sync_dir)
        return 0;
    hash_sha1_hex((const uint8_t *)sig, strlen(sig), name);
    sync_path(c, dir, sizeof dir, "findings");
    snprintf(path, sizeof path, "%s/%s", dir, name);
    snprintf(tmp, sizeof tmp, "%s/.tmp-%s-%ld", dir, name, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        sync_warn(c, "write to", dir);
        return 0;
    }
    int ok = write(fd, sig, strlen(sig)) == (ssize_t)strlen(sig) && fsync(fd) == 0;
    close(fd);
    int claimed = ok && link(tmp, path) == 0;
    int taken = !claimed && errno == EEXIST;
    unlink(tmp);
    return taken;
}

static int known(const struct coordinator *c, const char *name)
{
    return corpus_find(&c->corpus, name) != NULL || corpus_find(&c->sync.seen, name) != NULL;
}

/* Never reads the file called name again; says why on stderr (fmt), once. */
__attribute__((format(printf, 3, 4))) static void forget(struct coordinator *c, const char *name,
                                                         const char *fmt, ...)
{
    va_list ap;
    corpus_add_name(&c->sync.seen, name); /* out of memory: we may look again */
    if (!fmt)
        return;
    va_start(ap, fmt);
    vsay(fmt, ap);
    va_end(ap);
}

/* A listed file could not be read (errno; size: its size for EFBIG).
 * 0 to go on, -1 to end the pass (the trouble is ours, not the file's). */
static int import_failed(struct coordinator *c, const char *name, const char *path, size_t size)
{
    int err = errno;
    const char *where = dir_label(c, path);
    switch (err) {
    case ENOENT: /* removed since the listing, or a dangling link: cheap to try again */
        return 0;
    case EINTR:
    case EAGAIN:
    case EMFILE:
    case ENFILE:
    case ENOMEM:
        return -1;
    case EFBIG:
        forget(c, name, "ferret: %s: skipping %s: %zu bytes, over -max_len=%zu\n", where, path,
               size, c->max_len);
        return 0;
    case EISDIR:
    case CORPUS_ENOTREG:
        forget(c, name, "ferret: %s: skipping %s: not a regular file\n", where, path);
        return 0;
    default:
        forget(c, name, "ferret: %s: skipping %s: %s\n", where, path, strerror(err));
        return 0;
    }
}

/* Reads one listed file, adding what it read to *bytes.  1 if it was
 * queued, 0 if not, -1 to end the pass. */
static int import_one(struct coordinator *c, const char *dir, const char *name, uint64_t *bytes)
{
    char path[4200];
    uint8_t *data;
    size_t len = 0;
    int added = 0;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (corpus_read_max(path, c->max_len, &data, &len) != 0)
        return import_failed(c, name, path, len);
    *bytes += len;
    struct entry *e = len ? corpus_add(&c->sync.seen, data, len, path, &added) : NULL;
    free(data);
    if (len && !e)
        return -1;
    if (!e || strcmp(e->name, name) != 0)
        forget(c, name, NULL); /* empty, or named otherwise: its content is known by its own name */
    if (!added || corpus_find(&c->corpus, e->name))
        return 0;
    queue_push(&c->sync.q, e);
    return 1;
}

/* Lists dir and queues what this instance has not seen, within one pass's
 * budget; any_name: not only files named by a SHA-1 (-reload). */
static void import_dir(struct coordinator *c, const char *dir, int any_name)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    size_t taken = 0, opened = 0;
    uint64_t bytes = 0;
    if (!d) {
        sync_warn(c, "read", dir);
        return;
    }
    while (taken < SYNC_MAX_IMPORT && opened < SYNC_MAX_FILES && bytes < SYNC_MAX_BYTES &&
           (de = readdir(d))) {
        if (de->d_name[0] == '.' || (!any_name && strlen(de->d_name) != HASH_HEX_LEN) ||
            known(c, de->d_name))
            continue;
        opened++;
        int r = import_one(c, dir, de->d_name, &bytes);
        if (r < 0)
            break;
        taken += (size_t)r;
    }
    closedir(d);
}

static void sync_import(struct coordinator *c)
{
    char dir[4096];
    sync_path(c, dir, sizeof dir, "corpus");
    import_dir(c, dir, 0);
}

/* -reload=N (libFuzzer mode): the first corpus directory, every N seconds.
 * The first pass comes N seconds into fuzzing: what was there at the start
 * is in the corpus already. */
static void reload_tick(struct coordinator *c, uint64_t now)
{
    if (!c->o->libfuzzer || c->o->reload <= 0 || !c->cachedir || c->phase != PH_FUZZ)
        return;
    uint64_t period = (uint64_t)(c->o->reload < 86400 ? c->o->reload : 86400) * 1000000000ULL;
    if (c->sync.reload_ns == 0)
        c->sync.reload_ns = now;
    if (now - c->sync.reload_ns < period)
        return;
    c->sync.reload_ns = now;
    import_dir(c, c->cachedir, 1);
}

void sync_tick(struct coordinator *c, uint64_t now)
{
    reload_tick(c, now);
    if (!c->o->sync_dir || c->phase != PH_FUZZ || now - c->sync.last_ns < SYNC_PERIOD_NS)
        return;
    c->sync.last_ns = now;
    if (!c->sync.exported) {
        for (size_t i = 0; i < c->corpus.n; i++)
            sync_export(c, c->corpus.v[i]); /* the seeds and cache, once */
        c->sync.exported = 1;
    }
    sync_import(c);
}
