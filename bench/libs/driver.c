/* bench/libs/driver.c - replay driver for the coverage build.
 *
 * Linked with a libFuzzer harness built with -fprofile-instr-generate
 * -fcoverage-mapping (no fuzzer runtime).  Usage:
 *
 *     replay [-s START] [-p PROGRESS_FILE] [-l LIST_FILE] [FILE...]
 *
 * Calls LLVMFuzzerInitialize (if the harness defines it) once, then
 * LLVMFuzzerTestOneInput once per FILE (the paths in LIST_FILE, one a line,
 * then those on the command line), from index START (0-based).
 *
 * The fuzzing builds have no sanitizer, so corpora may hold inputs that
 * crash or hang this build too.  Before each input the driver writes its
 * index to PROGRESS_FILE; on SIGSEGV/SIGBUS/SIGFPE/SIGILL/SIGABRT, or after
 * REPLAY_TIMEOUT seconds (SIGALRM, default 10) on one input, it writes the
 * profile gathered so far (__llvm_profile_write_file) and exits with 99.
 * bench/libs.sh then restarts it at the next index with a fresh profile file
 * (LLVM_PROFILE_FILE with %p), so no coverage is lost and no input skipped
 * except the one that died.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);
int __llvm_profile_write_file(void);

static void on_fatal(int sig)
{
    (void)sig;
    __llvm_profile_write_file();
    _exit(99);
}

int main(int argc, char **argv)
{
    long start = 0;
    const char *progress = NULL, *list = NULL;
    int i = 1;
    for (; i < argc; i++) {
        if (!strcmp(argv[i], "-s") && i + 1 < argc)
            start = atol(argv[++i]);
        else if (!strcmp(argv[i], "-p") && i + 1 < argc)
            progress = argv[++i];
        else if (!strcmp(argv[i], "-l") && i + 1 < argc)
            list = argv[++i];
        else
            break;
    }
    char **files = NULL;
    long nfiles = 0, capf = 0;
    if (list) {
        FILE *lf = fopen(list, "r");
        if (!lf) {
            perror(list);
            return 2;
        }
        char *line = NULL;
        size_t lcap = 0;
        ssize_t ll;
        while ((ll = getline(&line, &lcap, lf)) > 0) {
            if (line[ll - 1] == '\n')
                line[--ll] = 0;
            if (!ll)
                continue;
            if (nfiles == capf) {
                capf = capf ? 2 * capf : 1024;
                files = realloc(files, capf * sizeof *files);
            }
            files[nfiles++] = strdup(line);
        }
        free(line);
        fclose(lf);
    }
    for (; i < argc; i++) {
        if (nfiles == capf) {
            capf = capf ? 2 * capf : 1024;
            files = realloc(files, capf * sizeof *files);
        }
        files[nfiles++] = argv[i];
    }

    const char *t = getenv("REPLAY_TIMEOUT");
    unsigned timeout = t ? (unsigned)atoi(t) : 10;

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal;
    sa.sa_flags = SA_RESETHAND | SA_NODEFER;
    int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGALRM};
    for (size_t k = 0; k < sizeof sigs / sizeof sigs[0]; k++)
        sigaction(sigs[k], &sa, NULL);
    /* A big enough alternate stack for stack-overflow crashes. */
    static char altstack[1 << 16];
    stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack};
    sigaltstack(&ss, NULL);
    sa.sa_flags |= SA_ONSTACK;
    sigaction(SIGSEGV, &sa, NULL);

    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);

    for (long n = start; n < nfiles; n++) {
        if (progress) {
            FILE *pf = fopen(progress, "w");
            if (pf) {
                fprintf(pf, "%ld\n", n);
                fclose(pf);
            }
        }
        FILE *f = fopen(files[n], "rb");
        if (!f)
            continue;
        size_t cap = 1 << 16, len = 0;
        uint8_t *buf = malloc(cap);
        size_t r;
        while (buf && (r = fread(buf + len, 1, cap - len, f)) > 0) {
            len += r;
            if (len == cap) {
                cap *= 2;
                buf = realloc(buf, cap);
            }
        }
        fclose(f);
        if (!buf)
            return 2;
        /* An exact-size copy, as the engines pass it. */
        uint8_t *copy = malloc(len ? len : 1);
        memcpy(copy, buf, len);
        free(buf);
        alarm(timeout);
        LLVMFuzzerTestOneInput(copy, len);
        alarm(0);
        free(copy);
    }
    return 0;
}
