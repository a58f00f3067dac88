/*
 * memory.c - the target's heap, as ferret watches it: -malloc_limit_mb (one
 * allocation over the limit is an out-of-memory finding) and malloc/free
 * counting for leak detection (a leak check runs only after an execution
 * whose mallocs and frees differ, as in libFuzzer).
 *
 * Two ways in, so one archive serves builds with and without a sanitizer:
 *  - with a sanitizer allocator (ASan, LSan; seen as __interceptor_malloc),
 *    its malloc/free hooks report every allocation, including C++ new;
 *  - without one, ferret's own malloc, calloc, realloc and free count and
 *    forward to the C library (__libc_*).  Under a sanitizer the same
 *    definitions forward to the sanitizer's interceptors and count nothing.
 *    They are weak (FERRET_INTERPOSE), as is __lsan_is_turned_off: a target
 *    that defines its own links, and its own are used (uncounted: no
 *    -malloc_limit_mb or leak counting without a sanitizer then).
 *
 * Invariants: only allocations made while the target runs are counted or
 * limited; the hooks never allocate.
 *
 * Owns: in every process of the binary: runtime_in_target (1 while the
 * target runs; written by target.c) and runtime_crashing (a report of ours
 * is being written; set here and by target.c), defined here so the
 * functions that replace the C library's depend on nothing above them;
 * exit_check_off (LeakSanitizer's check at exit is off); malloc_limit and
 * fault_hook (set by memory_init: a worker's, with its hook, or the
 * regression run's); mallocs and frees, the current execution's counts;
 * given and given_set, the dialect's words for the runtime's own reports
 * (handed down once by runtime_set_words: by worker_main in a worker, by
 * regress.c in the regression run), and in_use, the words in force
 * (runtime_get_words; runtime_write writes them, for target.c too).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "runtime.h"

void *__libc_malloc(size_t);
void *__libc_calloc(size_t, size_t);
void *__libc_realloc(void *, size_t);
void __libc_free(void *);
__attribute__((weak)) void *__interceptor_malloc(size_t);
__attribute__((weak)) void *__interceptor_calloc(size_t, size_t);
__attribute__((weak)) void *__interceptor_realloc(void *, size_t);
__attribute__((weak)) void __interceptor_free(void *);
__attribute__((weak)) int __sanitizer_install_malloc_and_free_hooks(
    void (*malloc_hook)(const volatile void *, size_t), void (*free_hook)(const volatile void *));
__attribute__((weak)) void __sanitizer_print_stack_trace(void);
__attribute__((weak)) int __lsan_do_recoverable_leak_check(void);

volatile int runtime_in_target; /* 1 while the target runs (target.c sets it) */
volatile sig_atomic_t runtime_crashing; /* a crash report of ours is being written */

/* LeakSanitizer asks this at exit.  The coordinator never runs the target,
 * and what a worker or the coordinator still holds at exit is not a leak of
 * the target's. */
static int exit_check_off;
FERRET_INTERPOSE int __lsan_is_turned_off(void) { return exit_check_off; }
void runtime_disable_exit_leak_check(void) { exit_check_off = 1; }

static size_t malloc_limit;             /* bytes; 0 = none */
static volatile uint64_t mallocs, frees; /* in the current execution */
static void (*fault_hook)(uint64_t size);

/* Async-signal-safe writes to stderr: n bytes, or a C string. */
static void write_n(const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(2, s, n);
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

static void write_str(const char *s) { write_n(s, strlen(s)); }

static void write_u64(uint64_t v)
{
    char buf[24];
    int i = (int)sizeof buf - 1;
    buf[i] = 0;
    do
        buf[--i] = (char)('0' + v % 10);
    while ((v /= 10) && i > 0);
    write_str(buf + i);
}

/* ---- the runtime's reports ------------------------------------------------ */

/* A dialect's words (runtime_set_words); zero: none given.  ferret's own
 * are literals chosen in code (runtime_get_words), not pointers in static
 * data: a pointer there is a dynamic relocation, and enough of them move
 * the target's code (see reporter.h). */
static struct runtime_words given;
static int given_set;
static struct runtime_words in_use;

void runtime_set_words(const struct runtime_words *w)
{
    given = *w;
    given_set = 1;
}

static const char *or(const char *a, const char *b) { return a ? a : b; }

const struct runtime_words *runtime_get_words(void)
{
    in_use.timeout = or(given.timeout, "==%p== ERROR: ferret: timeout: the target has been running one "
                                       "input for longer than -timeout%c\n%sSUMMARY: ferret: timeout\n");
    in_use.exited = or(given.exited, "==%p== ERROR: ferret: the target called exit()%c\n"
                                     "SUMMARY: ferret: the target called exit()\n");
    in_use.oom = or(given.oom, "==ferret== ERROR: ferret: out-of-memory (malloc(%z)): one allocation is "
                               "over -malloc_limit_mb=%m\n%sSUMMARY: ferret: out-of-memory (malloc(%z))\n");
    in_use.signal = or(given.signal, "==%p== ERROR: ferret: deadly signal%g%c\n%sSUMMARY: ferret: deadly signal%g\n");
    in_use.const_input = or(given.const_input, "==%p== ERROR: ferret: the fuzz target overwrote its const "
                                               "input%c\n%sSUMMARY: ferret: the fuzz target overwrote its const input\n");
    in_use.timeout_exit = given_set ? given.timeout_exit : -1;
    in_use.exit_exit = given_set ? given.exit_exit : -1;
    in_use.oom_exit = given_set ? given.oom_exit : -1;
    return &in_use;
}


static void write_field(char f, const struct runtime_vars *v) FERRET_FRAME(write_field);
static void write_field(char f, const struct runtime_vars *v)
{
    switch (f) {
    case 'p': write_u64((uint64_t)getpid()); break;
    case 'c':
        if (v->context) {
            write_str(" while running ");
            write_str(v->context);
        }
        break;
    case 's':
        if (__sanitizer_print_stack_trace)
            __sanitizer_print_stack_trace();
        break;
    case 'i':
        if (v->context)
            write_str(v->context);
        break;
    case 'z': write_u64(v->size); break;
    case 'm': write_u64(malloc_limit >> 20); break;
    case 'g':
        if (v->sig) {
            write_str(" ");
            write_str(v->sig);
        }
        break;
    default: write_n("%", 1); write_n(&f, 1); break;
    }
}

void runtime_write(const char *tmpl, const struct runtime_vars *v)
{
    const char *p = tmpl;
    while (*p) {
        const char *pct = p;
        while (*pct && *pct != '%') /* not strchr: a signal handler may be here */
            pct++;
        write_n(p, (size_t)(pct - p));
        if (!*pct || !pct[1])
            return;
        write_field(pct[1], v);
        p = pct + 2;
    }
}

static void over_limit(size_t size) FERRET_FRAME(over_limit);
static void over_limit(size_t size)
{
    runtime_crashing = 1; /* a report, however slow its stack trace: not a hang */
    if (fault_hook)
        fault_hook(size);
    const struct runtime_words *w = runtime_get_words();
    runtime_write(w->oom, &(struct runtime_vars){.size = size});
    _exit(w->oom_exit >= 0 ? w->oom_exit : RUNTIME_OOM_EXIT);
}

static inline void count_malloc(size_t size) FERRET_FRAME(count_malloc);
static inline void count_malloc(size_t size)
{
    if (!runtime_in_target)
        return;
    if (malloc_limit && size > malloc_limit)
        over_limit(size);
    mallocs++;
}

static void on_malloc(const volatile void *p, size_t size) FERRET_FRAME(on_malloc);
static void on_malloc(const volatile void *p, size_t size)
{
    (void)p;
    count_malloc(size);
}

static void on_free(const volatile void *p) FERRET_FRAME(on_free);
static void on_free(const volatile void *p)
{
    if (p && runtime_in_target)
        frees++;
}

static int sanitizer_allocator(void) { return __interceptor_malloc != NULL; }

void memory_init(size_t limit_bytes, void (*on_fault)(uint64_t size))
{
    malloc_limit = limit_bytes;
    fault_hook = on_fault;
    if (sanitizer_allocator() && __sanitizer_install_malloc_and_free_hooks)
        __sanitizer_install_malloc_and_free_hooks(on_malloc, on_free);
}

void memory_reset_counts(void)
{
    mallocs = 0;
    frees = 0;
}

int memory_counts_differ(void) { return mallocs != frees; }

int memory_leak_check_available(void)
{
    return sanitizer_allocator() && __lsan_do_recoverable_leak_check != NULL;
}

int memory_leak_check(void)
{
    return __lsan_do_recoverable_leak_check ? __lsan_do_recoverable_leak_check() : 0;
}

FERRET_INTERPOSE void *malloc(size_t n)
{
    if (sanitizer_allocator())
        return __interceptor_malloc(n);
    count_malloc(n);
    return __libc_malloc(n);
}

FERRET_INTERPOSE void *calloc(size_t n, size_t size)
{
    if (sanitizer_allocator())
        return __interceptor_calloc(n, size);
    count_malloc(n * size);
    return __libc_calloc(n, size);
}

FERRET_INTERPOSE void *realloc(void *p, size_t n)
{
    if (sanitizer_allocator())
        return __interceptor_realloc(p, n);
    if (!p)
        count_malloc(n);
    else if (runtime_in_target && malloc_limit && n > malloc_limit)
        over_limit(n);
    return __libc_realloc(p, n);
}

FERRET_INTERPOSE void free(void *p)
{
    if (sanitizer_allocator()) {
        __interceptor_free(p);
        return;
    }
    on_free(p);
    __libc_free(p);
}
