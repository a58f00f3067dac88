/* test_queue.c - FIFO order across growth and wrap-around. */
#include <stdint.h>

#include "check.h"
#include "queue.h"

int main(void)
{
    struct queue q = {0};
    CHECK(queue_pop(&q) == NULL);
    CHECK(queue_peek(&q) == NULL);
    /* Interleave pushes and pops so the ring wraps while it grows. */
    uintptr_t next_in = 1, next_out = 1;
    for (int round = 0; round < 200; round++) {
        for (int i = 0; i < round % 7 + 3; i++)
            CHECK(queue_push(&q, (void *)next_in++) == 0);
        for (int i = 0; i < round % 5 + 1 && queue_len(&q); i++) {
            CHECK(queue_peek(&q) == (void *)next_out);
            CHECK(queue_pop(&q) == (void *)next_out++);
        }
    }
    CHECK_EQ_U(queue_len(&q), next_in - next_out);
    while (queue_len(&q))
        CHECK(queue_pop(&q) == (void *)next_out++);
    CHECK_EQ_U(next_in, next_out);
    CHECK(queue_pop(&q) == NULL);
    queue_free(&q);
    CHECK_EQ_U(queue_len(&q), 0);
    return CHECK_DONE("queue");
}
