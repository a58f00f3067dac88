/* bench/soak_target.c - a parser-like target for bench/soak.sh, with no
 * planted bug: a JSON validator (recursive descent, depth-limited) and an
 * INI parser, chosen by the input's first byte.  It allocates and frees a
 * little per input (keys are copied into a small table), so a leak in the
 * engine's bookkeeping would show, not one of the target's.  Linear time,
 * bounded recursion, every access checked: it never crashes nor hangs. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct p {
    const uint8_t *s;
    size_t n, i;
    int depth;
};

static volatile unsigned sink;

static int peek(struct p *p) { return p->i < p->n ? p->s[p->i] : -1; }

static void ws(struct p *p)
{
    while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\n' || p->s[p->i] == '\r'))
        p->i++;
}

static int lit(struct p *p, const char *w)
{
    size_t k = strlen(w);
    if (p->n - p->i < k || memcmp(p->s + p->i, w, k) != 0)
        return 0;
    p->i += k;
    return 1;
}

static int hex(int c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int jstring(struct p *p)
{
    if (peek(p) != '"')
        return 0;
    p->i++;
    while (p->i < p->n) {
        int c = p->s[p->i++];
        if (c == '"')
            return 1;
        if (c < 0x20)
            return 0;
        if (c == '\\') {
            int e = peek(p);
            if (e < 0)
                return 0;
            p->i++;
            if (e == 'u') {
                for (int k = 0; k < 4; k++) {
                    if (!hex(peek(p)))
                        return 0;
                    p->i++;
                }
                sink++;
            } else if (!strchr("\"\\/bfnrt", e)) {
                return 0;
            }
        }
    }
    return 0;
}

static int jnumber(struct p *p)
{
    size_t start = p->i;
    if (peek(p) == '-')
        p->i++;
    if (peek(p) == '0') {
        p->i++;
    } else if (peek(p) >= '1' && peek(p) <= '9') {
        while (peek(p) >= '0' && peek(p) <= '9')
            p->i++;
    } else {
        return 0;
    }
    if (peek(p) == '.') {
        p->i++;
        if (!(peek(p) >= '0' && peek(p) <= '9'))
            return 0;
        while (peek(p) >= '0' && peek(p) <= '9')
            p->i++;
    }
    if (peek(p) == 'e' || peek(p) == 'E') {
        p->i++;
        if (peek(p) == '+' || peek(p) == '-')
            p->i++;
        if (!(peek(p) >= '0' && peek(p) <= '9'))
            return 0;
        while (peek(p) >= '0' && peek(p) <= '9')
            p->i++;
    }
    sink += (unsigned)(p->i - start);
    return 1;
}

static int jvalue(struct p *p);

static int jarray(struct p *p)
{
    p->i++; /* [ */
    ws(p);
    if (peek(p) == ']') {
        p->i++;
        return 1;
    }
    for (;;) {
        if (!jvalue(p))
            return 0;
        ws(p);
        if (peek(p) == ',') {
            p->i++;
            continue;
        }
        if (peek(p) == ']') {
            p->i++;
            return 1;
        }
        return 0;
    }
}

static int jobject(struct p *p)
{
    p->i++; /* { */
    ws(p);
    if (peek(p) == '}') {
        p->i++;
        return 1;
    }
    for (;;) {
        ws(p);
        if (!jstring(p))
            return 0;
        ws(p);
        if (peek(p) != ':')
            return 0;
        p->i++;
        if (!jvalue(p))
            return 0;
        ws(p);
        if (peek(p) == ',') {
            p->i++;
            continue;
        }
        if (peek(p) == '}') {
            p->i++;
            return 1;
        }
        return 0;
    }
}

static int jvalue(struct p *p)
{
    int ok;
    ws(p);
    if (p->depth >= 64)
        return 0;
    p->depth++;
    switch (peek(p)) {
    case '{': ok = jobject(p); break;
    case '[': ok = jarray(p); break;
    case '"': ok = jstring(p); break;
    case 't': ok = lit(p, "true"); break;
    case 'f': ok = lit(p, "false"); break;
    case 'n': ok = lit(p, "null"); break;
    default:  ok = jnumber(p); break;
    }
    p->depth--;
    return ok;
}

/* INI: [section], key = value, ; or # comments.  Keys go into a small table
 * of malloc'd copies (freed at the end); a repeated key is counted. */
#define MAX_KEYS 32

static void ini(const uint8_t *s, size_t n)
{
    char *keys[MAX_KEYS];
    int nkeys = 0, sections = 0, dups = 0;
    size_t i = 0;
    while (i < n) {
        size_t end = i;
        while (end < n && s[end] != '\n')
            end++;
        size_t a = i, b = end;
        while (a < b && (s[a] == ' ' || s[a] == '\t'))
            a++;
        while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r'))
            b--;
        if (a < b && (s[a] == ';' || s[a] == '#')) {
            sink++;
        } else if (a < b && s[a] == '[') {
            if (s[b - 1] == ']' && b - a > 2)
                sections++;
        } else if (a < b) {
            const uint8_t *eq = memchr(s + a, '=', b - a);
            if (eq) {
                size_t klen = (size_t)(eq - (s + a));
                while (klen > 0 && (s[a + klen - 1] == ' ' || s[a + klen - 1] == '\t'))
                    klen--;
                if (klen > 0 && klen < 64) {
                    int seen = 0;
                    for (int k = 0; k < nkeys; k++)
                        if (strlen(keys[k]) == klen && memcmp(keys[k], s + a, klen) == 0)
                            seen = 1;
                    if (seen) {
                        dups++;
                    } else if (nkeys < MAX_KEYS) {
                        char *copy = malloc(klen + 1);
                        if (copy) {
                            memcpy(copy, s + a, klen);
                            copy[klen] = 0;
                            keys[nkeys++] = copy;
                        }
                    }
                }
            }
        }
        i = end + 1;
    }
    sink += (unsigned)(sections * 3 + dups * 5 + nkeys);
    for (int k = 0; k < nkeys; k++)
        free(keys[k]);
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n == 0)
        return 0;
    if (d[0] == '{' || d[0] == '[' || d[0] == '"') {
        struct p p = {d, n, 0, 0};
        if (jvalue(&p)) {
            ws(&p);
            if (p.i == p.n)
                sink += 7; /* a complete document */
        }
    } else {
        ini(d, n);
    }
    return 0;
}
