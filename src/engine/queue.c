/*
 * queue.c - ring buffer behind queue.h.
 * Invariant: elements live at v[(head + i) & (cap - 1)] for i < len.
 *
 * Owns: no state of its own.  Of a struct queue the caller keeps (the
 * coordinator's inputq, minq, writeq, base_retry, findings and sync
 * queues), only this file writes the fields: the ring v, cap, head and len.
 */
#include <stdlib.h>

#include "queue.h"

static int queue_grow(struct queue *q)
{
    size_t cap = q->cap ? q->cap * 2 : 16;
    void **v = malloc(cap * sizeof *v);
    if (!v)
        return -1;
    for (size_t i = 0; i < q->len; i++)
        v[i] = q->v[(q->head + i) & (q->cap - 1)];
    free(q->v);
    q->v = v;
    q->cap = cap;
    q->head = 0;
    return 0;
}

int queue_push(struct queue *q, void *p)
{
    if (q->len == q->cap && queue_grow(q) != 0)
        return -1;
    q->v[(q->head + q->len) & (q->cap - 1)] = p;
    q->len++;
    return 0;
}

void *queue_pop(struct queue *q)
{
    if (q->len == 0)
        return NULL;
    void *p = q->v[q->head];
    q->head = (q->head + 1) & (q->cap - 1);
    q->len--;
    return p;
}

void *queue_peek(const struct queue *q) { return q->len ? q->v[q->head] : NULL; }
size_t queue_len(const struct queue *q) { return q->len; }

void queue_free(struct queue *q)
{
    free(q->v);
    q->v = NULL;
    q->cap = q->head = q->len = 0;
}
