/* e0601-kill-supervisor - kill the supervisor, the jail's parent.
 *
 * Attack: the supervisor is usually the jailed program's parent: SIGKILL
 * it by every call that sends a signal (kill, tgkill, rt_sigqueueinfo,
 * pidfd_send_signal) and to the process group the program shares with it
 * (kill(0, ...)).  If it dies, nothing supervises what follows.  The
 * program then prints "done" and exits 0: the driver checks the
 * supervisor's exit status is the program's.
 * Source: DESIGN.md ("reaching outside: killing the supervisor");
 * Garfinkel 2003 ("Traps and Pitfalls": signals to the tracer).
 * Usage: e0601-kill-supervisor */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "escape.h"

int main(int argc, char **argv)
{
	(void)argv;
	esc_need_args(argc, 1, "e0601-kill-supervisor");
	pid_t p = getppid();
	printf("getppid: %d\n", (int)p);
	if (p <= 1) {
		printf("no parent to aim at\n");
		return 0;
	}
	esc_show_result("kill(parent, SIGKILL)", kill(p, SIGKILL));
	esc_show_result("tgkill(parent, parent, SIGKILL)", syscall(SYS_tgkill, p, p, SIGKILL));
	siginfo_t si;
	memset(&si, 0, sizeof si);
	si.si_signo = SIGKILL;
	si.si_code = SI_QUEUE;
	esc_show_result("rt_sigqueueinfo(parent, SIGKILL)",
			syscall(SYS_rt_sigqueueinfo, p, SIGKILL, &si));
	long pfd = syscall(SYS_pidfd_open, p, 0);
	esc_show_result("pidfd_open(parent)", pfd);
	if (pfd >= 0)
		esc_show_result("pidfd_send_signal(SIGKILL)",
				syscall(SYS_pidfd_send_signal, (int)pfd, SIGKILL, NULL, 0));
	/* The program's own group: the supervisor's too, unless it set us apart. */
	if (getpgid(0) == getpgid(p))
		esc_show_result("kill(0, SIGKILL) (the shared process group)", kill(0, SIGKILL));
	else
		printf("kill(0): not in the parent's process group\n");
	usleep(100 * 1000);
	printf("done\n");
	return 0;
}
