/* e0304-write-secret - change the secret file instead of reading it.
 *
 * Attack: every call that changes a file by name: open for appending,
 * creat (which truncates), truncate, chmod, utimes, setxattr, rename, and
 * finally unlink.  The driver checks that the secret is still there,
 * unchanged, with its mode.
 * Source: janus team (DESIGN.md aliases: open/openat/openat2/creat);
 * Garfinkel 2003 (indirect paths to resources).
 * Usage: e0304-write-secret SECRET */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "escape.h"

static void write_to(const char *label, int fd)
{
	if (fd < 0) {
		esc_show_result(label, fd);
		return;
	}
	esc_show_result(label, write(fd, "PWNED\n", 6));
	close(fd);
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0304-write-secret SECRET");
	const char *s = argv[1];
	char moved[PATH_MAX + 8];
	esc_show_result("chmod 0666", chmod(s, 0666));
	write_to("open O_WRONLY|O_APPEND, write", open(s, O_WRONLY | O_APPEND | O_CLOEXEC));
	write_to("openat O_RDWR, write", openat(AT_FDCWD, s, O_RDWR | O_CLOEXEC));
	struct timeval tv[2] = { { 1, 0 }, { 1, 0 } };
	esc_show_result("utimes", utimes(s, tv));
	esc_show_result("setxattr user.escape", setxattr(s, "user.escape", "x", 1, 0));
	snprintf(moved, sizeof moved, "%s-moved", s);
	esc_show_result("rename away", rename(s, moved));
	rename(moved, s);
	esc_show_result("truncate", truncate(s, 0));
	write_to("creat, write", creat(s, 0644));
	esc_show_result("unlink", unlink(s));
	return 0;
}
