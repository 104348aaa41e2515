/* msghdr.c - ABI-aware struct msghdr and cmsg parsing (see msghdr.h). */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "msghdr.h"

uint64_t abi_word(const unsigned char *p, unsigned ws)
{
	if (ws == 4) {
		uint32_t w;
		memcpy(&w, p, sizeof w);
		return w;
	}
	uint64_t w;
	memcpy(&w, p, sizeof w);
	return w;
}

static void put_word(unsigned char *p, unsigned ws, uint64_t v)
{
	if (ws == 4) {
		uint32_t w = (uint32_t)v;
		memcpy(p, &w, sizeof w);
	} else {
		memcpy(p, &v, sizeof v);
	}
}

size_t msghdr_size(unsigned ws)
{
	return 7 * (size_t)ws;	/* msg_flags is a word too: an int and its padding */
}

size_t mmsghdr_size(unsigned ws)
{
	return (msghdr_size(ws) + sizeof(uint32_t) + ws - 1) / ws * ws;
}

int msghdr_read(mem_read_fn rd, void *ctx, unsigned ws, uint64_t addr, struct msghdr_view *m)
{
	unsigned char raw[7 * 8];
	size_t len = msghdr_size(ws);
	long got = rd(ctx, addr, raw, len);
	if (got < 0)
		return (int)got;
	if ((size_t)got < len)
		return -EFAULT;
	m->name = abi_word(raw, ws);
	memcpy(&m->namelen, raw + ws, sizeof m->namelen);
	m->iov = abi_word(raw + 2 * ws, ws);
	m->iovlen = abi_word(raw + 3 * ws, ws);
	m->control = abi_word(raw + 4 * ws, ws);
	m->controllen = abi_word(raw + 5 * ws, ws);
	memcpy(&m->flags, raw + 6 * ws, sizeof m->flags);
	return 0;
}

void msghdr_image(unsigned ws, const struct msghdr_view *m, unsigned char *out)
{
	memset(out, 0, msghdr_size(ws));
	put_word(out, ws, m->name);
	memcpy(out + ws, &m->namelen, sizeof m->namelen);
	put_word(out + 2 * ws, ws, m->iov);
	put_word(out + 3 * ws, ws, m->iovlen);
	put_word(out + 4 * ws, ws, m->control);
	put_word(out + 5 * ws, ws, m->controllen);
	memcpy(out + 6 * ws, &m->flags, sizeof m->flags);
}

static size_t align_up(size_t v, unsigned ws)
{
	return (v + ws - 1) & ~(size_t)(ws - 1);
}

int cmsg_walk(const unsigned char *buf, size_t len, unsigned ws,
	      void (*fn)(void *arg, int level, int type, const unsigned char *data, size_t dlen),
	      void *arg)
{
	size_t hdr = align_up(ws + 2 * sizeof(int32_t), ws);
	size_t off = 0;
	int n = 0;
	while (off + hdr <= len) {
		uint64_t clen = abi_word(buf + off, ws);
		if (clen < hdr || clen > len - off)
			break;
		int32_t level, type;
		memcpy(&level, buf + off + ws, sizeof level);
		memcpy(&type, buf + off + ws + sizeof level, sizeof type);
		fn(arg, level, type, buf + off + hdr, (size_t)clen - hdr);
		n++;
		off += align_up((size_t)clen, ws);
	}
	return n;
}
