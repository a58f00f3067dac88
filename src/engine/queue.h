/*
 * queue.h - a FIFO of pointers, growable, for the coordinator's input queue
 * (corpus entries waiting to be fuzzed) and minimization queue (inputs with
 * new coverage waiting to be minimized).  Go's coordinator keeps the same two
 * queues.  Owned by the coordinator only; not thread-safe.
 */
#ifndef FERRET_QUEUE_H
#define FERRET_QUEUE_H

#include <stddef.h>

struct queue {
    void **v;
    size_t cap;   /* a power of two, or 0 */
    size_t head;  /* index of the oldest element */
    size_t len;
};

int queue_push(struct queue *q, void *p);   /* 0, or -1 when out of memory */
void *queue_pop(struct queue *q);           /* NULL when empty */
void *queue_peek(const struct queue *q);
size_t queue_len(const struct queue *q);
void queue_free(struct queue *q);

#endif
