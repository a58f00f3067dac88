/*
 * registry.h - the engine's view of Go-style typed fuzz targets (see
 * registry.c and include/ferret.h).  The engine lists and selects targets,
 * gets their seeds in binary form (typed.h), and after each run asks
 * whether the input failed and what the target said.
 */
#ifndef FERRET_REGISTRY_H
#define FERRET_REGISTRY_H

#include <stddef.h>
#include <stdint.h>

#include "ferret.h"
#include "typed.h"

/* Registered typed targets, sorted by name. */
size_t registry_count(void);
const struct ferret_target *registry_get(size_t i);
/* Checks names (unique, no '/') and types; -1 with a message in err. */
int registry_check(char *err, size_t errlen);
void registry_schema(const struct ferret_target *t, struct typed_schema *s);

struct registry_seed {
    struct go_value v[TYPED_MAX_ARGS];
    size_t n;
};
struct registry_encoded {
    uint8_t *data;
    size_t len;
};
/* Runs t's seeds function and encodes each seed; -1 with a message naming
 * the target, seed and value on a wrong arity, type or range. */
int registry_seeds(const struct ferret_target *t, struct registry_encoded **out, size_t *n,
                   char *err, size_t errlen);

/* Selects the typed target target_run() runs (NULL: LLVMFuzzerTestOneInput). */
void registry_select(const struct ferret_target *t);
const struct ferret_target *registry_selected(void);
const struct typed_schema *registry_selected_schema(void); /* NULL if none */
/* Runs the selected target on one input in binary form. */
void registry_run(const uint8_t *data, size_t len) FERRET_FRAME(registry_run);
/* After a run: did the input fail (ferret_fail/ferret_fatal), and the lines
 * the target logged (NUL-terminated, *len bytes). */
int registry_failed(void);
/* "file.c:12": where the input first failed (for telling bugs apart). */
const char *registry_fail_at(void);
const char *registry_message(size_t *len);

#endif
