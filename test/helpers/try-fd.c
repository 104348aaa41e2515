/* try-fd.c - ioctl and fcntl operations of `try` (see try.h).
 *
 * FD: a number (default 0, standard input), "tty" (/dev/tty), "null"
 * (/dev/null) or "pipe" (the read end of a new pipe). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <linux/sockios.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <termios.h>
#include <unistd.h>

#include "try.h"

static int pipe_w = -1;		/* write end of the "pipe" FD */

static int fd_spec(const char *s)
{
	int fd, p[2];

	if (!s)
		return 0;
	if (strcmp(s, "pipe") == 0) {
		if (pipe(p) < 0)
			try_setup_fail("pipe");
		pipe_w = p[1];
		return p[0];
	}
	if (strcmp(s, "tty") == 0 || strcmp(s, "null") == 0) {
		fd = open(s[0] == 't' ? "/dev/tty" : "/dev/null", O_RDWR);
		if (fd < 0)
			try_setup_fail("open");
		return fd;
	}
	return (int)try_num(s);
}

static int do_ioctl(int fd, unsigned long req, void *arg)
{
	return TRY_RC(syscall(SYS_ioctl, fd, (long)(req | try_high), arg));
}

/* ioctl NAME [FD [TEXT]]: reads are harmless; TCSETS clears ECHO (a change
 * seen from outside); TIOCSPGRP sets the foreground group to our own;
 * TIOCSTI pushes TEXT (default "Z") into the terminal's input. */
static int op_ioctl(char **av)
{
	const char *name = av[0];
	int fd = fd_spec(av[1]);
	struct termios tio;
	struct winsize ws;
	int n = 0;
	pid_t pg;

	if (strcmp(name, "FIONREAD") == 0)
		return do_ioctl(fd, FIONREAD, &n);
	if (strcmp(name, "FIONBIO") == 0)
		return do_ioctl(fd, FIONBIO, &n);
	if (strcmp(name, "TIOCGPGRP") == 0)
		return do_ioctl(fd, TIOCGPGRP, &pg);
	if (strcmp(name, "TIOCGWINSZ") == 0)
		return do_ioctl(fd, TIOCGWINSZ, &ws);
	if (strcmp(name, "FIOCLEX") == 0)
		return do_ioctl(fd, FIOCLEX, NULL);
	if (strcmp(name, "FIONCLEX") == 0)
		return do_ioctl(fd, FIONCLEX, NULL);
	if (strcmp(name, "TCGETS") == 0)
		return do_ioctl(fd, TCGETS, &tio);
	if (strcmp(name, "TCSETS") == 0) {
		if (tcgetattr(fd, &tio) < 0)
			try_setup_fail("tcgetattr");
		tio.c_lflag &= ~(tcflag_t)ECHO;
		return do_ioctl(fd, TCSETS, &tio);
	}
	if (strcmp(name, "TIOCSPGRP") == 0) {
		pg = getpgrp();
		return do_ioctl(fd, TIOCSPGRP, &pg);
	}
	if (strcmp(name, "TIOCSTI") == 0) {
		const char *text = av[1] && av[2] ? av[2] : "Z";

		for (const char *c = text; *c; c++) {
			int err = do_ioctl(fd, TIOCSTI, (void *)c);
			if (err)
				return err;
		}
		return 0;
	}
	if (strcmp(name, "TIOCLINUX") == 0) {
		char subcode = 0;	/* no such sub-command: harmless anywhere */
		return do_ioctl(fd, TIOCLINUX, &subcode);
	}
	if (strcmp(name, "FIOSETOWN") == 0) {
		pg = getpid();
		return do_ioctl(fd, FIOSETOWN, &pg);
	}
	try_usage("unknown ioctl '%s'", name);
}

/* fcntl CMD [FD]: each command with a harmless argument. */
static int op_fcntl(char **av)
{
	static const struct { const char *name; int cmd; } cmds[] = {
		{ "F_GETFL", F_GETFL }, { "F_SETFL", F_SETFL }, { "F_GETFD", F_GETFD },
		{ "F_SETFD", F_SETFD }, { "F_DUPFD", F_DUPFD }, { "F_GETOWN", F_GETOWN },
		{ "F_SETOWN", F_SETOWN }, { "F_GETOWN_EX", F_GETOWN_EX },
		{ "F_SETOWN_EX", F_SETOWN_EX }, { "F_GETSIG", F_GETSIG }, { "F_SETSIG", F_SETSIG },
	};
	int fd = fd_spec(av[1] ? av[1] : "pipe");
	struct f_owner_ex owner = { F_OWNER_PID, getpid() };
	long arg = 0;
	size_t i;

	for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (strcmp(cmds[i].name, av[0]) == 0)
			break;
	if (i == sizeof cmds / sizeof cmds[0])
		try_usage("unknown fcntl command '%s'", av[0]);
	switch (cmds[i].cmd) {
	case F_SETFL: arg = O_NONBLOCK; break;
	case F_SETFD: arg = FD_CLOEXEC; break;
	case F_SETOWN: arg = getpid(); break;
	case F_SETSIG: arg = SIGUSR1; break;
	case F_GETOWN_EX:
	case F_SETOWN_EX: arg = (long)&owner; break;
	default: break;
	}
	return TRY_RC(syscall(SYS_fcntl, fd, try_wide(cmds[i].cmd), arg));
}

/* fcntl-sigio PID [setown|setown_ex]: make PID the owner of a pipe, turn
 * on O_ASYNC and write to it: the kernel then sends SIGIO to PID.  The
 * result is that of the owner change. */
static int op_fcntl_sigio(char **av)
{
	pid_t pid = try_target(av[0]);
	int fd = fd_spec("pipe");
	int err;

	if (av[1] && strcmp(av[1], "setown_ex") == 0) {
		struct f_owner_ex owner = { F_OWNER_PID, pid };
		err = TRY_RC(syscall(SYS_fcntl, fd, try_wide(F_SETOWN_EX), &owner));
	} else {
		err = TRY_RC(syscall(SYS_fcntl, fd, try_wide(F_SETOWN), (long)pid));
	}
	if (err)
		return err;
	if (fcntl(fd, F_SETFL, O_ASYNC) < 0)
		try_setup_fail("fcntl(F_SETFL, O_ASYNC)");
	if (write(pipe_w, "x", 1) != 1)
		try_setup_fail("write");
	return 0;
}

const struct try_op try_fd_ops[] = {
	{ "ioctl", 1, 3, op_ioctl, "NAME [FD [TEXT]] (FIONREAD FIONBIO TIOCGPGRP TIOCGWINSZ FIOCLEX FIONCLEX TCGETS TCSETS TIOCSPGRP TIOCSTI TIOCLINUX FIOSETOWN)" },
	{ "fcntl", 1, 2, op_fcntl, "CMD [FD] (default FD: a pipe)" },
	{ "fcntl-sigio", 1, 2, op_fcntl_sigio, "PID [setown|setown_ex]" },
	{ NULL, 0, 0, NULL, NULL },
};
