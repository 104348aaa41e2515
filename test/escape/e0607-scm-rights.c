/* e0607-scm-rights - pass a descriptor of the secret to another process.
 *
 * Attack: a child opens the secret and passes the descriptor over a unix
 * socket (SCM_RIGHTS); the parent reads from the descriptor it receives.
 * The descriptor, not a path, crosses the boundary.
 * Source: the review in jail-syscall-review.txt ("Beware the ability to
 * pass file descriptors across Unix domain sockets").
 * Usage: e0607-scm-rights SECRET */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "escape.h"

union cbuf {
	char buf[CMSG_SPACE(sizeof(int))];
	struct cmsghdr align;
};

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0607-scm-rights SECRET");
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
		esc_die("socketpair");
	char byte = 'f';
	struct iovec iov = { &byte, 1 };
	union cbuf u;
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
			    .msg_control = u.buf, .msg_controllen = sizeof u.buf };
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		esc_die("fork");
	if (pid == 0) {
		int fd = open(argv[1], O_RDONLY | O_CLOEXEC);
		esc_show_result("child: open SECRET", fd);
		if (fd < 0)	/* pass something: the check is on the cmsg too */
			fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
		struct cmsghdr *cm = CMSG_FIRSTHDR(&m);
		cm->cmsg_level = SOL_SOCKET;
		cm->cmsg_type = SCM_RIGHTS;
		cm->cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(cm), &fd, sizeof fd);
		esc_show_result("child: sendmsg SCM_RIGHTS", sendmsg(sv[1], &m, 0));
		_exit(0);
	}
	close(sv[1]);
	long n = recvmsg(sv[0], &m, MSG_CMSG_CLOEXEC);
	struct cmsghdr *cm = n > 0 ? CMSG_FIRSTHDR(&m) : NULL;
	if (cm && cm->cmsg_type == SCM_RIGHTS) {
		int fd;
		memcpy(&fd, CMSG_DATA(cm), sizeof fd);
		esc_show_fd("parent: the received descriptor", fd);
	} else {
		esc_show_result("parent: recvmsg, no descriptor", n < 0 ? n : 0);
	}
	waitpid(pid, NULL, 0);
	return 0;
}
