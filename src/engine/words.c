/*
 * words.c - loading and keeping the run's dictionaries (see words.h).
 *
 * Owns: no state of its own: it writes the coordinator's [W] fields (words,
 * autodict, words_version, words_saved) and the file <cachedir>/.autodict
 * (written atomically).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report.h"
#include "coordinator_int.h"
#include "corpus.h"
#include "dict.h"
#include "words.h"

#define AUTODICT_FILE ".autodict"

/* Where the automatic dictionary is kept between runs: the cache (Go
 * mode).  libFuzzer mode keeps it in memory only: its directories are the
 * user's corpus, where a .autodict would count as one more unit (ClusterFuzz
 * counts the files), and libFuzzer keeps its own there neither. */
static int autodict_path(const struct coordinator *c, char *path, size_t len)
{
    if (c->o->libfuzzer || !c->cachedir)
        return -1;
    snprintf(path, len, "%s/%s", c->cachedir, AUTODICT_FILE);
    return 0;
}

/* -dict words first, then the automatic dictionary kept from earlier runs. */
int words_load(struct coordinator *c)
{
    char err[512], path[4096];
    if (c->o->dict && corpus_load_dict(&c->words, c->o->dict, err, sizeof err) != 0) {
        report_bad_dictionary(c->words.bad_line, err);
        return FERRET_EXIT_INPUT;
    }
    if (autodict_path(c, path, sizeof path) == 0 && access(path, F_OK) == 0 &&
        corpus_load_dict(&c->autodict, path, err, sizeof err) != 0)
        report_error("ignoring the automatic dictionary: %s\n", err);
    for (size_t i = 0; i < c->autodict.n && c->words.n < SHM_WORDS_MAX; i++)
        dict_add(&c->words, c->autodict.w[i].bytes, c->autodict.w[i].len);
    c->words_version = 1;
    return FERRET_EXIT_OK;
}

/* Keeps the automatic dictionary for the next run and shows it. */
void save_words(struct coordinator *c)
{
    if (c->words_saved++)
        return;
    size_t cap = c->autodict.n * (4 * DICT_MAX_WORD + 4) + 1, len = 0;
    char path[4096];
    char *text = malloc(cap);
    if (!text || c->autodict.n == 0) {
        free(text);
        return;
    }
    for (size_t i = 0; i < c->autodict.n; i++) {
        int n = dict_format_word(&c->autodict.w[i], text + len, cap - len);
        if (n < 0)
            break;
        len += (size_t)n;
        text[len++] = '\n';
    }
    report_dictionary(text, len);
    if (autodict_path(c, path, sizeof path) == 0 &&
        corpus_write_named(c->cachedir, AUTODICT_FILE, (const uint8_t *)text, len) != 0)
        report_error("cannot write %s/%s: %s\n", c->cachedir, AUTODICT_FILE, strerror(errno));
    free(text);
}
