/* e0108-toctou-unix-cwd - a relative unix socket path resolved against a
 * working directory that changes.
 *
 * Attack: connect() to the relative path "../FORBIDDEN" (FORBIDDEN without
 * its leading "/") while another thread switches the working directory
 * between a directory of the jail, where that path names a socket of the
 * program's own, and /usr, where it names the forbidden socket (a
 * listener outside the jail that counts connections).  The supervisor
 * resolves the path against the cwd it sees when it checks; the kernel
 * against the cwd of the moment.
 * Source: Garfinkel 2003, "Traps and Pitfalls" (relative paths and the
 * working directory).  Contained by janus's pinning of the socket file
 * itself, opened by its canonical path (doc/races.md, section 2).
 * Usage: e0108-toctou-unix-cwd FORBIDDEN-SOCKET   (an absolute path) */
#include <limits.h>

#include "escape.h"

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0108-toctou-unix-cwd FORBIDDEN-SOCKET");
	const char *forbidden = argv[1];
	char rel[PATH_MAX], own[PATH_MAX];
	/* From e0108/sub, "../X" is e0108/X: a socket of ours there. */
	esc_cwd_race_paths("e0108", forbidden, rel, own, sizeof rel);
	struct esc_listener l;
	esc_listener_start(&l, own);
	struct sockaddr_un sa;
	socklen_t len = esc_unix_addr(&sa, rel);
	struct esc_flipper flip;
	esc_cwd_flipper_start(&flip, "e0108");
	esc_race_connect_unix(&sa, len, forbidden);
	esc_cwd_flipper_stop(&flip);
	esc_listener_stop(&l);
	return 0;
}
