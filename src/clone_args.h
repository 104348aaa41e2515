/* clone_args.h - clone3(2)'s struct clone_args, read and checked as the
 * kernel reads it (kernel/fork.c copy_clone_args_from_user), so that janus
 * can check its flags and hand the kernel a copy of what it checked. */
#ifndef JANUS_CLONE_ARGS_H
#define JANUS_CLONE_ARGS_H

#include <stddef.h>
#include <stdint.h>

#include "decode.h"

/* Reads the size bytes at addr (buf holds page bytes at least) and
 * checks them as the kernel does: more than a page, E2BIG; less than the
 * first version (64 bytes), EINVAL; unreadable, EFAULT; non-zero bytes
 * past the fields janus knows (88 bytes, Linux 5.7), E2BIG (a kernel
 * without those fields says so; janus cannot check what it does not
 * know).  *len: how many bytes to hand the kernel (the rest is zero).
 * Returns 0 or -errno. */
int clone_args_read(mem_read_fn rd, void *ctx, uint64_t addr, uint64_t size, size_t page,
		    unsigned char *buf, size_t *len);

/* clone_args.flags of a struct read so. */
uint64_t clone_args_flags(const unsigned char *buf);

#endif
