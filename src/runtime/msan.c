/*
 * msan.c - MemorySanitizer builds: the target is checked, the engine is not.
 *
 * ferret's own code is never instrumented, so MemorySanitizer knows nothing
 * of what it writes: a buffer the engine filled still looks uninitialized,
 * and the C library calls the engine makes (memcmp, memmem, strlen...) go
 * through MemorySanitizer's interceptors, which check their arguments.  As
 * libFuzzer does, ferret
 *   - switches the interceptors' checks off for the whole process at the
 *     start of main() (msan_engine_mode), and on only while the target's
 *     code runs (msan_enter_target .. msan_leave_target);
 *   - marks initialized what it hands the target: the input before each run,
 *     a typed target's decoded values, and the shadow of the parameters of
 *     each call into the target (__msan_unpoison_param), which an
 *     uninstrumented caller never sets.
 * Without MemorySanitizer the hooks are weak and absent: each call is one
 * test of a null pointer.
 *
 * Owns: nothing (MemorySanitizer's per-thread check counter is its own).
 */
#include <stddef.h>

#include "runtime.h"

__attribute__((weak)) void __msan_unpoison(const volatile void *a, size_t size);
__attribute__((weak)) void __msan_unpoison_param(size_t n);
__attribute__((weak)) void __msan_scoped_disable_interceptor_checks(void);
__attribute__((weak)) void __msan_scoped_enable_interceptor_checks(void);

void msan_engine_mode(void)
{
    if (__msan_scoped_disable_interceptor_checks)
        __msan_scoped_disable_interceptor_checks();
}

void msan_unpoison(const void *p, size_t n)
{
    if (__msan_unpoison && p && n)
        __msan_unpoison(p, n);
}

void msan_enter_target(size_t nparams)
{
    if (__msan_scoped_enable_interceptor_checks) {
        __msan_scoped_enable_interceptor_checks();
        __msan_unpoison_param(nparams);
    }
}

void msan_leave_target(void)
{
    if (__msan_scoped_disable_interceptor_checks)
        __msan_scoped_disable_interceptor_checks();
}
