/* fdpass_recv.c - recvmsg without SO_PASSRIGHTS, run so that no
 * descriptor can come in (fdpass_recv.h). */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "fdpass.h"
#include "fdpass_recv.h"
#include "mem.h"
#include "msghdr.h"
#include "scratch.h"

/* Writes len bytes at addr of tid as the kernel's put_user would: a page
 * the program cannot write fails (EFAULT). */
static int put_user_bytes(pid_t tid, uint64_t addr, const void *buf, size_t len)
{
	struct iovec local = { (void *)buf, len };
	struct iovec remote = { (void *)(uintptr_t)addr, len };
	ssize_t n = process_vm_writev(tid, &local, 1, &remote, 1, 0);
	if (n < 0 && (errno == ENOSYS || errno == EPERM))
		n = scratch_write(tid, addr, buf, len) == 0 ? (ssize_t)len : -1;
	return n == (ssize_t)len ? 0 : -EFAULT;
}

/* The first buffer of m's msg_iov with room in it (or the first, when
 * none has): as the kernel's recvmsg, which skips empty ones.  At most
 * UIO_MAXIOV (1024) are looked at, the kernel's own limit (EMSGSIZE). */
static int first_buffer(pid_t tid, unsigned ws, const struct msghdr_view *m, uint64_t *base,
			uint64_t *len)
{
	if (m->iovlen > 1024)
		return -EMSGSIZE;
	for (uint64_t i = 0; i < m->iovlen; i++) {
		unsigned char iov[16];
		if (mem_read(tid, m->iov + i * 2 * ws, iov, 2 * ws) != (long)(2 * ws))
			return -EFAULT;
		if (i == 0 || !*len) {
			*base = abi_word(iov, ws);
			*len = abi_word(iov + ws, ws);
		}
		if (*len)
			break;
	}
	return 0;
}

static void call_as(struct copy_plan *plan, enum sc_id id, const uint64_t a[6])
{
	plan->call_as = id;
	plan->set_mask = 0x3f;
	for (int i = 0; i < 6; i++)
		plan->set[i] = a[i];
}

int fdpass_recv_plan(struct tracee *tr, const struct sc_event *ev, enum sc_id id,
		     struct copy_plan *plan)
{
	tr->recv_mode = RECV_AS_IS;
	int fd = (int)(int32_t)ev->args[0];
	int type = 0;
	int dom = fdpass_socket_kind(tr->tid, fd, &type);
	if (dom == -EBADF || dom == -ENOTSOCK)
		return dom;
	if (dom >= 0 && dom != AF_UNIX)
		return 0;	/* no descriptor comes through it */
	if (dom < 0 || id != SC_recvmsg)
		return -EPERM;
	unsigned ws = ev->arch->wordsize;
	uint64_t hdr = ev->args[1];
	struct msghdr_view m;
	int r = msghdr_read(mem_read_cb, (void *)(intptr_t)tr->tid, ws, hdr, &m);
	if (r < 0)
		return r;
	if (m.control && m.controllen)
		return -EPERM;
	uint64_t flags = ev->args[2] & 0xffffffffu;
	bool stream = type == SOCK_STREAM;
	bool plain = !m.name && !(flags & ~(uint64_t)MSG_CMSG_CLOEXEC);
	if (m.iovlen > 1 && stream && plain) {
		uint64_t a[6] = { ev->args[0], m.iov, m.iovlen, 0, 0, 0 };
		call_as(plan, SC_readv, a);
		tr->recv_mode = RECV_AS_READV;
	} else if (m.iovlen <= 1 || stream) {
		/* One buffer: the first that holds anything.  A stream may
		 * always return less than asked, so several buffers of a
		 * stream with a name or flags are filled as far as the first. */
		uint64_t base = 0, len = 0;
		r = first_buffer(tr->tid, ws, &m, &base, &len);
		if (r < 0)
			return r;
		uint64_t a[6] = { ev->args[0], base, len, stream ? flags : flags | MSG_TRUNC,
				  m.name, m.name ? hdr + ws : 0 };
		call_as(plan, SC_recvfrom, a);
		tr->recv_mode = stream ? RECV_AS_RECVFROM : RECV_AS_RECVFROM_DGRAM;
		tr->recv_len = len;
		tr->recv_trunc = flags & MSG_TRUNC;
	} else {
		return -EPERM;	/* a datagram over several buffers */
	}
	tr->recv_hdr = hdr;
	tr->recv_cloexec = flags & MSG_CMSG_CLOEXEC;
	return 0;
}

int64_t fdpass_recv_result(struct tracee *tr, int64_t rval)
{
	int mode = tr->recv_mode;
	tr->recv_mode = RECV_AS_IS;
	if (mode == RECV_AS_IS || rval < 0)
		return rval;
	unsigned ws = tr->arch->wordsize;
	/* The kernel starts msg_flags from these two of the call's flags. */
	int32_t msg_flags = tr->recv_cloexec ? MSG_CMSG_CLOEXEC : 0;
	if (mode == RECV_AS_RECVFROM_DGRAM && (uint64_t)rval > tr->recv_len) {
		msg_flags |= MSG_TRUNC;
		if (!tr->recv_trunc)
			rval = (int64_t)tr->recv_len;
	}
	uint64_t zero = 0;
	if (put_user_bytes(tr->tid, tr->recv_hdr + 6 * (uint64_t)ws, &msg_flags, sizeof msg_flags) < 0 ||
	    put_user_bytes(tr->tid, tr->recv_hdr + 5 * (uint64_t)ws, &zero, ws) < 0)
		return -EFAULT;
	return rval;
}
