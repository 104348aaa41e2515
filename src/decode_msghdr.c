/* decode_msghdr.c - struct msghdr of sendmsg/recvmsg, with its iovecs and
 * control messages (SCM_RIGHTS matters to a jail: it passes fds).
 *
 * The tracee's layout is read field by field for its word size: in both
 * ABIs field k of struct msghdr is at k words (msg_namelen and msg_flags
 * are 32-bit, padded on 64-bit), struct iovec is two words, and struct
 * cmsghdr is a word (cmsg_len) then two ints, padded to a word. */
#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <sys/socket.h>

#include "decode_priv.h"
#include "msghdr.h"
#include "xlat.h"

#define CONTROL_MAX 1024	/* bytes of msg_control read */

static int read_msghdr(const struct arg_ctx *ax, uint64_t addr, struct msghdr_view *m)
{
	return msghdr_read(ax->read, ax->read_ctx, decode_wordsize(ax->arch), addr, m);
}

/* [{iov_base="...", iov_len=5}, ...]; data_limit < 0: each iov_len. */
static void put_iov(struct strbuf *sb, const struct arg_ctx *ax, uint64_t iov,
		    uint64_t iovlen, int64_t data_limit)
{
	unsigned ws = decode_wordsize(ax->arch);
	unsigned char raw[16];
	if (!iov) {
		sb_puts(sb, "NULL");
		return;
	}
	if (iovlen && decode_read_full(ax, iov, raw, 2 * ws)) {
		decode_put_ptr(sb, iov);
		return;
	}
	sb_putc(sb, '[');
	for (uint64_t k = 0; k < iovlen; k++) {
		if (k)
			sb_puts(sb, ", ");
		if (k == DECODE_ARRAY_CAP
		    || (k && decode_read_full(ax, decode_word(ax, iov + k * 2 * ws), raw, 2 * ws))) {
			sb_puts(sb, "...");
			break;
		}
		uint64_t base = abi_word(raw, ws), len = abi_word(raw + ws, ws);
		uint64_t shown = len;
		if (data_limit >= 0) {
			shown = (uint64_t)data_limit < len ? (uint64_t)data_limit : len;
			data_limit -= (int64_t)shown;
		}
		sb_puts(sb, "{iov_base=");
		decode_put_buf(sb, ax, base, shown);
		sb_printf(sb, ", iov_len=%" PRIu64 "}", len);
	}
	sb_putc(sb, ']');
}

static void put_cmsg_data(struct strbuf *sb, int level, int type,
			  const unsigned char *data, size_t len)
{
	if (level == SOL_SOCKET && type == SCM_RIGHTS) {
		sb_putc(sb, '[');
		for (size_t off = 0, k = 0; off + sizeof(int) <= len; off += sizeof(int), k++) {
			int fd;
			if (k)
				sb_puts(sb, ", ");
			if (k == DECODE_ARRAY_CAP) {
				sb_puts(sb, "...");
				break;
			}
			memcpy(&fd, data + off, sizeof fd);
			sb_printf(sb, "%d", fd);
		}
		sb_putc(sb, ']');
	} else if (level == SOL_SOCKET && type == SCM_CREDENTIALS && len >= sizeof(struct ucred)) {
		struct ucred cred;
		memcpy(&cred, data, sizeof cred);
		sb_printf(sb, "{pid=%d, uid=%u, gid=%u}", (int)cred.pid, (unsigned)cred.uid,
			  (unsigned)cred.gid);
	} else {
		sb_put_quoted(sb, (const char *)data, len, DECODE_STR_CAP, 0);
	}
}

/* [{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[3]}] */
static void put_control(struct strbuf *sb, const struct arg_ctx *ax, uint64_t addr, uint64_t len)
{
	unsigned ws = decode_wordsize(ax->arch);
	size_t hdr = ws + 2 * sizeof(int);
	unsigned char buf[CONTROL_MAX];
	size_t n = len < sizeof buf ? (size_t)len : sizeof buf;
	if (decode_read_full(ax, addr, buf, n)) {
		decode_put_ptr(sb, addr);
		return;
	}
	sb_putc(sb, '[');
	size_t off = 0;
	for (unsigned k = 0; off + hdr <= n; k++) {
		if (k)
			sb_puts(sb, ", ");
		if (k == DECODE_ARRAY_CAP) {
			sb_puts(sb, "...");
			break;
		}
		uint64_t clen = abi_word(buf + off, ws);
		int level, type;
		memcpy(&level, buf + off + ws, sizeof level);
		memcpy(&type, buf + off + ws + sizeof level, sizeof type);
		sb_printf(sb, "{cmsg_len=%" PRIu64 ", cmsg_level=", clen);
		xlat_put_sock_level(sb, (uint32_t)level);
		sb_puts(sb, ", cmsg_type=");
		xlat_put_scm_type(sb, (uint32_t)level, (uint32_t)type);
		if (clen >= hdr) {
			size_t avail = n - off;
			size_t dlen = (clen < avail ? (size_t)clen : avail) - hdr;
			sb_puts(sb, ", cmsg_data=");
			put_cmsg_data(sb, level, type, buf + off + hdr, dlen);
		}
		sb_putc(sb, '}');
		if (clen < hdr || clen > n - off)
			break;
		off += (size_t)((clen + ws - 1) / ws * ws);	/* CMSG_ALIGN */
	}
	sb_putc(sb, ']');
}

int decode_msghdr_namelen(const struct arg_ctx *ax, uint64_t addr, uint32_t *namelen)
{
	addr = decode_word(ax, addr);
	return decode_read_full(ax, addr + decode_wordsize(ax->arch), namelen, sizeof *namelen);
}

void decode_put_msghdr(struct strbuf *sb, const struct arg_ctx *ax, uint64_t addr,
		       int64_t data_limit, int64_t namelen_in)
{
	struct msghdr_view m;
	addr = decode_word(ax, addr);
	if (!addr) {
		sb_puts(sb, "NULL");
		return;
	}
	if (read_msghdr(ax, addr, &m)) {
		decode_put_ptr(sb, addr);
		return;
	}
	sb_puts(sb, "{msg_name=");
	if (m.name)
		decode_put_sockaddr(sb, ax, m.name, m.namelen);
	else
		sb_puts(sb, "NULL");
	sb_puts(sb, ", msg_namelen=");
	if (namelen_in >= 0 && (uint32_t)namelen_in != m.namelen)
		sb_printf(sb, "%u => ", (uint32_t)namelen_in);	/* recvmsg changed it */
	sb_printf(sb, "%u, msg_iov=", m.namelen);
	put_iov(sb, ax, decode_word(ax, m.iov), m.iovlen, data_limit);
	sb_printf(sb, ", msg_iovlen=%" PRIu64, m.iovlen);
	if (m.controllen) {
		sb_puts(sb, ", msg_control=");
		if (m.control)
			put_control(sb, ax, decode_word(ax, m.control), m.controllen);
		else
			sb_puts(sb, "NULL");
	}
	sb_printf(sb, ", msg_controllen=%" PRIu64 ", msg_flags=", m.controllen);
	xlat_put_msg_flags(sb, (uint32_t)m.flags);
	sb_puts(sb, "}");
}
