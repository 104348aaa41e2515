/* e0308-tcp-fastopen - open a TCP connection without connect().
 *
 * Attack: sendto() and sendmsg() with MSG_FASTOPEN on an unconnected TCP
 * socket connect it to the address they carry; so does connect() after
 * TCP_FASTOPEN_CONNECT.  Under a policy that allows connect to 127.0.0.1
 * on one port only, these go to a forbidden port (a listener outside the
 * jail that counts connections).  The first sendto, to the allowed port,
 * is the control.
 * Source: janus team (DESIGN.md aliases: connect vs sendto/sendmsg).
 * Usage: e0308-tcp-fastopen ALLOWED-PORT FORBIDDEN-PORT */
#include <netinet/tcp.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "escape.h"

static int tcp(void)
{
	return socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 3, "e0308-tcp-fastopen ALLOWED-PORT FORBIDDEN-PORT");
	struct sockaddr_in ok, bad;
	esc_inet_loopback(&ok, (unsigned)esc_number(argv[1]));
	esc_inet_loopback(&bad, (unsigned)esc_number(argv[2]));
	int s;

	s = tcp();
	esc_show_result("sendto MSG_FASTOPEN, allowed port (control)",
			sendto(s, "a", 1, MSG_FASTOPEN, (struct sockaddr *)&ok, sizeof ok));
	close(s);
	s = tcp();
	esc_show_result("sendto MSG_FASTOPEN, forbidden port",
			sendto(s, "f", 1, MSG_FASTOPEN, (struct sockaddr *)&bad, sizeof bad));
	close(s);
	s = tcp();
	struct iovec iov = { (void *)"m", 1 };
	struct msghdr m = { .msg_name = &bad, .msg_namelen = sizeof bad,
			    .msg_iov = &iov, .msg_iovlen = 1 };
	esc_show_result("sendmsg MSG_FASTOPEN, forbidden port", sendmsg(s, &m, MSG_FASTOPEN));
	close(s);
	s = tcp();
	int one = 1;
	setsockopt(s, IPPROTO_TCP, TCP_FASTOPEN_CONNECT, &one, sizeof one);
	esc_show_result("connect after TCP_FASTOPEN_CONNECT, forbidden port",
			connect(s, (struct sockaddr *)&bad, sizeof bad));
	close(s);
	return 0;
}
