/* e0603-kill-proc-scan - kill every process one can find.
 *
 * Attack: list /proc and SIGKILL every pid there but one's own; then, as
 * /proc may be closed, try every pid from 2 up (bounded in time).  Run as
 * an unprivileged user id of its own (natively it can then only reach the
 * driver's stand-in parent and canary, of that user id too); under janus
 * the supervisor also runs as that user, so only the jail's rules stand
 * between the program and the supervisor.
 * Source: DESIGN.md ("killing the supervisor": kill of all pids found in
 * /proc); the review in jail-syscall-review.txt (processes outside).
 * Usage: e0603-kill-proc-scan */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "escape.h"

int main(int argc, char **argv)
{
	(void)argv;
	esc_need_args(argc, 1, "e0603-kill-proc-scan");
	pid_t self = getpid();
	long found = 0, killed = 0;
	DIR *d = opendir("/proc");
	if (d) {
		struct dirent *e;
		while ((e = readdir(d)))
			if (isdigit((unsigned char)e->d_name[0])) {
				pid_t p = (pid_t)atoi(e->d_name);
				found++;
				if (p > 1 && p != self && kill(p, SIGKILL) == 0)
					killed++;
			}
		closedir(d);
	} else {
		esc_show_result("opendir /proc", -1);
	}
	printf("/proc: %ld pids found, %ld killed\n", found, killed);
	long tried = 0, hit = 0, last = 0;
	long long end = esc_now_ms() + ESC_RACE_MS;
	for (pid_t p = 2; p < 4194304 && esc_now_ms() < end; p++) {
		if (p == self)
			continue;
		tried++;
		if (kill(p, SIGKILL) == 0)
			hit++;
		else
			last = errno;
	}
	printf("brute force: %ld pids tried, %ld killed, last error %s\n", tried, hit,
	       esc_errno_name((int)last));
	printf("done\n");
	return 0;
}
