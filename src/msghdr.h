/* msghdr.h - struct msghdr and its control messages as the tracee's ABI
 * lays them out.  In both word sizes field k of struct msghdr is at k
 * words (msg_namelen and msg_flags are ints, padded on 64-bit); a cmsghdr
 * is a word (cmsg_len) and two ints, and control messages are aligned to
 * the word size (CMSG_ALIGN; 4 bytes for compat tasks). */
#ifndef JANUS_MSGHDR_H
#define JANUS_MSGHDR_H

#include <stddef.h>
#include <stdint.h>

#include "decode.h"

struct msghdr_view {
	uint64_t name, iov, iovlen, control, controllen;
	uint32_t namelen;
	int32_t flags;
};

/* A word of the tracee's size (4 or 8 bytes) at p, zero-extended. */
uint64_t abi_word(const unsigned char *p, unsigned wordsize);

/* sizeof(struct msghdr) in the ABI (56 or 28 bytes: seven words); the
 * msg_len of a struct mmsghdr follows it, and mmsghdr_size() is the
 * stride of a sendmmsg vector (64 or 32 bytes). */
size_t msghdr_size(unsigned wordsize);
size_t mmsghdr_size(unsigned wordsize);

/* Reads the msghdr at addr: all of it, as the kernel's copy does.
 * Returns 0 or -errno. */
int msghdr_read(mem_read_fn rd, void *ctx, unsigned wordsize, uint64_t addr,
		struct msghdr_view *m);
/* The msghdr m as the ABI lays it out, in out[0..msghdr_size()), padding
 * zeroed: what janus hands the kernel in place of the program's own. */
void msghdr_image(unsigned wordsize, const struct msghdr_view *m, unsigned char *out);

/* Calls fn for each control message in buf[0..len) (msg_control as read
 * from the tracee), stopping at the first whose cmsg_len is malformed, as
 * the kernel's CMSG_NXTHDR does.  Returns the number of messages seen. */
int cmsg_walk(const unsigned char *buf, size_t len, unsigned wordsize,
	      void (*fn)(void *arg, int level, int type, const unsigned char *data, size_t dlen),
	      void *arg);

#endif
