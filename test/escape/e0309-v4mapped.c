/* e0309-v4mapped - reach a forbidden IPv4 address as IPv6.
 *
 * Attack: an IPv6 socket reaches IPv4 hosts at their IPv4-mapped address
 * ::ffff:a.b.c.d.  Under a policy that allows connect anywhere but
 * 127.0.0.0/8, a checker that matches the IPv6 address as written lets
 * ::ffff:127.0.0.1 through to a listener on 127.0.0.1 (outside the jail,
 * counting connections).  Tries connect, sendto with MSG_FASTOPEN, and
 * the plain IPv4 connect as the control.
 * Source: janus team (DESIGN.md aliases: IPv4-mapped IPv6).
 * Usage: e0309-v4mapped PORT */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "escape.h"

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0309-v4mapped PORT");
	unsigned port = (unsigned)esc_number(argv[1]);
	struct sockaddr_in v4;
	struct sockaddr_in6 v6;
	esc_inet_loopback(&v4, port);
	memset(&v6, 0, sizeof v6);
	v6.sin6_family = AF_INET6;
	v6.sin6_port = htons((unsigned short)port);
	inet_pton(AF_INET6, "::ffff:127.0.0.1", &v6.sin6_addr);
	int s;

	s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	esc_show_result("connect 127.0.0.1 (control)", connect(s, (struct sockaddr *)&v4, sizeof v4));
	close(s);
	s = socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
	esc_show_result("connect [::ffff:127.0.0.1]", connect(s, (struct sockaddr *)&v6, sizeof v6));
	close(s);
	s = socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
	esc_show_result("sendto MSG_FASTOPEN [::ffff:127.0.0.1]",
			sendto(s, "x", 1, MSG_FASTOPEN, (struct sockaddr *)&v6, sizeof v6));
	close(s);
	v6.sin6_flowinfo = htonl(0x12345);
	s = socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
	esc_show_result("connect [::ffff:127.0.0.1] with a flow label",
			connect(s, (struct sockaddr *)&v6, sizeof v6));
	close(s);
	return 0;
}
