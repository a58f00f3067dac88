/* A harness that defines C library names ferret watches or uses (issue 14
 * item 14; test_symbol_clash.sh): memmem, malloc & co., regcomp & co. (as
 * pcre2's pcre2posix.c exports them) and __lsan_is_turned_off.  It links
 * with libFuzzer; it must link and fuzz with ferret, its own definitions
 * must be the ones it calls, and ferret's -run/-fuzz patterns must still
 * use the C library's regular expressions.
 * Bug: "HI" at the start crashes (SIGSEGV). */
#include <regex.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The allocator wrapped: the C library's, or under ASan ASan's (its
 * interceptors, strdup and the like, allocate with it: a wrapper of the C
 * library's would free their blocks with the wrong allocator). */
void *__libc_malloc(size_t);
void *__libc_calloc(size_t, size_t);
void *__libc_realloc(void *, size_t);
void __libc_free(void *);
__attribute__((weak)) void *__interceptor_malloc(size_t);
__attribute__((weak)) void *__interceptor_calloc(size_t, size_t);
__attribute__((weak)) void *__interceptor_realloc(void *, size_t);
__attribute__((weak)) void __interceptor_free(void *);

static volatile unsigned long my_mallocs, my_memmems;

void *malloc(size_t n)
{
    my_mallocs++;
    return __interceptor_malloc ? __interceptor_malloc(n) : __libc_malloc(n);
}
void *calloc(size_t n, size_t s)
{
    my_mallocs++;
    return __interceptor_calloc ? __interceptor_calloc(n, s) : __libc_calloc(n, s);
}
void *realloc(void *p, size_t n)
{
    return __interceptor_realloc ? __interceptor_realloc(p, n) : __libc_realloc(p, n);
}
void free(void *p)
{
    if (__interceptor_free)
        __interceptor_free(p);
    else
        __libc_free(p);
}

void *memmem(const void *h, size_t hl, const void *n, size_t nl)
{
    my_memmems++;
    for (size_t i = 0; nl <= hl && i <= hl - nl; i++)
        if (memcmp((const char *)h + i, n, nl) == 0)
            return (void *)((const char *)h + i);
    return NULL;
}

/* A regex library of its own that takes no pattern ferret would pass. */
int regcomp(regex_t *re, const char *pattern, int flags)
{
    (void)re, (void)pattern, (void)flags;
    return REG_BADPAT;
}
int regexec(const regex_t *re, const char *s, size_t n, regmatch_t *m, int flags)
{
    (void)re, (void)s, (void)n, (void)m, (void)flags;
    return REG_NOMATCH;
}
size_t regerror(int code, const regex_t *re, char *buf, size_t len)
{
    (void)code, (void)re;
    return (size_t)snprintf(buf, len, "the target's own regerror");
}
void regfree(regex_t *re) { (void)re; }

/* LeakSanitizer's exit check stays on: ferret's own hook, which turns it
 * off in the coordinator and the workers, is not used. */
int __lsan_is_turned_off(void) { return 0; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned long before = my_mallocs, searches = my_memmems;
    char *copy = malloc(size + 1);
    if (!copy || my_mallocs == before) {
        fprintf(stderr, "clash: malloc is not the harness's own\n");
        abort();
    }
    memcpy(copy, data, size);
    copy[size] = 0;
    int found = memmem(copy, size, "HI", 2) == copy;
    if (my_memmems == searches) {
        fprintf(stderr, "clash: memmem is not the harness's own\n");
        abort();
    }
    free(copy);
    if (size >= 2 && data[0] == 'H' && data[1] == 'I' && found)
        *(volatile int *)0 = 1;
    return 0;
}
