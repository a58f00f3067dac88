/*
 * statsfile.c - the stats file's lines (see statsfile.h).
 *
 * Owns: the descriptor in struct statsfile.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "json.h"
#include "statsfile.h"

int statsfile_open(struct statsfile *sf, const char *path)
{
    sf->warned = 0;
    sf->fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    return sf->fd >= 0 ? 0 : -1;
}

size_t statsfile_format(const struct stats_sample *s, char *buf, size_t cap)
{
    struct json j;
    json_init(&j, buf, cap > 0 ? cap - 1 : 0); /* room for the newline */
    json_object(&j, NULL);
    json_double(&j, "elapsed_s", s->elapsed_s);
    json_u64(&j, "execs", s->execs);
    json_double(&j, "execs_per_sec", s->execs_per_sec);
    json_object(&j, "corpus");
    json_u64(&j, "entries", s->corpus_entries);
    json_u64(&j, "bytes", s->corpus_bytes);
    json_end(&j);
    json_u64(&j, "edges", s->edges);
    json_u64(&j, "features", s->features);
    json_double(&j, "stability", s->stability);
    json_object(&j, "findings");
    for (int k = 0; k < STATSFILE_KINDS; k++)
        json_u64(&j, finding_kind_name((enum finding_kind)k), s->findings[k]);
    json_end(&j);
    json_u64(&j, "finding_hits", s->finding_hits);
    json_u64(&j, "minimize_queue", s->minimize_queue);
    json_array(&j, "workers");
    for (size_t i = 0; i < s->nworkers; i++) {
        json_object(&j, NULL);
        json_i64(&j, "id", s->workers[i].id);
        json_string(&j, "state", s->workers[i].state);
        json_u64(&j, "restarts", s->workers[i].restarts);
        json_u64(&j, "rss_mb", s->workers[i].rss_mb);
        json_end(&j);
    }
    json_end(&j);
    json_bool(&j, "final", s->final);
    json_end(&j);
    size_t n = json_done(&j);
    if (n == 0)
        return 0;
    buf[n] = '\n';
    return n + 1;
}

int statsfile_append(struct statsfile *sf, const struct stats_sample *s)
{
    size_t cap = 512 + s->nworkers * 96;
    char *line = malloc(cap);
    if (!line)
        return -1;
    size_t n = statsfile_format(s, line, cap);
    ssize_t w = n ? write(sf->fd, line, n) : -1;
    int saved = n ? errno : EOVERFLOW;
    free(line);
    if (w == (ssize_t)n)
        return 0;
    errno = w >= 0 ? ENOSPC : saved; /* a short write: the disk is full */
    return -1;
}

void statsfile_close(struct statsfile *sf)
{
    if (sf->fd >= 0)
        close(sf->fd);
    sf->fd = -1;
}
