/* fdpass.h - descriptors from outside stay outside.
 *
 * When the policy refuses SCM_RIGHTS (policy_cmsg_allowed()), no member of
 * the jail may have a descriptor installed by recvmsg/recvmmsg, whoever
 * sends it.  Filtering recvmsg cannot do that: another thread may use a
 * descriptor the instant the kernel installs it, and msg_control is in
 * memory the program can change after the check.  The refusal has to be
 * at the sender, in the kernel: Linux 6.16's SO_PASSRIGHTS, when off on a
 * unix socket, makes every sendmsg with SCM_RIGHTS to it fail (EPERM).
 * janus turns it off ("seals" the socket) from its own process
 * (pidfd_getfd, setsockopt, close; nothing runs in the tracee) on:
 *   - every unix socket the command inherits, before its execve runs;
 *   - the sockets socket, socketpair and pidfd_getfd return, at their
 *     exit stops;
 *   - the socket of connect and bind (and listen), before the call runs,
 *     and of setsockopt SO_PASSCRED (which lets a datagram socket be
 *     autobound): whatever became of the creating call's exit stop, a
 *     socket is sealed before it can be reached from outside.  A
 *     descriptor that is not open then fails the call with EBADF without
 *     running it (the kernel's answer at that instant), so a socket a
 *     racing thread creates under that number cannot slip through.
 * accept()ed sockets inherit SO_PASSRIGHTS from the listener when the
 * peer connects (Linux 6.16, "af_unix: Inherit sk_flags at connect()").
 * The program cannot turn it back on: setsockopt SO_PASSRIGHTS is refused,
 * as are SO_PASSPIDFD (SCM_PIDFD installs a pidfd of the sender) and
 * getsockopt SO_PEERPIDFD (a pidfd of the peer), all with ENOPROTOOPT, the
 * answer of a kernel without them, so programs fall back.
 *
 * SO_PASSRIGHTS is checked when a message is sent: descriptors queued on
 * an inherited socket before the command starts are delivered (they are
 * the invoker's, like inherited descriptors).
 *
 * Without SO_PASSRIGHTS (kernels before 6.16, or a socket janus could not
 * seal), the fallback runs recvmsg on unix sockets as calls that take no
 * control data, and refuses (EPERM) recvmsg with a control buffer and
 * recvmmsg there (fdpass_recv.h: tr->recv_check asks the supervisor to
 * guard the descriptor and call fdpass_recv_plan).
 *
 * The calls janus must see for this are fdpass_watched(): a prefilter
 * must trace them. */
#ifndef JANUS_FDPASS_H
#define JANUS_FDPASS_H

#include <stdbool.h>
#include <sys/types.h>

#include "copy_plan.h"
#include "policy.h"
#include "tracee.h"

/* tracee.fdpass_exit: what the exit stop seals. */
enum {
	FDPASS_EXIT_NONE,
	FDPASS_EXIT_FD,		/* the result is a new descriptor */
	FDPASS_EXIT_PAIR,	/* socketpair: two ints at tracee.fdpass_arg */
};

struct fdpass {
	bool active;		/* the policy refuses SCM_RIGHTS */
	bool seal;		/* seal sockets; false: the recvmsg fallback */
	bool warned;		/* the fallback's warning was given */
	bool told_refusal;	/* a fallback refusal was reported */
};

/* Decides from the policy and the kernel how descriptors are kept out. */
void fdpass_init(struct fdpass *fp, const struct policy *pol);
/* The calls fdpass must stop at under pol (with their exit stops). */
bool fdpass_watched(const struct policy *pol, enum sc_id id);
/* The command (pid) is at the entry stop of its first execve: seals the
 * unix sockets it inherited. */
void fdpass_start(struct fdpass *fp, pid_t pid);
/* Entry stop of tr, after the policy's verdict *v on ev (sub-calls of
 * socketcall decoded or not): refuses what would let a descriptor in,
 * seals what the call is about to make reachable, arms the exit stop. */
void fdpass_judge(struct fdpass *fp, struct tracee *tr, const struct sc_event *ev,
		  struct verdict *v);
/* A socket fdpass_judge sealed for connect, bind, listen or SO_PASSCRED
 * (tr->seal_again): another thread could have put another socket at its
 * number since (dup2 of one a third thread just made, not sealed yet);
 * once the supervisor guards the number for the call (pinfd_guard_fd),
 * sealed again, so the kernel acts on a sealed socket.  0 or -errno (the
 * call's result). */
int fdpass_seal_again(struct tracee *tr);
/* tr->recv_check: the recvmsg or recvmmsg it judged (without
 * SO_PASSRIGHTS), its descriptor tr->recv_fd now guarded for the call
 * (pinfd_guard_fd): fdpass_recv_plan on the call as fdpass_judge saw it.
 * 0 or -errno (the call's result; -EPERM: refused). */
int fdpass_recv_guarded(struct tracee *tr, const struct sc_event *ev, struct copy_plan *plan);
/* Exit stop of tr, result rval: seals the sockets the call made. */
void fdpass_exit(struct fdpass *fp, struct tracee *tr, int64_t rval);

/* Turns SO_PASSRIGHTS and SO_PASSPIDFD off on descriptor fd of task tid
 * if it is a unix socket.  Returns 0 (sealed, or not a unix socket),
 * -EBADF (not open) or -errno. */
int fdpass_seal(pid_t tid, int fd);
/* The socket domain (AF_*) of descriptor fd of tid; -ENOTSOCK for other
 * files, or -errno.  fdpass_socket_kind also gives its type (SOCK_*) in
 * *type unless type is NULL. */
int fdpass_domain(pid_t tid, int fd);
int fdpass_socket_kind(pid_t tid, int fd, int *type);
/* The kernel has SO_PASSRIGHTS and thread pidfds (what sealing needs). */
bool fdpass_kernel_seals(void);

#endif
