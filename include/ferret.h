/*
 * ferret.h - the public interface of libferret.a.
 *
 * A harness needs nothing from this header: ferret speaks libFuzzer's API, so
 * a file that defines LLVMFuzzerTestOneInput links against libferret.a as it
 * is.  The declarations below are the hooks ferret calls (all but the first
 * are optional) and the few functions ferret exports to targets.
 *
 * Every symbol libferret.a exports is one of: main (an archive member of its
 * own: a program with its own main links without it and calls
 * LLVMFuzzerRunDriver), LLVMFuzzer*, __sanitizer_cov_* / __sancov_*
 * (SanitizerCoverage callbacks), __sanitizer_weak_hook_*, ferret_*, and weak
 * definitions of the C library functions ferret watches (malloc, calloc,
 * realloc, free, memcmp, bcmp, strcmp, strncmp, strcasecmp, strncasecmp,
 * strstr, strcasestr, memmem) and of __lsan_is_turned_off: a harness's own
 * definition of one of those wins.
 *
 * Owns: nothing: the public interface.  A struct ferret_target that
 * FERRET_FUZZ defines is the harness's, registered by pointer (registry.c
 * keeps the pointer); the ferret_t a target is handed and the ferret_seeds
 * a seeds function adds to are registry.c's.
 */
#ifndef FERRET_H
#define FERRET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The target: called once per input.  Return 0 (other values are reserved). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Optional: called once in each process that runs the target, before the
 * first input. */
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Optional: replaces ferret's mutator.  Must be deterministic for a given
 * seed, or crash recovery cannot rebuild the input a worker died on. */
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size,
                               unsigned int seed);

/* Optional: custom cross-over of two inputs (same determinism rule). */
size_t LLVMFuzzerCustomCrossOver(const uint8_t *data1, size_t size1,
                                 const uint8_t *data2, size_t size2,
                                 uint8_t *out, size_t max_out_size,
                                 unsigned int seed);

/* Provided by ferret: applies ferret's built-in mutations, for custom
 * mutators that want to fall back on them. */
size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);

/* The ferret version string, e.g. "0.1.0". */
const char *ferret_version(void);

/* ---- Go-style fuzz targets -------------------------------------------------
 *
 * Besides (or instead of) LLVMFuzzerTestOneInput, a binary may hold any number
 * of named fuzz targets taking typed arguments, as Go's fuzz tests do:
 *
 *     static void seeds_kv(ferret_seeds *s)
 *     {
 *         ferret_add(s, ferret_bytes("k=v", 3), ferret_int64(1));
 *     }
 *
 *     static void fuzz_kv(ferret_t *t, const ferret_value *arg)
 *     {
 *         const uint8_t *data = arg[0].bytes.data;   // arg[0]: bytes
 *         size_t len = arg[0].bytes.len;
 *         int64_t limit = arg[1].i;                   // arg[1]: int64
 *         if (parse(data, len, limit) < 0)
 *             ferret_fail(t, "parse(%zu bytes, %lld) failed", len, (long long)limit);
 *     }
 *
 *     FERRET_FUZZ(FuzzKV, fuzz_kv, seeds_kv, FERRET_BYTES, FERRET_INT64);
 *
 * FERRET_FUZZ registers the target when the binary loads; no main() is
 * written.  The seeds function (or NULL) adds seed inputs, like Go's f.Add.
 * Select with -fuzz=REGEX (fuzz one target) and -run=Target/entry (replay);
 * the corpus is stored in Go's "go test fuzz v1" encoding under
 * testdata/fuzz/<Target>/.  See README.md, "Go-style fuzz targets". */

typedef enum ferret_type {
    FERRET_BYTES, FERRET_STRING, FERRET_BOOL,
    FERRET_INT, FERRET_INT8, FERRET_INT16, FERRET_INT32, FERRET_INT64,
    FERRET_UINT, FERRET_UINT8, FERRET_UINT16, FERRET_UINT32, FERRET_UINT64,
    FERRET_FLOAT32, FERRET_FLOAT64,
} ferret_type;
#define FERRET_FLOAT FERRET_FLOAT32   /* C's float */
#define FERRET_DOUBLE FERRET_FLOAT64  /* C's double */

/* One argument.  BYTES and STRING use bytes (a STRING's data is also
 * NUL-terminated; it may hold any bytes, NULs included); BOOL uses b; INT*
 * use i, UINT* use u, always within the type's range; FLOAT32 uses f32 and
 * FLOAT64 f64.  The memory is ferret's and valid during the call only. */
struct ferret_bytes_view {
    const uint8_t *data;
    size_t len;
};
typedef struct ferret_value {
    ferret_type type;
    union {
        struct ferret_bytes_view bytes;
        bool b;
        int64_t i;
        uint64_t u;
        float f32;
        double f64;
    };
} ferret_value;

typedef struct ferret_t ferret_t;         /* the running input's context */
typedef struct ferret_seeds ferret_seeds; /* where a seeds function adds to */

typedef void (*ferret_fuzz_fn)(ferret_t *t, const ferret_value *arg);
typedef void (*ferret_seeds_fn)(ferret_seeds *s);

struct ferret_target {
    const char *name;          /* Go-style: FuzzSomething */
    ferret_fuzz_fn fn;
    ferret_seeds_fn seeds;     /* may be NULL */
    const ferret_type *types;
    size_t ntypes;
};

/* Registers a target; FERRET_FUZZ calls it from a constructor. */
void ferret_register(const struct ferret_target *target);

#define FERRET_FUZZ(name, fn, seeds, ...)                                         \
    static const ferret_type ferret_types_##name[] = {__VA_ARGS__};               \
    static const struct ferret_target ferret_target_##name = {                     \
        #name, fn, seeds, ferret_types_##name,                                     \
        sizeof ferret_types_##name / sizeof ferret_types_##name[0]};               \
    __attribute__((constructor)) static void ferret_register_##name(void)         \
    {                                                                              \
        ferret_register(&ferret_target_##name);                                    \
    }                                                                              \
    typedef int ferret_semicolon_##name

/* Values for seeds. */
static inline ferret_value ferret_bytes(const void *data, size_t len)
{
    ferret_value v;
    v.type = FERRET_BYTES;
    v.bytes.data = (const uint8_t *)data;
    v.bytes.len = len;
    return v;
}
/* A NUL-terminated string (use ferret_bytes and then set .type =
 * FERRET_STRING for one holding NULs). */
ferret_value ferret_string(const char *s);
#define FERRET_VALUE_FN(fname, T, ctype, field) \
    static inline ferret_value fname(ctype x)    \
    {                                            \
        ferret_value v;                          \
        v.type = T;                              \
        v.field = x;                             \
        return v;                                \
    }
FERRET_VALUE_FN(ferret_bool, FERRET_BOOL, bool, b)
FERRET_VALUE_FN(ferret_int, FERRET_INT, int64_t, i)
FERRET_VALUE_FN(ferret_int8, FERRET_INT8, int8_t, i)
FERRET_VALUE_FN(ferret_int16, FERRET_INT16, int16_t, i)
FERRET_VALUE_FN(ferret_int32, FERRET_INT32, int32_t, i)
FERRET_VALUE_FN(ferret_int64, FERRET_INT64, int64_t, i)
FERRET_VALUE_FN(ferret_uint, FERRET_UINT, uint64_t, u)
FERRET_VALUE_FN(ferret_uint8, FERRET_UINT8, uint8_t, u)
FERRET_VALUE_FN(ferret_uint16, FERRET_UINT16, uint16_t, u)
FERRET_VALUE_FN(ferret_uint32, FERRET_UINT32, uint32_t, u)
FERRET_VALUE_FN(ferret_uint64, FERRET_UINT64, uint64_t, u)
FERRET_VALUE_FN(ferret_float32, FERRET_FLOAT32, float, f32)
FERRET_VALUE_FN(ferret_float64, FERRET_FLOAT64, double, f64)
#undef FERRET_VALUE_FN

/* Adds one seed: ferret_add(s, value, value, ...), one value per argument,
 * of the target's types (checked at start-up; a mismatch is an error naming
 * the target, the seed and the argument). */
void ferret_add_values(ferret_seeds *s, const ferret_value *v, size_t n);
#ifndef __cplusplus
#define ferret_add(s, ...)                                                    \
    ferret_add_values((s), (const ferret_value[]){__VA_ARGS__},               \
                      sizeof((const ferret_value[]){__VA_ARGS__}) / sizeof(ferret_value))
#endif

/* Inside a target, as Go's t.Log, t.Errorf, t.Fatalf and t.Skipf:
 *  - ferret_log: a line shown with the input's failure (and nowhere else);
 *  - ferret_fail: the input fails, and the target goes on running it;
 *  - ferret_fatal: the input fails and the target stops here (a longjmp:
 *    in C++, destructors of the frames it leaves do not run);
 *  - ferret_skip: the input stops here and does not fail.
 * A failure is a finding like a crash, but the worker does not die: it is
 * minimized in-process and written to testdata/fuzz/<Target>/. */
#if defined(__GNUC__)
#define FERRET_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define FERRET_PRINTF(a, b)
#endif
void ferret_log_at(ferret_t *t, const char *file, int line, const char *fmt, ...) FERRET_PRINTF(4, 5);
void ferret_fail_at(ferret_t *t, const char *file, int line, const char *fmt, ...) FERRET_PRINTF(4, 5);
__attribute__((noreturn)) void ferret_fatal_at(ferret_t *t, const char *file, int line,
                                               const char *fmt, ...) FERRET_PRINTF(4, 5);
__attribute__((noreturn)) void ferret_skip_at(ferret_t *t, const char *file, int line,
                                              const char *fmt, ...) FERRET_PRINTF(4, 5);
#define ferret_log(t, ...) ferret_log_at((t), __FILE__, __LINE__, __VA_ARGS__)
#define ferret_fail(t, ...) ferret_fail_at((t), __FILE__, __LINE__, __VA_ARGS__)
#define ferret_fatal(t, ...) ferret_fatal_at((t), __FILE__, __LINE__, __VA_ARGS__)
#define ferret_skip(t, ...) ferret_skip_at((t), __FILE__, __LINE__, __VA_ARGS__)
/* 1 once ferret_fail or ferret_fatal was called for this input. */
int ferret_failed(const ferret_t *t);

/* Programs with a main of their own (language bindings, tools with a
 * fuzzing mode) call this instead of linking ferret's main, as with
 * libFuzzer: ferret runs on argc/argv with cb as the target (a bytes target,
 * as LLVMFuzzerTestOneInput).  Returns ferret's exit code; in a worker
 * process (ferret re-executes the binary, so main runs again and calls this
 * again) it does not return but exits. */
int LLVMFuzzerRunDriver(int *argc, char ***argv,
                        int (*cb)(const uint8_t *data, size_t size));

#ifdef __cplusplus
}

/* C++ has no compound literals (g++ refuses the C form: "taking address of
 * temporary array"; -pedantic warns about it in clang++): an
 * initializer_list holds the values for the length of the call instead
 * (so ferret_add needs C++11 or later). */
#include <initializer_list>
static inline void ferret_add_list(ferret_seeds *s, std::initializer_list<ferret_value> v)
{
    ferret_add_values(s, v.begin(), v.size());
}
#define ferret_add(s, ...) ferret_add_list((s), {__VA_ARGS__})
#endif

#endif
