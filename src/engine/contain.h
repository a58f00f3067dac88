/*
 * contain.h - every process a target starts dies with its worker
 * (setsid()'d, double-forked and daemonized ones too, and when the
 * coordinator itself is SIGKILLed).  The mechanism, the keeper, is
 * described in contain.c.
 *
 * The coordinator's side:
 *   - the spec in FERRET_WORKER gets a sixth field, the write end of a pipe
 *     on which the keeper reports the worker's pid (one int32);
 *   - contain_has_orphans() tells whether a keeper adopted a process the
 *     target started (a double fork's grandchild, say);
 *   - contain_coordinator_init() makes the coordinator a child subreaper,
 *     so whatever a killed keeper leaves comes back to it, and
 *     contain_kill_strays() kills every child of the coordinator that is
 *     not one it started.
 */
#ifndef FERRET_CONTAIN_H
#define FERRET_CONTAIN_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Environment: FERRET_KEEPER=0 runs workers without a keeper (the fallback). */
#define CONTAIN_KEEPER_ENV "FERRET_KEEPER"

/* The children of process pid (all its threads'), at most max of them in
 * out; returns how many there are (may exceed max).  Reads
 * /proc/<pid>/task/<tid>/children, or scans /proc/<n>/stat for the parent
 * where the kernel lacks that file. */
size_t contain_children(pid_t pid, pid_t *out, size_t max);

/* The parent of pid per /proc/<pid>/stat, or -1 if it is gone. */
pid_t contain_parent_of(pid_t pid);

/* Coordinator: become a child subreaper (orphans below us come to us,
 * not to init).  0 on success. */
int contain_coordinator_init(void);

/* Coordinator: 1 if keeper has a child other than worker, that is an
 * orphan of the target's it adopted (read from its main thread's
 * children; 0 where the kernel does not list them). */
int contain_has_orphans(pid_t keeper, pid_t worker);

/* Coordinator: SIGKILL every child of ours whose pid is not in keep[0..n).
 * Returns how many were killed (their deaths are reaped as usual). */
size_t contain_kill_strays(const pid_t *keep, size_t n);

#endif
