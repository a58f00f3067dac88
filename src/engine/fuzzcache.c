/*
 * fuzzcache.c - the default cache directory's key and `-clean_fuzzcache`
 * (see fuzzcache.h).
 *
 * Owns: nothing (it computes a path; cleaning removes only files whose
 * names ferret gives: never a file a user put there).
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "corpus.h"
#include "fuzzcache.h"

char *fuzzcache_dir(const char *argv0, const char *typed_target)
{
    char exe[PATH_MAX], key[PATH_MAX + 256];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    const char *path = exe;
    if (n > 0) {
        exe[n] = 0;
        while (*path == '/')
            path++;
    } else {
        path = corpus_target_name(argv0); /* no /proc: the base name, as before */
    }
    if (typed_target)
        snprintf(key, sizeof key, "%s/%s", path, typed_target);
    else
        snprintf(key, sizeof key, "%s", path);
    return corpus_default_cachedir(key);
}

static int all_hex(const char *s, size_t n)
{
    if (strlen(s) != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return 0;
    return 1;
}

/* A name ferret gives a file in a cache directory. */
static int ours(const char *name)
{
    return all_hex(name, 40) || all_hex(name, 16) || strcmp(name, ".autodict") == 0 ||
           strncmp(name, ".tmp-", 5) == 0;
}

static int clean_dir(const char *dir, int depth, size_t *removed, size_t *kept)
{
    DIR *d = opendir(dir);
    if (!d)
        return errno == ENOENT ? 0 : -1;
    struct dirent *de;
    char path[PATH_MAX];
    int rc = 0;
    while ((de = readdir(d))) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        struct stat st;
        if (lstat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode) && depth > 0) {
            if (clean_dir(path, depth - 1, removed, kept) != 0)
                rc = -1;
        } else if (S_ISREG(st.st_mode) && ours(de->d_name) && unlink(path) == 0) {
            (*removed)++;
        } else {
            (*kept)++;
        }
    }
    closedir(d);
    if (rmdir(dir) != 0 && errno != ENOTEMPTY && errno != EEXIST && errno != ENOENT)
        rc = -1;
    return rc;
}

int fuzzcache_clean(const char *dir, size_t *removed, size_t *kept)
{
    *removed = *kept = 0;
    return clean_dir(dir, 1, removed, kept);
}
