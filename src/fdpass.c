/* fdpass.c - keep descriptors from outside out of the jail (see fdpass.h). */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "fdpass.h"
#include "fdpass_recv.h"
#include "judge.h"
#include "log.h"
#include "mem.h"
#include "msghdr.h"
#include "subcall.h"

/* Newer than Debian 12's headers (Linux 6.1). */
#ifndef SO_PASSPIDFD
#define SO_PASSPIDFD 76		/* Linux 6.5 */
#endif
#ifndef SO_PEERPIDFD
#define SO_PEERPIDFD 77		/* Linux 6.5 */
#endif
#ifndef SO_PASSRIGHTS
#define SO_PASSRIGHTS 83	/* Linux 6.16 */
#endif
#ifndef PIDFD_THREAD
#define PIDFD_THREAD O_EXCL	/* Linux 6.9: a pidfd of one thread, its own fd table */
#endif

/* recvmmsg reads at most UIO_MAXIOV messages. */
#define MMSG_MAX 1024

/* A copy of descriptor fd of tid in janus, or -errno.  The pidfd names
 * the thread, not its process: a thread that unshared its descriptor
 * table has a table of its own. */
static int grab(pid_t tid, int fd)
{
	int pfd = (int)syscall(SYS_pidfd_open, tid, PIDFD_THREAD);
	if (pfd < 0)
		return -errno;
	int copy = (int)syscall(SYS_pidfd_getfd, pfd, fd, 0);
	int err = errno;
	close(pfd);
	return copy < 0 ? -err : copy;
}

/* 0: descriptor fd of tid is a socket; -ENOTSOCK: another file; -EBADF:
 * not open.  Asked of /proc first, so janus never takes a reference to
 * files that are not sockets. */
static int is_socket(pid_t tid, int fd)
{
	char path[64], target[32];
	snprintf(path, sizeof path, "/proc/%d/fd/%d", (int)tid, fd);
	ssize_t n = readlink(path, target, sizeof target - 1);
	if (n < 0)
		return errno == ENOENT ? -EBADF : -errno;
	target[n] = '\0';
	return strncmp(target, "socket:[", 8) == 0 ? 0 : -ENOTSOCK;
}

int fdpass_socket_kind(pid_t tid, int fd, int *type)
{
	int r = is_socket(tid, fd);
	if (r < 0)
		return r;
	int s = grab(tid, fd);
	if (s < 0)
		return s;
	int dom;
	socklen_t len = sizeof dom, tlen = sizeof *type;
	r = getsockopt(s, SOL_SOCKET, SO_DOMAIN, &dom, &len) < 0 ||
	    (type && getsockopt(s, SOL_SOCKET, SO_TYPE, type, &tlen) < 0) ? -errno : dom;
	close(s);
	return r;
}

int fdpass_domain(pid_t tid, int fd)
{
	return fdpass_socket_kind(tid, fd, NULL);
}

int fdpass_seal(pid_t tid, int fd)
{
	int r = is_socket(tid, fd);
	if (r < 0)
		return r == -ENOTSOCK ? 0 : r;
	int s = grab(tid, fd);
	if (s < 0)
		return s;
	int dom, off = 0;
	socklen_t len = sizeof dom;
	r = 0;
	if (getsockopt(s, SOL_SOCKET, SO_DOMAIN, &dom, &len) == 0 && dom == AF_UNIX) {
		if (setsockopt(s, SOL_SOCKET, SO_PASSRIGHTS, &off, sizeof off) < 0 ||
		    (setsockopt(s, SOL_SOCKET, SO_PASSPIDFD, &off, sizeof off) < 0 &&
		     errno != ENOPROTOOPT))
			r = -errno;
	}
	close(s);
	return r;
}

/* Seals a socket of janus's own the way it seals a tracee's: the kernel
 * has every piece (thread pidfds, pidfd_getfd, SO_PASSRIGHTS) and nothing
 * (an LSM, a seccomp filter around janus) refuses them. */
bool fdpass_kernel_seals(void)
{
	static int known = -1;
	if (known >= 0)
		return known;
	int sv[2], on = 1;
	socklen_t len = sizeof on;
	known = 0;
	/* The test suite runs the fallback on kernels that seal, too. */
	const char *test = getenv("JANUS_TEST_FDPASS_FALLBACK");
	if (test && *test)
		return known;
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0) {
		known = fdpass_seal(getpid(), sv[0]) == 0 &&
			getsockopt(sv[0], SOL_SOCKET, SO_PASSRIGHTS, &on, &len) == 0 && on == 0;
		close(sv[0]);
		close(sv[1]);
	}
	return known;
}

void fdpass_init(struct fdpass *fp, const struct policy *pol)
{
	memset(fp, 0, sizeof *fp);
	fp->active = !(policy_cmsg_allowed(pol) & POLICY_CMSG_RIGHTS);
	fp->seal = fp->active && fdpass_kernel_seals();
	if (fp->active && !fp->seal)
		debug_msg("no SO_PASSRIGHTS (Linux 6.16): recvmsg on unix sockets runs without control data");
}

bool fdpass_watched(const struct policy *pol, enum sc_id id)
{
	if (policy_cmsg_allowed(pol) & POLICY_CMSG_RIGHTS)
		return false;
	switch (id) {
	case SC_socket: case SC_socketpair: case SC_connect: case SC_bind: case SC_listen:
	case SC_setsockopt: case SC_getsockopt: case SC_pidfd_getfd: case SC_socketcall:
		return true;
	case SC_recvmsg: case SC_recvmmsg:
		return !fdpass_kernel_seals();
	default:
		return false;
	}
}

/* Sealing failed where it should not: keep going with the fallback. */
static void fall_back(struct fdpass *fp, pid_t tid, int fd, int err)
{
	fp->seal = false;
	if (!fp->warned)
		warn_msg("pid %d: cannot turn off descriptor passing on fd %d (%s): falling back to "
			 "judging recvmsg on unix sockets, where janus stops at it (not under the "
			 "seccomp prefilter of a kernel that seals)", (int)tid, fd, strerror(err));
	fp->warned = true;
}

void fdpass_start(struct fdpass *fp, pid_t pid)
{
	if (!fp->active || !fp->seal)
		return;
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/fd", (int)pid);
	DIR *d = opendir(path);
	if (!d) {
		fall_back(fp, pid, -1, errno);
		return;
	}
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		char *end;
		long fd = strtol(e->d_name, &end, 10);
		if (*end || end == e->d_name)
			continue;
		int r = fdpass_seal(pid, (int)fd);
		if (r < 0 && r != -EBADF && r != -ESRCH)
			fall_back(fp, pid, (int)fd, -r);
	}
	closedir(d);
}

static void refuse(struct verdict *v, int err, const char *check)
{
	memset(v, 0, sizeof *v);
	v->action = VERDICT_DENY;
	v->err = err;
	v->check = check;
	v->file = strcmp(check, JUDGE_KERNEL) == 0 ? "<janus>" : "<fixed>";
}

/* The call ev stands for, with its arguments (an undecoded socketcall is
 * decoded here).  SC_COUNT: none janus knows. */
static enum sc_id call_of(pid_t tid, struct sc_event *ev)
{
	if (ev->id != SC_COUNT)
		return ev->id;
	const struct sc_desc *sc = arch_syscall(ev->arch, ev->nr);
	if (!sc)
		return SC_COUNT;
	if (sc->id == SC_socketcall && subcall_decode(tid, ev) == 0 && ev->id != SC_COUNT)
		return ev->id;
	return sc->id;
}

/* connect, bind, listen, SO_PASSCRED: fd is sealed before the call runs.
 * A descriptor not open now fails the call as the kernel would now. */
static void seal_before(struct fdpass *fp, struct tracee *tr, uint64_t arg, struct verdict *v)
{
	if (!fp->seal)
		return;
	int fd = (int)(int32_t)arg;
	int r = fd < 0 ? -EBADF : fdpass_seal(tr->tid, fd);
	if (r == -EBADF)
		refuse(v, EBADF, JUDGE_KERNEL);
	else if (r < 0 && r != -ESRCH)
		fall_back(fp, tr->tid, fd, -r);
	else if (r == 0) {
		tr->seal_again = true;
		tr->seal_fd = fd;
	}
}

int fdpass_seal_again(struct tracee *tr)
{
	if (!tr->seal_again)
		return 0;
	tr->seal_again = false;
	return fdpass_seal(tr->tid, tr->seal_fd);
}

void fdpass_judge(struct fdpass *fp, struct tracee *tr, const struct sc_event *ev,
		  struct verdict *v)
{
	tr->fdpass_exit = FDPASS_EXIT_NONE;
	tr->seal_again = false;
	tr->recv_check = false;
	tr->recv_mode = RECV_AS_IS;	/* set again only if this call is rewritten */
	if (!fp->active || v->action != VERDICT_ALLOW)
		return;
	struct sc_event call = *ev;
	enum sc_id id = call_of(tr->tid, &call);
	const uint64_t *a = call.args;
	bool sol_socket = (int)(int32_t)a[1] == SOL_SOCKET;
	int opt = (int)(int32_t)a[2];
	switch (id) {
	case SC_setsockopt:
		if (sol_socket && (opt == SO_PASSRIGHTS || opt == SO_PASSPIDFD))
			refuse(v, ENOPROTOOPT, "fdpass");
		else if (sol_socket && opt == SO_PASSCRED)
			seal_before(fp, tr, a[0], v);
		break;
	case SC_getsockopt:
		if (sol_socket && opt == SO_PEERPIDFD)
			refuse(v, ENOPROTOOPT, "fdpass");
		break;
	case SC_connect: case SC_bind: case SC_listen:
		seal_before(fp, tr, a[0], v);
		break;
	case SC_socket:
		/* Other domains only when the domain is in memory (socketcall). */
		if ((int)(int32_t)a[0] == AF_UNIX || call.id != SC_COUNT)
			tr->fdpass_exit = FDPASS_EXIT_FD;
		break;
	case SC_pidfd_getfd:
		tr->fdpass_exit = FDPASS_EXIT_FD;
		break;
	case SC_socketpair:
		tr->fdpass_exit = FDPASS_EXIT_PAIR;
		tr->fdpass_arg = a[3];
		break;
	case SC_recvmsg: case SC_recvmmsg:
		/* fdpass_recv_guarded, once the descriptor is guarded. */
		tr->recv_check = !fp->seal;
		tr->recv_fd = (int)(int32_t)a[0];
		break;
	default:
		break;
	}
	if (!fp->seal)
		tr->fdpass_exit = FDPASS_EXIT_NONE;
}

int fdpass_recv_guarded(struct tracee *tr, const struct sc_event *ev, struct copy_plan *plan)
{
	tr->recv_check = false;
	struct sc_event call = *ev;
	enum sc_id id = call_of(tr->tid, &call);
	return fdpass_recv_plan(tr, &call, id, plan);
}

void fdpass_exit(struct fdpass *fp, struct tracee *tr, int64_t rval)
{
	int what = tr->fdpass_exit;
	tr->fdpass_exit = FDPASS_EXIT_NONE;
	if (what == FDPASS_EXIT_NONE || !fp->seal || rval < 0)
		return;
	int fds[2] = { (int)rval, -1 };
	if (what == FDPASS_EXIT_PAIR &&
	    mem_read(tr->tid, tr->fdpass_arg, fds, sizeof fds) != (long)sizeof fds)
		return;		/* connect and bind still seal them */
	for (int i = 0; i < 2; i++) {
		int r = fds[i] >= 0 ? fdpass_seal(tr->tid, fds[i]) : 0;
		if (r < 0 && r != -EBADF && r != -ESRCH)
			fall_back(fp, tr->tid, fds[i], -r);
	}
}
