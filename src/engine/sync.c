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
 * goes on; nothing local waits for it except the listing itself.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "coordinator_int.h"

#define SYNC_PERIOD_NS (2ULL * 1000000000ULL)
#define SYNC_MAX_IMPORT 256 /* entries taken per listing */

static void sync_warn(struct coordinator *c, const char *what, const char *path)
{
    if (!c->sync_warned)
        fprintf(stderr, "ferret: sync directory: cannot %s %s: %s; fuzzing goes on without it\n", what,
                path, strerror(errno));
    c->sync_warned = 1;
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
    return corpus_find(&c->corpus, name) != NULL || corpus_find(&c->sync_seen, name) != NULL;
}

/* Lists DIR/corpus and queues what this instance has not seen. */
static void sync_import(struct coordinator *c)
{
    char dir[4096], path[4200];
    sync_path(c, dir, sizeof dir, "corpus");
    DIR *d = opendir(dir);
    struct dirent *de;
    size_t taken = 0;
    if (!d) {
        sync_warn(c, "read", dir);
        return;
    }
    while ((de = readdir(d)) && taken < SYNC_MAX_IMPORT) {
        uint8_t *data;
        size_t len;
        if (strlen(de->d_name) != HASH_HEX_LEN || known(c, de->d_name))
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        if (corpus_read_file(path, &data, &len) != 0)
            continue;
        struct entry *e = NULL;
        if (len > 0 && len <= c->max_len)
            e = corpus_add(&c->sync_seen, data, len, path, NULL);
        free(data);
        if (e) {
            queue_push(&c->syncq, e);
            taken++;
        }
    }
    closedir(d);
}

void sync_tick(struct coordinator *c, uint64_t now)
{
    if (!c->o->sync_dir || c->phase != PH_FUZZ || now - c->sync_last_ns < SYNC_PERIOD_NS)
        return;
    c->sync_last_ns = now;
    if (!c->sync_exported) {
        for (size_t i = 0; i < c->corpus.n; i++)
            sync_export(c, c->corpus.v[i]); /* the seeds and cache, once */
        c->sync_exported = 1;
    }
    sync_import(c);
}
