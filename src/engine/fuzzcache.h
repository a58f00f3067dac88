/*
 * fuzzcache.h - where Go mode keeps a target's cache corpus by default, and
 * clearing it (Go's `go clean -fuzzcache`).
 *
 * Go keys its fuzz cache by the package's import path and the target's name
 * ($GOCACHE/fuzz/<import path>/<FuzzTarget>).  A C program has no import
 * path; what tells two programs apart is where the binary is.  So the key
 * is the binary's absolute path (/proc/self/exe, resolved), mirrored under
 * the cache root, then the typed target's name:
 *
 *   $XDG_CACHE_HOME/ferret/<absolute path of the binary>[/<Target>]
 *   (~/.cache/ferret/... without XDG_CACHE_HOME)
 *
 * Two projects' build/fuzz_parser binaries get two caches; rebuilding a
 * binary in place keeps its cache; moving it starts a new one.
 */
#ifndef FERRET_FUZZCACHE_H
#define FERRET_FUZZCACHE_H

#include <stddef.h>

/* The default cache directory (malloc'd) of this binary and the typed
 * target named (NULL: the bytes target); NULL if there is no cache root
 * (no HOME, no XDG_CACHE_HOME). */
char *fuzzcache_dir(const char *argv0, const char *typed_target);

/* Removes from dir, and from its subdirectories one level down, the files
 * ferret writes there (cache entries named by 40 or 16 hex digits, the
 * .autodict, temporary files of dead writers), then each directory left
 * empty.  Anything else stays.  Counts what was removed and what was left;
 * 0, or -1 with errno set if dir exists but cannot be read. */
int fuzzcache_clean(const char *dir, size_t *removed, size_t *kept);

#endif
