/*
 * corpus.h - corpus entries in memory and on disk.
 *
 * On disk a corpus is a directory of files named by the SHA-1 of their
 * content (raw bytes, as libFuzzer keeps them).  Every file ferret writes goes
 * through corpus_write_atomic(): a temporary file in the same directory,
 * fsync, rename, fsync of the directory - so a reader, or a run killed at any
 * instant, sees the whole file or none of it, never a torn one.
 *
 * In memory (coordinator only) a corpus is an append-only array of immutable
 * entries; an entry's bytes are never freed or changed while the coordinator
 * runs, so workers' calls can refer to entries by pointer.  An entry replaced
 * by its minimized form is only flagged (retired), never removed.
 */
#ifndef FERRET_CORPUS_H
#define FERRET_CORPUS_H

#include <errno.h>
#include <stddef.h>
#include <stdint.h>

#include "hash.h"

struct entry {
    uint8_t *data;
    size_t len;
    char name[HASH_HEX_LEN + 1];   /* SHA-1 of data (corpus_add_name: any name) */
    char *path;                    /* file it came from or went to; may be NULL */
    uint64_t exec_ns;              /* last measured run time; 0 = unknown */
    size_t index;                  /* position in the corpus array */
    int failed;                    /* it fails by itself (-keep_going): not fuzzed */
    int merged;                    /* -merge: its result came from the control file */
    int retired;                   /* replaced by its minimized form: not fuzzed, file gone */
};

struct corpus {
    struct entry **v;
    size_t n, cap;
    struct entry **index;          /* by name: open addressing, a power of two,
                                      at most half full; NULL = empty slot */
    size_t index_cap;
};

/* Appends a copy of data unless an entry with the same content exists.
 * Returns the entry, the existing one, or NULL when out of memory. */
struct entry *corpus_add(struct corpus *c, const uint8_t *data, size_t len,
                         const char *path, int *added);
/* Remembers a name with no content: an entry with no data, retired (never
 * run), found by corpus_find(c, name) though name is no SHA-1 of its data
 * (sync.c: a file not to read again).  The existing entry if name is there;
 * NULL when out of memory. */
struct entry *corpus_add_name(struct corpus *c, const char *name);
/* Appends a copy even if the same content is present (regression mode runs
 * every named file).  Returns the entry or NULL when out of memory. */
struct entry *corpus_append(struct corpus *c, const uint8_t *data, size_t len, const char *path);
void corpus_free(struct corpus *c);
struct entry *corpus_find(const struct corpus *c, const char *name);

/* Reads every regular file of dir (sorted by name) into c.  Files larger
 * than max_len (if nonzero), unreadable, not regular (a FIFO, socket or
 * device: never opened for reading), or (with CORPUS_SKIP_EMPTY: the fuzzing
 * corpus) empty are named on stderr and skipped; subdirectories are passed
 * over.  A file over max_len is not read: its size is enough.
 * Returns 0, or -1 with errno if dir itself cannot be read (ENOENT included). */
#define CORPUS_SKIP_EMPTY 1
#define CORPUS_STRICT 2  /* a file that does not decode (typed targets) is an error */
int corpus_load_dir(struct corpus *c, const char *dir, size_t max_len, unsigned flags,
                    size_t *skipped);

/* errno for a file that is not a regular file or directory (FIFO, socket,
 * device); corpus_strerror() spells it "not a regular file". */
#define CORPUS_ENOTREG EOPNOTSUPP
const char *corpus_strerror(int err);

/* Reads one whole regular file without ever blocking: a path that stat()
 * shows is not a regular file is not opened; the open is O_NONBLOCK (a FIFO
 * put there after the stat does not wait for a writer) and fstat() checks
 * the file again before a byte is read.  Malloc'd buffer in *data.  -1 with
 * errno on failure: EISDIR, CORPUS_ENOTREG, or EFBIG when max is nonzero
 * and the file holds more than max bytes (then nothing is read and *len is
 * its size).  At most max bytes are ever read. */
int corpus_read_max(const char *path, size_t max, uint8_t **data, size_t *len);
/* corpus_read_max without a limit. */
int corpus_read_file(const char *path, uint8_t **data, size_t *len);

/* Typed targets (typed.h): with a schema set, files hold Go's "go test
 * fuzz v1" encoding and entries the binary form; corpus_load_dir and
 * corpus_write_atomic convert (a file that does not decode is named and
 * skipped, or with CORPUS_STRICT is an error), and written files are named
 * by 16 hex digits of the SHA-1 of their text.  NULL: raw bytes. */
struct typed_schema;
void corpus_set_schema(const struct typed_schema *s);
const struct typed_schema *corpus_schema(void);
/* Replaces *data (file text, malloc'd) with the binary form; -1 with
 * "line N: what was expected" or the type mismatch in err.  No-op without
 * a schema. */
int corpus_decode(uint8_t **data, size_t *len, char *err, size_t errlen);
/* The file text of an entry's binary form (malloc'd); -1 on no memory. */
int corpus_encode(const uint8_t *data, size_t len, char **text, size_t *tlen);
/* corpus_read_file + corpus_decode, for a file named on the command line;
 * a decode error, or a file that is not a regular file, is printed with the
 * path ("ferret: cannot read P: not a regular file") and gives -1 with errno
 * EINVAL (named already). */
int corpus_read_input(const char *path, uint8_t **data, size_t *len);

/* mkdir -p */
int corpus_mkdirs(const char *dir);

/* Writes data to dir/<sha1> atomically (see above), creating dir as needed.
 * On success stores the path (malloc'd) in *path_out if non-NULL.
 * Returns 0, or -1 with errno set; never leaves a temporary file behind. */
int corpus_write_atomic(const char *dir, const uint8_t *data, size_t len, char **path_out);

/* Writes data to dir/name atomically, as above. */
int corpus_write_named(const char *dir, const char *name, const uint8_t *data, size_t len);

/* Removes temporary files a killed writer left in dir (".tmp-<name>-<pid>"
 * whose pid is gone). */
void corpus_remove_stale_temps(const char *dir);

/* Default cache directory for a target: $XDG_CACHE_HOME/ferret/<target>, else
 * $HOME/.cache/ferret/<target>.  malloc'd, or NULL if neither is set. */
char *corpus_default_cachedir(const char *target);

/* The target's name: the base name of the binary. */
const char *corpus_target_name(const char *argv0);

/* Reads a dictionary file (-dict, the automatic dictionary) and parses it
 * into d (dict_parse); an unreadable or non-regular file is an error naming
 * it, in err. */
struct dict;
int corpus_load_dict(struct dict *d, const char *path, char *err, size_t errlen);

#endif
