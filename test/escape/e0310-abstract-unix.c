/* e0310-abstract-unix - reach a unix socket that has no path.
 *
 * Attack: abstract unix sockets (a name starting with a NUL byte) live in
 * a namespace of their own, outside the file system: a checker of socket
 * paths that sees an empty string, or the name as a relative path, lets
 * it through.  Connects to a listener outside the jail (counting).
 * Source: janus team (DESIGN.md aliases: abstract unix sockets).
 * Usage: e0310-abstract-unix @NAME */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "escape.h"

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0310-abstract-unix @NAME");
	struct sockaddr_un sa;
	socklen_t len = esc_unix_addr(&sa, argv[1]);
	int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	esc_show_result("connect to the abstract name", connect(s, (struct sockaddr *)&sa, len));
	close(s);
	/* The same name, its length given as the whole structure: another
	 * abstract name to the kernel (trailing NULs count). */
	s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	esc_show_result("connect with the full sockaddr length",
			connect(s, (struct sockaddr *)&sa, sizeof sa));
	close(s);
	return 0;
}
