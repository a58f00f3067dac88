/*
 * covreport.c - -coverage_report=DIR (covreport.h): the run's coverage as
 * static HTML pages and a text summary.  Layer 2: it runs the symbolizer
 * (symbolize.c) and writes files (corpus.c's atomic writes).
 *
 * Design.  Every counter with a PC (the runtime's pc-tables, region by
 * region, in the mask's order) is a site: covered if the mask has a bit of
 * it.  All PCs are symbolized in one batch.  A site counts for
 *  - the source file and line of its innermost frame (where the code came
 *    from, inlined or not): a line is covered if any of its sites is,
 *    uncovered if it has sites and none is;
 *  - the function it lies in: a function is the run of sites from an entry
 *    PC (pc-table flag 1) to the next, as the compiler lays the table out;
 *    it is named by its entry's outermost frame, and entered if that site
 *    is covered.
 * Lists are sorted least covered first (fraction covered, then the most
 * edges, then the name), so what the harness never reaches is at the top.
 * The pages need no script and no network: the text is escaped, the style
 * is inline.
 *
 * Owns: the sites, files and functions of one report (freed before
 * covreport_write returns), the report's text and files in DIR (index.html,
 * file-NNN.html, summary.txt), and `sorting` (coordinator process: the
 * report qsort compares against, set just before each sort).
 *
 * Invariant: the edges covered that the summary gives are the mask's
 * covered counters that have a PC: with one instrumented module and no
 * value profile, exactly the run's final "edges".
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "codes.h"
#include "corpus.h"
#include "covreport.h"
#include "report.h"
#include "runtime.h"
#include "symbolize.h"

struct site {
    uintptr_t pc;
    int covered, entry;
    unsigned file;                /* index into files */
    unsigned line;
};

struct line_count { unsigned total, covered; };

struct file {
    char *raw;                    /* as the debug information names it; NULL: none */
    char *name;                   /* the same, resolved (no "..") if the file is there */
    size_t total, covered;
    unsigned maxline;
    struct line_count *lines;     /* [0..maxline] */
};

struct func {
    char *name;
    unsigned file, line;
    size_t total, covered;
    int entered;
    int real;                     /* 0: the sites before the first entry PC */
};

struct rep {
    struct site *s;
    size_t ns;
    struct file *f;
    size_t nf;
    struct func *fn;
    size_t nfn;
    struct covreport_totals t;
};

/* ---- text buffers ------------------------------------------------------- */

struct buf {
    char *p;
    size_t len, cap;
    int oom;
};

static void put(struct buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

static void putf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(struct buf *b, const char *fmt, ...)
{
    char small[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        put(b, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        b->oom = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    put(b, big, (size_t)n);
    free(big);
}

/* s[0..n) as HTML text (NUL and other control bytes but tab shown as '?'). */
static void put_html(struct buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *e = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;"
                      : c == '"' ? "&quot;" : c == '\'' ? "&#39;" : NULL;
        if (e)
            put(b, e, strlen(e));
        else if (c < 0x20 && c != '\t')
            put(b, "?", 1);
        else
            put(b, (const char *)&c, 1);
    }
}

static void put_html_str(struct buf *b, const char *s) { put_html(b, s, strlen(s)); }

static double pct(size_t covered, size_t total) { return total ? 100.0 * covered / total : 100.0; }

/* ---- sites, files, functions -------------------------------------------- */

/* The counters with a PC, in the mask's order. */
static int collect_sites(struct rep *r, const uint8_t *mask, size_t ncounters)
{
    const struct sancov_region *reg = sancov_regions();
    size_t nreg = sancov_region_count(), off = 0;
    r->s = calloc(ncounters ? ncounters : 1, sizeof *r->s);
    if (!r->s)
        return -1;
    for (size_t i = 0; i < nreg && off + reg[i].len <= ncounters; off += reg[i].len, i++) {
        const uintptr_t *pcs = sancov_region_pcs(i);
        if (reg[i].raw)
            continue; /* feature bits (featmap.c), not edges */
        if (!pcs) {
            r->t.unmapped += reg[i].len;
            continue;
        }
        for (size_t k = 0; k < reg[i].len; k++) {
            struct site *s = &r->s[r->ns++];
            s->pc = pcs[2 * k];
            s->entry = (pcs[2 * k + 1] & SANCOV_PC_FUNC_ENTRY) != 0;
            s->covered = mask[off + k] != 0;
        }
    }
    r->t.unmapped += ncounters > off ? ncounters - off : 0;
    return 0;
}

/* The index of file name (NULL: no debug information), added if new. */
static long intern_file(struct rep *r, const char *name, size_t *cap)
{
    for (size_t i = r->nf; i-- > 0;) /* the last ones first: sites come file by file */
        if (name ? r->f[i].raw && !strcmp(r->f[i].raw, name) : !r->f[i].raw)
            return (long)i;
    if (r->nf == *cap) {
        size_t c = *cap ? 2 * *cap : 64;
        struct file *f = realloc(r->f, c * sizeof *f);
        if (!f)
            return -1;
        r->f = f;
        *cap = c;
    }
    struct file *f = &r->f[r->nf];
    memset(f, 0, sizeof *f);
    if (name && (!(f->raw = strdup(name)) ||
                 (!(f->name = realpath(name, NULL)) && !(f->name = strdup(name)))))
        return -1;
    return (long)r->nf++;
}

/* A new function starting at site i (or the sites before any entry). */
static struct func *new_func(struct rep *r, const struct sym_loc *loc, size_t *fcap)
{
    long file = intern_file(r, loc ? loc->func_file : NULL, fcap);
    struct func *fn = &r->fn[r->nfn];
    memset(fn, 0, sizeof *fn);
    fn->name = strdup(loc && loc->func ? loc->func : "(unknown)");
    if (file < 0 || !fn->name)
        return NULL;
    fn->file = (unsigned)file;
    fn->line = loc ? loc->func_line : 0;
    fn->real = loc != NULL;
    r->nfn++;
    return fn;
}

static int tally(struct rep *r, const struct sym_loc *loc)
{
    size_t fcap = 0;
    struct func *fn = NULL;
    r->fn = calloc(r->ns + 1, sizeof *r->fn);
    if (!r->fn)
        return -1;
    for (size_t i = 0; i < r->ns; i++) {
        struct site *s = &r->s[i];
        long file = intern_file(r, loc[i].file, &fcap);
        if (file < 0)
            return -1;
        s->file = (unsigned)file;
        s->line = loc[i].file ? loc[i].line : 0;
        r->f[file].total++;
        r->f[file].covered += (size_t)s->covered;
        if (s->line > r->f[file].maxline)
            r->f[file].maxline = s->line;
        if ((s->entry || !fn) && !(fn = new_func(r, s->entry ? &loc[i] : NULL, &fcap)))
            return -1;
        fn->total++;
        fn->covered += (size_t)s->covered;
        if (s->entry)
            fn->entered = s->covered;
    }
    return 0;
}

static int count_lines(struct rep *r)
{
    for (size_t i = 0; i < r->nf; i++)
        if (!(r->f[i].lines = calloc(r->f[i].maxline + 1, sizeof *r->f[i].lines)))
            return -1;
    for (size_t i = 0; i < r->ns; i++) {
        struct line_count *l = &r->f[r->s[i].file].lines[r->s[i].line];
        l->total++;
        l->covered += (unsigned)r->s[i].covered;
    }
    for (size_t i = 0; i < r->ns; i++) {
        r->t.edges++;
        r->t.covered += (size_t)r->s[i].covered;
    }
    for (size_t i = 0; i < r->nfn; i++) {
        r->t.funcs += (size_t)r->fn[i].real;
        r->t.entered += (size_t)(r->fn[i].real && r->fn[i].entered);
    }
    r->t.files = r->nf;
    return 0;
}

/* ---- order -------------------------------------------------------------- */

/* Least covered first: the fraction, then the most edges, then the name. */
static int least_covered(size_t c1, size_t t1, const char *n1, size_t c2, size_t t2, const char *n2)
{
    unsigned long long a = (unsigned long long)c1 * t2, b = (unsigned long long)c2 * t1;
    if (a != b)
        return a < b ? -1 : 1;
    if (t1 != t2)
        return t1 > t2 ? -1 : 1;
    return strcmp(n1 ? n1 : "", n2 ? n2 : "");
}

static const struct rep *sorting;

static int cmp_file(const void *a, const void *b)
{
    const struct file *x = &sorting->f[*(const unsigned *)a], *y = &sorting->f[*(const unsigned *)b];
    return least_covered(x->covered, x->total, x->name, y->covered, y->total, y->name);
}

static int cmp_func(const void *a, const void *b)
{
    const struct func *x = &sorting->fn[*(const unsigned *)a], *y = &sorting->fn[*(const unsigned *)b];
    return least_covered(x->covered, x->total, x->name, y->covered, y->total, y->name);
}

static unsigned *order(const struct rep *r, size_t n, int (*cmp)(const void *, const void *))
{
    unsigned *v = malloc((n ? n : 1) * sizeof *v);
    if (!v)
        return NULL;
    for (size_t i = 0; i < n; i++)
        v[i] = (unsigned)i;
    sorting = r;
    qsort(v, n, sizeof *v, cmp);
    return v;
}

static const char *file_name(const struct rep *r, unsigned i)
{
    return r->f[i].name ? r->f[i].name : "(no debug information)";
}

/* ---- summary.txt -------------------------------------------------------- */

/* "10-14, 17, 20": the lines of file f with edges, none covered. */
static void put_uncovered_lines(struct buf *b, const struct file *f)
{
    const char *sep = " ";
    for (unsigned l = 1; l <= f->maxline; l++) {
        if (!f->lines[l].total || f->lines[l].covered)
            continue;
        unsigned end = l;
        while (end < f->maxline && f->lines[end + 1].total && !f->lines[end + 1].covered)
            end++;
        putf(b, end > l ? "%s%u-%u" : "%s%u", sep, l, end);
        sep = ", ";
        l = end;
    }
}

static const char *plural(size_t n, const char *one, const char *more) { return n == 1 ? one : more; }

static void summary_text(struct buf *b, const struct rep *r, const char *target,
                         const unsigned *fo, const unsigned *fno)
{
    const struct covreport_totals *t = &r->t;
    putf(b, "coverage of %s: %zu/%zu edges (%.1f%%), %zu/%zu functions entered, %zu source %s\n",
         target, t->covered, t->edges, pct(t->covered, t->edges), t->entered, t->funcs, t->files,
         plural(t->files, "file", "files"));
    if (t->unmapped)
        putf(b, "(%zu counters have no PC table entry and are not in this report)\n", t->unmapped);
    putf(b, "\nfiles, least covered first (covered/total edges):\n");
    for (size_t i = 0; i < r->nf; i++)
        putf(b, "%8zu/%-8zu %5.1f%%  %s\n", r->f[fo[i]].covered, r->f[fo[i]].total,
             pct(r->f[fo[i]].covered, r->f[fo[i]].total), file_name(r, fo[i]));
    putf(b, "\nfunctions, least covered first (covered/total edges):\n");
    for (size_t i = 0; i < r->nfn; i++) {
        const struct func *fn = &r->fn[fno[i]];
        putf(b, "%8zu/%-8zu %5.1f%%  %s  %s:%u\n", fn->covered, fn->total,
             pct(fn->covered, fn->total), fn->name, file_name(r, fn->file), fn->line);
    }
    putf(b, "\nlines never reached (lines with edges, none covered):\n");
    for (size_t i = 0; i < r->nf; i++) {
        const struct file *f = &r->f[fo[i]];
        if (!f->name || f->covered == f->total)
            continue;
        size_t at = b->len;
        putf(b, "%s:", f->name);
        put_uncovered_lines(b, f);
        if (b->len == at + strlen(f->name) + 1)
            putf(b, " (edges without a line number)");
        putf(b, "\n");
    }
}

/* ---- the HTML pages ----------------------------------------------------- */

static const char style[] =
    "body{font-family:sans-serif;margin:1.5em;color:#222}"
    "table{border-collapse:collapse}td,th{padding:2px 8px;text-align:left}th{white-space:nowrap}"
    "tr:nth-child(even) td{background:#f6f6f6}"
    ".num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}"
    ".bar{width:120px;height:10px;background:#e66;display:inline-block}"
    ".bar span{display:block;height:10px;background:#4a4}"
    "table.src td{padding:0 6px;font-family:monospace;white-space:pre;background:none}"
    "tr.covered td{background:#d7f5d7}tr.uncovered td{background:#f9d0d0}"
    "td.mark{font-weight:bold}tr.uncovered td.mark{color:#b00}tr.covered td.mark{color:#070}"
    ".note{color:#555}";

static void page_head(struct buf *b, const char *title)
{
    putf(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    put_html_str(b, title);
    putf(b, "</title>\n<style>%s</style>\n</head>\n<body>\n", style);
}

static void page_name(char *out, size_t len, unsigned file)
{
    snprintf(out, len, "file-%03u.html", file);
}

static void bar_cells(struct buf *b, size_t covered, size_t total)
{
    putf(b, "<td class=\"num\">%zu / %zu</td><td class=\"num\">%.1f%%</td>"
            "<td><span class=\"bar\"><span style=\"width:%.1f%%\"></span></span></td>",
         covered, total, pct(covered, total), pct(covered, total));
}

static void file_link(struct buf *b, const struct rep *r, unsigned file, unsigned line)
{
    char page[64];
    page_name(page, sizeof page, file);
    if (r->f[file].name)
        putf(b, "<a href=\"%s%s%.0u\">", page, line ? "#L" : "", line);
    put_html_str(b, file_name(r, file));
    if (line)
        putf(b, ":%u", line);
    putf(b, "%s", r->f[file].name ? "</a>" : "");
}

static void index_html(struct buf *b, const struct rep *r, const char *target,
                       const unsigned *fo, const unsigned *fno)
{
    const struct covreport_totals *t = &r->t;
    char title[512];
    snprintf(title, sizeof title, "Coverage of %s", target);
    page_head(b, title);
    putf(b, "<h1>");
    put_html_str(b, title);
    putf(b, "</h1>\n<p id=\"total\">%zu of %zu edges covered (%.1f%%); %zu of %zu functions "
            "entered; %zu source %s. <a href=\"summary.txt\">summary.txt</a></p>\n",
         t->covered, t->edges, pct(t->covered, t->edges), t->entered, t->funcs, t->files,
         plural(t->files, "file", "files"));
    if (t->unmapped)
        putf(b, "<p class=\"note\">%zu counters have no PC table entry and are not in this "
                "report.</p>\n", t->unmapped);
    putf(b, "<p class=\"note\">Least covered first: what the inputs never reach is at the "
            "top.</p>\n<h2>Source files</h2>\n<table id=\"files\">\n<tr><th>file</th>"
            "<th>covered edges</th><th>%%</th><th></th></tr>\n");
    for (size_t i = 0; i < r->nf; i++) {
        putf(b, "<tr><td>");
        file_link(b, r, fo[i], 0);
        putf(b, "</td>");
        bar_cells(b, r->f[fo[i]].covered, r->f[fo[i]].total);
        putf(b, "</tr>\n");
    }
    putf(b, "</table>\n<h2>Functions</h2>\n<table id=\"functions\">\n<tr><th>function</th>"
            "<th>where</th><th>covered edges</th><th>%%</th><th></th></tr>\n");
    for (size_t i = 0; i < r->nfn; i++) {
        const struct func *fn = &r->fn[fno[i]];
        putf(b, "<tr><td>");
        put_html_str(b, fn->name);
        putf(b, "</td><td>");
        file_link(b, r, fn->file, fn->line);
        putf(b, "</td>");
        bar_cells(b, fn->covered, fn->total);
        putf(b, "</tr>\n");
    }
    putf(b, "</table>\n</body>\n</html>\n");
}

/* One row of a file page: line l, its text (NULL: source not read). */
static void source_row(struct buf *b, const struct line_count *lc, unsigned l, const char *text,
                       size_t n)
{
    const char *cls = !lc || !lc->total ? NULL : lc->covered ? "covered" : "uncovered";
    putf(b, "<tr id=\"L%u\"%s%s%s><td class=\"num\">%u</td><td class=\"mark\">", l,
         cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "", l);
    if (cls)
        putf(b, "%s %u/%u", lc->covered ? "&#10003;" : "&#10007;", lc->covered, lc->total);
    putf(b, "</td><td>");
    if (text)
        put_html(b, text, n);
    putf(b, "</td></tr>\n");
}

static void file_html(struct buf *b, const struct rep *r, unsigned fi, const char *target)
{
    const struct file *f = &r->f[fi];
    uint8_t *src = NULL;
    size_t len = 0;
    int readable = corpus_read_file(f->name, &src, &len) == 0;
    int err = errno;
    page_head(b, f->name);
    putf(b, "<p><a href=\"index.html\">");
    put_html_str(b, target);
    putf(b, "</a></p>\n<h1>");
    put_html_str(b, f->name);
    putf(b, "</h1>\n<p id=\"total\">%zu of %zu edges covered (%.1f%%). Marked lines: "
            "&#10003; covered (some edge of the line was reached), &#10007; uncovered (the line "
            "has edges, none reached), with covered/total edges.</p>\n",
         f->covered, f->total, pct(f->covered, f->total));
    if (!readable)
        putf(b, "<p class=\"note\" id=\"nosource\">The source file could not be read (%s); "
                "only the lines with edges are listed.</p>\n", strerror(err));
    putf(b, "<table class=\"src\">\n");
    const char *p = (const char *)src, *end = p + len;
    unsigned l = 1;
    for (; readable && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        source_row(b, l <= f->maxline ? &f->lines[l] : NULL, l, p, n);
        p += n + (nl != NULL);
    }
    for (; l <= f->maxline; l++) /* lines past the file's end (or no file): the marks alone */
        if (f->lines[l].total)
            source_row(b, &f->lines[l], l, readable ? "" : NULL, 0);
    putf(b, "</table>\n</body>\n</html>\n");
    free(src);
}

/* ---- writing ------------------------------------------------------------ */

static int write_buf(const char *dir, const char *name, struct buf *b)
{
    int rc = FERRET_EXIT_OK;
    if (b->oom) {
        report_error("-coverage_report: out of memory writing %s/%s\n", dir, name);
        rc = FERRET_EXIT_INTERNAL;
    } else if (corpus_write_named(dir, name, (const uint8_t *)(b->p ? b->p : ""), b->len) != 0) {
        report_error("cannot write %s/%s: %s\n", dir, name, strerror(errno));
        rc = FERRET_EXIT_WRITE;
    }
    free(b->p);
    *b = (struct buf){0};
    return rc;
}

static int write_all(const char *dir, const struct rep *r, const char *target)
{
    unsigned *fo = order(r, r->nf, cmp_file), *fno = order(r, r->nfn, cmp_func);
    struct buf b = {0};
    int rc = FERRET_EXIT_OK;
    if (!fo || !fno) {
        report_error("-coverage_report: out of memory\n");
        rc = FERRET_EXIT_INTERNAL;
    }
    char page[64];
    for (unsigned i = 0; rc == FERRET_EXIT_OK && i < r->nf; i++) {
        if (!r->f[i].name)
            continue;
        file_html(&b, r, i, target);
        page_name(page, sizeof page, i);
        rc = write_buf(dir, page, &b);
    }
    if (rc == FERRET_EXIT_OK) {
        summary_text(&b, r, target, fo, fno);
        rc = write_buf(dir, "summary.txt", &b);
    }
    if (rc == FERRET_EXIT_OK) {
        index_html(&b, r, target, fo, fno);
        rc = write_buf(dir, "index.html", &b);
    }
    free(fo);
    free(fno);
    return rc;
}

static void rep_free(struct rep *r)
{
    for (size_t i = 0; i < r->nf; i++) {
        free(r->f[i].raw);
        free(r->f[i].name);
        free(r->f[i].lines);
    }
    for (size_t i = 0; i < r->nfn; i++)
        free(r->fn[i].name);
    free(r->s);
    free(r->f);
    free(r->fn);
}

int covreport_check(const char *dir, const char *argv0, char *symbolizer, size_t len)
{
    int any = 0;
    for (size_t i = 0; i < sancov_region_count(); i++)
        any |= sancov_region_pcs(i) != NULL;
    if (!any) {
        report_error("-coverage_report: %s has no PC table; build it with "
                     "-fsanitize=fuzzer-no-link (or -fsanitize-coverage=inline-8bit-counters,pc-table)\n",
                     argv0);
        return FERRET_EXIT_USAGE;
    }
    if (symbolize_find(symbolizer, len) != 0) {
        report_error("-coverage_report needs llvm-symbolizer, which is not in PATH: install it "
                     "(Debian: apt-get install llvm) or set FERRET_SYMBOLIZER=/path/to/llvm-symbolizer\n");
        return FERRET_EXIT_TOOL;
    }
    if (corpus_mkdirs(dir) != 0 || access(dir, W_OK) != 0) {
        report_error("cannot write the coverage report to %s: %s\n", dir, strerror(errno));
        return FERRET_EXIT_WRITE;
    }
    return FERRET_EXIT_OK;
}

int covreport_write(const char *dir, const char *symbolizer, const char *target,
                    const uint8_t *mask, size_t ncounters, struct covreport_totals *t)
{
    struct rep r = {0};
    struct sym_loc *loc = NULL;
    uintptr_t *pcs = NULL;
    char err[512];
    int rc;
    if (collect_sites(&r, mask, ncounters) != 0 || !(loc = calloc(r.ns + 1, sizeof *loc)) ||
        !(pcs = malloc((r.ns + 1) * sizeof *pcs)))
        goto oom;
    for (size_t i = 0; i < r.ns; i++)
        pcs[i] = r.s[i].pc;
    if (symbolize_pcs(symbolizer, pcs, r.ns, loc, err, sizeof err) != 0) {
        report_error("-coverage_report: %s\n", err);
        rc = FERRET_EXIT_TOOL;
        goto out;
    }
    if (tally(&r, loc) != 0 || count_lines(&r) != 0)
        goto oom;
    if ((rc = write_all(dir, &r, target)) == FERRET_EXIT_OK) {
        report_coverage_written(dir, r.t.covered, r.t.edges, r.t.entered, r.t.funcs);
        if (t)
            *t = r.t;
    }
    goto out;
oom:
    report_error("-coverage_report: out of memory\n");
    rc = FERRET_EXIT_INTERNAL;
out:
    if (loc)
        sym_loc_free(loc, r.ns);
    free(loc);
    free(pcs);
    rep_free(&r);
    return rc;
}
