/* e0602-signal-canary - signal a process outside the jail.
 *
 * Attack: SIGKILL a process that is not a member of the jail (the canary,
 * whose pid the program is given as an attacker could guess it) by every
 * route: kill, tkill, tgkill, rt_sigqueueinfo, rt_tgsigqueueinfo,
 * pidfd_open + pidfd_send_signal, kill of its process group, and joining
 * its process group with setpgid, then kill(0).
 * Source: the review in jail-syscall-review.txt (getsid/getpgid and
 * signals to processes outside the jail); DESIGN.md ("reaching outside:
 * signals").
 * Usage: e0602-signal-canary CANARY-PID */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "escape.h"

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0602-signal-canary CANARY-PID");
	pid_t c = (pid_t)esc_number(argv[1]);
	siginfo_t si;
	memset(&si, 0, sizeof si);
	si.si_signo = SIGKILL;
	si.si_code = SI_QUEUE;
	esc_show_result("getpgid(canary)", getpgid(c));
	esc_show_result("getsid(canary)", getsid(c));
	esc_show_result("kill(canary, SIGKILL)", kill(c, SIGKILL));
	esc_show_result("tkill(canary, SIGKILL)", syscall(SYS_tkill, c, SIGKILL));
	esc_show_result("tgkill(canary, canary, SIGKILL)", syscall(SYS_tgkill, c, c, SIGKILL));
	esc_show_result("rt_sigqueueinfo(canary)", syscall(SYS_rt_sigqueueinfo, c, SIGKILL, &si));
	esc_show_result("rt_tgsigqueueinfo(canary)",
			syscall(SYS_rt_tgsigqueueinfo, c, c, SIGKILL, &si));
	long pfd = syscall(SYS_pidfd_open, c, 0);
	esc_show_result("pidfd_open(canary)", pfd);
	if (pfd >= 0)
		esc_show_result("pidfd_send_signal(SIGKILL)",
				syscall(SYS_pidfd_send_signal, (int)pfd, SIGKILL, NULL, 0));
	esc_show_result("kill(-canary's group, SIGKILL)", kill(-c, SIGKILL));
	long r = setpgid(0, c);
	esc_show_result("setpgid(0, canary's group)", r);
	if (r == 0)
		esc_show_result("kill(0, SIGKILL)", kill(0, SIGKILL));
	return 0;
}
