/* decode_mem.c - bounded reads of tracee memory for the decoder. */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "decode_priv.h"

/* The smallest page size of the supported ABIs: a chunk that does not
 * cross a 4 KiB boundary crosses no page boundary at all. */
#define CHUNK_ALIGN 4096u

static size_t chunk_at(uint64_t addr, size_t want)
{
	size_t to_boundary = CHUNK_ALIGN - (size_t)(addr % CHUNK_ALIGN);
	return want < to_boundary ? want : to_boundary;
}

long decode_read(const struct arg_ctx *ax, uint64_t addr, void *buf, size_t len)
{
	size_t done = 0;
	if (!ax->read)
		return -EFAULT;
	while (done < len) {
		uint64_t a = addr + done;
		if (a < addr)			/* wrapped past the top */
			break;
		size_t n = chunk_at(a, len - done);
		long got = ax->read(ax->read_ctx, a, (char *)buf + done, n);
		if (got < 0)
			return done ? (long)done : got;
		if (got == 0)
			break;
		if ((size_t)got > n)		/* a reader that overran: distrust it */
			return done ? (long)done : -EIO;
		done += (size_t)got;
		if ((size_t)got < n)
			break;
	}
	return done || !len ? (long)done : -EFAULT;
}

int decode_read_full(const struct arg_ctx *ax, uint64_t addr, void *buf, size_t len)
{
	long got = decode_read(ax, addr, buf, len);
	return got >= 0 && (size_t)got == len ? 0 : -EFAULT;
}

int decode_read_word(const struct arg_ctx *ax, uint64_t addr, uint64_t *out)
{
	if (decode_wordsize(ax->arch) == 4) {
		uint32_t w;
		if (decode_read_full(ax, addr, &w, sizeof w))
			return -EFAULT;
		*out = w;
		return 0;
	}
	return decode_read_full(ax, addr, out, sizeof *out);
}

int decode_read_cstr(const struct arg_ctx *ax, uint64_t addr, char *buf, size_t max,
		     size_t *len, bool *terminated)
{
	size_t done = 0;
	while (done < max) {
		uint64_t a = addr + done;
		if (a < addr)
			return -EFAULT;
		size_t n = chunk_at(a, max - done);
		long got = decode_read(ax, a, buf + done, n);
		if (got <= 0)
			return -EFAULT;
		const char *nul = memchr(buf + done, '\0', (size_t)got);
		if (nul) {
			*len = (size_t)(nul - buf);
			*terminated = true;
			return 0;
		}
		done += (size_t)got;
	}
	*len = max;
	*terminated = false;
	return 0;
}
