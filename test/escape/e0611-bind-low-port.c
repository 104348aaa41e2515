/* e0611-bind-low-port - listen on a privileged port.
 *
 * Attack: with root, a program can bind ports below 1024, where clients
 * trust they reach a system service.  Under a policy that allows binding
 * 127.0.0.1 without naming a port (which must not cover 1-1023), binds
 * 127.0.0.1:PORT and accepts for a while; a prober outside the jail
 * counts the connections it makes to PORT.
 * Source: the review in jail-syscall-review.txt ("with root, one can
 * bind to ports below 1024").
 * Usage: e0611-bind-low-port PORT */
#include <poll.h>
#include <stdio.h>
#include <unistd.h>

#include "escape.h"

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0611-bind-low-port PORT");
	struct sockaddr_in sa;
	esc_inet_loopback(&sa, (unsigned)esc_number(argv[1]));
	int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	esc_show_result("socket", s);
	long r = bind(s, (struct sockaddr *)&sa, sizeof sa);
	esc_show_result("bind 127.0.0.1:PORT", r);
	if (r < 0)
		return 0;
	esc_show_result("listen", listen(s, 16));
	long accepted = 0;
	long long end = esc_now_ms() + 1500;
	while (esc_now_ms() < end) {
		struct pollfd p = { s, POLLIN, 0 };
		if (poll(&p, 1, 50) > 0) {
			int c = accept(s, NULL, NULL);
			if (c >= 0) {
				accepted++;
				close(c);
			}
		}
	}
	printf("accepted %ld connections\n", accepted);
	return 0;
}
