/*
 * statsfile.h - -stats_file=PATH: one JSON object a line, appended every
 * -stats_interval and once more at the end of the run ("final": true).
 *
 *   {"elapsed_s":10.0,"execs":123456,"execs_per_sec":12345.6,
 *    "corpus":{"entries":57,"bytes":1834},"edges":212,"features":390,
 *    "stability":0.998,"findings":{"crash":1,"timeout":0,"oom":0,"leak":0,
 *    "failure":0},"finding_hits":3,"minimize_queue":0,
 *    "workers":[{"id":0,"state":"busy","restarts":1,"rss_mb":41}],
 *    "final":false}
 *
 * Each line goes out in one write() to a descriptor opened with O_APPEND,
 * so a kill at any moment leaves only whole lines (or, at worst, a last
 * line cut short by a full disk, which a reader skips): every complete line
 * parses.  Several ferret runs may append to one file.
 *
 * Owns: the stats file's descriptor (struct statsfile, the coordinator's).
 */
#ifndef FERRET_STATSFILE_H
#define FERRET_STATSFILE_H

#include <stddef.h>
#include <stdint.h>

#include "finding.h"

#define STATSFILE_KINDS (FINDING_FAIL + 1)

struct stats_worker {
    int id;
    const char *state;          /* "down", "starting", "idle", "busy" */
    unsigned restarts;          /* starts after the first */
    uint64_t rss_mb;            /* 0 if unknown */
};

struct stats_sample {
    double elapsed_s;
    uint64_t execs;
    double execs_per_sec;       /* over the whole run */
    uint64_t corpus_entries, corpus_bytes;
    uint64_t edges, features;
    double stability;           /* fraction of covered counters that are stable */
    uint64_t findings[STATSFILE_KINDS]; /* distinct findings by kind (finding_kind_name) */
    uint64_t finding_hits;      /* failures seen in all (-keep_going counts repeats) */
    uint64_t minimize_queue;    /* inputs waiting to be minimized (coverage and findings) */
    const struct stats_worker *workers;
    size_t nworkers;
    int final;
};

struct statsfile {
    int fd;                     /* -1: none */
    int warned;                 /* a failed write was reported */
};

/* Opens path for appending (created 0644); 0, or -1 with errno set. */
int statsfile_open(struct statsfile *sf, const char *path);
/* The sample as one JSON line in buf (cap bytes); its length, 0 if it does
 * not fit. */
size_t statsfile_format(const struct stats_sample *s, char *buf, size_t cap);
/* Appends the sample's line; 0, or -1 with errno set. */
int statsfile_append(struct statsfile *sf, const struct stats_sample *s);
void statsfile_close(struct statsfile *sf);

#endif
