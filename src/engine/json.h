/*
 * json.h - a small JSON writer into a caller's fixed buffer, for the stats
 * file (statsfile.h).  ferret writes JSON with its own emitter: a JSON
 * library linked into every target would clash with the JSON libraries
 * that are themselves fuzz targets (cJSON, json-c).
 *
 *   struct json j;  char buf[4096];
 *   json_init(&j, buf, sizeof buf);
 *   json_object(&j, NULL);  json_u64(&j, "execs", 10);  json_end(&j);
 *   json_done(&j)  -> length of '{"execs":10}', or 0 if it did not fit
 *
 * Strings are escaped as JSON requires (quote, backslash, control
 * characters); a byte that is not part of valid UTF-8 is written as \u00XX
 * of its value, so the output is always valid JSON.  Doubles that are not
 * finite are written as null.
 *
 * Owns: nothing (the buffer is the caller's).
 */
#ifndef FERRET_JSON_H
#define FERRET_JSON_H

#include <stddef.h>
#include <stdint.h>

#define JSON_MAX_DEPTH 8

struct json {
    char *buf;
    size_t cap, len;
    int overflow;                   /* something did not fit: json_done returns 0 */
    int depth;
    int count[JSON_MAX_DEPTH];      /* values written at each open level */
    char close[JSON_MAX_DEPTH];     /* '}' or ']' for each open level */
};

void json_init(struct json *j, char *buf, size_t cap);
/* An object or array; key is NULL at the top or inside an array. */
void json_object(struct json *j, const char *key);
void json_array(struct json *j, const char *key);
/* Closes the innermost object or array. */
void json_end(struct json *j);
void json_u64(struct json *j, const char *key, uint64_t v);
void json_i64(struct json *j, const char *key, int64_t v);
void json_double(struct json *j, const char *key, double v);
void json_bool(struct json *j, const char *key, int v);
void json_string(struct json *j, const char *key, const char *s);
/* The text's length (NUL-terminated in buf), or 0 if it overflowed or a
 * level is still open. */
size_t json_done(struct json *j);

#endif
