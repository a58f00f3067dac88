/*
 * rpc.c - reading and writing the fixed-size call and reply records, and
 * checking replies (see rpc.h for the protocol).
 *
 * Owns: nothing: it reads and writes the call and reply records on the pipe
 * ends the caller passes (supervise.c's in the coordinator, worker.c's in a
 * worker).
 */
#include <errno.h>
#include <unistd.h>

#include "rpc.h"

int rpc_write_all(int fd, const void *buf, size_t len)
{
    const char *p = buf;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

int rpc_read_all(int fd, void *buf, size_t len)
{
    char *p = buf;
    while (len > 0) {
        ssize_t n = read(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

int rpc_reply_check(const struct rpc_reply *r, uint32_t op)
{
    if (r->magic != RPC_MAGIC || r->op != op)
        return 0;
    if (r->status == RPC_NEW_COVERAGE || r->status == RPC_REDUCED)
        return op == RPC_FUZZ;
    if (r->status == RPC_LEAK || r->status == RPC_FAILURE)
        return op == RPC_FUZZ || op == RPC_RUN;
    return r->status == RPC_OK;
}
