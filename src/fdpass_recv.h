/* fdpass_recv.h - receiving without SO_PASSRIGHTS: the fallback of
 * fdpass.h, made so that the kernel can install no descriptor whatever
 * another thread writes meanwhile (doc/races.md, section 4).
 *
 * Refusing recvmsg with a control buffer is not enough: the check reads
 * msg_controllen from the program's memory, and another thread can set
 * it after the check (escape e0612); nor can the msghdr be copied, as the
 * kernel writes msg_controllen, msg_flags and msg_namelen back into it.
 * So on a unix socket a recvmsg without control data runs as a call that
 * reads no msghdr and takes no control data at all:
 *   - several buffers of a stream socket, no name asked, no flag but
 *     MSG_CMSG_CLOEXEC: readv(fd, msg_iov, msg_iovlen);
 *   - else one buffer (the first with room; a stream may return less than
 *     asked): recvfrom(fd, buf, len, flags, msg_name, &msg_namelen),
 *     MSG_TRUNC added on a datagram socket to learn the datagram's real
 *     length;
 * and at its exit stop msg_flags (MSG_TRUNC for a truncated datagram,
 * MSG_CMSG_CLOEXEC echoed) and msg_controllen (0) are written into the
 * program's msghdr, as the kernel's recvmsg writes them.  What fits
 * neither is refused (EPERM): recvmsg with control data, a datagram over
 * several buffers, recvmmsg.  On a socket of another domain the call runs
 * as it is: no descriptor comes through it.
 * The supervisor guards the descriptor for the call first
 * (pinfd_guard_fd), so its domain cannot change under the check. */
#ifndef JANUS_FDPASS_RECV_H
#define JANUS_FDPASS_RECV_H

#include <stdint.h>

#include "copy_plan.h"
#include "policy.h"
#include "tracee.h"

/* tracee.recv_mode: what the exit stop owes a recvmsg run as another. */
enum {
	RECV_AS_IS,
	RECV_AS_RECVFROM,	/* recv_len: the buffer's length */
	RECV_AS_RECVFROM_DGRAM,	/* and MSG_TRUNC was added (recv_trunc: the
				 * program asked for it itself) */
	RECV_AS_READV,
};

/* Entry stop of an allowed recvmsg or recvmmsg of tr (ev: the call, a
 * socketcall's sub-call decoded), its descriptor guarded.  0: run it as
 * it is, or as plan now says (plan->call_as, tr->recv_*); -errno: the
 * call's result instead. */
int fdpass_recv_plan(struct tracee *tr, const struct sc_event *ev, enum sc_id id,
		     struct copy_plan *plan);
/* Exit stop of a call fdpass_recv_plan ran as another, result rval:
 * writes msg_controllen and msg_flags; returns the recvmsg's result. */
int64_t fdpass_recv_result(struct tracee *tr, int64_t rval);

#endif
