/*
 * symbolize.c - program counters to source locations by llvm-symbolizer
 * (symbolize.h).  Layer 2: it starts a process and reads and writes files.
 *
 * Design.  The modules loaded (dl_iterate_phdr) give each PC its module's
 * file and load bias; the symbolizer is fed one line per PC, `"<file>"
 * 0x<PC - bias>` (the address as the file's debug info knows it, PIE or
 * not), from an unlinked temporary file made its stdin; its stdout is a
 * pipe the parent reads to EOF, then it is reaped.  Its answer for each
 * line is one or more frames, two lines each (function, then
 * file:line:column), innermost first, and a blank line.
 *
 * Owns: the symbolizer's process from fork to reaping, the module table of
 * one call, the parsing of the symbolizer's output.
 *
 * Invariants: the child never outlives symbolize_pcs(); out[i] answers
 * pcs[i] (a PC no module holds, or the symbolizer does not know, is left
 * unknown: NULL, 0).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <link.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "symbolize.h"

/* ---- finding the symbolizer --------------------------------------------- */

static int in_path(const char *name, char *out, size_t len)
{
    const char *p = getenv("PATH");
    if (!p || !*p)
        p = "/usr/local/bin:/usr/bin:/bin";
    while (*p) {
        size_t n = strcspn(p, ":");
        snprintf(out, len, "%.*s/%s", (int)n, n ? p : ".", name);
        if (access(out, X_OK) == 0)
            return 0;
        p += n + (p[n] == ':');
    }
    return -1;
}

int symbolize_find(char *path, size_t len)
{
    const char *env = getenv("FERRET_SYMBOLIZER");
    char name[32];
    if (env && *env) {
        snprintf(path, len, "%s", env);
        return strchr(env, '/') ? access(env, X_OK) : in_path(env, path, len);
    }
    if (in_path("llvm-symbolizer", path, len) == 0)
        return 0;
    for (int v = 20; v >= 11; v--) {
        snprintf(name, sizeof name, "llvm-symbolizer-%d", v);
        if (in_path(name, path, len) == 0)
            return 0;
    }
    return -1;
}

/* ---- modules ------------------------------------------------------------ */

struct module {
    uintptr_t lo, hi, bias;
    char path[PATH_MAX];
};

struct modules {
    struct module *v;
    size_t n, cap;
};

static int add_module(struct dl_phdr_info *info, size_t size, void *arg)
{
    struct modules *m = arg;
    (void)size;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_X))
            continue;
        if (m->n == m->cap) {
            size_t cap = m->cap ? 2 * m->cap : 16;
            struct module *v = realloc(m->v, cap * sizeof *v);
            if (!v)
                return 1;
            m->v = v;
            m->cap = cap;
        }
        struct module *e = &m->v[m->n++];
        e->lo = info->dlpi_addr + ph->p_vaddr;
        e->hi = e->lo + ph->p_memsz;
        e->bias = info->dlpi_addr;
        if (info->dlpi_name && *info->dlpi_name) {
            snprintf(e->path, sizeof e->path, "%s", info->dlpi_name);
        } else { /* the executable itself */
            ssize_t k = readlink("/proc/self/exe", e->path, sizeof e->path - 1);
            e->path[k > 0 ? k : 0] = 0;
        }
    }
    return 0;
}

static const struct module *module_of(const struct modules *m, uintptr_t pc)
{
    for (size_t i = 0; i < m->n; i++)
        if (pc >= m->v[i].lo && pc < m->v[i].hi)
            return m->v[i].path[0] && !strpbrk(m->v[i].path, "\"\n") ? &m->v[i] : NULL;
    return NULL;
}

/* The symbolizer's input: one line per PC ("?" for a PC no module holds,
 * which the symbolizer answers as unknown).  An unlinked file, rewound. */
static FILE *write_input(const uintptr_t *pcs, size_t n)
{
    struct modules m = {0};
    FILE *f = tmpfile();
    if (!f)
        return NULL;
    dl_iterate_phdr(add_module, &m);
    for (size_t i = 0; i < n; i++) {
        const struct module *e = module_of(&m, pcs[i]);
        if (e)
            fprintf(f, "\"%s\" 0x%lx\n", e->path, (unsigned long)(pcs[i] - e->bias));
        else
            fprintf(f, "\"/\" 0x0\n");
    }
    free(m.v);
    if (fflush(f) != 0 || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return NULL;
    }
    return f;
}

/* ---- running it --------------------------------------------------------- */

static void child(const char *symbolizer, int in, int out)
{
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    int devnull = open("/dev/null", O_WRONLY);
    if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || (devnull >= 0 && dup2(devnull, 2) < 0))
        _exit(127);
    execl(symbolizer, symbolizer, "--inlines", "--demangle", (char *)NULL);
    _exit(127);
}

/* Everything the child writes, NUL-terminated, into *buf; then reaps it. */
static int run_child(const char *symbolizer, FILE *in, char **buf, char *err, size_t errlen)
{
    int p[2];
    size_t len = 0, cap = 1 << 16;
    if (pipe2(p, O_CLOEXEC) != 0 || !(*buf = malloc(cap))) {
        snprintf(err, errlen, "cannot start %s: %s", symbolizer, strerror(errno));
        return -1;
    }
    pid_t pid = fork();
    if (pid == 0)
        child(symbolizer, fileno(in), p[1]);
    close(p[1]);
    for (ssize_t k = 1; pid > 0 && k > 0;) {
        if (len + 1 == cap) {
            char *b = realloc(*buf, cap *= 2);
            if (!b)
                break;
            *buf = b;
        }
        k = read(p[0], *buf + len, cap - len - 1);
        if (k > 0)
            len += (size_t)k;
        else if (k < 0 && errno == EINTR)
            k = 1;
    }
    (*buf)[len] = 0;
    close(p[0]);
    int st = 0;
    if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        char why[64];
        snprintf(why, sizeof why, "exit status %d", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
        snprintf(err, errlen, "%s failed (%s)", symbolizer,
                 pid < 0 ? strerror(errno)
                 : WIFEXITED(st) && WEXITSTATUS(st) == 127 ? "it could not be run"
                 : WIFSIGNALED(st) ? strsignal(WTERMSIG(st)) : why);
        free(*buf);
        *buf = NULL;
        return -1;
    }
    return 0;
}

/* ---- its answer --------------------------------------------------------- */

/* "file:line:column" (or "file:line") into *file, *line; "??" is unknown. */
static void parse_where(const char *s, char **file, unsigned *line)
{
    char *copy = strdup(s);
    *file = NULL;
    *line = 0;
    if (!copy)
        return;
    for (int field = 0; field < 2; field++) {
        char *colon = strrchr(copy, ':');
        if (!colon)
            break;
        char *end;
        unsigned long v = strtoul(colon + 1, &end, 10);
        if (end == colon + 1 || *end)
            break;
        *colon = 0;
        *line = (unsigned)v; /* the second pass leaves the line, not the column */
    }
    if (strcmp(copy, "??") != 0 && *copy)
        *file = copy;
    else
        free(copy);
}

static char *known(const char *s) { return strcmp(s, "??") ? strdup(s) : NULL; }

/* One answer: frames (function line, location line) up to a blank line. */
static char *parse_answer(char *p, struct sym_loc *loc)
{
    int frame = 0;
    while (*p && *p != '\n') {
        char *func = p, *where = strchr(p, '\n');
        if (!where)
            break;
        *where++ = 0;
        char *next = strchr(where, '\n');
        if (next)
            *next++ = 0;
        if (frame++ == 0)
            parse_where(where, &loc->file, &loc->line);
        free(loc->func);
        free(loc->func_file);
        loc->func = known(func);
        parse_where(where, &loc->func_file, &loc->func_line);
        p = next ? next : where + strlen(where);
    }
    return *p == '\n' ? p + 1 : p;
}

int symbolize_pcs(const char *symbolizer, const uintptr_t *pcs, size_t n, struct sym_loc *out,
                  char *err, size_t errlen)
{
    char *buf;
    memset(out, 0, n * sizeof *out);
    FILE *in = write_input(pcs, n);
    if (!in) {
        snprintf(err, errlen, "cannot write the symbolizer's input: %s", strerror(errno));
        return -1;
    }
    int rc = run_child(symbolizer, in, &buf, err, errlen);
    fclose(in);
    if (rc != 0)
        return -1;
    char *p = buf;
    for (size_t i = 0; i < n && *p; i++)
        p = parse_answer(p, &out[i]);
    free(buf);
    return 0;
}

void sym_loc_free(struct sym_loc *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].file);
        free(v[i].func);
        free(v[i].func_file);
    }
}
