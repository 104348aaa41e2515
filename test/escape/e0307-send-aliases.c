/* e0307-send-aliases - reach a forbidden unix socket by every call that
 * takes a destination address.
 *
 * Attack: a checker of connect() alone misses the destination of
 * sendto(), the msg_name of sendmsg(), and each message of sendmmsg().
 * Tries, against a forbidden datagram socket and a forbidden stream
 * socket (listeners outside the jail that count what arrives): connect
 * (stream and datagram), sendto, sendmsg with msg_name, sendmmsg whose
 * second message goes elsewhere than the first, sendto on a socket
 * connected to an allowed peer, and sendto through a symbolic link.
 * Source: janus team (DESIGN.md aliases: connect vs sendto/sendmsg);
 * the review in jail-syscall-review.txt ("whether connect() and sendto()
 * should also be restricted").
 * Usage: e0307-send-aliases OWN-DGRAM-SOCKET FORBIDDEN-DGRAM FORBIDDEN-STREAM */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "escape.h"

static int dgram(void)
{
	int s = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (s < 0)
		esc_die("socket");
	return s;
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 4, "e0307-send-aliases OWN-DGRAM-SOCKET FORBIDDEN-DGRAM FORBIDDEN-STREAM");
	struct sockaddr_un own, fd_addr, fs_addr, link_addr;
	socklen_t own_len = esc_unix_addr(&own, argv[1]);
	socklen_t fd_len = esc_unix_addr(&fd_addr, argv[2]);
	socklen_t fs_len = esc_unix_addr(&fs_addr, argv[3]);
	int s;

	/* An allowed socket of our own, the innocent first message's target. */
	unlink(argv[1]);
	int mine = dgram();
	if (bind(mine, (struct sockaddr *)&own, own_len) < 0)
		esc_die("bind own socket");

	s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	esc_show_result("connect stream", connect(s, (struct sockaddr *)&fs_addr, fs_len));
	close(s);

	s = dgram();
	long r = connect(s, (struct sockaddr *)&fd_addr, fd_len);
	esc_show_result("connect dgram", r);
	if (r == 0)
		esc_show_result("send after connect", send(s, "c", 1, 0));
	close(s);

	s = dgram();
	esc_show_result("sendto", sendto(s, "t", 1, 0, (struct sockaddr *)&fd_addr, fd_len));
	close(s);

	s = dgram();
	struct iovec iov = { (void *)"m", 1 };
	struct msghdr m = { .msg_name = &fd_addr, .msg_namelen = fd_len,
			    .msg_iov = &iov, .msg_iovlen = 1 };
	esc_show_result("sendmsg msg_name", sendmsg(s, &m, 0));
	close(s);

	s = dgram();
	struct mmsghdr mm[2];
	memset(mm, 0, sizeof mm);
	mm[0].msg_hdr.msg_name = &own;
	mm[0].msg_hdr.msg_namelen = own_len;
	mm[0].msg_hdr.msg_iov = &iov;
	mm[0].msg_hdr.msg_iovlen = 1;
	mm[1].msg_hdr = m;
	esc_show_result("sendmmsg, second message elsewhere", sendmmsg(s, mm, 2, 0));
	close(s);

	s = dgram();
	if (connect(s, (struct sockaddr *)&own, own_len) == 0)
		esc_show_result("sendto another address on a connected socket",
				sendto(s, "o", 1, 0, (struct sockaddr *)&fd_addr, fd_len));
	close(s);

	unlink("e0307-link");
	if (symlink(argv[2], "e0307-link") == 0) {
		socklen_t ll = esc_unix_addr(&link_addr, "e0307-link");
		s = dgram();
		esc_show_result("sendto through a symlink",
				sendto(s, "l", 1, 0, (struct sockaddr *)&link_addr, ll));
		close(s);
	}
	close(mine);
	unlink(argv[1]);
	return 0;
}
