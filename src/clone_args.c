/* clone_args.c - clone3's argument struct (see clone_args.h). */
#include "config.h"

#include <errno.h>
#include <linux/sched.h>
#include <string.h>

#include "clone_args.h"

/* The struct as janus knows it: up to cgroup (Linux 5.7). */
#define CLONE_ARGS_KNOWN CLONE_ARGS_SIZE_VER2

int clone_args_read(mem_read_fn rd, void *ctx, uint64_t addr, uint64_t size, size_t page,
		    unsigned char *buf, size_t *len)
{
	if (size > page)
		return -E2BIG;
	if (size < CLONE_ARGS_SIZE_VER0)
		return -EINVAL;
	long got = rd(ctx, addr, buf, (size_t)size);
	if (got < (long)size)
		return -EFAULT;
	for (size_t i = CLONE_ARGS_KNOWN; i < size; i++)
		if (buf[i])
			return -E2BIG;
	*len = size < CLONE_ARGS_KNOWN ? (size_t)size : CLONE_ARGS_KNOWN;
	return 0;
}

uint64_t clone_args_flags(const unsigned char *buf)
{
	uint64_t flags;
	memcpy(&flags, buf, sizeof flags);	/* __aligned_u64 first, in every ABI */
	return flags;
}
