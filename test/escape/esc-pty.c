/* esc-pty.c - run a command on a new pseudo-terminal, then save what is
 * waiting in the terminal's input queue (see esc-tool.h).
 *
 * Only TIOCSTI (or a writer on the master, which is this process and
 * writes nothing) can put bytes in that queue, so INPUT holding bytes
 * after the command ends proves a keystroke injection from outside the
 * command.  The command's output is copied to standard output. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/wait.h>

#include "escape.h"
#include "esc-tool.h"

static void child(const char *slave_name, char **cmd)
{
	setsid();
	int s = open(slave_name, O_RDWR);	/* the session's controlling terminal */
	if (s < 0 || ioctl(s, TIOCSCTTY, 0) < 0) {
		perror("esc-tool pty: slave");
		_exit(126);
	}
	dup2(s, 0);
	dup2(s, 1);
	dup2(s, 2);
	if (s > 2)
		close(s);
	execvp(cmd[0], cmd);
	perror(cmd[0]);
	_exit(127);
}

/* Copies what the master has to stdout; false at EOF/EIO. */
static bool pump(int m, int timeout_ms)
{
	struct pollfd p = { m, POLLIN, 0 };
	if (poll(&p, 1, timeout_ms) <= 0)
		return timeout_ms != 0;
	char buf[4096];
	ssize_t n = read(m, buf, sizeof buf);
	if (n <= 0)
		return false;
	esc_write_all(1, buf, (size_t)n);
	return true;
}

int esc_cmd_pty(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: esc-tool pty INPUT CMD...\n");
		return 2;
	}
	int m = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (m < 0 || grantpt(m) < 0 || unlockpt(m) < 0)
		esc_die("posix_openpt");
	const char *name = ptsname(m);
	if (!name)
		esc_die("ptsname");
	/* Held open all along, so the queue outlives the command's session. */
	int keep = open(name, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (keep < 0)
		esc_die(name);
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		esc_die("fork");
	if (pid == 0)
		child(name, argv + 1);
	int status;
	while (waitpid(pid, &status, WNOHANG) == 0)
		pump(m, 50);
	while (pump(m, 0))
		;
	/* Non-canonical, so a partial line is readable too. */
	struct termios t;
	if (tcgetattr(keep, &t) == 0) {
		t.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
		t.c_cc[VMIN] = 0;
		t.c_cc[VTIME] = 0;
		tcsetattr(keep, TCSANOW, &t);
	}
	char in[4096];
	ssize_t n = read(keep, in, sizeof in - 1);
	in[n > 0 ? n : 0] = '\0';
	if (esc_put_file(argv[0], in) < 0)
		esc_die(argv[0]);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
