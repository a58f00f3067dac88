/*
 * findings_report.c - the findings report's words and files (see
 * findings_report.h).
 *
 * Both files say the same for each finding, in the order given: kind, stack
 * signature, first seen (UTC), hits, the reproducer and its size, the
 * command that re-runs it, the sanitizer's summary line.  They are built in
 * memory (open_memstream) and written whole, atomically; nothing is printed
 * here (the caller reports where the files went).
 *
 * Owns: nothing (the entries are the caller's; the buffers live for one call).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "corpus.h"
#include "findings_report.h"

static void format_time(int64_t t, char *buf, size_t len)
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (t <= 0 || !gmtime_r(&tt, &tm) || strftime(buf, len, "%Y-%m-%d %H:%M:%S UTC", &tm) == 0)
        snprintf(buf, len, "unknown");
}

static uint64_t total_hits(const struct findings_doc *d)
{
    uint64_t hits = 0;
    for (size_t i = 0; i < d->n; i++)
        hits += d->v[i].hits;
    return hits;
}

/* Closes the stream; 0 with *out, *len, or -1. */
static int close_stream(FILE *f, char **out, size_t *len)
{
    int bad = ferror(f);
    if (fclose(f) != 0 || bad) {
        free(*out);
        *out = NULL;
        errno = ENOMEM;
        return -1;
    }
    return 0;
}

/* ---- text ------------------------------------------------------------------ */

static void text_entry(FILE *f, size_t i, const struct findings_entry *e)
{
    char when[64];
    format_time(e->first_seen, when, sizeof when);
    fprintf(f, "\nfinding %zu: %s\n", i + 1, finding_kind_name(e->kind));
    fprintf(f, "  signature:  %s\n", e->sig);
    fprintf(f, "  first seen: %s\n", when);
    fprintf(f, "  hits:       %llu\n", (unsigned long long)e->hits);
    if (e->path)
        fprintf(f, "  reproducer: %s (%zu bytes)\n", e->path, e->len);
    else
        fprintf(f, "  reproducer: not written (%zu bytes)\n", e->len);
    fprintf(f, "  re-run:     %s\n", e->rerun && *e->rerun ? e->rerun : "-");
    fprintf(f, "  summary:    %s\n", e->summary && *e->summary ? e->summary : "-");
}

int findings_report_text(const struct findings_doc *d, char **out, size_t *len)
{
    *out = NULL;
    FILE *f = open_memstream(out, len);
    if (!f)
        return -1;
    fprintf(f, "ferret findings report: %s\n", d->target);
    fprintf(f, "source: %s\n", d->source);
    fprintf(f, "%zu distinct finding%s, %llu hit%s in all\n", d->n, d->n == 1 ? "" : "s",
            (unsigned long long)total_hits(d), total_hits(d) == 1 ? "" : "s");
    for (size_t i = 0; i < d->n; i++)
        text_entry(f, i, &d->v[i]);
    return close_stream(f, out, len);
}

/* ---- HTML ------------------------------------------------------------------ */

/* s as XML text: the five specials as entities, bytes outside printable
 * ASCII (control characters, invalid or any UTF-8) as \xHH. */
static void esc(FILE *f, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        switch (*p) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default:
            if (*p < 0x20 || *p >= 0x7f)
                fprintf(f, "\\x%02x", *p);
            else
                fputc(*p, f);
        }
    }
}

static const char STYLE[] =
    "body{font-family:sans-serif;margin:2em}"
    "table{border-collapse:collapse}"
    "th,td{border:1px solid #bbb;padding:.3em .5em;text-align:left;vertical-align:top}"
    "th{background:#eee}"
    "td.kind{font-weight:bold}"
    "td.first,td.hits{white-space:nowrap}"
    "code{font-size:90%;overflow-wrap:anywhere}";

static void html_head(FILE *f, const struct findings_doc *d, const char *coverage_href)
{
    uint64_t hits = total_hits(d);
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>", f);
    fputs("ferret findings: ", f);
    esc(f, d->target);
    fprintf(f, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>Findings: ", STYLE);
    esc(f, d->target);
    fputs("</h1>\n<p>Source: ", f);
    esc(f, d->source);
    fprintf(f, ". <span id=\"count\">%zu</span> distinct finding%s, "
               "<span id=\"hits\">%llu</span> hit%s in all.</p>\n",
            d->n, d->n == 1 ? "" : "s", (unsigned long long)hits, hits == 1 ? "" : "s");
    if (coverage_href) {
        fputs("<p><a href=\"", f);
        esc(f, coverage_href);
        fputs("\">Coverage report</a></p>\n", f);
    }
}

static void html_cell(FILE *f, const char *cls, const char *text, int code)
{
    fprintf(f, "<td class=\"%s\">%s", cls, code ? "<code>" : "");
    esc(f, text && *text ? text : "-");
    fprintf(f, "%s</td>", code ? "</code>" : "");
}

static void html_entry(FILE *f, size_t i, const struct findings_entry *e)
{
    char when[64], hits[32], repro[4200];
    format_time(e->first_seen, when, sizeof when);
    snprintf(hits, sizeof hits, "%llu", (unsigned long long)e->hits);
    if (e->path)
        snprintf(repro, sizeof repro, "%s (%zu bytes)", e->path, e->len);
    else
        snprintf(repro, sizeof repro, "not written (%zu bytes)", e->len);
    fprintf(f, "<tr id=\"finding-%zu\"><td>%zu</td>", i + 1, i + 1);
    html_cell(f, "kind", finding_kind_name(e->kind), 0);
    html_cell(f, "sig", e->sig, 1);
    html_cell(f, "first", when, 0);
    html_cell(f, "hits", hits, 0);
    html_cell(f, "repro", repro, 1);
    html_cell(f, "rerun", e->rerun, 1);
    html_cell(f, "summary", e->summary, 1);
    fputs("</tr>\n", f);
}

int findings_report_html(const struct findings_doc *d, const char *coverage_href, char **out,
                         size_t *len)
{
    *out = NULL;
    FILE *f = open_memstream(out, len);
    if (!f)
        return -1;
    html_head(f, d, coverage_href);
    if (d->n == 0) {
        fputs("<p>No findings.</p>\n", f);
    } else {
        fputs("<table>\n<thead><tr><th>#</th><th>kind</th><th>stack signature</th>"
              "<th>first seen</th><th>hits</th><th>smallest reproducer</th>"
              "<th>re-run</th><th>sanitizer summary</th></tr></thead>\n<tbody>\n", f);
        for (size_t i = 0; i < d->n; i++)
            html_entry(f, i, &d->v[i]);
        fputs("</tbody>\n</table>\n", f);
    }
    fputs("</body>\n</html>\n", f);
    return close_stream(f, out, len);
}

/* ---- files ----------------------------------------------------------------- */

/* The coverage report next to dir/findings.html, as a link from it. */
static const char *coverage_next_to(const char *dir)
{
    static const char *const candidates[] = {"index.html", "coverage/index.html"};
    char path[4200];
    struct stat st;
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, candidates[i]);
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
            return candidates[i];
    }
    return NULL;
}

int findings_report_write(const char *dir, const struct findings_doc *d)
{
    char *text = NULL, *html = NULL;
    size_t tlen = 0, hlen = 0;
    int rc = -1, err = 0;
    if (corpus_mkdirs(dir) != 0)
        return -1;
    if (findings_report_text(d, &text, &tlen) == 0 &&
        findings_report_html(d, coverage_next_to(dir), &html, &hlen) == 0 &&
        corpus_write_named(dir, "findings.txt", (const uint8_t *)text, tlen) == 0 &&
        corpus_write_named(dir, "findings.html", (const uint8_t *)html, hlen) == 0)
        rc = 0;
    err = errno;
    free(text);
    free(html);
    errno = err;
    return rc;
}
