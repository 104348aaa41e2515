/* e0502-clone-untraced - a child the tracer never attaches to.
 *
 * Attack: clone() and clone3() with CLONE_UNTRACED make a child that a
 * tracer's PTRACE_O_TRACECLONE/FORK options do not follow: unless the
 * supervisor strips the flag, the child runs unsupervised and reads the
 * secret.
 * Source: janus team (DESIGN.md "bypassing the tracer: CLONE_UNTRACED").
 * Usage: e0502-clone-untraced SECRET */
#include <linux/sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "escape.h"

static void child_and_wait(const char *call, long pid, const char *secret)
{
	if (pid == 0) {
		esc_try_read("its child reads SECRET", secret);
		_exit(0);
	}
	esc_show_result(call, pid < 0 ? pid : 0);
	if (pid < 0)
		return;
	waitpid((pid_t)pid, NULL, 0);
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0502-clone-untraced SECRET");
	fflush(NULL);
	long pid = syscall(SYS_clone, (long)(CLONE_UNTRACED | SIGCHLD), 0L, 0L, 0L, 0L);
	child_and_wait("clone(CLONE_UNTRACED)", pid, argv[1]);

	struct clone_args ca;
	memset(&ca, 0, sizeof ca);
	ca.flags = CLONE_UNTRACED;
	ca.exit_signal = SIGCHLD;
	fflush(NULL);
	pid = syscall(SYS_clone3, &ca, sizeof ca);
	child_and_wait("clone3(CLONE_UNTRACED)", pid, argv[1]);
	return 0;
}
