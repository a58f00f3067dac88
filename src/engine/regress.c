/*
 * regress.c - regression mode: without -fuzz the binary replays its seed
 * corpus (testdata/fuzz/<target>/) and any files or directories named on the
 * command line, in-process, once each, and exits 0 if all pass.
 *
 * A failing input kills the process as it would under any test runner; the
 * runtime's crash reporting (target.c) names the input first, so the user
 * knows which file to look at.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "engine.h"
#include "runtime.h"

static int replay_corpus(struct corpus *c, size_t *ran)
{
    for (size_t i = 0; i < c->n; i++) {
        struct entry *e = c->v[i];
        target_set_context(e->path);
        target_run(e->data, e->len);
        target_set_context(NULL);
        (*ran)++;
    }
    return 0;
}

static int load_path(struct corpus *c, const char *p)
{
    uint8_t *data;
    size_t len;
    if (corpus_load_dir(c, p, 0, 0, NULL) == 0)
        return 0;
    if (errno != ENOTDIR || corpus_read_file(p, &data, &len) != 0) {
        fprintf(stderr, "ferret: cannot read %s: %s\n", p, strerror(errno));
        return -1;
    }
    /* Named files run even when their content repeats another's. */
    struct entry *e = corpus_append(c, data, len, p);
    free(data);
    if (!e)
        return -1;
    return 0;
}

int regress_run(const struct options *o, int argc, char **argv)
{
    struct corpus c = {0};
    char seeds[4096];
    size_t ran = 0;
    const char *target = corpus_target_name(argv[0]);
    snprintf(seeds, sizeof seeds, "testdata/fuzz/%s", target);
    if (corpus_load_dir(&c, seeds, 0, 0, NULL) != 0 && errno != ENOENT) {
        fprintf(stderr, "ferret: cannot read seed corpus %s: %s\n", seeds, strerror(errno));
        return FERRET_EXIT_INPUT;
    }
    for (int i = 0; i < o->npaths; i++)
        if (load_path(&c, o->paths[i]) != 0) {
            corpus_free(&c);
            return FERRET_EXIT_INPUT;
        }
    target_install_crash_reporting();
    target_set_exit_is_failure(1);
    if (o->timeout)
        target_set_timeout(o->timeout);
    target_init(&argc, &argv);
    replay_corpus(&c, &ran);
    corpus_free(&c);
    fprintf(stderr, "ok  %s: %zu input%s passed\n", target, ran, ran == 1 ? "" : "s");
    return FERRET_EXIT_OK;
}
