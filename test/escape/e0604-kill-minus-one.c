/* e0604-kill-minus-one - kill(-1): every process the caller may signal.
 *
 * Attack: kill(-1, SIGKILL) reaches every process the caller has the
 * right to signal, the supervisor and the canary included when they run
 * as the same user.  Run as an unprivileged user id of its own, natively
 * and under a supervisor running as that user.
 * Source: DESIGN.md ("kill(-1) ... refused"); the review in
 * jail-syscall-review.txt (processes outside the jail).
 * Usage: e0604-kill-minus-one */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include "escape.h"

int main(int argc, char **argv)
{
	(void)argv;
	esc_need_args(argc, 1, "e0604-kill-minus-one");
	esc_show_result("kill(-1, SIGKILL)", kill(-1, SIGKILL));
	usleep(100 * 1000);
	printf("done\n");
	return 0;
}
