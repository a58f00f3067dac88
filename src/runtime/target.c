/*
 * target.c - calling the user's code: LLVMFuzzerInitialize, the target, and
 * the custom mutator hook.
 *
 * Invariants:
 *  - under ASan each input is handed to the target in a heap block of exactly
 *    its size, as libFuzzer does, so a read one byte past the end is caught;
 *    without ASan the caller's buffer is passed as is (no copy, no malloc);
 *  - while the target runs, in_target is 1: a fatal signal or an exit() seen
 *    then is the target's failure, and is named on stderr before the process
 *    dies (the coordinator keeps that stderr tail as the report);
 *  - the input is const: a target that writes to it fails, as under
 *    libFuzzer (compared with a copy after the run: every run but the
 *    fuzzing loop's, which checks one execution in 16 (target_run_checked);
 *    typed targets get copies of their arguments, so they are not checked);
 *  - the hang signal counts only when the coordinator sent it (sigqueue with
 *    TARGET_HANG_TOKEN): the same signal from anyone else, the target
 *    included, does what it would do without ferret.  A worker that is
 *    writing a crash report when it arrives says so (the dying hook) and
 *    goes on writing: a slow report is not a hang.
 *
 * Owns: in the process that runs the target (a worker, the regression run):
 * run_context (the input's name for crash reports), exit_is_failure and
 * timeout_ns (the regression run's: an exit() or a timeout inside the
 * target exits 1 unless the report's words set the code; the per-input
 * SIGALRM timer), dying_hook (a worker's; the regression run's is
 * replay_guard_named), shadow and shadow_cap (the copy of the input the
 * const check compares with), altstack (the alternate stack of its
 * fatal-signal handlers); the handlers it installs for SIGSEGV, SIGBUS,
 * SIGILL, SIGFPE, SIGABRT and SIGTRAP (where no sanitizer has one), for the
 * hang signal (and, in the regression run, SIGALRM), the atexit hook and
 * the sanitizer death callback.  It sets runtime_in_target around each run
 * (memory.c's).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "bytes.h"
#include "registry.h"
#include "runtime.h"

/* Weak: a binary may hold only Go-style targets (registry.c). */
__attribute__((weak)) int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);
__attribute__((weak)) size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size,
                                                     size_t max_size, unsigned int seed);
__attribute__((weak)) size_t LLVMFuzzerCustomCrossOver(const uint8_t *data1, size_t size1,
                                                       const uint8_t *data2, size_t size2,
                                                       uint8_t *out, size_t max_out_size,
                                                       unsigned int seed);
__attribute__((weak)) void __sanitizer_print_stack_trace(void);
__attribute__((weak)) void __asan_init(void);
__attribute__((weak)) void __sanitizer_set_death_callback(void (*callback)(void));
__attribute__((weak)) int __asan_report_present(void);

/* The bytes target: LLVMFuzzerTestOneInput, or the callback a program's own
 * main handed to LLVMFuzzerRunDriver (target_set_bytes_fn). */
static int (*bytes_fn)(const uint8_t *data, size_t size) = LLVMFuzzerTestOneInput;

void target_set_bytes_fn(int (*fn)(const uint8_t *data, size_t size)) { bytes_fn = fn; }

#define in_target runtime_in_target /* (defined in memory.c) */
static const char *run_context;
static int exit_is_failure;
#define crashing runtime_crashing /* (memory.c) */
static uint64_t timeout_ns; /* regression mode: per-input alarm; 0 = none */
static void (*dying_hook)(void); /* the worker's: a crash report is being written */

void target_set_dying_hook(void (*fn)(void)) { dying_hook = fn; }

static void dying(void)
{
    if (dying_hook)
        dying_hook();
}

static void arm(uint64_t ns)
{
    struct itimerval it;
    memset(&it, 0, sizeof it);
    it.it_value.tv_sec = (time_t)(ns / 1000000000ULL);
    it.it_value.tv_usec = (suseconds_t)(ns % 1000000000ULL / 1000);
    setitimer(ITIMER_REAL, &it, NULL);
}

void target_set_exit_is_failure(int on) { exit_is_failure = on; }

int target_init(int *argc, char ***argv)
{
    if (!LLVMFuzzerInitialize)
        return 0;
    msan_enter_target(2);
    int rc = LLVMFuzzerInitialize(argc, argv);
    msan_leave_target();
    return rc;
}

static void run_one(const uint8_t *data, size_t len) FERRET_FRAME(run_one);
static void run_one(const uint8_t *data, size_t len)
{
    if (timeout_ns)
        arm(timeout_ns);
    in_target = 1;
    features_stack_begin((uintptr_t)__builtin_frame_address(0)); /* depth from this frame */
    if (registry_selected()) {
        registry_run(data, len); /* msan_enter_target: at the call of the target itself */
    } else {
        msan_unpoison(data, len);
        msan_enter_target(2);
        bytes_fn(data, len);
        msan_leave_target();
    }
    features_stack_end();
    in_target = 0;
    if (timeout_ns)
        arm(0);
}

int target_has_bytes_fn(void) { return bytes_fn != NULL; }

/* One of the runtime's reports, in the words handed down (runtime.h). */
static void report(const char *tmpl, const char *sig) FERRET_FRAME(report);
static void report(const char *tmpl, const char *sig)
{
    runtime_write(tmpl, &(struct runtime_vars){.context = run_context, .sig = sig});
}

/* The target wrote to its const input: a bug, as libFuzzer reports it. */
static void overwrote_input(void) FERRET_FRAME(overwrote_input);
static void overwrote_input(void)
{
    dying();
    report(runtime_get_words()->const_input, NULL);
    _exit(1);
}

/* Without ASan the caller's buffer is passed as is; this copy of it tells
 * whether the target wrote to it. */
static uint8_t *shadow;
static size_t shadow_cap;

static int shadow_fits(size_t len)
{
    if (len <= shadow_cap)
        return 1;
    uint8_t *p = realloc(shadow, len);
    if (!p)
        return 0;
    shadow = p;
    shadow_cap = len;
    return 1;
}

void target_run_checked(const uint8_t *data, size_t len, int check_input)
{
    if (registry_selected()) { /* typed: registry_run copies each argument */
        run_one(data, len);
        return;
    }
    if (__asan_init) { /* a heap block of exactly len bytes */
        uint8_t *copy = malloc(len ? len : 1);
        if (copy) {
            memcpy(copy, data, len);
            run_one(copy, len);
            int wrote = check_input && !bytes_equal(copy, data, len);
            free(copy);
            if (wrote)
                overwrote_input();
            return;
        }
    }
    if (!check_input || !shadow_fits(len)) {
        run_one(data, len);
        return;
    }
    memcpy(shadow, data, len);
    run_one(data, len);
    if (!bytes_equal(shadow, data, len))
        overwrote_input();
}

void target_run(const uint8_t *data, size_t len) { target_run_checked(data, len, 1); }

void target_set_context(const char *context) { run_context = context; }

static void on_fatal_signal(int sig) FERRET_FRAME(on_fatal_signal);
static void on_fatal_signal(int sig)
{
    const char *name = sig == SIGSEGV ? "SIGSEGV"
                     : sig == SIGBUS  ? "SIGBUS"
                     : sig == SIGILL  ? "SIGILL"
                     : sig == SIGFPE  ? "SIGFPE"
                     : sig == SIGABRT ? "SIGABRT"
                     : sig == SIGTRAP ? "SIGTRAP"
                     : NULL;
    crashing = 1;
    dying();
    report(runtime_get_words()->signal, name);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* 1 if the hang signal interrupted a crash report: our fatal-signal handler
 * (the flag), a sanitizer's, which runs on the alternate signal stack (the
 * hang handler itself does not, so being on it means another handler), or
 * an AddressSanitizer report of a bad access still being printed. */
static int in_crash_report(void)
{
    stack_t ss;
    if (crashing)
        return 1;
    if (__asan_report_present && __asan_report_present())
        return 1;
    return sigaltstack(NULL, &ss) == 0 && (ss.ss_flags & SS_ONSTACK);
}

/* The coordinator's hang request carries its token; SIGALRM is regression
 * mode's own per-input timer. */
static int hang_request(int sig, const siginfo_t *si)
{
    if (sig == SIGALRM)
        return 1;
    return si && si->si_code == SI_QUEUE && si->si_value.sival_int == TARGET_HANG_TOKEN;
}

/* The coordinator saw this worker stuck on one input: show where. */
static void on_hang_signal(int sig, siginfo_t *si, void *uc) FERRET_FRAME(on_hang_signal);
static void on_hang_signal(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    if (!hang_request(sig, si)) { /* someone else's signal: as if we were not here */
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    if (in_target && in_crash_report()) {
        dying(); /* a crash report is being written (slowly: symbolizing): let it finish */
        return;
    }
    if (!in_target)
        return;
    const struct runtime_words *w = runtime_get_words();
    report(w->timeout, NULL);
    _exit(w->timeout_exit >= 0 ? w->timeout_exit : exit_is_failure ? 1 : TARGET_HANG_EXIT);
}

static void set_hang_handler(int sig)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_hang_signal;
    sa.sa_flags = SA_SIGINFO; /* not SA_ONSTACK: see in_crash_report */
    sigaction(sig, &sa, NULL);
}

void target_set_timeout(uint64_t ns)
{
    set_hang_handler(SIGALRM);
    timeout_ns = ns;
}

static void on_exit_hook(void) FERRET_FRAME(on_exit_hook);
static void on_exit_hook(void)
{
    if (in_target) {
        const struct runtime_words *w = runtime_get_words();
        dying();
        report(w->exited, NULL);
        if (w->exit_exit >= 0)
            _exit(w->exit_exit);
        if (exit_is_failure)
            _exit(1);
    }
}

/* A sanitizer found a bug and is about to exit: name the input. */
static void on_sanitizer_death(void) FERRET_FRAME(on_sanitizer_death);
static void on_sanitizer_death(void)
{
    dying();
    if (run_context)
        runtime_write("ferret: the failing input is %i\n", &(struct runtime_vars){.context = run_context});
}

/* Only signals nobody else (a sanitizer) handles get our handler. */
void target_install_crash_reporting(void)
{
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP};
    static char altstack[64 * 1024];
    stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack};
    sigaltstack(&ss, NULL);
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction old;
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_DFL)
            continue;
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_fatal_signal;
        sa.sa_flags = SA_ONSTACK | SA_NODEFER;
        sigaction(sigs[i], &sa, NULL);
    }
    set_hang_handler(TARGET_HANG_SIGNAL);
    atexit(on_exit_hook);
    if (__sanitizer_set_death_callback)
        __sanitizer_set_death_callback(on_sanitizer_death);
}

int target_has_custom_mutator(void) { return LLVMFuzzerCustomMutator != NULL; }

size_t target_custom_mutate(uint8_t *data, size_t len, size_t max_len, unsigned int seed)
{
    msan_unpoison(data, len);
    msan_enter_target(4);
    size_t n = LLVMFuzzerCustomMutator(data, len, max_len, seed);
    msan_leave_target();
    return n;
}

int target_has_custom_crossover(void) { return LLVMFuzzerCustomCrossOver != NULL; }

size_t target_custom_crossover(const uint8_t *data1, size_t len1, const uint8_t *data2, size_t len2,
                               uint8_t *out, size_t max_out, unsigned int seed)
{
    return LLVMFuzzerCustomCrossOver(data1, len1, data2, len2, out, max_out, seed);
}
