/*
 * json.c - the JSON writer (see json.h).
 *
 * Owns: nothing (the buffer and its cursor are the caller's struct json).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "json.h"

void json_init(struct json *j, char *buf, size_t cap)
{
    memset(j, 0, sizeof *j);
    j->buf = buf;
    j->cap = cap;
    if (cap)
        buf[0] = 0;
    else
        j->overflow = 1;
}

static void put(struct json *j, const char *s, size_t n)
{
    if (j->overflow || j->len + n + 1 > j->cap) {
        j->overflow = 1;
        return;
    }
    memcpy(j->buf + j->len, s, n);
    j->len += n;
    j->buf[j->len] = 0;
}

static void puts_(struct json *j, const char *s) { put(j, s, strlen(s)); }

/* The length of the valid UTF-8 sequence at s (1..4), or 0. */
static size_t utf8_len(const unsigned char *s)
{
    unsigned c = s[0];
    size_t n = c < 0xc2 ? 0 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : c < 0xf5 ? 4 : 0;
    if (!n)
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    if ((c == 0xe0 && s[1] < 0xa0) || (c == 0xed && s[1] > 0x9f) || /* overlong, surrogates */
        (c == 0xf0 && s[1] < 0x90) || (c == 0xf4 && s[1] > 0x8f))
        return 0;
    return n;
}

static void quoted(struct json *j, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    char esc[8];
    put(j, "\"", 1);
    while (*p) {
        size_t n;
        if (*p == '"' || *p == '\\') {
            esc[0] = '\\';
            esc[1] = (char)*p;
            put(j, esc, 2);
            p++;
        } else if (*p < 0x20 || *p == 0x7f) {
            snprintf(esc, sizeof esc, "\\u%04x", *p);
            puts_(j, esc);
            p++;
        } else if (*p < 0x80) {
            put(j, (const char *)p, 1);
            p++;
        } else if ((n = utf8_len(p)) != 0) {
            put(j, (const char *)p, n);
            p += n;
        } else {
            snprintf(esc, sizeof esc, "\\u%04x", *p); /* not UTF-8: the byte's value */
            puts_(j, esc);
            p++;
        }
    }
    put(j, "\"", 1);
}

/* The comma and the key before a value. */
static void begin_value(struct json *j, const char *key)
{
    if (j->depth > 0 && j->count[j->depth - 1]++ > 0)
        put(j, ",", 1);
    if (key) {
        quoted(j, key);
        put(j, ":", 1);
    }
}

static void open_level(struct json *j, const char *key, const char *bracket, char close)
{
    begin_value(j, key);
    puts_(j, bracket);
    if (j->depth == JSON_MAX_DEPTH) {
        j->overflow = 1;
        return;
    }
    j->close[j->depth] = close;
    j->count[j->depth++] = 0;
}

void json_object(struct json *j, const char *key) { open_level(j, key, "{", '}'); }
void json_array(struct json *j, const char *key) { open_level(j, key, "[", ']'); }

void json_end(struct json *j)
{
    if (j->depth == 0) {
        j->overflow = 1;
        return;
    }
    j->depth--;
    put(j, &j->close[j->depth], 1);
}

void json_u64(struct json *j, const char *key, uint64_t v)
{
    char num[32];
    begin_value(j, key);
    snprintf(num, sizeof num, "%llu", (unsigned long long)v);
    puts_(j, num);
}

void json_i64(struct json *j, const char *key, int64_t v)
{
    char num[32];
    begin_value(j, key);
    snprintf(num, sizeof num, "%lld", (long long)v);
    puts_(j, num);
}

void json_double(struct json *j, const char *key, double v)
{
    char num[40];
    begin_value(j, key);
    if (!isfinite(v)) {
        puts_(j, "null");
        return;
    }
    snprintf(num, sizeof num, "%.6g", v);
    puts_(j, num);
}

void json_bool(struct json *j, const char *key, int v)
{
    begin_value(j, key);
    puts_(j, v ? "true" : "false");
}

void json_string(struct json *j, const char *key, const char *s)
{
    begin_value(j, key);
    if (s)
        quoted(j, s);
    else
        puts_(j, "null");
}

size_t json_done(struct json *j)
{
    return j->overflow || j->depth ? 0 : j->len;
}
