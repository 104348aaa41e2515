/* e0608-scm-rights-recv - receive a descriptor from outside the jail.
 *
 * Attack: the jail may connect to a unix socket in its own tree; the
 * process listening there runs outside the jail (here the driver's fd
 * server) and answers with a descriptor of a file the jail may not open.
 * recvmsg() installs it in the jailed program, which reads it: no path
 * is ever checked.
 * Source: the review in jail-syscall-review.txt ("you didn't mention
 * sendmsg() and recvmsg(), but the fd-passing parts should probably be
 * restricted").
 * Usage: e0608-scm-rights-recv SERVER-SOCKET */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "escape.h"

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0608-scm-rights-recv SERVER-SOCKET");
	struct sockaddr_un sa;
	socklen_t len = esc_unix_addr(&sa, argv[1]);
	int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	long r = connect(s, (struct sockaddr *)&sa, len);
	esc_show_result("connect to the server", r);
	if (r < 0)
		return 0;
	char byte;
	struct iovec iov = { &byte, 1 };
	union {
		char buf[CMSG_SPACE(sizeof(int) * 4)];
		struct cmsghdr align;
	} u;
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
			    .msg_control = u.buf, .msg_controllen = sizeof u.buf };
	long n = recvmsg(s, &m, MSG_CMSG_CLOEXEC);
	esc_show_result("recvmsg", n);
	struct cmsghdr *cm = n > 0 ? CMSG_FIRSTHDR(&m) : NULL;
	if (cm && cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == SCM_RIGHTS) {
		int fd;
		memcpy(&fd, CMSG_DATA(cm), sizeof fd);
		esc_show_fd("the received descriptor", fd);
	} else {
		printf("no descriptor received%s\n", (m.msg_flags & MSG_CTRUNC) ? " (MSG_CTRUNC)" : "");
	}
	return 0;
}
